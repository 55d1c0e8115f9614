"""Vectorised spherical geometry on WGS84 lat/lon degrees (numpy only).

All functions accept numpy arrays, pandas Series or scalars and broadcast like numpy.
Distances use a spherical Earth of mean radius :data:`EARTH_RADIUS_M`
(error vs. the ellipsoid below 0.5 %, ample for port proximity and gap speeds).
"""
from __future__ import annotations

from typing import Optional

import numpy as np
from numpy.typing import ArrayLike

EARTH_RADIUS_M = 6_371_008.8  # IUGG mean radius
METRES_PER_NM = 1852.0
KM_PER_NM = METRES_PER_NM / 1000.0
KNOT_MPS = METRES_PER_NM / 3600.0  # one knot in metres per second

# Upper bound on the number of query x reference cells held at once in nearest_point
# (float64: 1M cells = 8 MB, plus argmax; larger chunks are no faster).
_NEAREST_CHUNK_CELLS = 1_000_000


def _f8(x: ArrayLike) -> np.ndarray:
    return np.asarray(x, dtype=np.float64)


def haversine_m(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> np.ndarray:
    """Great-circle distance in metres between (lat1, lon1) and (lat2, lon2).

    Antimeridian-safe by construction: only sin(dlon/2)**2 is used, which is the same
    for dlon and dlon +- 360. NaN in, NaN out.
    """
    lat1, lon1, lat2, lon2 = (_f8(x) for x in (lat1, lon1, lat2, lon2))
    if not (lat1.shape == lon1.shape == lat2.shape == lon2.shape):
        lat1, lon1, lat2, lon2 = np.broadcast_arrays(lat1, lon1, lat2, lon2)
    if lat1.ndim == 0:
        return haversine_m(lat1.reshape(1), lon1.reshape(1), lat2.reshape(1), lon2.reshape(1))[0]
    # Same-shape arrays: in-place arithmetic keeps the temporaries to three arrays
    # (this runs on every consecutive pair of millions of positions).
    cos1 = np.radians(lat1)
    a = np.radians(lat2)
    dlat = np.subtract(a, cos1)
    np.cos(cos1, out=cos1)
    np.cos(a, out=a)
    cos1 *= a                        # cos(phi1) * cos(phi2)
    np.subtract(lon2, lon1, out=a)
    a *= np.pi / 360.0               # dlon / 2 in radians
    np.sin(a, out=a)
    a *= a
    a *= cos1
    dlat *= 0.5
    np.sin(dlat, out=dlat)
    dlat *= dlat
    a += dlat
    del cos1, dlat
    np.clip(a, 0.0, 1.0, out=a)      # rounding can push a a hair above 1 for antipodes
    np.sqrt(a, out=a)
    np.arcsin(a, out=a)
    a *= 2.0 * EARTH_RADIUS_M
    return a


def initial_bearing_deg(lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike) -> np.ndarray:
    """Initial great-circle bearing from point 1 to point 2, degrees clockwise from north in [0, 360).

    Identical points give 0.
    """
    phi1 = np.radians(_f8(lat1))
    phi2 = np.radians(_f8(lat2))
    dlam = np.radians(_f8(lon2) - _f8(lon1))
    y = np.sin(dlam) * np.cos(phi2)
    x = np.cos(phi1) * np.sin(phi2) - np.sin(phi1) * np.cos(phi2) * np.cos(dlam)
    return np.mod(np.degrees(np.arctan2(y, x)), 360.0)


def unwrap_lon(lon: ArrayLike, groups: Optional[ArrayLike] = None) -> np.ndarray:
    """Longitudes shifted by multiples of 360 so no step between consecutive points exceeds 180.

    A line 179.9 -> -179.9 becomes 179.9 -> 180.1 (QGIS draws lon > 180 fine) instead of
    crossing the whole globe. ``groups`` (same length, e.g. segment ids) marks separate
    lines: unwrapping restarts wherever the label changes, and the first point of every
    line keeps its original longitude. NaN longitudes stay NaN; the points around them are
    unwrapped against each other.
    """
    lon = _f8(lon)
    if lon.ndim != 1:
        raise ValueError(f"unwrap_lon expects a 1-D array, got shape {lon.shape}")
    n = lon.size
    if n < 2:
        return lon.copy()
    filled = lon
    nan = np.isnan(lon)
    if nan.any():  # step over missing values: compare with the previous known longitude
        filled = lon[np.maximum.accumulate(np.where(nan, 0, np.arange(n)))]
    step = np.diff(filled)
    np.nan_to_num(step, copy=False, nan=0.0)
    step = -360.0 * np.round(step / 360.0)
    if groups is not None:
        groups = np.asarray(groups)
        if groups.shape != lon.shape:
            raise ValueError(f"groups has shape {groups.shape}, lon has shape {lon.shape}")
        new_line = groups[1:] != groups[:-1]
        step[new_line] = 0.0
    shift = np.empty(n, dtype=np.float64)
    shift[0] = 0.0
    np.cumsum(step, out=shift[1:])
    if groups is not None:
        starts = np.zeros(n, dtype=np.int64)
        starts[1:] = np.where(new_line, np.arange(1, n), 0)
        np.maximum.accumulate(starts, out=starts)
        shift -= shift[starts]
    return lon + shift


def wrap_lon(lon: ArrayLike) -> np.ndarray:
    """Longitudes (or longitude differences) wrapped into [-180, 180)."""
    return np.mod(_f8(lon) + 180.0, 360.0) - 180.0


def unit_vectors(lat: ArrayLike, lon: ArrayLike) -> np.ndarray:
    """(N, 3) unit vectors of points on the sphere (their dot product is the cosine of the
    angle between two points)."""
    lat, lon = _f8(lat), _f8(lon)
    phi = np.radians(lat)
    lam = np.radians(lon)
    cphi = np.cos(phi)
    return np.stack([cphi * np.cos(lam), cphi * np.sin(lam), np.sin(phi)], axis=1)


def nearest_point(
    lat: ArrayLike,
    lon: ArrayLike,
    ref_lat: ArrayLike,
    ref_lon: ArrayLike,
    max_m: Optional[float] = None,
) -> tuple[np.ndarray, np.ndarray]:
    """For each query point, the index of the nearest reference point and the distance to it.

    Returns ``(index, distance_m)``: int64 positional indices into ``ref_lat``/``ref_lon``
    and float64 metres. ``index`` is -1 and ``distance_m`` NaN when the query has NaN
    coordinates, there is no valid reference point, or the nearest one is farther than
    ``max_m``. Reference points with NaN coordinates are ignored.

    Method: the nearest point on a sphere has the largest dot product of unit vectors,
    so the N x M comparison is one matrix product per chunk of queries (memory bounded
    to ~8 MB whatever N and M are); the winner's distance is then recomputed with
    :func:`haversine_m` for full precision. Antimeridian and poles need no special case.
    """
    qlat = np.atleast_1d(_f8(lat)).ravel()
    qlon = np.atleast_1d(_f8(lon)).ravel()
    if qlat.shape != qlon.shape:
        raise ValueError(f"lat and lon lengths differ: {qlat.size} vs {qlon.size}")
    rlat_all = np.atleast_1d(_f8(ref_lat)).ravel()
    rlon_all = np.atleast_1d(_f8(ref_lon)).ravel()
    if rlat_all.shape != rlon_all.shape:
        raise ValueError(f"ref_lat and ref_lon lengths differ: {rlat_all.size} vs {rlon_all.size}")

    n = qlat.size
    index = np.full(n, -1, dtype=np.int64)
    dist = np.full(n, np.nan, dtype=np.float64)
    ref_ok = np.flatnonzero(np.isfinite(rlat_all) & np.isfinite(rlon_all))
    q_ok = np.flatnonzero(np.isfinite(qlat) & np.isfinite(qlon))
    if n == 0 or ref_ok.size == 0 or q_ok.size == 0:
        return index, dist

    ref_vec_t = np.ascontiguousarray(unit_vectors(rlat_all[ref_ok], rlon_all[ref_ok]).T)  # 3 x M
    m = ref_ok.size
    chunk = max(1, _NEAREST_CHUNK_CELLS // m)
    best = np.empty(q_ok.size, dtype=np.int64)
    for start in range(0, q_ok.size, chunk):
        rows = q_ok[start:start + chunk]
        dots = unit_vectors(qlat[rows], qlon[rows]) @ ref_vec_t
        best[start:start + chunk] = np.argmax(dots, axis=1)

    found = ref_ok[best]
    d = haversine_m(qlat[q_ok], qlon[q_ok], rlat_all[found], rlon_all[found])
    if max_m is not None:
        keep = d <= max_m
        q_ok, found, d = q_ok[keep], found[keep], d[keep]
    index[q_ok] = found
    dist[q_ok] = d
    return index, dist
