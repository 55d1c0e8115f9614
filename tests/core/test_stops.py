"""Stop detection and port assignment tests on hand-built tracks."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

import numpy as np
import pandas as pd
import pytest

from tanker_watch.plugin.core.ports import load_gazetteer, load_terminals
from tanker_watch.plugin.core.schema import POSITION_DTYPES, conform
from tanker_watch.plugin.core.stops import STOP_COLUMNS, STOP_DTYPES, assign_ports, detect_stops

T0 = pd.Timestamp("2024-03-07T00:00:00Z")
# inside the Vostochny oil berths polygon (Wrangel Bay, GFW central sub-cluster)
BERTH = (42.748, 133.010)
M_PER_DEG_LAT = 111_195.0

Point = tuple[float, float, float, Optional[float], Optional[float]]  # minutes, lat, lon, sog, draught


def frame(*tracks: tuple[str, Sequence[Point]], imo: str = "8660313",
          name: str = "CHON MA SAN") -> pd.DataFrame:
    rows: list[dict] = []
    for mmsi, points in tracks:
        for minutes, lat, lon, sog, draught in points:
            rows.append({"mmsi": mmsi, "time": T0 + pd.Timedelta(minutes=minutes), "lat": lat, "lon": lon,
                         "sog": np.nan if sog is None else sog,
                         "draught": np.nan if draught is None else draught,
                         "imo": imo, "name": name, "ship_type": 80})
    df = pd.DataFrame(rows).sort_values(["mmsi", "time"], kind="mergesort").reset_index(drop=True)
    return conform(df, POSITION_DTYPES)


def sail(t0: float, t1: float, a: tuple[float, float], b: tuple[float, float], every: float = 10,
         sog: Optional[float] = 10.0, draught: Optional[float] = None) -> list[Point]:
    """Straight line a -> b between minutes t0 and t1 (inclusive of t0, exclusive of t1)."""
    times = np.arange(t0, t1, every)
    f = (times - t0) / (t1 - t0)
    return [(float(t), a[0] + (b[0] - a[0]) * x, a[1] + (b[1] - a[1]) * x, sog, draught)
            for t, x in zip(times, f)]


def stay(t0: float, t1: float, at: tuple[float, float], every: float = 10, sog: Optional[float] = 0.1,
         draught: Optional[float] = None, jitter_m: float = 30.0, seed: int = 0) -> list[Point]:
    """Stationary reports from t0 to t1 inclusive with GPS-like jitter."""
    rng = np.random.default_rng(seed)
    times = np.arange(t0, t1 + 1e-9, every)
    d = rng.uniform(-jitter_m, jitter_m, (times.size, 2)) / M_PER_DEG_LAT
    return [(float(t), at[0] + dy, at[1] + dx / np.cos(np.radians(at[0])), sog, draught)
            for t, (dy, dx) in zip(times, d)]


SEA = (42.40, 132.60)  # open sea SW of Nakhodka


def test_three_hour_stop() -> None:
    pts = (sail(0, 120, SEA, BERTH) + stay(120, 300, BERTH, draught=3.1)
           + sail(310, 400, BERTH, SEA, draught=5.9))
    pos = frame(("445123000", pts))
    stops = detect_stops(pos)
    assert list(stops.columns) == STOP_COLUMNS
    assert stops.dtypes.astype(str).to_dict() == STOP_DTYPES
    assert len(stops) == 1
    s = stops.iloc[0]
    assert s["mmsi"] == "445123000" and s["imo"] == "8660313" and s["name"] == "CHON MA SAN"
    assert s["ship_type"] == 80
    assert s["start_time"] == T0 + pd.Timedelta(minutes=120)
    assert s["end_time"] == T0 + pd.Timedelta(minutes=300)
    assert s["duration_h"] == pytest.approx(3.0)
    assert s["n_points"] == 19
    assert (s["first_row"], s["last_row"]) == (12, 30)
    assert pos["time"].iloc[s["first_row"]] == s["start_time"]
    assert s["lat"] == pytest.approx(BERTH[0], abs=0.0005) and s["lon"] == pytest.approx(BERTH[1], abs=0.0005)
    assert s["draught_start"] == pytest.approx(3.1) and s["draught_end"] == pytest.approx(3.1)


def test_short_stop_is_not_a_stop() -> None:
    pts = sail(0, 120, SEA, BERTH) + stay(120, 210, BERTH) + sail(220, 300, BERTH, SEA)
    assert detect_stops(frame(("445123000", pts))).empty
    # but it is one with a lower minimum duration
    assert len(detect_stops(frame(("445123000", pts)), min_duration_h=1.0)) == 1


def test_slow_drift_beyond_diameter_is_not_a_stop() -> None:
    # 0.9 kn for 5 h = 8.3 km with SOG reported 0.5: slow, but never within 2 km for 2 h
    end = (BERTH[0] + 8333 / M_PER_DEG_LAT, BERTH[1])
    pts = sail(0, 300, BERTH, end, every=5, sog=0.5)
    pos = frame(("445123000", pts))
    assert detect_stops(pos).empty
    # a 10 km diameter (5 km from the first point) holds the first 3 h only
    stops = detect_stops(pos, max_diameter_m=10_000)
    assert len(stops) == 1 and stops["n_points"].iloc[0] == 37
    assert stops["duration_h"].iloc[0] == pytest.approx(3.0)
    # with a 20 km diameter the whole drift is one stationary period
    stops = detect_stops(pos, max_diameter_m=20_000)
    assert len(stops) == 1 and stops["n_points"].iloc[0] == 60


def test_slow_move_between_two_spots_splits_the_stop() -> None:
    b = (BERTH[0] + 3000 / M_PER_DEG_LAT, BERTH[1])  # 3 km north
    pts = (stay(0, 150, BERTH, sog=0.2) + sail(160, 200, BERTH, b, sog=0.8)
           + stay(200, 350, b, sog=0.2, seed=1))
    stops = detect_stops(frame(("445123000", pts)))
    assert len(stops) == 2
    assert stops["lat"].tolist() == pytest.approx([BERTH[0], b[0]], abs=0.002)
    assert (stops["duration_h"] >= 2.0).all()
    # every point of each stop lies within half the diameter of the stop's first point
    assert stops["last_row"].iloc[0] < stops["first_row"].iloc[1]


def test_gap_inside_stop_allowed_up_to_max_gap() -> None:
    pts = stay(0, 60, BERTH) + stay(60 + 300, 420, BERTH, seed=2)  # 5 h silence at the berth
    stops = detect_stops(frame(("445123000", pts)))
    assert len(stops) == 1
    assert stops["duration_h"].iloc[0] == pytest.approx(7.0)
    # a 7 h silence ends it; each half (1 h) is then too short
    pts = stay(0, 60, BERTH) + stay(60 + 420, 540, BERTH, seed=2)
    assert detect_stops(frame(("445123000", pts))).empty
    # ... unless each half is long enough by itself
    pts = stay(0, 150, BERTH) + stay(150 + 420, 720, BERTH, seed=2)
    assert len(detect_stops(frame(("445123000", pts)))) == 2


def test_gap_where_vessel_reappears_elsewhere_breaks_stop() -> None:
    elsewhere = (BERTH[0] + 0.05, BERTH[1])  # 5.5 km away after a 3 h silence
    pts = stay(0, 100, BERTH) + stay(280, 380, elsewhere, seed=3)
    assert detect_stops(frame(("445123000", pts))).empty


def test_two_stops_separated_by_a_move() -> None:
    chongjin = (41.76, 129.83)
    pts = (stay(0, 240, BERTH, draught=3.0) + sail(250, 1500, BERTH, chongjin, draught=6.0)
           + stay(1500, 1800, chongjin, draught=6.0, seed=4) + sail(1810, 1900, chongjin, SEA, draught=3.2))
    stops = detect_stops(frame(("445123000", pts)))
    assert len(stops) == 2
    assert stops["duration_h"].tolist() == pytest.approx([4.0, 5.0])
    assert stops["draught_start"].tolist() == pytest.approx([3.0, 6.0])
    assert stops["draught_end"].tolist() == pytest.approx([3.0, 6.0])


def test_stop_at_end_of_data() -> None:
    pts = sail(0, 120, SEA, BERTH) + stay(120, 270, BERTH)
    stops = detect_stops(frame(("445123000", pts)))
    assert len(stops) == 1
    assert stops["last_row"].iloc[0] == len(pts) - 1
    assert stops["duration_h"].iloc[0] == pytest.approx(2.5)


def test_vessel_without_sog_uses_implied_speed() -> None:
    pts = (sail(0, 120, SEA, BERTH, sog=None) + stay(120, 300, BERTH, sog=None)
           + sail(310, 400, BERTH, SEA, sog=None))
    stops = detect_stops(frame(("445123000", pts)))
    assert len(stops) == 1
    assert stops["start_time"].iloc[0] == T0 + pd.Timedelta(minutes=120)
    # the departure leg's first report (minute 310) is still at the berth: implied speed 0
    assert stops["end_time"].iloc[0] == T0 + pd.Timedelta(minutes=310)
    # the moving reports either side are excluded
    assert stops["n_points"].iloc[0] == 20


def test_draught_just_around_the_stop() -> None:
    pts = (sail(0, 120, SEA, BERTH, draught=None) + [(115.0, BERTH[0], BERTH[1] - 0.01, 3.0, 2.8)]
           + stay(120, 300, BERTH) + [(330.0, BERTH[0], BERTH[1] + 0.02, 6.0, 6.4)])
    pos = frame(("445123000", pts))
    stops = detect_stops(pos)
    assert len(stops) == 1
    assert stops["draught_start"].iloc[0] == pytest.approx(2.8)
    assert stops["draught_end"].iloc[0] == pytest.approx(6.4)
    # outside the max_gap_h window the outside draughts are not used
    stops = detect_stops(pos, max_gap_h=0.01)
    assert stops["draught_start"].isna().all() and stops["draught_end"].isna().all()


def test_several_vessels_and_unsorted_input() -> None:
    a = sail(0, 60, SEA, BERTH) + stay(60, 240, BERTH)
    b = stay(0, 200, (41.77, 129.82), seed=5) + sail(210, 300, (41.77, 129.82), SEA)
    pos = frame(("445000001", a), ("273000002", b))
    stops = detect_stops(pos)
    assert sorted(stops["mmsi"]) == ["273000002", "445000001"]
    shuffled = pos.sample(frac=1.0, random_state=7).reset_index(drop=True)
    again = detect_stops(shuffled)
    key = ["mmsi", "start_time"]
    s1 = stops.sort_values(key).reset_index(drop=True)
    s2 = again.sort_values(key).reset_index(drop=True)
    rows = ["first_row", "last_row"]
    pd.testing.assert_frame_equal(s1.drop(columns=rows), s2.drop(columns=rows))
    for _, s in s2.iterrows():
        assert shuffled["time"].iloc[s["first_row"]] == s["start_time"]
        assert shuffled["time"].iloc[s["last_row"]] == s["end_time"]
        assert shuffled["mmsi"].iloc[s["first_row"]] == s["mmsi"]


def test_stop_across_antimeridian_has_sane_median() -> None:
    at = (52.0, 179.9995)
    pts = stay(0, 180, at, jitter_m=80)
    stops = detect_stops(frame(("273000003", pts)))
    assert len(stops) == 1
    lon = stops["lon"].iloc[0]
    assert abs(abs(lon) - 180.0) < 0.01


def test_bad_parameters_and_columns() -> None:
    pos = frame(("445123000", stay(0, 180, BERTH)))
    with pytest.raises(ValueError, match="max_gap_h"):
        detect_stops(pos, max_gap_h=-1)
    with pytest.raises(ValueError, match=r"lacks column\(s\) \['lat'\]"):
        detect_stops(pos.drop(columns="lat"))
    empty = detect_stops(pos.iloc[:0])
    assert empty.empty and list(empty.columns) == STOP_COLUMNS
    # rows with missing coordinates are skipped, the rest still load
    broken = pos.copy()
    broken.loc[3, "lat"] = np.nan
    assert len(detect_stops(broken)) == 1


# ---------------------------------------------------------------------------- assign_ports

def test_assign_ports_terminal_port_and_anchorage() -> None:
    chongjin = (41.770, 129.822)  # ~0.5 km from the WPI Ch'ongjin point, no polygon there
    at_sea = (38.0, 131.0)
    pts = (stay(0, 180, BERTH) + sail(190, 1500, BERTH, chongjin) + stay(1500, 1700, chongjin, seed=6)
           + sail(1710, 3000, chongjin, at_sea) + stay(3000, 3300, at_sea, seed=7))
    stops = detect_stops(frame(("445123000", pts)))
    assert len(stops) == 3
    out = assign_ports(stops, load_gazetteer(), load_terminals(), max_km=5.0)
    assert out["port_id"].tolist()[:2] == ["vostochny_oil_berths", "60500"]
    assert out["port_kind"].tolist() == ["oil_terminal", "port", "anchorage"]
    assert out["port_name"].tolist() == ["Vostochny oil berths (Wrangel Bay)", "Ch'ongjin", "anchorage"]
    assert out["port_country"].tolist()[:2] == ["Russia", "North Korea"]
    assert out["port_id"].iloc[2] is None
    assert out["port_km"].iloc[0] == 0.0
    assert out["port_km"].iloc[1] < 1.5
    assert out["port_km"].iloc[2] > 100
    # without terminals the Vostochny stop falls back to the nearest WPI point (Vostochnyy, ~6 km)
    plain = assign_ports(stops, load_gazetteer(), None, max_km=10.0)
    assert plain["port_id"].iloc[0] == "60725"
    assert plain["port_kind"].iloc[0] == "port"
    # the input frame is not modified
    assert "port_id" not in stops.columns


def test_assign_ports_empty_stops() -> None:
    stops = detect_stops(frame(("445123000", stay(0, 30, BERTH))))
    out = assign_ports(stops, load_gazetteer(), load_terminals())
    assert out.empty and {"port_id", "port_name", "port_country", "port_kind", "port_km"} <= set(out.columns)


# ---------------------------------------------------------------------------- performance

def _synthetic(n_vessels: int, per_vessel: int) -> pd.DataFrame:
    """Vessels alternating 50 reports under way (10 kn) and 50 at anchor, every 3 min."""
    rng = np.random.default_rng(0)
    n = n_vessels * per_vessel
    k = np.tile(np.arange(per_vessel), n_vessels)
    v = np.repeat(np.arange(n_vessels), per_vessel)
    moving = (k // 50) % 2 == 0
    step_m = np.where(moving, 10 * 1852 / 20, 0.0)  # metres per 3-min report
    travelled = pd.Series(step_m).groupby(v).cumsum().to_numpy()
    sog = np.where(moving, 10.0, 0.05).astype("float32")
    sog[rng.random(n) < 0.1] = np.nan
    return conform(pd.DataFrame({
        "mmsi": pd.Categorical((445_000_000 + v).astype(str)),
        "time": pd.to_datetime(T0.value + k * 180 * 10**9, utc=True),
        "lat": 35 + v * 0.01 + travelled / M_PER_DEG_LAT + rng.normal(0, 1e-4, n),
        "lon": 130 + rng.normal(0, 1e-4, n),
        "sog": sog,
        "draught": np.where(rng.random(n) < 0.05, 5.0, np.nan),
        "imo": "8660313", "name": "X", "ship_type": 80,
    }), POSITION_DTYPES)


def test_detect_stops_one_million_positions() -> None:
    """Correct at scale (its speed is measured in bench/, not here)."""
    pos = _synthetic(500, 2000)
    assert len(pos) == 1_000_000
    stops = detect_stops(pos)
    # 20 anchorings per vessel, each 49 intervals x 3 min = 2.45 h; when the last report
    # under way has no SOG it is already at the anchoring spot and joins the stop (2.5 h)
    assert len(stops) == 500 * 20
    long = ~np.isclose(stops["duration_h"], 2.45)
    assert np.allclose(stops.loc[long, "duration_h"], 2.5)
    assert pos["sog"].iloc[stops.loc[long, "first_row"]].isna().all()


def test_ship_under_way_with_sog_stuck_at_zero_has_no_stop() -> None:
    pts = sail(0, 600, SEA, BERTH, every=2, sog=0.0)  # 10 h at ~4 kn, SOG always 0
    assert detect_stops(frame(("445123000", pts))).empty


def test_long_slow_drift_splits_into_short_pieces() -> None:
    # 30 days drifting at 0.9 kn with SOG 0.5, one report every 10 s (259,200 positions):
    # the diameter split needs ~1,200 sequential cuts, which must stay cheap
    n = 30 * 24 * 360
    k = np.arange(n)
    pos = conform(pd.DataFrame({
        "mmsi": "445000009",
        "time": pd.to_datetime(T0.value + k * 10 * 10**9, utc=True),
        "lat": 30.0 + k * (0.9 * 1852 / 360) / M_PER_DEG_LAT,
        "lon": 125.0,
        "sog": np.float32(0.5),
    }), POSITION_DTYPES)
    short = detect_stops(pos, min_duration_h=0.5)
    # each piece spans at most 1 km from its anchor: 1000 m / (0.9 kn) = 36 min
    assert len(short) > 1000
    assert (short["duration_h"] <= 0.6).all()
    assert detect_stops(pos).empty
