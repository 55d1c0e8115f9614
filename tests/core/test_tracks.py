"""Track reconstruction: segments, dark gaps, identity, ordering, antimeridian, real tracks."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from tanker_watch.plugin.core.geo import haversine_m
from tanker_watch.plugin.core.schema import POSITION_DTYPES, conform, empty_positions
from tanker_watch.plugin.core.tracks import (
    DARK_GAP_COLUMNS,
    SEGMENT_COLUMNS,
    gap_coordinates,
    next_valid_index,
    prev_valid_index,
    ranges,
    reconstruct,
    track_coordinates,
)

T0 = pd.Timestamp("2024-03-07T00:00:00Z")
H = pd.Timedelta(hours=1)


def frame(rows: list[dict]) -> pd.DataFrame:
    """Canonical positions from dicts with keys mmsi, h (hours after T0), lat, lon, ..."""
    data = pd.DataFrame(rows)
    data["time"] = T0 + data.pop("h") * H
    return conform(data, POSITION_DTYPES)


def track(mmsi: str, hours: list[float], lat: float = 42.0, lon: float = 132.0, **extra) -> list[dict]:
    return [{"mmsi": mmsi, "h": h, "lat": lat + 0.01 * i, "lon": lon, **extra} for i, h in enumerate(hours)]


# ------------------------------------------------------------------ segments

def test_gap_exactly_at_segment_threshold_does_not_split():
    pos = frame(track("273000001", [0, 6, 12]))
    rec = reconstruct(pos, segment_gap_h=6.0)
    assert rec.segment_id.tolist() == [0, 0, 0]
    assert len(rec.segments) == 1 and rec.segments["n_points"].tolist() == [3]


def test_gap_just_above_segment_threshold_splits():
    pos = frame(track("273000001", [0, 6 + 1 / 3600, 7, 20]))
    assert reconstruct(pos, segment_gap_h=6.0).segment_id.tolist() == [0, 1, 1, 2]
    segs = reconstruct(pos, segment_gap_h=6.0).segments
    assert segs["first_row"].tolist() == [0, 1, 3]
    assert segs["last_row"].tolist() == [0, 2, 3]
    assert segs["n_points"].tolist() == [1, 2, 1]
    assert segs["start_time"].tolist() == [T0, T0 + (6 + 1 / 3600) * H, T0 + 20 * H]
    assert segs["end_time"].tolist()[1] == T0 + 7 * H
    # a larger threshold keeps the 6 h gap, still splits the 13 h one
    assert reconstruct(pos, segment_gap_h=8.0).segment_id.tolist() == [0, 0, 0, 1]


def test_single_point_vessels_are_one_point_segments():
    pos = frame(track("273000001", [0]) + track("445000002", [1, 2]) + track("445000003", [5]))
    rec = reconstruct(pos)
    segs = rec.segments
    assert segs["mmsi"].astype(str).tolist() == ["273000001", "445000002", "445000003"]
    assert segs["n_points"].tolist() == [1, 2, 1]
    assert segs["length_km"].tolist()[0] == 0.0 and segs["length_km"].tolist()[2] == 0.0
    assert (segs["first_row"] == segs["last_row"]).tolist() == [True, False, True]
    coords = rec.track_coordinates()
    assert [c.shape for c in coords] == [(1, 2), (2, 2), (1, 2)]
    assert len(rec.dark_gaps) == 0


def test_segment_length_is_sum_of_steps():
    rows = [{"mmsi": "273000001", "h": 0, "lat": 42.0, "lon": 132.0},
            {"mmsi": "273000001", "h": 1, "lat": 42.1, "lon": 132.0},
            {"mmsi": "273000001", "h": 2, "lat": 42.1, "lon": 132.2}]
    segs = reconstruct(frame(rows)).segments
    expected = (haversine_m(42.0, 132.0, 42.1, 132.0) + haversine_m(42.1, 132.0, 42.1, 132.2)) / 1000
    assert segs["length_km"].iloc[0] == pytest.approx(expected, rel=1e-12)


def test_interleaved_unsorted_vessels_are_sorted_and_input_untouched():
    a = track("445000001", [0, 1, 10], lat=40.0)
    b = track("273000002", [0.5, 1.5, 30], lat=41.0)
    interleaved = [a[0], b[0], a[1], b[1], a[2], b[2]]
    pos = frame(interleaved)
    before = pos.copy()
    rec = reconstruct(pos, segment_gap_h=6.0)
    pd.testing.assert_frame_equal(pos, before)          # caller's frame not modified
    assert "segment_id" not in pos.columns
    assert rec.was_sorted is False
    # the returned positions are grouped by vessel and time-ordered; bounds refer to them
    mm = rec.positions["mmsi"].astype(str).tolist()
    assert mm[:3] == [mm[0]] * 3 and mm[3:] == [mm[3]] * 3
    for seg in rec.segments.itertuples():
        rows = rec.positions.iloc[seg.first_row:seg.last_row + 1]
        assert (rows["mmsi"].astype(str) == str(seg.mmsi)).all()
        assert rows["time"].is_monotonic_increasing
        assert rows["time"].iloc[0] == seg.start_time and rows["time"].iloc[-1] == seg.end_time
    assert sorted(rec.segments["n_points"].tolist()) == [1, 1, 2, 2]
    assert rec.segment_id.dtype == np.int32
    assert rec.segment_id.tolist() == np.repeat(rec.segments["segment_id"], rec.segments["n_points"]).tolist()
    # the same result as from input that is sorted already
    sorted_rec = reconstruct(rec.positions.reset_index(drop=True), segment_gap_h=6.0)
    assert sorted_rec.was_sorted is True
    pd.testing.assert_frame_equal(sorted_rec.segments, rec.segments)
    pd.testing.assert_frame_equal(sorted_rec.dark_gaps, rec.dark_gaps)


def test_segments_of_unsorted_input_follow_each_vessel():
    a = track("445000001", [0, 1, 10])
    b = track("273000002", [0.5, 1.5])
    pos = frame([a[2], b[1], a[0], b[0], a[1]])
    rec = reconstruct(pos, segment_gap_h=6.0)
    out = rec.positions
    by_row = dict(zip(zip(out["mmsi"].astype(str), out["time"]), rec.segment_id))
    assert by_row[("445000001", T0)] == by_row[("445000001", T0 + H)]
    assert by_row[("445000001", T0 + 10 * H)] != by_row[("445000001", T0)]
    assert by_row[("273000002", T0 + 0.5 * H)] == by_row[("273000002", T0 + 1.5 * H)]
    assert len(set(rec.segment_id.tolist())) == 3


def test_vessel_blocks_split_apart_are_detected_as_unsorted():
    # each block is time-ordered, but vessel 1 appears in two separate blocks
    pos = frame(track("273000001", [0, 1]) + track("273000002", [0]) + track("273000001", [2]))
    rec = reconstruct(pos)
    assert rec.was_sorted is False
    assert rec.segments["n_points"].tolist() == [3, 1]


# ------------------------------------------------------------------ identity

def test_identity_is_latest_known_value_on_every_row():
    rows = track("273000001", [0, 1, 20, 21])
    rows[0].update(name="OLD NAME", imo="8660313", ship_type=80)
    rows[1].update(name="OLD NAME", ship_type=80)
    rows[2].update(name="NEW NAME")
    rows[3].update(ship_type=84)                   # name missing on the very last report
    rec = reconstruct(frame(rows), segment_gap_h=6.0, dark_gap_h=12.0)
    for out in (rec.segments, rec.dark_gaps):
        assert out["name"].astype(str).unique().tolist() == ["NEW NAME"]
        assert out["imo"].astype(str).unique().tolist() == ["8660313"]
        assert out["ship_type"].unique().tolist() == [84]
    assert len(rec.segments) == 2 and len(rec.dark_gaps) == 1
    assert rec.segments["ship_type"].dtype == "Int16"


# ------------------------------------------------------------------ dark gaps

def test_dark_gap_exactly_at_threshold_is_included_and_just_below_is_not():
    # silences: exactly 12 h, then 12 h minus one second
    pos = frame(track("273000001", [0, 12, 24 - 1 / 3600]))
    gaps = reconstruct(pos, dark_gap_h=12.0).dark_gaps
    assert gaps["duration_h"].tolist() == pytest.approx([12.0])
    assert gaps["start_time"].tolist() == [T0]
    # the same 12 h gap also splits segments only when the segment threshold is below 12 h
    assert len(reconstruct(pos, segment_gap_h=12.0, dark_gap_h=12.0).segments) == 1


def test_dark_gap_fields_and_nearest_ports():
    ports = pd.DataFrame({
        "port_id": ["60725", "60500", "60280"],
        "name": ["Vostochnyy", "Ch'ongjin", "Nampo"],
        "country": ["RU", "KP", "KP"], "locode": ["RUVYP", "KPCHO", "KPNAM"],
        "lat": [42.75, 41.7667, 38.7167], "lon": [133.0833, 129.8167, 125.4],
    })
    rows = [
        # tanker leaves Vostochny ballast, goes dark 30 h, reappears off Ch'ongjin laden
        {"mmsi": "445000001", "h": 0, "lat": 42.70, "lon": 133.05, "draught": 3.2},
        {"mmsi": "445000001", "h": 1, "lat": 42.65, "lon": 132.90},                   # no draught
        {"mmsi": "445000001", "h": 31, "lat": 41.80, "lon": 129.90},                  # no draught
        {"mmsi": "445000001", "h": 32, "lat": 41.78, "lon": 129.85, "draught": 5.9},
        # another vessel, dark far from any port, never reports draught
        {"mmsi": "273000002", "h": 0, "lat": 30.0, "lon": 140.0},
        {"mmsi": "273000002", "h": 24, "lat": 31.0, "lon": 140.0},
    ]
    rec = reconstruct(frame(rows), dark_gap_h=12.0, ports=ports, near_port_km=50.0)
    gaps = rec.dark_gaps.set_index(rec.dark_gaps["mmsi"].astype(str))
    assert list(rec.dark_gaps.columns) == DARK_GAP_COLUMNS
    g = gaps.loc["445000001"]
    assert g["duration_h"] == pytest.approx(30.0)
    dist = haversine_m(42.65, 132.90, 41.80, 129.90) / 1000
    assert g["distance_km"] == pytest.approx(dist)
    assert g["implied_speed_kn"] == pytest.approx(dist / 1.852 / 30.0)
    assert (g["start_lat"], g["start_lon"], g["end_lat"], g["end_lon"]) == (42.65, 132.90, 41.80, 129.90)
    assert g["draught_before"] == pytest.approx(3.2) and g["draught_after"] == pytest.approx(5.9)
    assert g["start_port"] == "Vostochnyy" and g["start_port_id"] == "60725"
    assert g["end_port"] == "Ch'ongjin" and g["end_port_id"] == "60500"
    assert g["start_port_km"] == pytest.approx(haversine_m(42.65, 132.90, 42.75, 133.0833) / 1000)
    assert g["end_port_km"] == pytest.approx(haversine_m(41.80, 129.90, 41.7667, 129.8167) / 1000)
    assert bool(g["near_port"]) is True
    far = gaps.loc["273000002"]
    assert np.isnan(far["draught_before"]) and np.isnan(far["draught_after"])
    assert far["start_port_km"] > 50 and far["end_port_km"] > 50 and bool(far["near_port"]) is False
    assert rec.dark_gaps["near_port"].dtype == "boolean"


def test_draught_is_not_borrowed_from_another_vessel():
    rows = (track("273000001", [0, 1], draught=7.0)
            + [{"mmsi": "273000002", "h": 0, "lat": 1.0, "lon": 1.0},
               {"mmsi": "273000002", "h": 20, "lat": 1.1, "lon": 1.0}]
            + track("273000003", [0], draught=2.0))
    gap = reconstruct(frame(rows)).dark_gaps
    assert len(gap) == 1 and gap["mmsi"].astype(str).tolist() == ["273000002"]
    assert np.isnan(gap["draught_before"].iloc[0]) and np.isnan(gap["draught_after"].iloc[0])


def test_without_ports_port_fields_are_missing():
    gaps = reconstruct(frame(track("273000001", [0, 13]))).dark_gaps
    assert gaps["start_port"].tolist() == [None] and gaps["end_port_id"].tolist() == [None]
    assert np.isnan(gaps["start_port_km"].iloc[0]) and np.isnan(gaps["end_port_km"].iloc[0])
    assert gaps["near_port"].isna().all()


def test_ports_frame_checked():
    with pytest.raises(ValueError, match="ports frame lacks.*name"):
        reconstruct(frame(track("273000001", [0, 13])), ports=pd.DataFrame({"lat": [1.0], "lon": [1.0]}))
    empty_ports = pd.DataFrame({"name": [], "lat": [], "lon": []})
    gaps = reconstruct(frame(track("273000001", [0, 13])), ports=empty_ports).dark_gaps
    assert gaps["start_port"].tolist() == [None] and not gaps["near_port"].any()


# ------------------------------------------------------------------ antimeridian

def test_antimeridian_distance_and_unwrapped_coordinates():
    rows = [{"mmsi": "273000001", "h": 0, "lat": 55.0, "lon": 179.8},
            {"mmsi": "273000001", "h": 1, "lat": 55.0, "lon": 179.95},
            {"mmsi": "273000001", "h": 2, "lat": 55.0, "lon": -179.9},
            {"mmsi": "273000001", "h": 20, "lat": 55.0, "lon": -179.5},   # dark, new segment
            {"mmsi": "273000001", "h": 21, "lat": 55.0, "lon": 179.9}]    # back west
    rec = reconstruct(frame(rows))
    segs = rec.segments
    expected = (haversine_m(55, 179.8, 55, 179.95) + haversine_m(55, 179.95, 55, -179.9)) / 1000
    assert segs["length_km"].iloc[0] == pytest.approx(expected)
    assert segs["length_km"].iloc[0] < 30                   # not around the globe
    coords = rec.track_coordinates()
    assert coords[0][:, 0].tolist() == pytest.approx([179.8, 179.95, 180.1])
    assert coords[1][:, 0].tolist() == pytest.approx([-179.5, -180.1])
    assert coords[0][:, 1].tolist() == [55.0, 55.0, 55.0]
    gap = rec.dark_gaps.iloc[0]
    assert gap["distance_km"] == pytest.approx(haversine_m(55, -179.9, 55, -179.5) / 1000)
    # a subset of segments works too, and wrong positions are refused
    only_second = track_coordinates(rec.positions, segs.iloc[[1]])
    assert len(only_second) == 1 and only_second[0][:, 0].tolist() == pytest.approx([-179.5, -180.1])
    with pytest.raises(ValueError, match="row bounds"):
        track_coordinates(rec.positions.iloc[:2], segs)


# ------------------------------------------------------------------ empty and bad input

def test_empty_input():
    rec = reconstruct(empty_positions())
    assert list(rec.segments.columns) == SEGMENT_COLUMNS and len(rec.segments) == 0
    assert list(rec.dark_gaps.columns) == DARK_GAP_COLUMNS and len(rec.dark_gaps) == 0
    assert str(rec.segments["start_time"].dtype) == "datetime64[ns, UTC]"
    assert rec.segment_id.size == 0 and rec.track_coordinates() == []


def test_output_dtypes():
    rec = reconstruct(frame(track("273000001", [0, 1, 14], ship_type=80, name="X", imo="8660313")))
    s, g = rec.segments, rec.dark_gaps
    assert str(s["segment_id"].dtype) == "int32" and str(s["n_points"].dtype) == "int64"
    assert str(s["first_row"].dtype) == "int64" and str(s["end_time"].dtype) == "datetime64[ns, UTC]"
    assert str(g["draught_before"].dtype) == "float32" and str(g["duration_h"].dtype) == "float64"
    assert str(g["mmsi"].dtype) == "category" and str(g["ship_type"].dtype) == "Int16"


def test_bad_input_messages():
    pos = frame(track("273000001", [0, 1]))
    with pytest.raises(ValueError, match="lacks required column.*lat"):
        reconstruct(pos.drop(columns=["lat"]))
    nan_lat = pos.copy()
    nan_lat.loc[1, "lat"] = np.nan
    with pytest.raises(ValueError, match="missing lat/lon in 1 row.*index label 1"):
        reconstruct(nan_lat)
    nat = pos.copy()
    nat.loc[0, "time"] = pd.NaT
    with pytest.raises(ValueError, match="'time' has missing values"):
        reconstruct(nat)
    no_mmsi = pos.copy()
    no_mmsi.loc[0, "mmsi"] = np.nan
    with pytest.raises(ValueError, match="'mmsi' has missing values"):
        reconstruct(no_mmsi)
    for kwargs in ({"segment_gap_h": 0}, {"dark_gap_h": -1}, {"segment_gap_h": float("nan")},
                   {"near_port_km": -5}):
        with pytest.raises(ValueError):
            reconstruct(pos, **kwargs)


def test_optional_columns_may_be_absent():
    pos = frame(track("273000001", [0, 13]))[["mmsi", "time", "lat", "lon"]]
    rec = reconstruct(pos)
    assert rec.segments["name"].isna().all() and rec.dark_gaps["draught_before"].isna().all()


# ------------------------------------------------------------------ real tracks vs. a plain loop

def _reference(pos: pd.DataFrame, seg_gap_h: float, dark_gap_h: float):
    """Straightforward per-vessel loop: (segments as tuples, dark gaps as tuples)."""
    segments, gaps = [], []
    for mmsi, g in pos.sort_values(["mmsi", "time"], kind="stable").groupby("mmsi", observed=True, sort=True):
        times, lats, lons = list(g["time"]), list(g["lat"]), list(g["lon"])
        start, length = 0, 0.0
        for i in range(1, len(times) + 1):
            gap_h = (times[i] - times[i - 1]) / H if i < len(times) else math.inf
            if i < len(times) and gap_h >= dark_gap_h:
                gaps.append((str(mmsi), times[i - 1], round(gap_h, 9),
                             round(float(haversine_m(lats[i - 1], lons[i - 1], lats[i], lons[i])), 3)))
            if gap_h > seg_gap_h:
                segments.append((str(mmsi), times[start], times[i - 1], i - start, round(length, 3)))
                start, length = i, 0.0
            else:
                length += float(haversine_m(lats[i - 1], lons[i - 1], lats[i], lons[i]))
    return sorted(segments), sorted(gaps)


def _ours(rec):
    s = rec.segments
    segments = sorted(zip(s["mmsi"].astype(str), s["start_time"], s["end_time"], s["n_points"],
                          (s["length_km"] * 1000).round(3)))
    g = rec.dark_gaps
    gaps = sorted(zip(g["mmsi"].astype(str), g["start_time"], g["duration_h"].round(9),
                      (g["distance_km"] * 1000).round(3)))
    return segments, gaps


def _marinecadastre(path) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype={"MMSI": str, "IMO": str, "VesselName": str})
    return conform(pd.DataFrame({
        "mmsi": raw["MMSI"],
        "time": pd.to_datetime(raw["BaseDateTime"], utc=True, format="%Y-%m-%dT%H:%M:%S"),
        "lat": raw["LAT"], "lon": raw["LON"], "draught": raw["Draft"], "name": raw["VesselName"],
        "imo": raw["IMO"].str.slice(3), "ship_type": raw["VesselType"],
    }), POSITION_DTYPES)


def test_real_excerpt_matches_plain_loop(test_data):
    pos = _marinecadastre(test_data / "tracks" / "marinecadastre_2022-01-03_tankers_excerpt.csv")
    rec = reconstruct(pos, segment_gap_h=6.0, dark_gap_h=12.0)
    assert rec.was_sorted is False          # the file is in time order, vessels interleaved
    ref_segments, ref_gaps = _reference(pos, 6.0, 12.0)
    ours_segments, ours_gaps = _ours(rec)
    assert ours_segments == ref_segments
    assert ours_gaps == ref_gaps
    assert len(ref_gaps) >= 3 and any(s[3] == 1 for s in ref_segments)
    assert rec.segments["n_points"].sum() == len(pos)


def test_shared_day_file_matches_plain_loop(shared_dir):
    path = (shared_dir / "data" / "real" / "ais"
            / "marinecadastre_AIS_2022_01_03_first99999_vesselsummaryais.csv.gz")
    if not path.exists():
        pytest.skip(f"{path} is absent")
    pos = _marinecadastre(path)
    pos = pos[pos["mmsi"].astype(str) < "3"]  # a few hundred vessels keep the loop quick
    rec = reconstruct(pos, segment_gap_h=2.0, dark_gap_h=6.0)
    ref_segments, ref_gaps = _reference(pos, 2.0, 6.0)
    ours_segments, ours_gaps = _ours(rec)
    assert len(ref_segments) > 300 and len(ref_gaps) >= 10
    assert ours_segments == ref_segments
    assert ours_gaps == ref_gaps


def test_track_lines_joins_segments_and_dark_connectors():
    from tanker_watch.plugin.core.tracks import TRACK_LINE_COLUMNS, track_lines

    t0 = pd.Timestamp("2024-03-07T00:00Z")
    hours = [0, 1, 2, 16, 17]
    positions = conform(pd.DataFrame({
        "mmsi": "445000001", "time": [t0 + pd.Timedelta(hours=h) for h in hours],
        "lat": [42.0, 42.1, 42.2, 42.7, 42.8], "lon": [179.8, 179.9, -179.9, -179.5, -179.4]}), POSITION_DTYPES)
    frame, coordinates = track_lines(reconstruct(positions))
    assert list(frame.columns) == TRACK_LINE_COLUMNS
    assert list(frame["kind"]) == ["observed", "observed", "dark"] and list(frame["dark"]) == [False, False, True]
    assert len(coordinates) == 3 and coordinates[2].shape == (2, 2)
    assert frame.loc[2, "duration_h"] == pytest.approx(14.0)
    # the first segment crosses the antimeridian and stays continuous (179.9 -> 180.1)
    assert coordinates[0][-1, 0] == pytest.approx(180.1)


# ------------------------------------------------------------------ shared sorted-array helpers

def test_ranges_concatenates_aranges_including_empty_ones():
    assert ranges(np.array([5, 0, 2]), np.array([2, 0, 3])).tolist() == [5, 6, 2, 3, 4]
    assert ranges(np.array([], dtype=np.int64), np.array([], dtype=np.int64)).size == 0


def test_prev_and_next_valid_index():
    valid = np.array([False, True, False, False, True, False])
    assert prev_valid_index(valid).tolist() == [-1, 1, 1, 1, 4, 4]
    assert next_valid_index(valid).tolist() == [1, 1, 4, 4, 4, -1]
    assert prev_valid_index(np.zeros(0, bool)).size == next_valid_index(np.zeros(0, bool)).size == 0


def test_gap_coordinates_take_the_short_way_across_the_antimeridian():
    gaps = pd.DataFrame({"start_lon": [179.5, 10.0], "start_lat": [50.0, 1.0],
                         "end_lon": [-179.5, 12.0], "end_lat": [51.0, 2.0]})
    a, b = gap_coordinates(gaps)
    assert a.tolist() == [[179.5, 50.0], [180.5, 51.0]] and b.tolist() == [[10.0, 1.0], [12.0, 2.0]]
