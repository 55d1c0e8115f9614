"""IMO and MMSI normalisation: one behaviour for every reader."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tanker_watch.plugin.core.ids import (
    id_digits,
    imo_check_ok,
    imo_is_valid,
    normalise_imo,
    normalise_mmsi,
    parse_imo,
)


@pytest.mark.parametrize("value", ["IMO: 9074729", "9074729.0", 9074729, 9074729.0,
                                   "IMO9074729", "imo 9074729", " 907-4729 ", "9.074729e6"])
def test_imo_spellings(value: object) -> None:
    assert normalise_imo(value) == "9074729"
    assert parse_imo(value) == ("9074729", True)


@pytest.mark.parametrize("value", [None, "", "nan", "-0-", "0", 0, 0.0, float("nan"),
                                   "Does not exist", "9074729.5", True])
def test_imo_absent(value: object) -> None:
    assert normalise_imo(value) is None
    assert parse_imo(value) == (None, None)


def test_imo_check_digit_scalar_and_vectorised_agree() -> None:
    values = ["9074729", "9074728", "8660313", "123", None, "IMO8660313", "96368870"]
    expected = [imo_is_valid(v) for v in values]
    assert expected == [True, False, True, False, False, False, False]
    assert list(imo_check_ok(pd.Series(values))) == expected


@pytest.mark.parametrize("value", ["445000000", 445000000, 445000000.0, "4.45e8",
                                   "445000000.0", " MMSI: 445000000 ", np.int64(445000000)])
def test_mmsi_spellings(value: object) -> None:
    assert normalise_mmsi(value) == "445000000"


@pytest.mark.parametrize("value", [None, "", "1", 1, "45000001", "12345678901", 12345678901,
                                   "000000000", "44500000x", 4.45e8 + 0.5, -445000000])
def test_mmsi_rejected(value: object) -> None:
    assert normalise_mmsi(value) is None


def test_leading_zeros_kept_in_text() -> None:
    assert normalise_mmsi("002570100") == "002570100"
    assert id_digits("0042") == "0042"
    with pytest.raises(ValueError):
        id_digits("abc")
