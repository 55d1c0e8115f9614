"""match_vessels on tricky names and identities."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tanker_watch.plugin.core.sanctions import matching
from tanker_watch.plugin.core.sanctions.matching import (
    compact_key,
    match_vessels,
    normalise_name,
    romanisation_key,
)
from tanker_watch.plugin.core.sanctions.table import make_table


@pytest.fixture
def listed() -> pd.DataFrame:
    return make_table(
        [
            {"list": "OFAC SDN", "programme": "DPRK4", "listed_name": "CHON MA SAN", "imo": "8660313"},
            {
                "list": "EU 2017/1509",
                "programme": "EU-PRK Annex XIV.B",
                "listed_name": "CHON MA SAN",
                "imo": "8660313",
            },
            {
                "list": "UN 1718",
                "programme": "un_1718_vessels",
                "listed_name": "YON PUNG 3",
                "imo": "8314881",
            },
            {"list": "EU 2017/1509", "programme": "EU-PRK", "listed_name": "YU PHYONG 5", "imo": "8605026"},
            {
                "list": "EU 2017/1509",
                "programme": "EU-PRK",
                "listed_name": "PETREL 8",
                "imo": "9562233",
                "mmsi": "620233000",
            },
            {"list": "EU 2017/1509", "programme": "EU-PRK", "listed_name": "SAM JONG 1", "imo": "8405311"},
            {
                "list": "OFAC SDN",
                "programme": "IRAN",
                "listed_name": "ARTAVIL",
                "imo": "9187629",
                "mmsi": "572469210",
                "former_names": "ABADAN|SHONA|ALPHA",
            },
            {
                "list": "EU 2017/1509",
                "programme": "EU-PRK",
                "listed_name": "BILLIONS NO. 18",
                "imo": "9191773",
            },
            {
                "list": "OFAC SDN",
                "programme": "DPRK",
                "listed_name": "SAEBYOL",
                "imo": "8916293",
                "former_names": "SIN PHYONG 9",
            },
            {"list": "EU 833/2014", "programme": "EU-RUS", "listed_name": "Sun", "imo": "9293117"},
        ]
    )


def _match(listed, rows, **kw):
    vessels = pd.DataFrame(rows, columns=["mmsi", "imo", "name"])
    return match_vessels(vessels, listed, **kw)


def test_normalisation():
    assert normalise_name("M/V Chon-Ma-San ") == "CHON MA SAN"
    assert compact_key("CHON MA SAN") == compact_key("CHONMASAN") == "CHONMASAN"
    assert normalise_name("BILLIONS NO. 18") == normalise_name("Billions 18") == "BILLIONS 18"
    assert normalise_name("ARK III") == "ARK 3" and normalise_name("Ã‰TOILE@@@") != ""
    assert romanisation_key("YU PHYONG 5") == romanisation_key("YU PYONG 5")
    assert romanisation_key("SIN PHYONG 9") == romanisation_key("SHIN PYONG 9")
    assert romanisation_key("RYE SONG GANG 1") == romanisation_key("RYESONG KANG 1")
    assert romanisation_key("CHON MA SAN") == romanisation_key("JON MA SAN")


def test_imo_exact_across_lists(listed):
    r = _match(listed, [("445000001", "IMO 8660313", "CHON MA SAN")]).iloc[0]
    assert r["listed"] and r["score"] == 100 and r["match_reason"] == "IMO 8660313 exact"
    assert r["lists"] == "OFAC SDN|EU 2017/1509" and r["programmes"] == "DPRK4|EU-PRK Annex XIV.B"
    assert r["listed_name"] == "CHON MA SAN" and r["listed_imo"] == "8660313" and r["warnings"] == ""


def test_imo_match_with_other_name_warns(listed):
    r = _match(listed, [("445000001", 8660313.0, "OCEAN BREEZE")]).iloc[0]
    assert r["listed"] and "broadcast name is 'OCEAN BREEZE'" in r["warnings"]


def test_one_digit_off_imo(listed):
    r = _match(listed, [("520123456", "8814881", "A LI")]).iloc[0]
    assert not r["listed"]
    assert "IMO 8814881 differs by one digit from listed IMO 8314881 (YON PUNG 3)" in r["warnings"]
    assert "check digit" in r["warnings"]


def test_mmsi_match_and_imo_conflict(listed):
    r = _match(listed, [("620233000", "9074729", "SOMETHING")]).iloc[0]
    assert r["listed"] and r["score"] == 95 and r["match_reason"] == "MMSI 620233000 exact"
    assert "broadcast IMO 9074729 differs from listed IMO 9562233" in r["warnings"]


def test_mmsi_of_another_listed_ship(listed):
    r = _match(listed, [("572469210", "8660313", "CHON MA SAN")]).iloc[0]
    assert r["match_type"] == "imo" and "MMSI 572469210 belongs to listed ship 'ARTAVIL'" in r["warnings"]


def test_spacing_and_former_names(listed):
    res = _match(
        listed,
        [
            ("1", None, "CHONMASAN"),
            ("2", None, "shona"),
            ("3", None, "BILLIONS 18"),
            ("4", None, "SHIN PYONG 9"),
        ],
    )
    assert res["listed"].all()
    assert res.iloc[0]["match_reason"] == "name 'CHONMASAN' = listed name 'CHON MA SAN' (normalised)"
    assert res.iloc[0]["score"] == 90
    assert res.iloc[1]["match_reason"] == "name 'shona' = former name 'SHONA' (normalised)"
    assert res.iloc[3]["match_reason"].endswith("~ former name 'SIN PHYONG 9' (romanisation variant)")
    assert res.iloc[3]["score"] == 88 and res.iloc[3]["listed_imo"] == "8916293"
    assert all("name only" in w for w in res["warnings"])


@pytest.mark.skipif(not matching.RAPIDFUZZ_AVAILABLE, reason="rapidfuzz not installed")
def test_fuzzy_names(listed):
    res = _match(
        listed,
        [
            ("1", None, "YU PHONG 5"),
            ("2", None, "CHON MA SAAN"),
            ("3", None, "SAM JONG 2"),
            ("4", None, "ARTAVILL"),
            ("5", None, "COMPLETELY DIFFERENT"),
        ],
    )
    assert list(res["listed"]) == [True, True, False, True, False]
    assert res.iloc[0]["match_reason"] == "name 'YU PHONG 5' ~ listed name 'YU PHYONG 5' (similarity 93)"
    assert res.iloc[0]["score"] == round(0.85 * 93) and res.iloc[0]["match_type"] == "fuzzy"
    assert res.iloc[2]["match_reason"] == ""  # hull numbers differ: never the same ship


def test_threshold_is_the_users(listed):
    strict = _match(listed, [("1", None, "ARTAVI")], name_threshold=97)
    loose = _match(listed, [("1", None, "ARTAVI")], name_threshold=85)
    assert not strict.iloc[0]["listed"] and loose.iloc[0]["listed"]


def test_same_name_different_imo_is_not_a_match(listed):
    r = _match(listed, [("1", "9074729", "SUN")]).iloc[0]
    assert not r["listed"] and "treated as a different ship" in r["warnings"]
    r = _match(listed, [("1", None, "SUN")]).iloc[0]
    assert r["listed"] and r["match_type"] == "name"


def test_no_identity_no_match(listed):
    res = _match(listed, [(None, None, None), ("", "", "")])
    assert not res["listed"].any() and (res["score"] == 0).all()


def test_index_and_columns_preserved(listed):
    vessels = pd.DataFrame(
        {"mmsi": ["1", "2"], "imo": ["8660313", None], "name": ["X", "Y"], "names": ["X", "OLD|SHONA"]},
        index=[10, 20],
    )
    res = match_vessels(vessels, listed)
    assert list(res.index) == [10, 20] and list(res.columns) == matching.OUTPUT_COLUMNS
    assert res.loc[20, "listed"]  # matched through the older broadcast name
    assert res["score"].dtype == "int64" and res["listed"].dtype == bool


def test_missing_columns(listed):
    with pytest.raises(ValueError, match="lacks column"):
        match_vessels(pd.DataFrame({"mmsi": []}), listed)


def test_without_rapidfuzz(listed, monkeypatch):
    monkeypatch.setattr(matching, "RAPIDFUZZ_AVAILABLE", False)
    monkeypatch.setattr(matching, "_fuzz", None)
    monkeypatch.setattr(matching, "_process", None)
    res = _match(listed, [("1", None, "YU PHONG 5"), ("2", None, "CHONMASAN")])
    assert list(res["listed"]) == [False, True]
    assert res.attrs["rapidfuzz"] is False and "rapidfuzz is not installed" in res.attrs["warnings"][0]


def test_ten_thousand_vessels_against_the_snapshot():
    """~10k AIS vessels against the full bundled snapshot (its speed belongs in bench/, not here)."""
    from tanker_watch.plugin.core.sanctions import load_snapshot

    listed = load_snapshot()
    rng = np.random.default_rng(1)
    n = 10_000
    names = ["".join(rng.choice(list("ABCDEFGHIKLMNOPRSTUY "), 10)) for _ in range(n)]
    vessels = pd.DataFrame({"mmsi": [str(200000000 + i) for i in range(n)], "imo": [None] * n, "name": names})
    vessels.loc[0, ["imo", "name"]] = ["8660313", "CHON MA SAN"]
    vessels.loc[1, ["imo", "name"]] = [None, "NS LEADER"]
    res = match_vessels(vessels, listed)
    assert res.loc[0, "lists"] == "OFAC SDN|EU 2017/1509" and res.loc[1, "match_type"] == "name"


def test_imports_without_rapidfuzz():
    """The module imports and matches exact names when rapidfuzz cannot be imported."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['rapidfuzz'] = None\n"
        "import pandas as pd\n"
        "from tanker_watch.plugin.core.sanctions import matching, table\n"
        "assert not matching.RAPIDFUZZ_AVAILABLE\n"
        "listed = table.make_table([{'list': 'L', 'listed_name': 'CHON MA SAN', 'imo': '8660313'}])\n"
        "v = pd.DataFrame({'mmsi': ['1'], 'imo': [None], 'name': ['CHONMASAN']})\n"
        "r = matching.match_vessels(v, listed)\n"
        "assert bool(r['listed'].iloc[0]) and r.attrs['warnings']\n"
    )
    env_path = [p for p in sys.path if p]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": ":".join(env_path)}
    )
    assert result.returncode == 0, result.stderr
