"""Track reconstruction: per-vessel segments and dark (AIS-off) gaps from clean positions.

Input is a canonical positions frame (see :mod:`.schema`), normally already sorted by
``(mmsi, time)`` by the cleaner. Unsorted input is accepted: a stable sort by
``(mmsi, time)`` is applied to a copy and :attr:`Reconstruction.positions` is that
sorted copy (the caller's frame is never modified). Row bounds (``first_row``,
``last_row``) are always *positional* indices into :attr:`Reconstruction.positions`.

Conventions
-----------
* Segments: a vessel's first position starts a segment, and so does every position
  that follows a silence **strictly longer** than ``segment_gap_h``. A gap of exactly
  ``segment_gap_h`` keeps the track in one segment.
* Dark gaps: every silence **greater than or equal to** ``dark_gap_h`` between two
  consecutive positions of the same vessel (GFW counts gaps >= 12 h).
* Identity columns (``mmsi, imo, name, ship_type``) on every output row are the
  vessel's latest known (last non-missing, in time order) values.
* A vessel with one position (or a segment isolated by gaps) is a segment with
  ``n_points == 1`` and ``length_km == 0``: draw it as a point or skip it as a line.

Everything is vectorised over the sorted arrays (no Python loop over vessels or rows).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from .geo import METRES_PER_NM, haversine_m, nearest_point, unwrap_lon, wrap_lon
from .schema import POSITION_DTYPES

NS_PER_HOUR = 3_600 * 1_000_000_000
_CHUNK = 1 << 16  # rows per haversine call when summing segment lengths
IDENTITY_COLUMNS: list[str] = ["mmsi", "imo", "name", "ship_type"]
REQUIRED_COLUMNS: list[str] = ["mmsi", "time", "lat", "lon"]

SEGMENT_COLUMNS: list[str] = IDENTITY_COLUMNS + [
    "segment_id", "start_time", "end_time", "n_points", "length_km", "first_row", "last_row",
]
DARK_GAP_COLUMNS: list[str] = IDENTITY_COLUMNS + [
    "start_time", "end_time", "start_lat", "start_lon", "end_lat", "end_lon",
    "duration_h", "distance_km", "implied_speed_kn", "draught_before", "draught_after",
    "start_port", "start_port_id", "start_port_km", "end_port", "end_port_id", "end_port_km",
    "near_port",
]


@dataclass
class Reconstruction:
    """Result of :func:`reconstruct`.

    ``positions`` is the frame every row bound refers to: the caller's frame itself when it
    was already sorted by (mmsi, time), otherwise a sorted copy. ``segment_id`` is an int32
    array aligned with its rows (kept apart so the positions are not copied).
    """

    positions: pd.DataFrame
    segment_id: np.ndarray
    segments: pd.DataFrame
    dark_gaps: pd.DataFrame
    was_sorted: bool

    def track_coordinates(self) -> list[np.ndarray]:
        """Per-segment ``(n, 2)`` arrays of (lon, lat) with unwrapped longitudes."""
        return track_coordinates(self.positions, self.segments)


def ranges(first: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of ``arange(first[k], first[k] + lengths[k])`` for all k, without a loop."""
    first = np.asarray(first, dtype=np.int64)
    lengths = np.asarray(lengths, dtype=np.int64)
    total = int(lengths.sum())
    offsets = np.repeat(first - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return np.arange(total, dtype=np.int64) + offsets


def prev_valid_index(valid: np.ndarray) -> np.ndarray:
    """For each i, the largest j <= i with valid[j], else -1."""
    idx = np.where(valid, np.arange(valid.size), -1)
    return np.maximum.accumulate(idx) if idx.size else idx


def next_valid_index(valid: np.ndarray) -> np.ndarray:
    """For each i, the smallest j >= i with valid[j], else -1."""
    n = valid.size
    idx = np.where(valid, np.arange(n), n)
    nxt = np.minimum.accumulate(idx[::-1])[::-1] if n else idx
    return np.where(nxt < n, nxt, -1)


def _hours_to_ns(hours: float, what: str) -> int:
    if not np.isfinite(hours) or hours <= 0:
        raise ValueError(f"{what} must be a positive number of hours, got {hours!r}")
    return int(round(float(hours) * NS_PER_HOUR))


def _check_columns(positions: pd.DataFrame) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in positions.columns]
    if missing:
        raise ValueError(f"positions frame lacks required column(s): {', '.join(missing)}")


def _first_bad_row(positions: pd.DataFrame, bad: np.ndarray) -> str:
    rows = np.flatnonzero(bad)
    return f"{rows.size} row(s), first at index label {positions.index[rows[0]]!r}"


def vessel_codes(positions: pd.DataFrame) -> np.ndarray:
    """Integer vessel code per row (from ``mmsi``); raises naming the first row without one."""
    mmsi = positions["mmsi"]
    if isinstance(mmsi.dtype, pd.CategoricalDtype):
        codes = mmsi.cat.codes.to_numpy()
    else:
        codes = pd.factorize(mmsi)[0]
    if codes.size and (codes < 0).any():
        raise ValueError("positions column 'mmsi' has missing values in "
                         + _first_bad_row(positions, codes < 0) + "; clean the positions first")
    return codes


def time_ns(positions: pd.DataFrame) -> np.ndarray:
    """int64 UTC nanoseconds of ``time``; raises naming the first row without a time."""
    time = positions["time"]
    if not pd.api.types.is_datetime64_any_dtype(time.dtype):
        raise ValueError(f"positions column 'time' must be datetime64 (UTC), got {time.dtype}")
    # tz-aware values convert to UTC; naive values are taken as UTC
    ns = time.to_numpy(dtype="datetime64[ns]").view(np.int64)
    nat = ns == np.iinfo(np.int64).min
    if nat.any():
        raise ValueError("positions column 'time' has missing values in "
                         + _first_bad_row(positions, nat) + "; clean the positions first")
    return ns


def _float_values(series: pd.Series) -> np.ndarray:
    """float64 values, without a copy when the column already is float64 (NA -> NaN)."""
    if series.dtype == np.float64:
        return series.to_numpy()  # to_numpy(na_value=...) would copy
    return series.to_numpy(dtype=np.float64, na_value=np.nan)


def sort_order(codes: np.ndarray, t: np.ndarray) -> Optional[np.ndarray]:
    """None when rows are grouped by vessel and time-ascending within each vessel, else a sort permutation."""
    n = codes.size
    if n < 2:
        return None
    same = codes[1:] == codes[:-1]
    backwards = t[1:] < t[:-1]
    backwards &= same
    if not backwards.any():
        del backwards
        # grouped iff no vessel code starts two blocks
        block_codes = codes[np.flatnonzero(~same) + 1]
        if np.unique(np.append(block_codes, codes[0])).size == block_codes.size + 1:
            return None
    return np.lexsort((t, codes))  # stable: equal times keep their input order


def _column_or_na(positions: pd.DataFrame, col: str) -> pd.Series:
    if col in positions.columns:
        return positions[col]
    return pd.Series([None] * len(positions), index=positions.index, dtype=POSITION_DTYPES[col])


def _take(series: pd.Series, rows: np.ndarray) -> pd.Series:
    """``series`` at positional ``rows`` (fresh RangeIndex); -1 gives a missing value. Keeps the dtype
    where it can hold missing values (numpy ints become float). Copies only the taken rows."""
    rows = np.asarray(rows, dtype=np.intp)
    if isinstance(series.dtype, np.dtype):
        values = pd.api.extensions.take(series.to_numpy(), rows, allow_fill=True)
    else:
        values = series.array.take(rows, allow_fill=True)
    return pd.Series(values, name=series.name)


def _last_valid(valid_rows: np.ndarray, upto: np.ndarray, lower: np.ndarray) -> np.ndarray:
    """Largest row in sorted ``valid_rows`` that is <= ``upto`` and >= ``lower``, else -1."""
    pos = np.searchsorted(valid_rows, upto, side="right") - 1
    found = valid_rows[np.maximum(pos, 0)] if valid_rows.size else np.full(upto.size, -1)
    return np.where((pos >= 0) & (found >= lower), found, -1)


def _first_valid(valid_rows: np.ndarray, since: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """Smallest row in sorted ``valid_rows`` that is >= ``since`` and <= ``upper``, else -1."""
    pos = np.searchsorted(valid_rows, since, side="left")
    ok = pos < valid_rows.size
    found = valid_rows[np.where(ok, pos, 0)] if valid_rows.size else np.full(since.size, -1)
    return np.where(ok & (found <= upper), found, -1)


def _latest_identity(positions: pd.DataFrame, v_first: np.ndarray, v_last: np.ndarray) -> pd.DataFrame:
    """One row per vessel: mmsi and latest non-missing imo, name, ship_type."""
    out = {"mmsi": _take(positions["mmsi"], v_first)}
    for col in ("imo", "name", "ship_type"):
        series = _column_or_na(positions, col)
        valid_rows = np.flatnonzero(series.notna().to_numpy())
        out[col] = _take(series, _last_valid(valid_rows, v_last, v_first))
        del valid_rows
    return pd.DataFrame(out)


def _segment_lengths_km(lat: np.ndarray, lon: np.ndarray, seg_new: np.ndarray,
                        s_first: np.ndarray) -> np.ndarray:
    """Sum of great-circle steps between consecutive positions of each segment, km."""
    n = lat.size
    if n == 0:
        return np.empty(0, dtype=np.float64)
    step = np.zeros(n, dtype=np.float64)  # step[i]: row i -> row i + 1, 0 across segment starts
    for lo in range(0, n - 1, _CHUNK):  # chunks bound haversine's temporaries
        hi = min(lo + _CHUNK, n - 1)
        step[lo:hi] = haversine_m(lat[lo:hi], lon[lo:hi], lat[lo + 1:hi + 1], lon[lo + 1:hi + 1])
    step[:-1][seg_new[1:]] = 0.0
    return np.add.reduceat(step, s_first) / 1000.0


def _utc(ns: np.ndarray) -> pd.DatetimeIndex:
    return pd.to_datetime(np.asarray(ns, dtype=np.int64), utc=True)


def _draught_around(draught: pd.Series, before: np.ndarray, after: np.ndarray,
                    v_first: np.ndarray, v_last: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Latest known draught at or before row ``before`` and first known at or after ``after``, same vessel."""
    valid_rows = np.flatnonzero(draught.notna().to_numpy())
    prev = _last_valid(valid_rows, before, v_first)
    nxt = _first_valid(valid_rows, after, v_last)
    values = _take(draught, np.concatenate([prev, nxt])).to_numpy(dtype=np.float32, na_value=np.nan)
    return values[:prev.size], values[prev.size:]


def _check_ports(ports: pd.DataFrame) -> None:
    missing = [c for c in ("lat", "lon", "name") if c not in ports.columns]
    if missing:
        raise ValueError(f"ports frame lacks required column(s): {', '.join(missing)}")


def _port_columns(ports: Optional[pd.DataFrame], lat: np.ndarray, lon: np.ndarray,
                  prefix: str) -> dict:
    k = lat.size
    if ports is None:
        return {f"{prefix}_port": np.full(k, None, dtype=object),
                f"{prefix}_port_id": np.full(k, None, dtype=object),
                f"{prefix}_port_km": np.full(k, np.nan)}
    idx, dist = nearest_point(lat, lon, ports["lat"].to_numpy(np.float64, na_value=np.nan),
                              ports["lon"].to_numpy(np.float64, na_value=np.nan))
    ids = ports["port_id"] if "port_id" in ports.columns else pd.Series(np.arange(len(ports)))
    found = idx >= 0

    def pick(col: pd.Series) -> np.ndarray:
        return np.where(found, _take(col, idx).to_numpy(dtype=object), None)

    return {f"{prefix}_port": pick(ports["name"]),
            f"{prefix}_port_id": pick(ids),
            f"{prefix}_port_km": dist / 1000.0}


def reconstruct(
    positions: pd.DataFrame,
    segment_gap_h: float = 6.0,
    dark_gap_h: float = 12.0,
    ports: Optional[pd.DataFrame] = None,
    near_port_km: float = 50.0,
) -> Reconstruction:
    """Split clean positions into per-vessel segments and list dark gaps.

    ``segments``: one row per segment (see :data:`SEGMENT_COLUMNS`); ``first_row`` and
    ``last_row`` are inclusive positional bounds into ``result.positions``; ``length_km``
    sums great-circle steps (correct across the antimeridian).

    ``dark_gaps``: one row per silence >= ``dark_gap_h`` between consecutive positions of a
    vessel (see :data:`DARK_GAP_COLUMNS`). ``distance_km`` is the straight (great-circle)
    line between the two ends and ``implied_speed_kn`` that distance over the duration.
    ``draught_before`` is the latest draught reported at or before the gap start,
    ``draught_after`` the first at or after the gap end (same vessel; NaN if none).
    With ``ports`` (columns ``lat, lon, name`` and optionally ``port_id``) each end gets
    its nearest port and distance, and ``near_port`` is True when either end is within
    ``near_port_km``; without ports these are None/NaN and ``near_port`` is <NA>.
    """
    _check_columns(positions)
    seg_ns = _hours_to_ns(segment_gap_h, "segment_gap_h")
    dark_ns = _hours_to_ns(dark_gap_h, "dark_gap_h")
    if not np.isfinite(near_port_km) or near_port_km < 0:
        raise ValueError(f"near_port_km must be >= 0, got {near_port_km!r}")
    if ports is not None:
        _check_ports(ports)

    codes = vessel_codes(positions)
    t = time_ns(positions)
    order = sort_order(codes, t)
    if order is not None:
        positions = positions.take(order)
        codes, t = codes[order], t[order]
    n = len(positions)

    lat = _float_values(positions["lat"])
    lon = _float_values(positions["lon"])
    # a sum is finite iff every term is: checks NaN/inf without an n-sized temporary
    if not (np.isfinite(np.add.reduce(lat)) and np.isfinite(np.add.reduce(lon))):
        bad = ~(np.isfinite(lat) & np.isfinite(lon))
        raise ValueError("positions have missing lat/lon in " + _first_bad_row(positions, bad)
                         + "; clean the positions first")

    vessel_new = np.empty(n, dtype=bool)
    seg_new = np.empty(n, dtype=bool)
    gap_before = np.empty(0, dtype=np.int64)  # row i: last position before a dark gap
    if n:
        vessel_new[0] = seg_new[0] = True
        np.not_equal(codes[1:], codes[:-1], out=vessel_new[1:])
        dt = np.diff(t)
        np.greater(dt, seg_ns, out=seg_new[1:])
        seg_new |= vessel_new
        dark = np.greater_equal(dt, dark_ns)
        del dt
        dark &= ~vessel_new[1:]
        gap_before = np.flatnonzero(dark)
        del dark
    seg_id = np.cumsum(seg_new, dtype=np.int32) - np.int32(1)
    v_first = np.flatnonzero(vessel_new)
    v_last = np.append(v_first[1:] - 1, n - 1) if n else v_first
    s_first = np.flatnonzero(seg_new)
    s_last = np.append(s_first[1:] - 1, n - 1) if n else s_first
    length_km = _segment_lengths_km(lat, lon, seg_new, s_first)
    del vessel_new, seg_new

    ident = _latest_identity(positions, v_first, v_last)

    seg_vessel = np.searchsorted(v_first, s_first, side="right") - 1
    segments = ident.iloc[seg_vessel].reset_index(drop=True)
    segments["segment_id"] = np.arange(s_first.size, dtype=np.int32)
    segments["start_time"] = _utc(t[s_first])
    segments["end_time"] = _utc(t[s_last])
    segments["n_points"] = (s_last - s_first + 1).astype(np.int64)
    segments["length_km"] = length_km
    segments["first_row"] = s_first.astype(np.int64)
    segments["last_row"] = s_last.astype(np.int64)

    gap_after = gap_before + 1
    gap_vessel = np.searchsorted(v_first, gap_before, side="right") - 1
    duration_h = (t[gap_after] - t[gap_before]) / NS_PER_HOUR
    distance_km = haversine_m(lat[gap_before], lon[gap_before], lat[gap_after], lon[gap_after]) / 1000.0
    draught = _column_or_na(positions, "draught")
    d_before, d_after = _draught_around(draught, gap_before, gap_after,
                                        v_first[gap_vessel], v_last[gap_vessel])

    gaps = ident.iloc[gap_vessel].reset_index(drop=True)
    gaps["start_time"] = _utc(t[gap_before])
    gaps["end_time"] = _utc(t[gap_after])
    gaps["start_lat"] = lat[gap_before]
    gaps["start_lon"] = lon[gap_before]
    gaps["end_lat"] = lat[gap_after]
    gaps["end_lon"] = lon[gap_after]
    gaps["duration_h"] = duration_h
    gaps["distance_km"] = distance_km
    gaps["implied_speed_kn"] = distance_km * 1000.0 / METRES_PER_NM / duration_h
    gaps["draught_before"] = d_before
    gaps["draught_after"] = d_after
    start_ports = _port_columns(ports, lat[gap_before], lon[gap_before], "start")
    end_ports = _port_columns(ports, lat[gap_after], lon[gap_after], "end")
    for col, values in {**start_ports, **end_ports}.items():
        gaps[col] = values
    if ports is None:
        gaps["near_port"] = pd.array([pd.NA] * gap_before.size, dtype="boolean")
    else:
        near = (gaps["start_port_km"] <= near_port_km) | (gaps["end_port_km"] <= near_port_km)
        gaps["near_port"] = near.astype("boolean")

    return Reconstruction(
        positions=positions,
        segment_id=seg_id,
        segments=segments[SEGMENT_COLUMNS],
        dark_gaps=gaps[DARK_GAP_COLUMNS],
        was_sorted=order is None,
    )


def track_coordinates(positions: pd.DataFrame, segments: pd.DataFrame) -> list[np.ndarray]:
    """One ``(n_points, 2)`` float64 array of (lon, lat) per row of ``segments``, in order.

    Longitudes are unwrapped per segment (179.9 -> -179.9 becomes 179.9 -> 180.1) so lines
    crossing the antimeridian draw correctly. ``segments`` may be any subset of
    :attr:`Reconstruction.segments`; ``positions`` must be :attr:`Reconstruction.positions`.
    """
    first = segments["first_row"].to_numpy(dtype=np.int64)
    last = segments["last_row"].to_numpy(dtype=np.int64)
    n = len(positions)
    if first.size == 0:
        return []
    if (first < 0).any() or (last >= n).any() or (last < first).any():
        raise ValueError(f"segment row bounds outside the {n} positions given; pass Reconstruction.positions")
    counts = last - first + 1
    ends = np.cumsum(counts)
    # positional rows of every segment, concatenated: first[k], first[k]+1, ..., last[k]
    rows = np.arange(ends[-1], dtype=np.int64) + np.repeat(first - (ends - counts), counts)
    lon = _float_values(positions["lon"])[rows]
    lat = _float_values(positions["lat"])[rows]
    label = np.repeat(np.arange(first.size), counts)
    coords = np.column_stack([unwrap_lon(lon, label), lat])
    return np.split(coords, ends[:-1])


TRACK_LINE_COLUMNS = ["mmsi", "imo", "name", "ship_type", "kind", "dark", "segment_id", "start_time",
                      "end_time", "n_points", "length_km", "duration_h"]


def track_lines(result: Reconstruction) -> tuple[pd.DataFrame, list[np.ndarray]]:
    """Observed segments and dark connectors (``dark`` True) as one line table with
    :data:`TRACK_LINE_COLUMNS`, and each line's ``(n, 2)`` lon/lat coordinates."""
    segments, gaps = result.segments, result.dark_gaps
    observed = segments.assign(
        kind="observed", dark=False,
        duration_h=(segments["end_time"] - segments["start_time"]).dt.total_seconds() / 3600.0)
    dark = gaps.assign(kind="dark", dark=True, segment_id=-1, n_points=2, length_km=gaps["distance_km"])
    frame = pd.concat([observed[TRACK_LINE_COLUMNS], dark[TRACK_LINE_COLUMNS]], ignore_index=True)
    frame["dark"] = frame["dark"].astype(bool)
    frame["segment_id"] = frame["segment_id"].astype("int64")
    frame["n_points"] = frame["n_points"].astype("int64")
    for column in ("mmsi", "imo", "name", "kind"):
        frame[column] = frame[column].astype(object)
    return frame, result.track_coordinates() + gap_coordinates(gaps)


def gap_coordinates(gaps: pd.DataFrame) -> list[np.ndarray]:
    """Two-point lon/lat arrays from each gap's start to its end, unwrapped across the antimeridian."""
    start = gaps[["start_lon", "start_lat"]].to_numpy(dtype="float64")
    end = gaps[["end_lon", "end_lat"]].to_numpy(dtype="float64")
    end[:, 0] = start[:, 0] + wrap_lon(end[:, 0] - start[:, 0])
    return [np.vstack([a, b]) for a, b in zip(start, end)]
