"""Volume estimates (low/central/high), DWT sources, assumptions and the UN cap."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tanker_watch.plugin.core.volumes import (
    BBL_PER_TONNE,
    UN_CAP_REFINED_BBL,
    Assumptions,
    totals,
    trip_volumes,
    un_cap,
)


def trips(*rows: dict) -> pd.DataFrame:
    base = {"mmsi": "445100002", "imo": "8660313", "name": "CHON MA SAN", "level": "confirmed",
            "laden_state": "laden", "arrival": pd.Timestamp("2024-03-07T00:00Z"),
            "departure": pd.Timestamp("2024-03-09T00:00Z")}
    return pd.DataFrame([{**base, **r} for r in rows])


PARTICULARS = pd.DataFrame({"mmsi": ["445100002", "445100004"], "imo": ["8660313", "7389704"],
                            "name": ["CHON MA SAN", "RYE SONG GANG 1"], "flag": ["North Korea"] * 2,
                            "ship_type": [80, 80], "dwt": [3565.0, 3003.0]})


def test_central_estimate_formula_and_defaults() -> None:
    v = trip_volumes(trips({}), PARTICULARS)
    expected_t = 3565.0 * 0.95 * 0.90
    assert v.loc[0, "tonnes_central"] == pytest.approx(expected_t)
    assert v.loc[0, "barrels_central"] == pytest.approx(expected_t * 7.46)
    assert v.loc[0, "barrels_low"] == pytest.approx(3565.0 * 0.95 / 3 * 7.46)
    assert v.loc[0, "barrels_high"] == pytest.approx(3565.0 * 0.95 * 0.98 * 7.46)
    assert v.loc[0, "dwt_source"] == "particulars" and not v.loc[0, "dwt_assumed"]


def test_products_and_custom_conversion() -> None:
    gasoline = trip_volumes(trips({}), PARTICULARS, assumptions=Assumptions(product="gasoline"))
    assert gasoline.loc[0, "barrels_central"] == pytest.approx(3565.0 * 0.95 * 0.9 * 8.50)
    assert BBL_PER_TONNE["fuel_oil"] == 6.35 and BBL_PER_TONNE["crude"] == 7.33
    custom = Assumptions(product="naphtha", bbl_per_t=8.9)
    assert trip_volumes(trips({}), PARTICULARS, assumptions=custom).loc[0, "barrels_central"] == \
        pytest.approx(3565.0 * 0.95 * 0.9 * 8.9)
    with pytest.raises(ValueError, match="unknown product 'naphtha'"):
        Assumptions(product="naphtha")


def test_vessel_without_dwt_uses_sanctions_tonnage_then_the_stated_default() -> None:
    t = trips({"mmsi": "445100001", "imo": None, "name": "PAEK YANG SAN 1"},
              {"mmsi": "445100013", "imo": "8705539", "name": "KUM UN SAN 3"})
    sanctions = pd.DataFrame({"imo": ["8705539", "8705539"], "mmsi": [None, None],
                              "tonnage": [np.nan, 2070.0], "listed_name": ["KUM UN SAN 3"] * 2})
    v = trip_volumes(t, PARTICULARS, sanctions)
    assert v["dwt"].tolist() == [3000.0, 2070.0]
    assert v["dwt_source"].tolist() == ["assumed", "sanctions list"]
    assert v["dwt_assumed"].tolist() == [True, False]
    v = trip_volumes(t, None, None, Assumptions(default_dwt=1500.0))
    assert v["dwt"].tolist() == [1500.0, 1500.0] and v["dwt_assumed"].all()


def test_what_counts_in_each_scenario() -> None:
    t = trips({"laden_state": "laden"}, {"laden_state": "unknown"}, {"laden_state": "ballast"},
              {"laden_state": "laden", "level": "possible"}, {"laden_state": "laden", "level": "inferred"})
    v = trip_volumes(t, PARTICULARS)
    assert v["counted_central"].tolist() == [True, False, False, False, True]
    assert v["counted_low"].tolist() == [True, False, False, False, True]
    assert v["counted_high"].tolist() == [True, True, False, False, True]
    assert (v.loc[[2, 3], ["barrels_low", "barrels_central", "barrels_high"]] == 0).all().all()
    tot = totals(v)
    assert tot["trips_counted"] == 4 and tot["trips_possible"] == 1 and tot["trips_laden"] == 2
    assert tot["barrels_central"] == pytest.approx(2 * 3565 * 0.95 * 0.9 * 7.46)


def test_low_central_high_are_ordered_for_random_cases() -> None:
    rng = np.random.default_rng(7)
    states = np.array(["laden", "unknown", "ballast"], dtype=object)
    levels = np.array(["confirmed", "inferred", "possible"], dtype=object)
    for _ in range(200):
        n = int(rng.integers(0, 30))
        fills = np.sort(rng.uniform(0.05, 1.0, 3))
        a = Assumptions(product=str(rng.choice(list(BBL_PER_TONNE))), cargo_share=float(rng.uniform(0.5, 1.0)),
                        fill_low=float(fills[0]), fill_central=float(fills[1]), fill_high=float(fills[2]),
                        default_dwt=float(rng.uniform(500, 9000)))
        t = pd.DataFrame({"mmsi": [f"4451{i:05d}" for i in range(n)], "imo": [None] * n,
                          "level": rng.choice(levels, n), "laden_state": rng.choice(states, n),
                          "departure": pd.Timestamp("2024-05-01T00:00Z")})
        dwt = np.where(rng.random(n) < 0.5, rng.uniform(500, 9000, n), np.nan)
        part = pd.DataFrame({"mmsi": t["mmsi"], "imo": None, "dwt": dwt})
        v = trip_volumes(t, part, assumptions=a)
        assert (v["barrels_low"] <= v["barrels_central"] + 1e-9).all()
        assert (v["barrels_central"] <= v["barrels_high"] + 1e-9).all()
        tot = totals(v)
        assert tot["barrels_low"] <= tot["barrels_central"] + 1e-6 <= tot["barrels_high"] + 2e-6


def test_assumptions_validation_and_description() -> None:
    with pytest.raises(ValueError, match="fill_low <= fill_central <= fill_high"):
        Assumptions(fill_low=0.95, fill_central=0.9)
    with pytest.raises(ValueError, match="cargo_share"):
        Assumptions(cargo_share=1.5)
    with pytest.raises(ValueError, match="default_dwt"):
        Assumptions(default_dwt=0)
    text = " ".join(Assumptions().describe())
    for needle in ("7.46 barrels per tonne", "95%", "90%", "98%", "33%", "0.5 m", "3,000 dwt", "500,000"):
        assert needle in text, needle
    assert "4,000,000 barrels of crude oil" in " ".join(Assumptions(product="crude").describe())


def test_un_cap_per_year_and_cumulative_series() -> None:
    t = trips({"departure": pd.Timestamp("2024-12-30T10:00Z")}, {"departure": pd.Timestamp("2024-12-30T20:00Z")},
              {"departure": pd.Timestamp("2025-01-02T00:00Z")},
              {"departure": pd.Timestamp("2025-01-03T00:00Z"), "level": "possible"})
    v = trip_volumes(t, PARTICULARS)
    per_trip = 3565 * 0.95 * 0.9 * 7.46
    per_year, cum = un_cap(v, start="2023-06-01", end="2025-06-30")
    assert per_year["year"].tolist() == [2023, 2024, 2025]
    assert per_year["trips"].tolist() == [0, 2, 1]
    assert per_year["barrels_central"].tolist() == pytest.approx([0, 2 * per_trip, per_trip])
    assert per_year["share_central"].tolist() == pytest.approx([0, 2 * per_trip / UN_CAP_REFINED_BBL,
                                                                per_trip / UN_CAP_REFINED_BBL])
    assert cum["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-12-30", "2025-01-02", "2025-01-03"]
    # cumulative restarts with the calendar year; the possible trip adds nothing
    assert cum["cumulative_central"].tolist() == pytest.approx([2 * per_trip, per_trip, per_trip])
    assert (cum["cumulative_low"] <= cum["cumulative_central"]).all()
    assert (cum["cumulative_central"] <= cum["cumulative_high"]).all()


def test_un_cap_without_trips() -> None:
    v = trip_volumes(trips({}).iloc[0:0], PARTICULARS)
    per_year, cum = un_cap(v, start="2024-01-01", end="2024-12-31")
    assert per_year["year"].tolist() == [2024] and per_year["barrels_central"].tolist() == [0]
    assert cum.empty
