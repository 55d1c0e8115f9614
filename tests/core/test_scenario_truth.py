"""The seeded scenario generator, and the whole chain checked against its ground truth:
read -> clean -> reconstruct -> stops -> calls -> trips -> volumes."""
from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from tanker_watch.plugin.core.ais_readers import read_ais
from tanker_watch.plugin.core.calls import COUNTED_LEVELS, areas_from, detect_calls
from tanker_watch.plugin.core.cleaning import clean_positions
from tanker_watch.plugin.core.particulars import read_particulars
from tanker_watch.plugin.core.polygons import normalize_geometry
from tanker_watch.plugin.core.ports import load_gazetteer, load_terminals
from tanker_watch.plugin.core.scenario import (
    DPRK_TANKERS,
    MARINECADASTRE_COLUMNS,
    ScenarioConfig,
    demo_2024_config,
    generate,
)
from tanker_watch.plugin.core.sightings import read_sightings
from tanker_watch.plugin.core.stops import assign_ports, detect_stops
from tanker_watch.plugin.core.tracks import reconstruct
from tanker_watch.plugin.core.trips import TripFilters, prepare_region_analysis
from tanker_watch.plugin.core.volumes import Assumptions, totals, trip_volumes

SMALL = ScenarioConfig(seed=11, start="2024-03-07", end="2024-06-30", n_loading_calls=16,
                       vessels=DPRK_TANKERS[:5], dark_share=0.6, sighting_share=0.4,
                       stale_draught_share=0.35)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The small scenario written to disk and analysed like a user would."""
    scenario = generate(SMALL)
    paths = scenario.write(tmp_path_factory.mktemp("scenario"))
    read = read_ais(paths["positions"])
    positions, report = clean_positions(read.positions)
    sightings, s_issues = read_sightings(paths["sightings"])
    particulars, p_issues = read_particulars(paths["particulars"])
    assert read.issue_count == 0 and not s_issues and not p_issues
    gaz, terms = load_gazetteer(), load_terminals()
    rec = reconstruct(positions, ports=gaz)
    stops = assign_ports(detect_stops(rec.positions), gaz, terms)
    calls = detect_calls(stops, rec.dark_gaps, areas_from(gaz, terms), sightings)
    analysis = prepare_region_analysis(rec.positions, calls, rec.dark_gaps, sightings, particulars)
    region = json.loads(paths["region"].read_text())["features"][0]["geometry"]
    return {"scenario": scenario, "report": report, "analysis": analysis, "region": region,
            "calls": calls, "particulars": particulars}


def match(trips: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Truth calls paired with the trip of the same vessel overlapping them in time (or none)."""
    pairs = truth.reset_index().merge(trips.reset_index().rename(columns={"index": "trip"}),
                                      on="mmsi", suffixes=("", "_trip"))
    overlap = (pairs["arrival_trip"] <= pairs["departure"]) & (pairs["departure_trip"] >= pairs["arrival"])
    pairs = pairs[overlap]
    assert not pairs["trip"].duplicated().any(), "a trip matched two truth calls"
    return truth.assign(trip=pd.Series(pairs["trip"].to_numpy(), index=pairs["index"].to_numpy()))


def test_generator_is_seeded_and_well_formed() -> None:
    a, b = generate(SMALL), generate(SMALL)
    pd.testing.assert_frame_equal(a.positions, b.positions)
    pd.testing.assert_frame_equal(a.truth, b.truth)
    c = generate(replace(SMALL, seed=12))
    assert not a.truth["arrival"].equals(c.truth["arrival"])
    assert list(a.positions.columns) == MARINECADASTRE_COLUMNS
    assert (a.truth["role"] == "load").sum() == 16
    # the scenario exercises every branch the truth test relies on
    loads = a.truth[a.truth["role"] == "load"]
    assert set(loads["expected_level"]) == {"confirmed", "inferred", "possible"}
    assert loads["dark"].any() and loads["sighting"].any() and loads["stale_draught"].any()
    assert set(a.truth["role"]) == {"load", "discharge", "ballast_decoy", "non_tanker", "outside_decoy"}
    # sea reports every 10-30 min (median of the intervals while sailing)
    pos = a.positions[(a.positions["SOG"] > 5) & (a.positions["LAT"] < 90)]
    when = pd.to_datetime(pos["BaseDateTime"], utc=True, format="%Y-%m-%dT%H:%M:%S")
    t = when.groupby(pos["MMSI"]).diff().dt.total_seconds().dropna() / 60
    assert 10 <= t.median() <= 30


def test_demo_2024_configuration() -> None:
    s = generate(demo_2024_config())
    loads = s.truth[s.truth["role"] == "load"]
    assert len(loads) == 43
    assert loads["mmsi"].nunique() == 13
    assert loads["arrival"].min() >= pd.Timestamp("2024-03-07T00:00Z")
    assert loads["departure"].max() <= pd.Timestamp("2024-11-06T00:00Z")
    first = loads.sort_values("arrival").iloc[0]
    assert first["name"] == "PAEK YANG SAN 1" and first["arrival"].strftime("%Y-%m-%d") == "2024-03-07"
    part = s.particulars.set_index("name")
    assert part.loc["CHON MA SAN", "imo"] == "8660313" and part.loc["CHON MA SAN", "dwt"] == "3565"
    assert part.loc["YU SON", "dwt"] == ""  # unknown in FACTS §2: left for the analyst's default


def test_cleaning_removed_the_injected_noise(run) -> None:
    counts = run["report"].counts
    assert counts["lat_not_available"] > 0 and counts["exact_duplicates"] > 0 and counts["impossible_jumps"] > 0


def test_trips_levels_and_laden_states_match_truth(run) -> None:
    truth = run["scenario"].truth
    trips = run["analysis"].trips(run["region"], TripFilters(tankers_only=False))
    expected = truth[truth["in_region"]]
    m = match(trips, expected)
    # every in-region call found, nothing else found
    assert m["trip"].notna().all(), m[m["trip"].isna()]
    assert len(trips) == len(expected)
    got = trips.loc[m["trip"].astype(int)]
    assert got["level"].tolist() == m["expected_level"].tolist()
    assert got["laden_state"].tolist() == m["expected_laden_state"].tolist()

    # precision and recall of the counted (confirmed + inferred) trips of tankers
    tankers = run["analysis"].trips(run["region"])
    assert "273100003" not in set(tankers["mmsi"])  # the cargo ship is filtered out
    predicted = tankers[tankers["counted"]]
    actual = expected[expected["expected_level"].isin(COUNTED_LEVELS) & (expected["role"] != "non_tanker")]
    mt = match(predicted, actual)
    recall = mt["trip"].notna().mean()
    precision = mt["trip"].notna().sum() / max(len(predicted), 1)
    print(f"counted trips: precision {precision:.3f}, recall {recall:.3f} "
          f"({len(predicted)} predicted, {len(actual)} true)")
    assert precision >= 0.95 and recall >= 0.95


def test_decoys_are_not_trips(run) -> None:
    trips = run["analysis"].trips(run["region"], TripFilters(tankers_only=False))
    assert "273100001" not in set(trips["mmsi"])  # transit without stopping
    assert "273100004" not in set(trips["mmsi"])  # anchored just outside
    ballast = trips[trips["mmsi"] == "273100002"]
    assert ballast[["level", "laden_state", "laden_evidence"]].values.tolist() == \
        [["confirmed", "ballast", "sighting"]]
    # the outside anchorage is a call, just not in the region
    calls = run["calls"]
    assert (calls["mmsi"] == "273100004").sum() >= 1


def test_barrels_against_truth(run) -> None:
    truth = run["scenario"].truth
    trips = run["analysis"].trips(run["region"], TripFilters(start=SMALL.start, end=SMALL.end))
    vol = trip_volumes(trips, run["particulars"])
    a = Assumptions()
    # central: laden counted trips at the stated DWT (particulars, else 3,000 t assumed)
    known = {v.mmsi: v.dwt for v in SMALL.vessels}
    laden = vol[vol["counted"] & (vol["laden_state"] == "laden")]
    dwt = np.array([known.get(m) or a.default_dwt for m in laden["mmsi"]])
    assert totals(vol)["barrels_central"] == pytest.approx((dwt * 0.95 * 0.90 * 7.46).sum())
    unknown_dwt = vol["mmsi"].isin([v.mmsi for v in SMALL.vessels if v.dwt is None])
    assert unknown_dwt.any() and vol.loc[unknown_dwt, "dwt_assumed"].all()
    assert vol.loc[vol["mmsi"] == "445100002", "dwt"].eq(3565.0).all()
    # the cargo really carried on counted trips lies between the low and high estimates
    loads = truth[(truth["role"] == "load") & truth["expected_level"].isin(COUNTED_LEVELS)]
    true_bbl = float((loads["cargo_t"] * a.barrels_per_tonne).sum())
    tot = totals(vol)
    assert tot["barrels_low"] <= true_bbl <= tot["barrels_high"]


def test_region_file_is_the_vostochny_box(run) -> None:
    polys = normalize_geometry(run["region"])
    berth = (42.7475, 133.0080)
    from tanker_watch.plugin.core.polygons import points_in_polygon
    assert points_in_polygon([berth[0], 42.699], [berth[1], 133.03], polys).tolist() == [True, False]


def test_write_does_not_replace_existing_files(tmp_path) -> None:
    scenario = generate(replace(SMALL, decoys=False, noise=False, n_loading_calls=5))
    (tmp_path / "truth.csv").write_text("mine")
    with pytest.raises(FileExistsError, match="truth.csv"):
        scenario.write(tmp_path)
    assert (tmp_path / "truth.csv").read_text() == "mine"
    assert not (tmp_path / "positions.csv.gz").exists()
    paths = scenario.write(tmp_path, overwrite=True)
    assert pd.read_csv(paths["truth"])["role"].eq("load").sum() == 5
