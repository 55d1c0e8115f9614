"""Trips into a region: visits, holes, period boundary, filters, laden state, speed."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tanker_watch.plugin.core.calls import areas_from, detect_calls
from tanker_watch.plugin.core.ports import load_gazetteer, load_terminals
from tanker_watch.plugin.core.schema import POSITION_DTYPES, SIGHTING_DTYPES, conform
from tanker_watch.plugin.core.stops import assign_ports, detect_stops
from tanker_watch.plugin.core.tracks import reconstruct
from tanker_watch.plugin.core.trips import (
    NO_FILTERS,
    TRIP_COLUMNS,
    TripFilters,
    attach_particulars,
    laden_state,
    trips_in_region,
)

T0 = pd.Timestamp("2024-03-07T00:00:00Z")
BERTH = (42.748, 133.010)
ANCHORAGE = (42.778, 133.005)
SEA = (42.40, 133.10)
REGION = {"type": "Polygon", "coordinates": [[[132.9692, 42.7135], [133.0746, 42.7135], [133.0746, 42.799],
                                              [132.9692, 42.799], [132.9692, 42.7135]]]}


def sail(h0: float, h1: float, a, b, draught: float, step: float = 0.25) -> list:
    hs = np.arange(h0, h1, step)
    f = (hs - h0) / (h1 - h0)
    return [(h, a[0] + x * (b[0] - a[0]), a[1] + x * (b[1] - a[1]), 9.0, draught) for h, x in zip(hs, f)]


def stay(h0: float, h1: float, place, draught: float, step: float = 0.5) -> list:
    return [(h, place[0], place[1], 0.1, draught) for h in np.arange(h0, h1 + 1e-9, step)]


def track(points: list, mmsi: str = "445100002", ship_type: int = 80, name: str = "CHON MA SAN",
          imo: str = "8660313") -> pd.DataFrame:
    rows = [{"mmsi": mmsi, "time": T0 + pd.Timedelta(hours=h), "lat": la, "lon": lo, "sog": s, "draught": d,
             "imo": imo, "name": name, "ship_type": ship_type} for h, la, lo, s, d in points]
    return pd.DataFrame(rows)


def analyse(*tracks: pd.DataFrame, region=REGION, filters: TripFilters = NO_FILTERS,
            particulars=None, sightings=None, use_ports: bool = True) -> pd.DataFrame:
    pos = conform(pd.concat(tracks, ignore_index=True), POSITION_DTYPES)
    pos = pos.sort_values(["mmsi", "time"], kind="mergesort").reset_index(drop=True)
    gaz, terms = load_gazetteer(), load_terminals()
    rec = reconstruct(pos, ports=gaz)
    stops = assign_ports(detect_stops(rec.positions), gaz, terms)
    areas = areas_from(gaz, terms) if use_ports else []
    calls = detect_calls(stops, rec.dark_gaps, areas, sightings)
    return trips_in_region(rec.positions, calls, region, rec.dark_gaps, sightings, particulars, filters)


def test_two_stops_in_one_visit_are_one_trip() -> None:
    pts = (sail(0, 10, SEA, ANCHORAGE, 3.6) + stay(10, 20, ANCHORAGE, 3.6) + sail(20.5, 21.5, ANCHORAGE, BERTH, 3.6)
           + stay(21.5, 40, BERTH, 3.6) + stay(40.5, 42, BERTH, 5.8) + sail(42.5, 52, BERTH, SEA, 5.8))
    trips = analyse(track(pts))
    assert list(trips.columns) == TRIP_COLUMNS
    assert len(trips) == 1
    trip = trips.iloc[0]
    assert trip["n_calls"] == 2 and trip["level"] == "confirmed" and bool(trip["counted"])
    assert trip["arrival"] == T0 + pd.Timedelta(hours=10)
    assert trip["departure"] == T0 + pd.Timedelta(hours=42)
    assert trip["laden_state"] == "laden" and trip["laden_evidence"] == "draught"
    assert trip["draught_change_m"] == pytest.approx(2.2)
    assert "Vostochny oil berths (Wrangel Bay)" in trip["ports"]


def test_leaving_the_region_between_calls_makes_two_trips() -> None:
    pts = (sail(0, 10, SEA, BERTH, 3.6) + stay(10, 20, BERTH, 3.6) + sail(20.5, 30, BERTH, SEA, 3.6)
           + sail(30.5, 40, SEA, BERTH, 3.6) + stay(40, 48, BERTH, 3.6) + stay(48.5, 50, BERTH, 5.8)
           + sail(50.5, 60, BERTH, SEA, 5.8))
    trips = analyse(track(pts))
    assert len(trips) == 2
    assert trips["laden_state"].tolist() == ["unknown", "laden"]  # 3.6 -> 3.6 is not "ballast"


def test_transit_and_anchoring_just_outside_are_not_trips() -> None:
    transit = sail(0, 12, (42.80, 132.90), (42.60, 133.30), 5.0)
    outside = sail(0, 8, SEA, (42.699, 133.03), 4.0) + stay(8, 30, (42.699, 133.03), 4.0) \
        + sail(30.5, 38, (42.699, 133.03), SEA, 4.0)
    trips = analyse(track(transit, mmsi="273100001", name="T", imo=""),
                    track(outside, mmsi="273100004", name="W", imo=""))
    assert trips.empty


def test_region_with_a_hole() -> None:
    hole = [[133.00, 42.74], [133.02, 42.74], [133.02, 42.756], [133.00, 42.756], [133.00, 42.74]]
    holed = {"type": "Polygon", "coordinates": REGION["coordinates"] + [hole]}
    in_hole = sail(0, 10, SEA, BERTH, 3.6) + stay(10, 20, BERTH, 3.6) + sail(20.5, 30, BERTH, SEA, 3.6)
    in_ring = sail(0, 10, SEA, ANCHORAGE, 3.6) + stay(10, 20, ANCHORAGE, 3.6) + sail(20.5, 30, ANCHORAGE, SEA, 3.6)
    trips = analyse(track(in_hole, mmsi="445100001", name="A", imo=""),
                    track(in_ring, mmsi="445100002", name="B", imo=""), region=holed)
    assert trips["mmsi"].tolist() == ["445100002"]
    # the same data without the hole: both
    assert len(analyse(track(in_hole, mmsi="445100001", name="A", imo=""),
                       track(in_ring, mmsi="445100002", name="B", imo=""))) == 2


def test_multipolygon_region_and_wkt() -> None:
    pts = sail(0, 10, SEA, BERTH, 3.6) + stay(10, 20, BERTH, 3.6) + sail(20.5, 30, BERTH, SEA, 3.6)
    wkt = ("MULTIPOLYGON (((130 41, 130.5 41, 130.5 41.5, 130 41.5, 130 41)), "
           "((132.99 42.74, 133.03 42.74, 133.03 42.76, 132.99 42.76, 132.99 42.74)))")
    assert len(analyse(track(pts), region=wkt)) == 1


def test_visit_spanning_the_period_boundary_counts() -> None:
    # call from hour 10 to 30; the period starts at hour 20
    pts = sail(0, 10, SEA, BERTH, 3.6) + stay(10, 30, BERTH, 3.6) + sail(30.5, 40, BERTH, SEA, 3.6)
    later = [(h + 200, la, lo, s, d) for h, la, lo, s, d in pts]
    tr = track(pts + later)

    def counted(filters: TripFilters) -> pd.DataFrame:
        trips = analyse(tr, filters=filters)
        # the 160 h AIS gap 40 km off the region between the visits is a possible (uncounted) trip
        assert trips.loc[~trips["counted"], "level"].tolist() in ([], ["possible"])
        return trips[trips["counted"]].reset_index(drop=True)

    trips = counted(TripFilters(start=T0 + pd.Timedelta(hours=20)))
    assert trips["arrival"].tolist() == [T0 + pd.Timedelta(hours=10), T0 + pd.Timedelta(hours=210)]
    # the first visit ended before this period: only the later one
    trips = counted(TripFilters(start=T0 + pd.Timedelta(hours=31)))
    assert trips["arrival"].tolist() == [T0 + pd.Timedelta(hours=210)]
    # and a period ending (naive = UTC) while the vessel sits at the berth keeps the first one only
    trips = counted(TripFilters(start=T0, end=(T0 + pd.Timedelta(hours=25)).tz_localize(None)))
    assert len(trips) == 1 and trips.loc[0, "departure"] == T0 + pd.Timedelta(hours=30)


def test_dark_visit_to_a_region_away_from_any_port() -> None:
    # a region in open water; the tanker goes dark 20 km from it for 30 h and reappears
    region = {"type": "Polygon", "coordinates": [[[134.0, 41.0], [134.1, 41.0], [134.1, 41.1],
                                                  [134.0, 41.1], [134.0, 41.0]]]}
    a, b = (40.85, 134.05), (40.70, 134.05)
    pts = sail(0, 5, b, a, 3.6) + sail(35, 40, a, b, 3.6)
    trips = analyse(track(pts), region=region, use_ports=False)
    assert trips[["level", "evidence", "laden_state"]].values.tolist() == [["possible", "dark_gap", "unknown"]]
    assert not trips.loc[0, "counted"]
    pts = sail(0, 5, b, a, 3.6) + sail(35, 40, a, b, 5.2)
    trips = analyse(track(pts), region=region, use_ports=False)
    assert trips[["level", "laden_state"]].values.tolist() == [["inferred", "laden"]]
    assert trips.loc[0, "counted"]


def test_sighting_decides_laden_state_when_draught_is_stale() -> None:
    pts = sail(0, 10, SEA, BERTH, 4.5) + stay(10, 30, BERTH, 4.5) + sail(30.5, 40, BERTH, SEA, 4.5)
    seen = conform(pd.DataFrame([{"time": T0 + pd.Timedelta(hours=33), "lat": 42.6, "lon": 133.05,
                                  "imo": None, "mmsi": "445100002", "name": None, "state": "laden",
                                  "source": "t"}]), SIGHTING_DTYPES)
    trips = analyse(track(pts), sightings=seen)
    assert trips[["laden_state", "laden_evidence", "sighting_state"]].values.tolist() == \
        [["laden", "sighting", "laden"]]
    # a sighting two days after departure is too late to say anything
    seen["time"] = T0 + pd.Timedelta(hours=80)
    assert analyse(track(pts), sightings=seen)["laden_state"].tolist() == ["unknown"]


def test_laden_state_rules() -> None:
    d_in = np.array([3.0, 5.0, 4.0, 4.0, 4.0, np.nan, 4.0])
    d_out = np.array([3.5, 4.5, 4.4, 4.0, 4.0, 5.0, 6.0])
    sight = np.array([None, None, None, "laden", "ballast", "ballast", "ballast"], dtype=object)
    state, ev = laden_state(d_in, d_out, sight, 0.5)
    assert state.tolist() == ["laden", "ballast", "unknown", "laden", "ballast", "ballast", "laden"]
    assert ev.tolist() == ["draught", "draught", "none", "sighting", "sighting", "sighting", "draught"]


def test_filters() -> None:
    pts = sail(0, 10, SEA, BERTH, 3.6) + stay(10, 20, BERTH, 3.6) + sail(20.5, 30, BERTH, SEA, 3.6)
    tanker = track(pts, mmsi="445100002", name="CHON MA SAN", imo="8660313")
    cargo = track(pts, mmsi="273100003", name="BOX CARRIER", imo="", ship_type=70)
    untyped = track(pts, mmsi="273100005", name="QUIET ONE", imo="", ship_type=0)
    particulars = pd.DataFrame({"mmsi": ["273100005", None], "imo": [None, "8660313"],
                                "name": ["QUIET ONE", "CHON MA SAN"], "flag": ["Russia", "North Korea"],
                                "ship_type": ["Oil/chemical tanker", None], "dwt": [None, 3565.0]})
    everything = analyse(tanker, cargo, untyped, particulars=particulars, filters=TripFilters(tankers_only=False))
    assert sorted(everything["mmsi"]) == ["273100003", "273100005", "445100002"]
    tankers = analyse(tanker, cargo, untyped, particulars=particulars)
    assert sorted(tankers["mmsi"]) == ["273100005", "445100002"]
    listed = analyse(tanker, cargo, untyped, particulars=particulars,
                     filters=TripFilters(sanctioned={"8660313"}))
    assert listed["mmsi"].tolist() == ["445100002"] and listed["sanctioned"].tolist() == [True]
    assert analyse(tanker, untyped, particulars=particulars,
                   filters=TripFilters(flags=["north korea"]))["mmsi"].tolist() == ["445100002"]
    assert analyse(tanker, untyped, filters=TripFilters(flags=["445"], tankers_only=False))["mmsi"].tolist() == \
        ["445100002"]
    assert analyse(tanker, untyped, particulars=particulars,
                   filters=TripFilters(vessels=["quiet one"]))["mmsi"].tolist() == ["273100005"]
    # names compare as sanctions-matching keys: the "MT" prefix and spacing do not matter
    assert analyse(tanker, untyped, particulars=particulars,
                   filters=TripFilters(vessels=["MT Quiet-One"]))["mmsi"].tolist() == ["273100005"]
    assert tankers.set_index("mmsi").loc["445100002", "flag"] == "North Korea"


def test_attach_particulars_prefers_imo_over_mmsi() -> None:
    frame = pd.DataFrame({"mmsi": ["445100002", "445100003", "445100004"], "imo": ["8660313", None, "1234567"]})
    particulars = pd.DataFrame({"mmsi": ["445100002", "445100003", None], "imo": [None, None, "8660313"],
                                "name": ["x", "y", "z"], "flag": ["A", "B", "C"], "ship_type": [80, 80, 80],
                                "dwt": [1000.0, 2000.0, 3565.0]})
    out = attach_particulars(frame, particulars)
    assert out["dwt"].tolist()[:2] == [3565.0, 2000.0] and np.isnan(out["dwt"].iloc[2])
    assert out["flag"].tolist() == ["C", "B", None]


def test_no_calls_or_no_positions_give_an_empty_trips_frame() -> None:
    pos = conform(track(stay(0, 1, BERTH, 4.0)), POSITION_DTYPES)
    calls = detect_calls(None, None, [])
    trips = trips_in_region(pos, calls, REGION)
    assert trips.empty and list(trips.columns) == TRIP_COLUMNS
    trips = trips_in_region(pos.iloc[0:0], calls, REGION)
    assert trips.empty and list(trips.columns) == TRIP_COLUMNS
