"""Stop (port call / anchoring) detection on the canonical positions frame.

A *stop* is a stationary period of one vessel: consecutive positions that are all
"slow" and all lie within ``max_diameter_m / 2`` of the stop's first position (its
anchor), so no two positions are more than ``max_diameter_m`` apart, lasting at least
``min_duration_h`` from the first to the last position.

* Slow: ``sog <= max_speed_kn``; where SOG is missing, the implied speed (distance over
  time to the previous or next position of the same vessel, whichever is lower) must be
  ``<= max_speed_kn``. A vessel that only reports positions therefore still gets stops.
* Gaps: a silence of up to ``max_gap_h`` inside a stop is allowed when the vessel
  reappears slow and within the stop's radius (AIS is often off or unreceived at a berth).
  A longer silence ends the stop; the positions after it may start a new one.
* Drift: when a slow position falls outside the radius the current run is cut there and
  that position becomes the anchor of a new candidate run, so a slow drift across the
  radius yields shorter runs that each must last ``min_duration_h``. Before that,
  positions that cannot belong to any stop that long (nothing within ``max_diameter_m``
  half the minimum duration before or after them, e.g. a ship under way with SOG stuck
  at 0) are dropped and break their run.

Everything is vectorised over positions. The diameter split is greedy and so sequential
within a run, but each pass handles all runs at once and only re-reads the unresolved
part of a run (see :func:`_split_by_radius`); about 0.2-0.5 s per million positions.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Optional

import numpy as np
import pandas as pd

from .geo import KNOT_MPS, haversine_m, wrap_lon
from .ports import nearest_port, terminal_at
from .schema import conform
from .tracks import next_valid_index, prev_valid_index, ranges, sort_order, time_ns, vessel_codes

STOP_DTYPES: dict[str, str] = {
    "mmsi": "object",
    "imo": "object",
    "name": "object",
    "ship_type": "Int16",
    "start_time": "datetime64[ns, UTC]",
    "end_time": "datetime64[ns, UTC]",
    "duration_h": "float64",
    "lat": "float64",
    "lon": "float64",
    "n_points": "int64",
    "draught_start": "float32",
    "draught_end": "float32",
    "first_row": "int64",
    "last_row": "int64",
}
STOP_COLUMNS: list[str] = list(STOP_DTYPES)

PORT_ASSIGN_DTYPES: dict[str, str] = {
    "port_id": "object",
    "port_name": "object",
    "port_country": "object",
    "port_kind": "object",
    "port_km": "float64",
}
UNMATCHED_PORT_NAME = "anchorage"


def _implied_slow(lat: np.ndarray, lon: np.ndarray, t_s: np.ndarray,
                  same_prev: np.ndarray, max_speed_mps: float) -> np.ndarray:
    """Per position: the lower implied speed to its previous/next neighbour is <= the limit."""
    n = lat.size
    speed_prev = np.full(n, np.inf)
    if n > 1:
        d = haversine_m(lat[:-1], lon[:-1], lat[1:], lon[1:])
        dt = t_s[1:] - t_s[:-1]
        with np.errstate(divide="ignore", invalid="ignore"):
            v = np.where(dt > 0, d / dt, np.where(d <= 1.0, 0.0, np.inf))
        v = np.where(same_prev[1:] & np.isfinite(d), v, np.inf)
        speed_prev[1:] = v
    speed_next = np.full(n, np.inf)
    speed_next[:-1] = speed_prev[1:]
    return np.minimum(speed_prev, speed_next) <= max_speed_mps


# First search window (points after an anchor) of the diameter split; grows x4 when empty.
_SPLIT_WINDOW = 256


def _split_by_radius(starts: np.ndarray, lat: np.ndarray, lon: np.ndarray,
                     radius_m: float) -> np.ndarray:
    """Refine run starts so every point of a run is within ``radius_m`` of the run's first point.

    ``starts`` is a boolean mask over the (slow-only) points; returns the refined mask.
    Greedy and sequential per run (the first point beyond the radius becomes the next
    anchor), but vectorised across runs: each pass searches, for every open anchor at
    once, a window after its current search position, growing the window x4 while it
    finds nothing. Work is linear in the points plus one window per split, and the number
    of passes is about (splits in the longest-split run) + log4(run length).
    """
    n = lat.size
    start_pos = np.flatnonzero(starts)
    run_end = np.append(start_pos[1:], n)  # exclusive
    anchor = start_pos.copy()
    lo = anchor + 1
    end = run_end.copy()
    width = np.full(anchor.size, _SPLIT_WINDOW, dtype=np.int64)
    open_ = lo < end
    anchor, lo, end, width = anchor[open_], lo[open_], end[open_], width[open_]
    new_anchors = []
    while anchor.size:
        hi = np.minimum(lo + width, end)
        idx = ranges(lo, hi - lo)
        owner = np.repeat(np.arange(anchor.size), hi - lo)
        beyond = haversine_m(lat[idx], lon[idx], lat[anchor[owner]], lon[anchor[owner]]) > radius_m
        hit = np.flatnonzero(beyond)
        first_hit = hit[np.r_[True, owner[hit][1:] != owner[hit][:-1]]] if hit.size else hit
        found = np.zeros(anchor.size, dtype=bool)
        found[owner[first_hit]] = True
        split_at = np.zeros(anchor.size, dtype=np.int64)
        split_at[owner[first_hit]] = idx[first_hit]
        new_anchors.append(split_at[found])
        # found: restart from the new anchor; not found: search further, wider
        anchor = np.where(found, split_at, anchor)
        lo = np.where(found, split_at + 1, hi)
        width = np.where(found, _SPLIT_WINDOW, width * 4)
        open_ = lo < end
        anchor, lo, end, width = anchor[open_], lo[open_], end[open_], width[open_]
    out = starts.copy()
    if new_anchors:
        out[np.concatenate(new_anchors)] = True
    return out


def _can_belong_to_stop(run_id: np.ndarray, t_s: np.ndarray, lat: np.ndarray, lon: np.ndarray,
                        min_duration_s: float, max_diameter_m: float) -> np.ndarray:
    """Necessary condition for a point to be in a stop of ``min_duration_s``.

    A stop [s, e] containing the point's time t lasts >= D, so it reaches t + D/2 or
    t - D/2; the run's sample nearest inside that instant is then in the stop too and
    within ``max_diameter_m`` of the point. Points failing both directions (e.g. a ship
    under way whose SOG is stuck at 0) are dropped before the sequential diameter split,
    which keeps its pass count small.
    """
    if t_s.size == 0:
        return np.zeros(0, dtype=bool)
    half = min_duration_s / 2.0
    span = float(t_s.max() - t_s.min())
    key = t_s + run_id * (span + min_duration_s + 1.0)  # increasing; runs far apart in key
    fwd = np.searchsorted(key, key + half, side="right") - 1
    bwd = np.searchsorted(key, key - half, side="left")
    ok_fwd = haversine_m(lat, lon, lat[fwd], lon[fwd]) <= max_diameter_m
    ok_bwd = haversine_m(lat, lon, lat[bwd], lon[bwd]) <= max_diameter_m
    return ok_fwd | ok_bwd


def detect_stops(
    positions: pd.DataFrame,
    max_speed_kn: float = 1.0,
    max_diameter_m: float = 2000.0,
    min_duration_h: float = 2.0,
    max_gap_h: float = 6.0,
) -> pd.DataFrame:
    """Stationary periods of each vessel, one row per stop (see the module docstring).

    ``positions`` is a canonical positions frame (see :mod:`.schema`); extra columns are
    ignored and rows with missing lat/lon/time are skipped. If it is not sorted by vessel
    then time it is sorted internally. ``first_row``/``last_row`` are positional (iloc)
    indices into ``positions`` of the stop's first and last position. ``lat``/``lon``
    are the median position. ``draught_start``/``draught_end`` are the first/last
    non-null draught within the stop; when the stop has none, the last one reported in
    the ``max_gap_h`` before it (start) or the first in the ``max_gap_h`` after it (end).
    """
    for name, value in (("max_speed_kn", max_speed_kn), ("max_diameter_m", max_diameter_m),
                        ("min_duration_h", min_duration_h), ("max_gap_h", max_gap_h)):
        if not np.isfinite(value) or value < 0:
            raise ValueError(f"detect_stops: {name} must be a non-negative number, got {value!r}")
    missing = [c for c in ("mmsi", "time", "lat", "lon") if c not in positions.columns]
    if missing:
        raise ValueError(f"detect_stops: positions frame lacks column(s) {missing}")
    empty = conform(pd.DataFrame(columns=STOP_COLUMNS), STOP_DTYPES)
    if positions.empty:
        return empty

    codes_all = vessel_codes(positions)
    t_all = time_ns(positions)
    lat_all = positions["lat"].to_numpy(dtype=np.float64)
    lon_all = positions["lon"].to_numpy(dtype=np.float64)
    ok = (codes_all >= 0) & np.isfinite(lat_all) & np.isfinite(lon_all) & (t_all != np.iinfo(np.int64).min)
    rows = np.flatnonzero(ok)  # positional rows of positions, in processing order
    order = sort_order(codes_all[rows], t_all[rows])
    if order is not None:
        rows = rows[order]
    codes, t = codes_all[rows], t_all[rows]
    lat, lon = lat_all[rows], lon_all[rows]
    if "sog" in positions.columns:
        sog = positions["sog"].to_numpy(dtype=np.float64, na_value=np.nan)[rows]
    else:
        sog = np.full(rows.size, np.nan)
    n = rows.size
    if n == 0:
        return empty

    t_s = (t - t[0]) / 1e9
    same_prev = np.zeros(n, dtype=bool)
    same_prev[1:] = codes[1:] == codes[:-1]
    slow = sog <= max_speed_kn
    no_sog = np.isnan(sog)
    if no_sog.any():
        slow |= no_sog & _implied_slow(lat, lon, t_s, same_prev, max_speed_kn * KNOT_MPS)

    # candidate runs over the slow positions only: a run breaks at a new vessel, a fast
    # position in between, or a silence longer than max_gap_h
    sidx = np.flatnonzero(slow)
    if sidx.size == 0:
        return empty
    starts = np.ones(sidx.size, dtype=bool)
    if sidx.size > 1:
        adjacent = sidx[1:] == sidx[:-1] + 1
        same_vessel = codes[sidx[1:]] == codes[sidx[:-1]]
        short_gap = (t_s[sidx[1:]] - t_s[sidx[:-1]]) <= max_gap_h * 3600.0
        starts[1:] = ~(adjacent & same_vessel & short_gap)
    if min_duration_h > 0:
        keep_pt = _can_belong_to_stop(np.cumsum(starts) - 1, t_s[sidx], lat[sidx], lon[sidx],
                                      min_duration_h * 3600.0, max_diameter_m)
        if not keep_pt.all():
            # dropped points break runs like fast positions do
            broke = np.zeros(sidx.size, dtype=bool)
            broke[1:] = ~keep_pt[:-1]
            starts = (starts | broke)[keep_pt]
            sidx = sidx[keep_pt]
            if sidx.size == 0:
                return empty
    starts = _split_by_radius(starts, lat[sidx], lon[sidx], max_diameter_m / 2.0)

    run_start = np.flatnonzero(starts)
    run_end = np.append(run_start[1:], sidx.size) - 1  # inclusive, in sidx space
    first = sidx[run_start]
    last = sidx[run_end]
    duration_h = (t_s[last] - t_s[first]) / 3600.0
    keep = duration_h >= min_duration_h
    if not keep.any():
        return empty
    first, last, duration_h = first[keep], last[keep], duration_h[keep]
    n_points = last - first + 1
    n_stops = first.size

    # median position: positions of the stop are contiguous [first, last] in sorted space
    stop_of = np.repeat(np.arange(n_stops), n_points)
    member = ranges(first, n_points)
    anchor_lon = lon[first]
    dlon = wrap_lon(lon[member] - anchor_lon[stop_of])  # antimeridian-safe
    med = pd.DataFrame({"s": stop_of, "lat": lat[member], "dlon": dlon}).groupby("s", sort=True).median()
    med_lat = med["lat"].to_numpy()
    med_lon = wrap_lon(anchor_lon + med["dlon"].to_numpy())

    # draughts
    if "draught" in positions.columns:
        draught = positions["draught"].to_numpy(dtype=np.float64, na_value=np.nan)[rows]
    else:
        draught = np.full(n, np.nan)
    has_d = np.isfinite(draught) & (draught > 0)
    nxt = next_valid_index(has_d)
    prv = prev_valid_index(has_d)
    window_s = max_gap_h * 3600.0
    d_start = np.full(n_stops, np.nan)
    d_end = np.full(n_stops, np.nan)
    j = nxt[first]
    inside = (j >= 0) & (j <= np.where(j >= 0, last, -1))
    d_start[inside] = draught[j[inside]]
    j = prv[first]
    before = ~inside & (j >= 0)
    jj = np.where(before, j, 0)
    before &= (codes[jj] == codes[first]) & (t_s[first] - t_s[jj] <= window_s)
    d_start[before] = draught[jj[before]]
    j = prv[last]
    inside = j >= first
    d_end[inside] = draught[j[inside]]
    j = nxt[last]
    after = ~inside & (j >= 0)
    jj = np.where(after, j, 0)
    after &= (codes[jj] == codes[last]) & (t_s[jj] - t_s[last] <= window_s)
    d_end[after] = draught[jj[after]]

    out = pd.DataFrame({
        "mmsi": positions["mmsi"].iloc[rows[first]].astype(str).to_numpy(),
        "start_time": pd.to_datetime(t[first], utc=True),
        "end_time": pd.to_datetime(t[last], utc=True),
        "duration_h": duration_h,
        "lat": med_lat,
        "lon": med_lon,
        "n_points": n_points.astype(np.int64),
        "draught_start": d_start,
        "draught_end": d_end,
        "first_row": rows[first].astype(np.int64),
        "last_row": rows[last].astype(np.int64),
    })
    for col in ("imo", "name", "ship_type"):
        out[col] = _identity(positions, col, rows, codes, first, last)
    return conform(out, STOP_DTYPES)


def _identity(positions: pd.DataFrame, col: str, rows: np.ndarray, codes: np.ndarray,
              first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Per stop: the last non-null ``col`` at or before the stop's end for that vessel,
    else the first one after it (identity fields are often sent less often than positions)."""
    n_stops = first.size
    out = np.full(n_stops, None, dtype=object)
    if col not in positions.columns:
        return out
    series = positions[col]
    if isinstance(series.dtype, pd.CategoricalDtype):
        cat_ok = np.asarray(series.cat.categories.astype(str).str.strip() != "", dtype=bool)
        cat_codes = series.cat.codes.to_numpy()
        valid = (cat_codes >= 0) & np.append(cat_ok, False)[cat_codes]
    else:
        valid = series.notna().to_numpy()
        if series.dtype == object:
            valid &= series.astype(str).str.strip().ne("").to_numpy()
    valid = valid[rows]
    prv = prev_valid_index(valid)[last]
    ok_prev = (prv >= 0) & (codes[np.maximum(prv, 0)] == codes[last])
    nxt = next_valid_index(valid)[last]
    ok_next = ~ok_prev & (nxt >= 0) & (codes[np.maximum(nxt, 0)] == codes[last])
    chosen = np.where(ok_prev, prv, nxt)
    take = ok_prev | ok_next
    if take.any():
        values = series.iloc[rows[chosen[take]]]
        out[take] = values.astype(object).to_numpy()
    return out


def assign_ports(
    stops: pd.DataFrame,
    ports: pd.DataFrame,
    terminals: Optional[Iterable[dict]] = None,
    max_km: float = 5.0,
) -> pd.DataFrame:
    """Return ``stops`` with ``port_id, port_name, port_country, port_kind, port_km`` added.

    A stop whose median position lies inside a terminal polygon gets that terminal
    (``port_id`` = terminal id, ``port_kind`` = its kind, ``port_km`` = 0). Otherwise the
    nearest port point within ``max_km`` (``port_kind`` = "port"). Otherwise
    ``port_name`` = ``port_kind`` = "anchorage", no id or country, and ``port_km`` the
    distance to the nearest port of any distance (NaN if ``ports`` is empty).
    """
    out = stops.copy()
    n = len(out)
    lat = out["lat"].to_numpy(dtype=float)
    lon = out["lon"].to_numpy(dtype=float)
    pid = np.full(n, None, dtype=object)
    pname = np.full(n, UNMATCHED_PORT_NAME, dtype=object)
    pcountry = np.full(n, None, dtype=object)
    pkind = np.full(n, UNMATCHED_PORT_NAME, dtype=object)
    pkm = np.full(n, np.nan)
    if n and len(ports):
        near = nearest_port(lat, lon, ports, max_km=None)
        pkm = near["port_km"].to_numpy(dtype=float)
        within = pkm <= max_km
        pid[within] = near["port_id"].to_numpy()[within]
        pname[within] = near["port_name"].to_numpy()[within]
        pcountry[within] = near["port_country"].to_numpy()[within]
        pkind[within] = "port"
    terminals = list(terminals or [])
    if n and terminals:
        which = terminal_at(lat, lon, terminals)
        for k in np.flatnonzero(which >= 0):
            term = terminals[which[k]]
            pid[k], pname[k], pcountry[k], pkind[k], pkm[k] = (
                term["id"], term["name"], term["country"] or None, term["kind"], 0.0)
    added = conform(pd.DataFrame({"port_id": pid, "port_name": pname, "port_country": pcountry,
                                  "port_kind": pkind, "port_km": pkm}, index=out.index),
                    PORT_ASSIGN_DTYPES)
    for col in added.columns:
        out[col] = added[col]
    return out
