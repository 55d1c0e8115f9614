"""Port calls: AIS stops plus *dark* calls that fit inside AIS gaps.

Public API
----------
* :class:`CallParams` - thresholds (max speed, minimum stay, draught change, "near" distance...).
* :class:`Area` / :func:`areas_from` - the places a call can be made at: terminal polygons,
  port points (a disc of ``port_radius_km``) and optionally a user's region polygon.
* :func:`stop_calls` ``(stops) -> calls`` - AIS stops (from ``stops.detect_stops`` +
  ``stops.assign_ports``) as calls, evidence ``ais_stop``, level ``confirmed``.
* :func:`dark_calls` ``(dark_gaps, areas, sightings=None, params) -> calls`` - visits that fit
  in dark gaps (``tracks.reconstruct(...).dark_gaps``).
* :func:`detect_calls` ``(stops, dark_gaps, areas, sightings=None, params) -> calls`` - both,
  merged per vessel and port, sorted by vessel then arrival.
* :func:`match_sightings` ``(sightings, mmsi, imo, name) -> (row, sighting) index pairs``;
  names compare as :func:`name_keys` (the sanctions matcher's compact keys).
* :func:`aggregate_calls` ``(calls, group) -> one call per group`` - used by
  :func:`merge_calls` and by the trips of :mod:`.trips`.

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

from .geo import EARTH_RADIUS_M, KM_PER_NM, haversine_m, unit_vectors, wrap_lon
from .polygons import normalize_geometry, points_in_polygon
from .sanctions.matching import compact_key
from .schema import conform
from .tracks import NS_PER_HOUR, ranges

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

LEVEL_RANK: dict[str, int] = {"confirmed": 3, "inferred": 2, "possible": 1}
COUNTED_LEVELS: frozenset[str] = frozenset({"confirmed", "inferred"})
EVIDENCE_RANK: dict[str, int] = {"sighting": 3, "ais_stop": 2, "dark_gap": 1}
# lower = more specific; decides between areas at (nearly) the same detour
KIND_PRIORITY: dict[str, int] = {"region": 0, "oil_terminal": 1, "anchorage": 2,
                                 "port_area": 3, "port": 4}


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
        ax = wrap_lon(ex[None, :] - qx) * scale
        bx = wrap_lon(fx[None, :] - qx) * scale
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
    lon = lon0 + np.mean(wrap_lon(pts[:, 0] - lon0))  # antimeridian-safe mean
    return float(np.mean(pts[:, 1])), float(wrap_lon(np.asarray(lon)))


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

def name_keys(values) -> pd.Series:
    """Vessel names as :func:`.sanctions.matching.compact_key` keys, so "MT KUM UN SAN 3",
    "Kum Un San No. 3" and "KUM UN SAN 3" compare equal; missing names give ``""``."""
    s = pd.Series(list(values), dtype=object)
    s = s.where(s.notna(), "")
    keys = {v: compact_key(v) for v in pd.unique(s.astype(str))}
    return s.astype(str).map(keys)


def _norm_id(values: pd.Series) -> pd.Series:
    s = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    return s.str.replace(r"^IMO\s*", "", regex=True, case=False).str.replace(r"\.0$", "", regex=True)


def match_sightings(sightings: pd.DataFrame, mmsi: pd.Series, imo: pd.Series,
                    name: pd.Series) -> pd.DataFrame:
    """Pairs ``(row, sighting)`` of positional indices where a sighting names the vessel of row.

    A sighting matches by IMO, else by MMSI, else (when it gives neither) by name (:func:`name_keys`).
    """
    if sightings is None or len(sightings) == 0 or len(mmsi) == 0:
        return pd.DataFrame({"row": np.empty(0, np.int64), "sighting": np.empty(0, np.int64)})
    rows = pd.DataFrame({"row": np.arange(len(mmsi)), "mmsi": _norm_id(pd.Series(list(mmsi))),
                         "imo": _norm_id(pd.Series(list(imo))), "name": name_keys(pd.Series(list(name)))})
    sg = pd.DataFrame({"sighting": np.arange(len(sightings)),
                       "mmsi": _norm_id(sightings["mmsi"].reset_index(drop=True)),
                       "imo": _norm_id(sightings["imo"].reset_index(drop=True)),
                       "name": name_keys(sightings["name"].reset_index(drop=True))})
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


def stop_calls(stops: pd.DataFrame) -> pd.DataFrame:
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


def _point_distance_km(dot: np.ndarray, radius_km: np.ndarray) -> np.ndarray:
    """Distance (km) to port discs from unit-vector dot products (chord form: stable when small)."""
    chord = np.sqrt(np.maximum(2.0 - 2.0 * dot, 0.0))
    d = 2.0 * np.arcsin(np.minimum(chord / 2.0, 1.0)) * EARTH_RADIUS_M / 1000.0
    return np.maximum(d - radius_km, 0.0)


def _pair_distances(lat: np.ndarray, lon: np.ndarray, k: np.ndarray, areas: Sequence[Area],
                    ref: np.ndarray, radius: np.ndarray, is_point: np.ndarray) -> np.ndarray:
    # radius: port disc radii (entries of polygon areas are not used)
    """Distance (km) from point ``i`` to area ``k[i]``, one value per pair."""
    out = np.empty(lat.size)
    pt = is_point[k]
    if pt.any():
        dot = np.einsum("ij,ij->i", unit_vectors(lat[pt], lon[pt]), ref[k[pt]])
        out[pt] = _point_distance_km(dot, radius[k[pt]])
    for kk in np.unique(k[~pt]):
        sel = k == kk
        out[sel] = areas[kk].distance_km(lat[sel], lon[sel])
    return out


def _choose_pairs(row: np.ndarray, col: np.ndarray, value: np.ndarray, kind_rank: np.ndarray,
                  prefer_km: float, n_rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the pair chosen among candidate ``(row, col)`` pairs (all allowed).

    Same rule as a dense ``argmin``: among pairs within ``prefer_km`` of the row's smallest
    ``value``, the lowest ``kind_rank * 1e9 + value``, ties to the lowest column. Returns
    ``(rows, pair positions)`` for the rows that have a candidate.
    """
    if row.size == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    best = np.full(n_rows, np.inf)
    np.minimum.at(best, row, value)
    close = np.flatnonzero(value <= best[row] + prefer_km)
    score = kind_rank[col[close]] * 1e9 + value[close]
    order = close[np.lexsort((col[close], score, row[close]))]
    first = np.ones(order.size, dtype=bool)
    first[1:] = row[order][1:] != row[order][:-1]
    return row[order][first], order[first]


# rows x port-points cells held at once while looking for the areas a chunk of gaps can reach
_GAP_CHUNK_CELLS = 500_000


def _bounding_radius_km(area: Area) -> float:
    pts = np.concatenate([ring for poly in as_multipolygon(area.geometry) for ring in poly])
    return float(np.nanmax(haversine_m(pts[:, 1], pts[:, 0], area.lat, area.lon))) / 1000.0


@dataclass
class _AreaArrays:
    """Per-area arrays of a list of :class:`Area` (unit vectors, radii, kinds...)."""

    areas: Sequence[Area]

    def __post_init__(self) -> None:
        a = self.areas
        self.is_point = np.array([x.geometry is None for x in a], dtype=bool)
        self.point_idx = np.flatnonzero(self.is_point)
        self.poly_idx = np.flatnonzero(~self.is_point)
        # ports: disc radius; polygons: the farthest vertex from the representative point
        self.radius = np.array([x.radius_km if x.geometry is None else _bounding_radius_km(x)
                                for x in a], dtype=float)
        self.max_point_radius = float(self.radius[self.point_idx].max()) if self.point_idx.size else 0.0
        self.ref = unit_vectors(np.array([x.lat for x in a], dtype=float),
                                np.array([x.lon for x in a], dtype=float))
        self.ref_t = np.ascontiguousarray(self.ref[self.point_idx].T)
        self.kind_rank = np.array([KIND_PRIORITY.get(x.kind, len(KIND_PRIORITY)) for x in a], dtype=float)


def _point_pairs(lat0: np.ndarray, lon0: np.ndarray, lat1: np.ndarray, lon1: np.ndarray,
                 reach_km: np.ndarray, aa: _AreaArrays) -> tuple[np.ndarray, ...]:
    """Pairs ``(row, area, d0, d1)`` of rows and port points with both gap ends within
    ``reach_km`` (plus the disc radius). A coarse dot-product test (one matrix product per
    end) selects the candidates; exact distances are computed for those only."""
    if not aa.point_idx.size:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), np.empty(0)
    reach_ok = reach_km >= 0  # NaN and negative reach: nothing is feasible
    dot0 = unit_vectors(lat0, lon0) @ aa.ref_t
    dot1 = unit_vectors(lat1, lon1) @ aa.ref_t
    # one (loose) limit per gap, using the largest port radius; the exact test follows
    angle = (np.where(reach_ok, reach_km, -1.0) + aa.max_point_radius) / (EARTH_RADIUS_M / 1000.0)
    lim = np.where(reach_ok, np.cos(np.minimum(angle, np.pi)) - 1e-9, np.inf)[:, None]
    cand = dot0 >= lim
    cand &= dot1 >= lim
    r, c = np.nonzero(cand)
    rad = aa.radius[aa.point_idx[c]]
    return (r.astype(np.int64), aa.point_idx[c].astype(np.int64),
            _point_distance_km(dot0[r, c], rad), _point_distance_km(dot1[r, c], rad))


def _polygon_pairs(lat0: np.ndarray, lon0: np.ndarray, lat1: np.ndarray, lon1: np.ndarray,
                   reach_km: np.ndarray, aa: _AreaArrays) -> tuple[np.ndarray, ...]:
    """Like :func:`_point_pairs` for the polygon areas (few), sorted by row then area."""
    rows, cols, d0s, d1s = [np.empty(0, np.int64)], [np.empty(0, np.int64)], [np.empty(0)], [np.empty(0)]
    reach_ok = reach_km >= 0
    for k in aa.poly_idx:
        # coarse test against the polygon's bounding circle first (edge distances are costly)
        area = aa.areas[k]
        far = aa.radius[k] + 1.0
        r = np.flatnonzero(reach_ok
                           & (haversine_m(lat0, lon0, area.lat, area.lon) / 1000.0 - far <= reach_km)
                           & (haversine_m(lat1, lon1, area.lat, area.lon) / 1000.0 - far <= reach_km))
        if r.size == 0:
            continue
        d0 = area.distance_km(lat0[r], lon0[r])
        d1 = area.distance_km(lat1[r], lon1[r])
        ok = (d0 <= reach_km[r]) & (d1 <= reach_km[r])
        rows.append(r[ok])
        cols.append(np.full(int(ok.sum()), k, dtype=np.int64))
        d0s.append(d0[ok])
        d1s.append(d1[ok])
    row, col = np.concatenate(rows).astype(np.int64), np.concatenate(cols)
    order = np.lexsort((col, row))
    return row[order], col[order], np.concatenate(d0s)[order], np.concatenate(d1s)[order]


def _gap_sightings(gaps: pd.DataFrame, sightings: Optional[pd.DataFrame], t0: np.ndarray, t1: np.ndarray,
                   speed_kmh: float, eps: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(gap, lat, lon)`` of the sightings of each gap's vessel during the gap that are
    reachable from the gap start and to the gap end at ``speed_kmh``, in match order."""
    empty = (np.empty(0, np.int64), np.empty(0), np.empty(0))
    if sightings is None or len(sightings) == 0:
        return empty
    pairs = match_sightings(sightings, gaps["mmsi"], gaps["imo"], gaps["name"])
    if len(pairs) == 0:
        return empty
    s = sightings.reset_index(drop=True)
    gi = pairs["row"].to_numpy()
    si = pairs["sighting"].to_numpy()
    ts = s["time"].to_numpy(dtype="datetime64[ns]").view(np.int64)[si]
    slat = s["lat"].to_numpy(float)[si]
    slon = s["lon"].to_numpy(float)[si]
    g0lat, g0lon = gaps["start_lat"].to_numpy(float)[gi], gaps["start_lon"].to_numpy(float)[gi]
    g1lat, g1lon = gaps["end_lat"].to_numpy(float)[gi], gaps["end_lon"].to_numpy(float)[gi]
    within = (ts >= t0[gi]) & (ts <= t1[gi])
    reach0 = haversine_m(g0lat, g0lon, slat, slon) / 1000.0 / speed_kmh
    reach1 = haversine_m(slat, slon, g1lat, g1lon) / 1000.0 / speed_kmh
    within &= (reach0 <= (ts - t0[gi]) / NS_PER_HOUR + eps) & (reach1 <= (t1[gi] - ts) / NS_PER_HOUR + eps)
    return gi[within], slat[within], slon[within]


def dark_calls(dark_gaps: pd.DataFrame, areas: Sequence[Area], sightings: Optional[pd.DataFrame] = None,
               params: CallParams = DEFAULT_PARAMS) -> pd.DataFrame:
    """Visits to ``areas`` that fit inside the dark gaps (rules in the module docstring).

    Gaps are processed in chunks, and for each gap only the areas it can reach (both ends
    within ``(duration - min_stay) * max_speed``) are measured, so memory stays bounded
    whatever the number of gaps and areas.
    """
    if dark_gaps is None or len(dark_gaps) == 0 or not areas:
        return _empty_calls()
    _require(dark_gaps, ("mmsi", "imo", "name", "ship_type", "start_time", "end_time", "start_lat",
                         "start_lon", "end_lat", "end_lon", "draught_before", "draught_after"), "dark gaps")
    gaps = dark_gaps.reset_index(drop=True)
    n = len(gaps)
    g0lat, g0lon = gaps["start_lat"].to_numpy(float), gaps["start_lon"].to_numpy(float)
    g1lat, g1lon = gaps["end_lat"].to_numpy(float), gaps["end_lon"].to_numpy(float)
    t0 = gaps["start_time"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    t1 = gaps["end_time"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    dur_h = (t1 - t0) / NS_PER_HOUR
    speed_kmh = params.max_speed_kn * KM_PER_NM
    eps = 1e-9
    # feasible needs d0 + d1 <= (dur - stay) * speed; the margin keeps equality feasible
    reach_km = (dur_h + eps - params.min_stay_h) * speed_kmh * (1 + 1e-12)
    aa = _AreaArrays(areas)
    change = draught_change(gaps["draught_before"].to_numpy(float), gaps["draught_after"].to_numpy(float))
    changed = np.abs(change) >= params.draught_change_m - 1e-9  # NaN compares False

    s_gap, s_lat, s_lon = _gap_sightings(gaps, sightings, t0, t1, speed_kmh, eps)
    s_order = np.argsort(s_gap, kind="stable")  # match order kept within a gap
    s_sorted = s_gap[s_order]

    sight: list[tuple[np.ndarray, ...]] = []   # (match position, gap, area, lat, lon, detour)
    dark: list[tuple[np.ndarray, ...]] = []    # (gap, area, level code, detour)
    poly = _polygon_pairs(g0lat, g0lon, g1lat, g1lon, reach_km, aa)
    chunk = max(1, _GAP_CHUNK_CELLS // max(aa.point_idx.size, 1))
    for lo in range(0, n, chunk):
        hi = min(n, lo + chunk)
        sl = slice(lo, hi)
        pa, pb = np.searchsorted(poly[0], [lo, hi])
        parts = zip(_point_pairs(g0lat[sl], g0lon[sl], g1lat[sl], g1lon[sl], reach_km[sl], aa),
                    (poly[0][pa:pb] - lo, poly[1][pa:pb], poly[2][pa:pb], poly[3][pa:pb]))
        row, col, d0, d1 = (np.concatenate(x) for x in parts)
        order = np.lexsort((col, row))
        row, col, d0, d1 = row[order], col[order], d0[order], d1[order]
        detour = d0 + d1
        ok = detour / speed_kmh + params.min_stay_h <= dur_h[lo + row] + eps
        row, col, d0, d1, detour = row[ok], col[ok], d0[ok], d1[ok], detour[ok]
        sighted = np.zeros(hi - lo, dtype=bool)

        a, b = np.searchsorted(s_sorted, [lo, hi])
        if b > a:
            sidx = s_order[a:b]
            s_row = s_gap[sidx] - lo
            first = np.searchsorted(row, s_row, side="left")
            count = np.searchsorted(row, s_row, side="right") - first
            owner = np.repeat(np.arange(sidx.size), count)
            pair = ranges(first, count)
            ds = _pair_distances(s_lat[sidx][owner], s_lon[sidx][owner], col[pair], areas,
                                 aa.ref, aa.radius, aa.is_point)
            near = ds <= params.sighting_km
            owner, pair, ds = owner[near], pair[near], ds[near]
            who, pick = _choose_pairs(owner, col[pair], ds, aa.kind_rank, params.prefer_within_km, sidx.size)
            p = pair[pick]
            sighted[row[p]] = True
            sight.append((sidx[who], lo + row[p], col[p], s_lat[sidx[who]], s_lon[sidx[who]], detour[p]))

        free = ~sighted[row]
        r, c, dt = row[free], col[free], detour[free]
        near_ok = (d0[free] <= params.near_km) & (d1[free] <= params.near_km)
        who, pick = _choose_pairs(r, c, dt, aa.kind_rank, params.prefer_within_km, hi - lo)
        inferred = changed[lo + who]
        who, pick = who[inferred], pick[inferred]
        rest = np.ones(hi - lo, dtype=bool)
        rest[who] = False
        q = rest[r] & near_ok
        who2, pick2 = _choose_pairs(r[q], c[q], dt[q], aa.kind_rank, params.prefer_within_km, hi - lo)
        pick2 = np.flatnonzero(q)[pick2]
        g = np.concatenate([who, who2])
        order = np.argsort(g, kind="stable")
        pk = np.concatenate([pick, pick2])[order]
        level = np.concatenate([np.ones(who.size, np.int8), np.zeros(who2.size, np.int8)])[order]
        dark.append((lo + g[order], c[pk], level, dt[pk]))

    parts = []
    if sight:
        pos, g, k, la, lo_, dt = (np.concatenate(x) for x in zip(*sight))
        order = np.argsort(pos, kind="stable")
        g, k, la, lo_, dt = g[order], k[order], la[order], lo_[order], dt[order]
        _, first = np.unique(g * len(areas) + k, return_index=True)  # one call per sighted area
        keep = np.sort(first)
        parts.append(_dark_frame(gaps, areas, g[keep], k[keep], "sighting",
                                 np.full(keep.size, "confirmed", dtype=object), la[keep], lo_[keep], dt[keep]))
    if dark:
        g, k, level, dt = (np.concatenate(x) for x in zip(*dark))
        if g.size:
            alat = np.array([x.lat for x in areas], dtype=float)
            alon = np.array([x.lon for x in areas], dtype=float)
            parts.append(_dark_frame(gaps, areas, g, k, "dark_gap",
                                     np.where(level == 1, "inferred", "possible").astype(object),
                                     alat[k], alon[k], dt))
    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty_calls()
    return conform(pd.concat(parts, ignore_index=True), CALL_DTYPES)


def _dark_frame(gaps: pd.DataFrame, areas: Sequence[Area], g: np.ndarray, k: np.ndarray, evidence: str,
                level: np.ndarray, lat: np.ndarray, lon: np.ndarray, detour_km: np.ndarray) -> pd.DataFrame:
    """Dark calls of gap rows ``g`` at areas ``k``, one row per pair."""
    take = gaps.take(g).reset_index(drop=True)
    out = pd.DataFrame({
        "mmsi": take["mmsi"].astype(str), "imo": take["imo"], "name": take["name"],
        "ship_type": take["ship_type"],
        "port_id": np.array([areas[i].id for i in k], dtype=object),
        "port": np.array([areas[i].name for i in k], dtype=object),
        "port_kind": np.array([areas[i].kind for i in k], dtype=object),
        "arrival": take["start_time"], "departure": take["end_time"],
        "evidence": evidence, "evidence_all": evidence, "level": level,
        "draught_in": take["draught_before"], "draught_out": take["draught_after"],
        "lat": np.asarray(lat, dtype=float), "lon": np.asarray(lon, dtype=float),
        "detour_km": np.asarray(detour_km, dtype=float),
    })
    out["duration_h"] = (pd.to_datetime(out["departure"], utc=True)
                         - pd.to_datetime(out["arrival"], utc=True)).dt.total_seconds() / 3600.0
    return conform(out, CALL_DTYPES)


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
    new_group[1:] |= arr[1:] > prev_end[1:] + merge_gap_h * NS_PER_HOUR
    group = np.cumsum(new_group)
    if group[-1] == len(df):  # nothing merged
        return df
    return conform(aggregate_calls(df, group), CALL_DTYPES)


def _joined_unique(group: np.ndarray, values: pd.Series, n_groups: int, key=None) -> np.ndarray:
    """Per group, the distinct ``"|"``-separated items of ``values`` joined by ``"|"``:
    in first-seen order, or sorted by ``key(item)`` (stable) when given."""
    items = pd.DataFrame({"g": group, "v": values.astype(object).where(values.notna(), "").astype(str)
                          .str.split("|").to_numpy()}).explode("v")
    items = items[items["v"].astype(str) != ""].drop_duplicates()
    if key is not None:
        items = items.assign(_k=items["v"].map(key)).sort_values(["g", "_k"], kind="mergesort")
    out = np.full(n_groups, "", dtype=object)
    joined = items.groupby("g", sort=True)["v"].agg("|".join)
    out[joined.index.to_numpy(dtype=np.int64)] = joined.to_numpy(dtype=object)
    return out


def aggregate_calls(df: pd.DataFrame, group: np.ndarray) -> pd.DataFrame:
    """One call per distinct ``group`` label (``df`` in time order within each group).

    Arrival: earliest; departure: latest; ``draught_in``: first call's, ``draught_out``: last
    call's; ``evidence``, ``level``, port and lat/lon: the call with the strongest evidence then
    best level (first one on ties); ``evidence_all``: every kind, strongest first; ``detour_km``:
    smallest; ``imo/name/ship_type``: the latest known. Also ``n_calls`` and ``ports`` (distinct
    port names, ``"|"``-joined in order). Sorted by group label; index 0..n-1.
    """
    codes, _ = pd.factorize(pd.Series(np.asarray(group)), sort=True)
    df = df.reset_index(drop=True)
    n_groups = int(codes.max()) + 1 if codes.size else 0
    ev = df["evidence"].map(EVIDENCE_RANK).fillna(0).to_numpy(float)
    lvl = df["level"].map(LEVEL_RANK).fillna(0).to_numpy(float)
    pos = np.arange(len(df))
    best = np.lexsort((pos, -lvl, -ev, codes))
    first_of = np.ones(best.size, dtype=bool)
    first_of[1:] = codes[best][1:] != codes[best][:-1]
    best = best[first_of]
    out = df.take(best).reset_index(drop=True)
    g = df.groupby(codes, sort=True)
    out["arrival"] = g["arrival"].min().to_numpy()
    out["departure"] = g["departure"].max().to_numpy()
    order = np.argsort(codes, kind="stable")
    starts = np.flatnonzero(np.r_[True, codes[order][1:] != codes[order][:-1]])
    ends = np.r_[starts[1:] - 1, len(df) - 1]
    out["draught_in"] = df["draught_in"].to_numpy()[order[starts]]
    out["draught_out"] = df["draught_out"].to_numpy()[order[ends]]
    for col in ("imo", "name", "ship_type"):
        if col in df.columns:
            last = g[col].last()  # latest non-missing
            out[col] = last.reindex(range(n_groups)).to_numpy(dtype=object)
    top = pd.Series(lvl).groupby(codes, sort=True).max().to_numpy()
    names = {rank: name for name, rank in LEVEL_RANK.items()}
    out["level"] = np.where(top > 0, pd.Series(top).map(names).to_numpy(dtype=object),
                            out["level"].to_numpy(dtype=object))
    out["evidence_all"] = _joined_unique(codes, df["evidence_all"], n_groups,
                                         key=lambda e: -EVIDENCE_RANK.get(e, 0))
    out["ports"] = _joined_unique(codes, df["port"] if "port" in df.columns else pd.Series([""] * len(df)),
                                  n_groups)
    out["n_calls"] = g.size().to_numpy()
    out["detour_km"] = g["detour_km"].min().to_numpy() if "detour_km" in df.columns else np.nan
    out["duration_h"] = (pd.to_datetime(out["departure"], utc=True)
                         - pd.to_datetime(out["arrival"], utc=True)).dt.total_seconds() / 3600.0
    return out


def detect_calls(stops: Optional[pd.DataFrame], dark_gaps: Optional[pd.DataFrame],
                 areas: Sequence[Area], sightings: Optional[pd.DataFrame] = None,
                 params: CallParams = DEFAULT_PARAMS) -> pd.DataFrame:
    """All calls: AIS stops plus dark calls, merged per vessel and port (see :func:`merge_calls`),
    sorted by vessel then arrival."""
    parts = [stop_calls(stops), dark_calls(dark_gaps, areas, sightings, params)]
    parts = [p for p in parts if len(p)]
    if not parts:
        return _empty_calls()
    calls = conform(pd.concat(parts, ignore_index=True), CALL_DTYPES)
    return conform(merge_calls(calls, params.merge_gap_h), CALL_DTYPES).reset_index(drop=True)
