"""Point-in-polygon on WGS84 lon/lat, vectorised with numpy (no shapely, no GDAL).

Geometries are normalised to a *multipolygon*: a list of polygons, each a list of
rings (``(N, 2)`` float64 arrays of ``lon, lat``), the first ring the exterior and the
others holes. Accepted inputs: a GeoJSON geometry dict (``Polygon``/``MultiPolygon``),
a WKT string (``POLYGON``/``MULTIPOLYGON``, optional Z/M ignored) or nested sequences
in GeoJSON coordinate order.

Inside-ness uses the even-odd rule over all rings of a polygon, so holes need no special
case; a point is inside a multipolygon if it is inside any part. Points exactly on an
edge may fall either way.

Antimeridian: edges are straight lines in lon/lat. A polygon with an edge spanning more
than 180 degrees of longitude (e.g. 170 -> -170), or with longitudes above 180, is taken
to cross the antimeridian and is tested in a 0..360 longitude frame, with the query
longitudes mapped into the same frame.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Union

import numpy as np
from numpy.typing import ArrayLike

Ring = np.ndarray
PolygonRings = list[Ring]
MultiPolygon = list[PolygonRings]
GeometryLike = Union[str, dict, Sequence[Any]]

# Above this many (edge x candidate point) operations, bucket the points by latitude so each
# edge only touches the points in its latitude band.
_DIRECT_MAX_WORK = 20_000_000
_BANDS = 4096


def _ring(coords: Any) -> Ring:
    arr = np.asarray(coords, dtype=np.float64)
    if arr.ndim != 2 or arr.shape[1] < 2:
        raise ValueError(f"a ring must be a list of [lon, lat] pairs, got array of shape {arr.shape}")
    arr = arr[:, :2]
    if not np.isfinite(arr).all():
        raise ValueError("a ring contains NaN or infinite coordinates")
    if len(arr) and np.array_equal(arr[0], arr[-1]):
        arr = arr[:-1]
    if len(arr) < 3:
        raise ValueError(f"a ring needs at least 3 distinct vertices, got {len(arr)}")
    if np.abs(arr[:, 1]).max() > 90.0:
        raise ValueError("a ring has a latitude outside -90..90 (are lon/lat swapped?)")
    return np.ascontiguousarray(arr)


_WKT_HEAD = re.compile(r"^\s*(MULTIPOLYGON|POLYGON)\s*(ZM|Z|M)?\s*(.*)$", re.IGNORECASE | re.DOTALL)


def _parse_wkt(text: str) -> MultiPolygon:
    m = _WKT_HEAD.match(text)
    if not m:
        raise ValueError(f"not a POLYGON or MULTIPOLYGON WKT: {text[:60]!r}")
    kind, body = m.group(1).upper(), m.group(3).strip()
    if body.upper() == "EMPTY":
        return []
    # turn "((x y, x y), (x y ...))" into a JSON-like nested list
    nested: list[Any] = []
    stack: list[list[Any]] = [nested]
    number_text = ""
    for ch in body:
        if ch == "(":
            new: list[Any] = []
            stack[-1].append(new)
            stack.append(new)
        elif ch in ",)":
            if number_text.strip():
                stack[-1].append([float(v) for v in number_text.split()])
            number_text = ""
            if ch == ")":
                stack.pop()
                if not stack:
                    raise ValueError("unbalanced parentheses in WKT")
        else:
            number_text += ch
    if len(stack) != 1 or len(nested) != 1:
        raise ValueError("unbalanced parentheses in WKT")
    coords = nested[0]
    polys = [coords] if kind == "POLYGON" else coords
    return [[_ring(r) for r in poly] for poly in polys]


def normalize_geometry(geometry: GeometryLike) -> MultiPolygon:
    """Return ``geometry`` as a list of polygons, each a list of ``(N, 2)`` lon/lat rings.

    Raises ``ValueError`` with the reason when the geometry is not a (multi)polygon.
    """
    if isinstance(geometry, str):
        return _parse_wkt(geometry)
    if isinstance(geometry, dict):
        gtype = geometry.get("type")
        if gtype == "Feature":
            return normalize_geometry(geometry.get("geometry") or {})
        coords = geometry.get("coordinates")
        if gtype == "Polygon":
            return [[_ring(r) for r in coords]]
        if gtype == "MultiPolygon":
            return [[_ring(r) for r in poly] for poly in coords]
        raise ValueError(f"geometry type {gtype!r} is not Polygon or MultiPolygon")
    # nested sequences: depth 3 = polygon (rings of points), depth 4 = multipolygon
    depth, probe = 0, geometry
    while isinstance(probe, (list, tuple, np.ndarray)) and len(probe):
        depth += 1
        probe = probe[0]
    if depth == 2:  # a bare ring
        return [[_ring(geometry)]]
    if depth == 3:
        return [[_ring(r) for r in geometry]]
    if depth == 4:
        return [[_ring(r) for r in poly] for poly in geometry]
    raise ValueError("geometry must be GeoJSON, WKT or nested [lon, lat] lists")


def _crosses_antimeridian(polys: MultiPolygon) -> bool:
    for poly in polys:
        for ring in poly:
            lon = ring[:, 0]
            if lon.max() > 180.0 or np.abs(np.diff(np.append(lon, lon[0]))).max() > 180.0:
                return True
    return False


def _to_frame(lon: np.ndarray, east: bool) -> np.ndarray:
    """Longitudes in the 0..360 frame when ``east`` else in -180..180."""
    if east:
        return np.mod(lon, 360.0)
    return np.mod(lon + 180.0, 360.0) - 180.0


def geometry_bounds(geometry: GeometryLike) -> tuple[float, float, float, float]:
    """``(min_lon, min_lat, max_lon, max_lat)``; in the 0..360 frame for antimeridian polygons."""
    polys = geometry if _is_normalized(geometry) else normalize_geometry(geometry)
    east = _crosses_antimeridian(polys)
    allpts = np.concatenate([ring for poly in polys for ring in poly])
    lon = _to_frame(allpts[:, 0], east)
    return float(lon.min()), float(allpts[:, 1].min()), float(lon.max()), float(allpts[:, 1].max())


def _is_normalized(geometry: Any) -> bool:
    return (
        isinstance(geometry, list)
        and all(isinstance(p, list) and p and all(isinstance(r, np.ndarray) and r.ndim == 2 for r in p)
                for p in geometry)
    )


def _edges(polys: MultiPolygon, east: bool) -> list[np.ndarray]:
    """Per polygon: an (E, 4) array of edges x1, y1, x2, y2, horizontal edges dropped."""
    out = []
    for poly in polys:
        parts = []
        for ring in poly:
            x = ring[:, 0]
            if east:
                x = np.mod(x, 360.0)
            y = ring[:, 1]
            e = np.column_stack([x, y, np.roll(x, -1), np.roll(y, -1)])
            parts.append(e[e[:, 1] != e[:, 3]])
        out.append(np.concatenate(parts) if parts else np.empty((0, 4)))
    return out


def _pip_direct(x: np.ndarray, y: np.ndarray, edges: np.ndarray) -> np.ndarray:
    inside = np.zeros(x.size, dtype=bool)
    for x1, y1, x2, y2 in edges:
        # half-open rule (y1 > y) != (y2 > y) counts a vertex exactly once
        cond = (y1 > y) != (y2 > y)
        if not cond.any():
            continue
        xs = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        inside ^= cond & (x < xs)
    return inside


def _pip_banded(x: np.ndarray, y: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Ray casting where each edge only visits the points of the latitude bands it spans.

    Points are bucketed into ``_BANDS`` latitude bands with a 16-bit key, which numpy sorts
    with a radix sort (much faster than sorting the floats).
    """
    y0, y1_ = float(y.min()), float(y.max())
    scale = (_BANDS - 1) / (y1_ - y0) if y1_ > y0 else 0.0
    key = ((y - y0) * scale).astype(np.uint16)
    order = np.argsort(key, kind="stable")
    band_start = np.zeros(_BANDS + 1, dtype=np.int64)
    np.cumsum(np.bincount(key, minlength=_BANDS), out=band_start[1:])
    ys = y[order]
    xs_pts = x[order]
    inside_sorted = np.zeros(x.size, dtype=bool)
    for x1, y1, x2, y2 in edges:
        lo_y, hi_y = (y1, y2) if y1 < y2 else (y2, y1)
        if hi_y < y0 or lo_y > y1_:
            continue
        b0 = int(np.clip((lo_y - y0) * scale, 0, _BANDS - 1))
        b1 = int(np.clip((hi_y - y0) * scale, 0, _BANDS - 1))
        lo, hi = band_start[b0], band_start[b1 + 1]
        if hi <= lo:
            continue
        yy = ys[lo:hi]
        # the exact half-open test, as in _pip_direct (bands only narrow the candidates)
        cond = (y1 > yy) != (y2 > yy)
        xint = x1 + (yy - y1) * (x2 - x1) / (y2 - y1)
        inside_sorted[lo:hi] ^= cond & (xs_pts[lo:hi] < xint)
    inside = np.empty_like(inside_sorted)
    inside[order] = inside_sorted
    return inside


def points_in_polygon(lat: ArrayLike, lon: ArrayLike, geometry: GeometryLike) -> np.ndarray:
    """Boolean array: is each (lat, lon) inside ``geometry`` (holes excluded)?

    NaN coordinates are outside. Cost: one bbox test over all points, then ray casting
    on the points inside the bbox only.
    """
    qlat = np.atleast_1d(np.asarray(lat, dtype=np.float64)).ravel()
    qlon = np.atleast_1d(np.asarray(lon, dtype=np.float64)).ravel()
    if qlat.shape != qlon.shape:
        raise ValueError(f"lat and lon lengths differ: {qlat.size} vs {qlon.size}")
    result = np.zeros(qlat.size, dtype=bool)
    polys = geometry if _is_normalized(geometry) else normalize_geometry(geometry)
    if not polys or qlat.size == 0:
        return result
    east = _crosses_antimeridian(polys)
    plon = _to_frame(qlon, east)
    for edges in _edges(polys, east):
        if not len(edges):
            continue
        xmin = min(edges[:, 0].min(), edges[:, 2].min())
        xmax = max(edges[:, 0].max(), edges[:, 2].max())
        ymin = min(edges[:, 1].min(), edges[:, 3].min())
        ymax = max(edges[:, 1].max(), edges[:, 3].max())
        cand = np.flatnonzero(
            (qlat >= ymin) & (qlat <= ymax) & (plon >= xmin) & (plon <= xmax) & ~result
        )
        if cand.size == 0:
            continue
        x, y = plon[cand], qlat[cand]
        if cand.size * len(edges) <= _DIRECT_MAX_WORK:
            hit = _pip_direct(x, y, edges)
        else:
            hit = _pip_banded(x, y, edges)
        result[cand[hit]] = True
    return result
