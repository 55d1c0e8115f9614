"""Port calls: AIS stops plus *dark* calls that fit inside AIS gaps.

Public API
----------
* :class:`CallParams` - thresholds (max speed, minimum stay, draught change, "near" distance...).
* :class:`Area` / :func:`areas_from` - the places a call can be made at: terminal polygons,
  port points (a disc of ``port_radius_km``) and optionally a user's region polygon.
* :func:`stop_calls` ``(stops, params) -> calls`` - AIS stops (from ``stops.detect_stops`` +
  ``stops.assign_ports``) as calls, evidence ``ais_stop``, level ``confirmed``.
* :func:`dark_calls` ``(dark_gaps, areas, sightings=None, params) -> calls`` - visits that fit
  in dark gaps (``tracks.reconstruct(...).dark_gaps``).
* :func:`detect_calls` ``(stops, dark_gaps, areas, sightings=None, params) -> calls`` - both,
  merged per vessel and port, sorted by vessel then arrival.
* :func:`match_sightings` ``(sightings, mmsi, imo, name) -> (row, sighting) index pairs``.

Calls frame: :data:`CALL_COLUMNS` (``mmsi, imo, name, ship_type, port_id, port, port_kind,
arrival, departure, duration_h, evidence, evidence_all, level, draught_in, draught_out,
lat, lon, detour_km``).

Dark-call rules (all distances great-circle, speeds in knots)
-------------------------------------------------------------
For a gap from ``(t0, p0)`` to ``(t1, p1)`` and an area A at distances ``d0`` (gap start -> A)
and ``d1`` (A -> gap end), the visit is *feasible* when
``(d0 + d1) / max_speed_kn + min_stay_h <= t1 - t0`` (equality counts as feasible). Distance to
a polygon is 0 inside it, else to its nearest edge; to a port point it is the distance minus
``port_radius_km``. Then, per gap:

1. a satellite sighting of the vessel during the gap, within ``sighting_km`` of a feasible
   area and reachable from the gap start and to the gap end at ``max_speed_kn`` ->
   evidence ``sighting``, level ``confirmed`` (one call per sighted area);
2. otherwise a draught change across the gap of at least ``draught_change_m`` (the difference
   rounded to 1 cm, so float32 noise cannot decide; a rise means loading, a fall discharge) -> evidence ``dark_gap``,
   level ``inferred``, at the feasible area with the smallest detour ``d0 + d1``;
3. otherwise, when both ends of the gap lie within ``near_km`` of a feasible area ->
   ``dark_gap``, level ``possible``. Default 50 km: about the distance a tanker covers in
   3 h at 9 kn, so a ship that switches AIS off on the port approach is caught, while a gap
   far out at sea is not pinned on a port (GFW ignores gaps starting within 50 nm of shore for
   its *at-sea* disabling events, FACTS §4b; this is the complementary near-port rule).
   Possible calls are listed but must never be counted in headline figures.

Among areas whose detour is within ``prefer_within_km`` of the best, the most specific kind
wins (region, oil terminal, anchorage, port area, port point), then the shorter detour.
Dark calls use the gap bounds as arrival and departure, the area's representative point
(sighting position for sighted calls) as lat/lon, and the draughts before/after the gap.
Calls of one vessel at the same ``port_id`` that overlap or follow within ``merge_gap_h``
(default 6 h) are merged, e.g. a berth stop followed by an AIS-off period at the same berth.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from .geo import EARTH_RADIUS_M, METRES_PER_NM, haversine_m
from .polygons import normalize_geometry, points_in_polygon
from .schema import conform

CALL_DTYPES: dict[str, str] = {
    "mmsi": "object",
    "imo": "object",
    "name": "object",
    "ship_type": "Int16",
    "port_id": "object",
    "port": "object",
    "port_kind": "object",
    "arrival": "datetime64[ns, UTC]",
    "departure": "datetime64[ns, UTC]",
    "duration_h": "float64",
    "evidence": "object",       # strongest: sighting, ais_stop, dark_gap
    "evidence_all": "object",   # every kind of evidence of the (merged) call, "|"-joined
    "level": "object",          # confirmed, inferred, possible
    "draught_in": "float32",
    "draught_out": "float32",
    "lat": "float64",
    "lon": "float64",
    "detour_km": "float64",     # dark calls: gap start -> area -> gap end; NaN for stops
}
CALL_COLUMNS: list[str] = list(CALL_DTYPES)

LEVELS: tuple[str, ...] = ("confirmed", "inferred", "possible")
LEVEL_RANK: dict[str, int] = {"confirmed": 3, "inferred": 2, "possible": 1}
COUNTED_LEVELS: frozenset[str] = frozenset({"confirmed", "inferred"})
EVIDENCE_RANK: dict[str, int] = {"sighting": 3, "ais_stop": 2, "dark_gap": 1}
# lower = more specific; decides between areas at (nearly) the same detour
KIND_PRIORITY: dict[str, int] = {"region": 0, "oil_terminal": 1, "anchorage": 2,
                                 "port_area": 3, "port": 4}
_KM_PER_NM = METRES_PER_NM / 1000.0
_NS_PER_H = 3600e9


@dataclass(frozen=True)
class CallParams:
    """Thresholds of call detection (see the module docstring for how each is used)."""

    max_speed_kn: float = 12.0
    min_stay_h: float = 2.0
    draught_change_m: float = 0.5
    near_km: float = 50.0
    sighting_km: float = 5.0
    prefer_within_km: float = 10.0
    merge_gap_h: float = 6.0

    def __post_init__(self) -> None:
        for name in ("max_speed_kn", "min_stay_h", "draught_change_m", "near_km",
                     "sighting_km", "prefer_within_km", "merge_gap_h"):
            value = getattr(self, name)
            if not np.isfinite(value) or value < 0:
                raise ValueError(f"CallParams.{name} must be a non-negative number, got {value!r}")
        if self.max_speed_kn <= 0:
            raise ValueError(f"CallParams.max_speed_kn must be > 0, got {self.max_speed_kn!r}")


DEFAULT_PARAMS = CallParams()  # frozen, so safe as a shared default


@dataclass
class Area:
    """A place a vessel can call at: a polygon (``geometry``) or a point with ``radius_km``."""

    id: str
    name: str
    kind: str                          # region, oil_terminal, anchorage, port_area, port
    lat: float                         # representative point (written on dark calls)
    lon: float
    geometry: Optional[list] = None    # normalised multipolygon (see polygons.py)
    radius_km: float = 0.0

    def distance_km(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Distance from each point to the area, 0 inside it."""
        lat = np.asarray(lat, dtype=np.float64)
        lon = np.asarray(lon, dtype=np.float64)
        if self.geometry is None:
            return np.maximum(haversine_m(lat, lon, self.lat, self.lon) / 1000.0 - self.radius_km, 0.0)
        return polygon_distance_km(lat, lon, self.geometry)


def polygon_distance_km(lat: np.ndarray, lon: np.ndarray, geometry) -> np.ndarray:
    """Distance (km) from each point to a (multi)polygon: 0 inside, else to the nearest edge.

    Edges are measured in a local equirectangular frame around each query point, accurate
    to well under 1 % at the tens-of-km scale that matters here.
    """
    polys = as_multipolygon(geometry)
    lat = np.atleast_1d(np.asarray(lat, dtype=np.float64))
    lon = np.atleast_1d(np.asarray(lon, dtype=np.float64))
    inside = points_in_polygon(lat, lon, polys)
    rings = [ring for poly in polys for ring in poly]
    ex = np.concatenate([r[:, 0] for r in rings])
    ey = np.concatenate([r[:, 1] for r in rings])
    fx = np.concatenate([np.roll(r[:, 0], -1) for r in rings])
    fy = np.concatenate([np.roll(r[:, 1], -1) for r in rings])
    km_per_deg = EARTH_RADIUS_M * np.pi / 180.0 / 1000.0
    out = np.empty(lat.size)
    chunk = max(1, 2_000_000 // max(ex.size, 1))
    for lo in range(0, lat.size, chunk):
        qy, qx = lat[lo:lo + chunk, None], lon[lo:lo + chunk, None]
        scale = np.cos(np.radians(qy)) * km_per_deg
        ax = _wrap(ex[None, :] - qx) * scale
        bx = _wrap(fx[None, :] - qx) * scale
        ay = (ey[None, :] - qy) * km_per_deg
        by = (fy[None, :] - qy) * km_per_deg
        dx, dy = bx - ax, by - ay
        len2 = dx * dx + dy * dy
        with np.errstate(invalid="ignore", divide="ignore"):
            tpar = np.clip(np.where(len2 > 0, -(ax * dx + ay * dy) / len2, 0.0), 0.0, 1.0)
        px, py = ax + tpar * dx, ay + tpar * dy
        out[lo:lo + chunk] = np.sqrt(px * px + py * py).min(axis=1)
    out[inside] = 0.0
    out[~(np.isfinite(lat) & np.isfinite(lon))] = np.nan
    return out


def _wrap(dlon: np.ndarray) -> np.ndarray:
    return np.mod(dlon + 180.0, 360.0) - 180.0


def as_multipolygon(geometry) -> list:
    """``geometry`` normalised by :func:`.polygons.normalize_geometry` (no-op when it already is)."""
    return geometry if _is_multipolygon(geometry) else normalize_geometry(geometry)


def _is_multipolygon(geometry) -> bool:
    return (isinstance(geometry, list) and bool(geometry) and isinstance(geometry[0], list)
            and bool(geometry[0]) and isinstance(geometry[0][0], np.ndarray))


def _centroid(polys: list) -> tuple[float, float]:
    """Vertex mean of the exterior rings (good enough for a representative point of a berth box)."""
    pts = np.concatenate([poly[0] for poly in polys])
    lon0 = pts[0, 0]
    lon = lon0 + np.mean(_wrap(pts[:, 0] - lon0))  # antimeridian-safe mean
    return float(np.mean(pts[:, 1])), float(_wrap(np.asarray(lon)))


def region_area(geometry, name: str = "region", area_id: str = "region") -> Area:
    """The user's region polygon as an :class:`Area` of kind ``region``."""
    polys = as_multipolygon(geometry)
    lat, lon = _centroid(polys)
    if not points_in_polygon(lat, lon, polys)[0]:
        # concave or holed shapes: use the region's vertex nearest the vertex mean
        pts = np.concatenate([poly[0] for poly in polys])
        k = int(np.argmin(haversine_m(pts[:, 1], pts[:, 0], lat, lon)))
        lat, lon = float(pts[k, 1]), float(pts[k, 0])
    return Area(id=area_id, name=name, kind="region", lat=lat, lon=lon, geometry=polys)


def areas_from(ports: Optional[pd.DataFrame] = None, terminals: Optional[Iterable[dict]] = None,
               region=None, port_radius_km: float = 5.0) -> list[Area]:
    """Areas for :func:`dark_calls`: terminal polygons (``ports.load_terminals``), port points
    (a ports/gazetteer frame with ``port_id, name, lat, lon``) and an optional region polygon."""
    areas: list[Area] = []
    if region is not None:
        areas.append(region_area(region))
    for term in terminals or []:
        lat, lon = _centroid(term["geometry"])
        areas.append(Area(id=str(term["id"]), name=term["name"], kind=term["kind"],
                          lat=lat, lon=lon, geometry=term["geometry"]))
    if ports is not None and len(ports):
        ids = ports["port_id"] if "port_id" in ports.columns else pd.Series(range(len(ports)))
        for pid, name, lat, lon in zip(ids.astype(str), ports["name"], ports["lat"], ports["lon"]):
            if np.isfinite(lat) and np.isfinite(lon):
                areas.append(Area(id=pid, name=str(name), kind="port", lat=float(lat),
                                  lon=float(lon), radius_km=port_radius_km))
    return areas


# ---------------------------------------------------------------------------- sightings

def _norm_name(values: pd.Series) -> pd.Series:
    return (values.astype(object).where(values.notna(), "").astype(str).str.upper()
            .str.replace(r"[^A-Z0-9]", "", regex=True))


def _norm_id(values: pd.Series) -> pd.Series:
    s = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    return s.str.replace(r"^IMO\s*", "", regex=True, case=False).str.replace(r"\.0$", "", regex=True)


def match_sightings(sightings: pd.DataFrame, mmsi: pd.Series, imo: pd.Series,
                    name: pd.Series) -> pd.DataFrame:
    """Pairs ``(row, sighting)`` of positional indices where a sighting names the vessel of row.

    A sighting matches by IMO, else by MMSI, else (when it gives neither) by normalised name.
    """
    if sightings is None or len(sightings) == 0 or len(mmsi) == 0:
        return pd.DataFrame({"row": np.empty(0, np.int64), "sighting": np.empty(0, np.int64)})
    rows = pd.DataFrame({"row": np.arange(len(mmsi)), "mmsi": _norm_id(pd.Series(list(mmsi))),
                         "imo": _norm_id(pd.Series(list(imo))), "name": _norm_name(pd.Series(list(name)))})
    sg = pd.DataFrame({"sighting": np.arange(len(sightings)),
                       "mmsi": _norm_id(sightings["mmsi"].reset_index(drop=True)),
                       "imo": _norm_id(sightings["imo"].reset_index(drop=True)),
                       "name": _norm_name(sightings["name"].reset_index(drop=True))})
    parts = []
    for key in ("imo", "mmsi"):
        a, b = rows[rows[key] != ""], sg[sg[key] != ""]
        parts.append(a[["row", key]].merge(b[["sighting", key]], on=key)[["row", "sighting"]])
    by_name = sg[(sg["imo"] == "") & (sg["mmsi"] == "") & (sg["name"] != "")]
    a = rows[rows["name"] != ""]
    parts.append(a[["row", "name"]].merge(by_name[["sighting", "name"]], on="name")[["row", "sighting"]])
    out = pd.concat(parts, ignore_index=True).drop_duplicates()
    return out.astype(np.int64).reset_index(drop=True)


# ---------------------------------------------------------------------------- calls

def _empty_calls() -> pd.DataFrame:
    return conform(pd.DataFrame(columns=CALL_COLUMNS), CALL_DTYPES)


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} frame lacks column(s) {', '.join(missing)} "
                         f"(has {', '.join(map(str, frame.columns))})")


def stop_calls(stops: pd.DataFrame, params: CallParams = DEFAULT_PARAMS) -> pd.DataFrame:
    """AIS stops as calls (evidence ``ais_stop``, level ``confirmed``).

    ``stops`` come from ``detect_stops``; with ``assign_ports`` columns the call carries the
    port/terminal, otherwise port ``anchorage``. Stops outside any port are kept: a stop in a
    user's region (e.g. a transfer area) is a call there.
    """
    if stops is None or len(stops) == 0:
        return _empty_calls()
    _require(stops, ("mmsi", "start_time", "end_time", "lat", "lon"), "stops")
    n = len(stops)

    def col(name: str, default) -> pd.Series:
        return stops[name] if name in stops.columns else pd.Series([default] * n, index=stops.index)

    out = pd.DataFrame({
        "mmsi": stops["mmsi"].astype(str), "imo": col("imo", None), "name": col("name", None),
        "ship_type": col("ship_type", None), "port_id": col("port_id", None),
        "port": col("port_name", "anchorage"), "port_kind": col("port_kind", "anchorage"),
        "arrival": stops["start_time"], "departure": stops["end_time"],
        "evidence": "ais_stop", "evidence_all": "ais_stop", "level": "confirmed",
        "draught_in": col("draught_start", np.nan), "draught_out": col("draught_end", np.nan),
        "lat": stops["lat"], "lon": stops["lon"], "detour_km": np.nan,
    })
    out["duration_h"] = (out["departure"] - out["arrival"]).dt.total_seconds() / 3600.0
    return conform(out.reset_index(drop=True), CALL_DTYPES)


def draught_change(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """``after - before`` rounded to 1 cm (AIS gives 0.1 m; float32 noise must not decide)."""
    before = np.asarray(before, dtype=np.float64)
    after = np.asarray(after, dtype=np.float64)
    return np.round(after - before, 2)


def _area_distances(lat: np.ndarray, lon: np.ndarray, areas: Sequence[Area]) -> np.ndarray:
    """(points x areas) distance matrix in km. Port points use one matrix product."""
    out = np.empty((lat.size, len(areas)))
    point_idx = [k for k, a in enumerate(areas) if a.geometry is None]
    if point_idx:
        plat = np.radians([areas[k].lat for k in point_idx])
        plon = np.radians([areas[k].lon for k in point_idx])
        prad = np.array([areas[k].radius_km for k in point_idx])
        ref = np.stack([np.cos(plat) * np.cos(plon), np.cos(plat) * np.sin(plon), np.sin(plat)])
        qlat, qlon = np.radians(lat), np.radians(lon)
        q = np.stack([np.cos(qlat) * np.cos(qlon), np.cos(qlat) * np.sin(qlon), np.sin(qlat)], axis=1)
        # chord length -> great-circle distance (stable for small distances, unlike arccos)
        chord = np.sqrt(np.maximum(2.0 - 2.0 * (q @ ref), 0.0))
        d = 2.0 * np.arcsin(np.minimum(chord / 2.0, 1.0)) * EARTH_RADIUS_M / 1000.0
        out[:, point_idx] = np.maximum(d - prad[None, :], 0.0)
    for k, area in enumerate(areas):
        if area.geometry is not None:
            out[:, k] = area.distance_km(lat, lon)
    return out


def _choose(detour: np.ndarray, ok: np.ndarray, kind_rank: np.ndarray, prefer_km: float) -> np.ndarray:
    """Per row, the column of the chosen area among ``ok`` ones (-1 if none)."""
    big = np.where(ok, detour, np.inf)
    best = big.min(axis=1, initial=np.inf) if big.shape[1] else np.full(big.shape[0], np.inf)
    close = ok & (big <= best[:, None] + prefer_km)
    # lexicographic (kind, detour) among the close ones
    score = np.where(close, kind_rank[None, :] * 1e9 + big, np.inf)
    choice = np.argmin(score, axis=1) if score.shape[1] else np.zeros(score.shape[0], dtype=np.int64)
    return np.where(np.isfinite(best), choice, -1)


def dark_calls(dark_gaps: pd.DataFrame, areas: Sequence[Area], sightings: Optional[pd.DataFrame] = None,
               params: CallParams = DEFAULT_PARAMS) -> pd.DataFrame:
    """Visits to ``areas`` that fit inside the dark gaps (rules in the module docstring)."""
    if dark_gaps is None or len(dark_gaps) == 0 or not areas:
        return _empty_calls()
    _require(dark_gaps, ("mmsi", "imo", "name", "ship_type", "start_time", "end_time", "start_lat",
                         "start_lon", "end_lat", "end_lon", "draught_before", "draught_after"), "dark gaps")
    gaps = dark_gaps.reset_index(drop=True)
    g0lat, g0lon = gaps["start_lat"].to_numpy(float), gaps["start_lon"].to_numpy(float)
    g1lat, g1lon = gaps["end_lat"].to_numpy(float), gaps["end_lon"].to_numpy(float)
    t0 = gaps["start_time"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    t1 = gaps["end_time"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    dur_h = (t1 - t0) / _NS_PER_H
    speed_kmh = params.max_speed_kn * _KM_PER_NM
    eps = 1e-9

    d0 = _area_distances(g0lat, g0lon, areas)
    d1 = _area_distances(g1lat, g1lon, areas)
    detour = d0 + d1
    feasible = detour / speed_kmh + params.min_stay_h <= dur_h[:, None] + eps
    kind_rank = np.array([KIND_PRIORITY.get(a.kind, len(KIND_PRIORITY)) for a in areas], dtype=float)

    records: list[dict] = []
    sighted = np.zeros(len(gaps), dtype=bool)
    if sightings is not None and len(sightings):
        pairs = match_sightings(sightings, gaps["mmsi"], gaps["imo"], gaps["name"])
        if len(pairs):
            s = sightings.reset_index(drop=True)
            gi = pairs["row"].to_numpy()
            si = pairs["sighting"].to_numpy()
            ts = s["time"].to_numpy(dtype="datetime64[ns]").view(np.int64)[si]
            slat = s["lat"].to_numpy(float)[si]
            slon = s["lon"].to_numpy(float)[si]
            within = (ts >= t0[gi]) & (ts <= t1[gi])
            reach0 = haversine_m(g0lat[gi], g0lon[gi], slat, slon) / 1000.0 / speed_kmh
            reach1 = haversine_m(slat, slon, g1lat[gi], g1lon[gi]) / 1000.0 / speed_kmh
            within &= (reach0 <= (ts - t0[gi]) / _NS_PER_H + eps) & (reach1 <= (t1[gi] - ts) / _NS_PER_H + eps)
            gi, si, slat, slon = gi[within], si[within], slat[within], slon[within]
            if gi.size:
                ds = _area_distances(slat, slon, areas)
                ok = (ds <= params.sighting_km) & feasible[gi]
                choice = _choose(ds, ok, kind_rank, params.prefer_within_km)
                seen: set[tuple[int, int]] = set()
                for g, k, la, lo in zip(gi, choice, slat, slon):
                    if k < 0 or (g, k) in seen:
                        continue
                    seen.add((g, k))
                    sighted[g] = True
                    records.append(_dark_record(gaps, g, areas[k], "sighting", "confirmed",
                                                la, lo, detour[g, k]))

    change = draught_change(gaps["draught_before"].to_numpy(float), gaps["draught_after"].to_numpy(float))
    changed = np.abs(change) >= params.draught_change_m - 1e-9  # NaN compares False
    choice = _choose(detour, feasible, kind_rank, params.prefer_within_km)
    near_ok = feasible & (d0 <= params.near_km) & (d1 <= params.near_km)
    near_choice = _choose(detour, near_ok, kind_rank, params.prefer_within_km)
    for g in np.flatnonzero(~sighted):
        if changed[g] and choice[g] >= 0:
            k = choice[g]
            records.append(_dark_record(gaps, g, areas[k], "dark_gap", "inferred",
                                        areas[k].lat, areas[k].lon, detour[g, k]))
        elif near_choice[g] >= 0:
            k = near_choice[g]
            records.append(_dark_record(gaps, g, areas[k], "dark_gap", "possible",
                                        areas[k].lat, areas[k].lon, detour[g, k]))
    if not records:
        return _empty_calls()
    out = pd.DataFrame.from_records(records)
    out["duration_h"] = (out["departure"] - out["arrival"]).dt.total_seconds() / 3600.0
    return conform(out, CALL_DTYPES)


def _dark_record(gaps: pd.DataFrame, g: int, area: Area, evidence: str, level: str,
                 lat: float, lon: float, detour_km: float) -> dict:
    row = gaps.iloc[g]
    return {"mmsi": str(row["mmsi"]), "imo": row["imo"], "name": row["name"],
            "ship_type": row["ship_type"], "port_id": area.id, "port": area.name,
            "port_kind": area.kind, "arrival": row["start_time"], "departure": row["end_time"],
            "evidence": evidence, "evidence_all": evidence, "level": level,
            "draught_in": row["draught_before"], "draught_out": row["draught_after"],
            "lat": float(lat), "lon": float(lon), "detour_km": float(detour_km)}


def merge_calls(calls: pd.DataFrame, merge_gap_h: float = 6.0) -> pd.DataFrame:
    """Merge calls of one vessel at the same ``port_id`` that overlap or follow each other
    within ``merge_gap_h`` (a berth stop then an AIS-off period at the same berth is one call).

    The merged call keeps the earliest arrival, latest departure, the first call's
    ``draught_in`` and the last call's ``draught_out``, the best level, the strongest
    evidence, all evidence kinds, and the position of the call with the strongest evidence.
    Calls without a ``port_id`` (stops away from any port) are never merged.
    """
    if len(calls) < 2:
        return calls.reset_index(drop=True)
    df = calls.sort_values(["mmsi", "arrival", "departure"], kind="mergesort").reset_index(drop=True)
    arr = df["arrival"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    dep = df["departure"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    mmsi = df["mmsi"].astype(str).to_numpy()
    pid = df["port_id"].astype(object).where(df["port_id"].notna(), None).to_numpy()
    has_pid = df["port_id"].notna().to_numpy()
    # runs of consecutive calls of one vessel at one port; within a run a call starts a new
    # group when it arrives later than merge_gap_h after every earlier call of the run ended
    run_start = np.ones(len(df), dtype=bool)
    run_start[1:] = ~((mmsi[1:] == mmsi[:-1]) & has_pid[1:] & has_pid[:-1] & (pid[1:] == pid[:-1]))
    run = np.cumsum(run_start)
    prev_end = pd.Series(dep).groupby(run).cummax().shift(1).to_numpy()
    new_group = run_start.copy()
    new_group[1:] |= arr[1:] > prev_end[1:] + merge_gap_h * _NS_PER_H
    group = np.cumsum(new_group)
    if group[-1] == len(df):  # nothing merged
        return df
    return _aggregate(df, group)


def _aggregate(df: pd.DataFrame, group: np.ndarray) -> pd.DataFrame:
    df = df.assign(_g=group, _lvl=df["level"].map(LEVEL_RANK).fillna(0),
                   _ev=df["evidence"].map(EVIDENCE_RANK).fillna(0))
    rows = []
    for _, part in df.groupby("_g", sort=True):
        if len(part) == 1:
            rows.append(part.iloc[0].to_dict())
            continue
        best = part.sort_values(["_ev", "_lvl"], ascending=False, kind="mergesort").iloc[0].to_dict()
        kinds = sorted({e for v in part["evidence_all"] for e in str(v).split("|")},
                       key=lambda e: -EVIDENCE_RANK.get(e, 0))
        best.update({
            "arrival": part["arrival"].min(), "departure": part["departure"].max(),
            "draught_in": part["draught_in"].iloc[0], "draught_out": part["draught_out"].iloc[-1],
            "level": max(part["level"], key=lambda lv: LEVEL_RANK.get(lv, 0)),
            "evidence_all": "|".join(kinds),
            "detour_km": part["detour_km"].min(),
        })
        rows.append(best)
    out = pd.DataFrame.from_records(rows).drop(columns=["_g", "_lvl", "_ev"])
    out["duration_h"] = (out["departure"] - out["arrival"]).dt.total_seconds() / 3600.0
    return conform(out, CALL_DTYPES)


def detect_calls(stops: Optional[pd.DataFrame], dark_gaps: Optional[pd.DataFrame],
                 areas: Sequence[Area], sightings: Optional[pd.DataFrame] = None,
                 params: CallParams = DEFAULT_PARAMS) -> pd.DataFrame:
    """All calls: AIS stops plus dark calls, merged per vessel and port (see :func:`merge_calls`),
    sorted by vessel then arrival."""
    parts = [stop_calls(stops, params), dark_calls(dark_gaps, areas, sightings, params)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty_calls()
    calls = conform(pd.concat(parts, ignore_index=True), CALL_DTYPES)
    return conform(merge_calls(calls, params.merge_gap_h), CALL_DTYPES).reset_index(drop=True)
