"""Spherical helpers: distances, bearings, antimeridian unwrapping, nearest reference point."""
from __future__ import annotations

import math

import numpy as np
import pytest

from tanker_watch.plugin.core import geo
from tanker_watch.plugin.core.geo import (
    EARTH_RADIUS_M,
    haversine_m,
    initial_bearing_deg,
    nearest_point,
    unwrap_lon,
)


def _law_of_cosines_m(lat1, lon1, lat2, lon2):
    """Independent formula (fine away from tiny distances) to cross-check haversine."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return EARTH_RADIUS_M * math.acos(max(-1.0, min(1.0, c)))


def test_haversine_known_distances():
    assert haversine_m(0, 0, 0, 1) == pytest.approx(2 * math.pi * EARTH_RADIUS_M / 360, rel=1e-12)
    assert haversine_m(90, 0, -90, 0) == pytest.approx(math.pi * EARTH_RADIUS_M, rel=1e-12)
    # Vostochny -> Ch'ongjin (WPI points), about 290 km
    d = haversine_m(42.75, 133.0833, 41.7667, 129.8167)
    assert d == pytest.approx(_law_of_cosines_m(42.75, 133.0833, 41.7667, 129.8167), rel=1e-9)
    assert 285_000 < d < 295_000
    assert haversine_m(10, 20, 10, 20) == 0.0


def test_haversine_antimeridian_is_short_way():
    across = haversine_m(0, 179.9, 0, -179.9)
    assert across == pytest.approx(haversine_m(0, -0.1, 0, 0.1), rel=1e-9)
    assert across == pytest.approx(22_239, abs=1)
    assert haversine_m(60, 180, 60, -180) == pytest.approx(0, abs=1e-6)


def test_haversine_shapes_scalars_and_nan():
    assert isinstance(haversine_m(0, 0, 1, 1), float)
    lat2 = np.array([0.0, 1.0, np.nan])
    out = haversine_m(0.0, 0.0, lat2, np.zeros(3))
    assert out.shape == (3,)
    assert out[0] == 0 and out[1] == pytest.approx(111_195, abs=1) and np.isnan(out[2])
    grid = haversine_m(np.zeros((2, 1)), 0, np.ones((1, 3)), 0)
    assert grid.shape == (2, 3)
    # inputs are not modified by the in-place arithmetic
    lat1 = np.array([1.0, 2.0])
    haversine_m(lat1, lat1, lat1 + 1, lat1)
    assert lat1.tolist() == [1.0, 2.0]


def test_initial_bearing_cardinal_and_across_antimeridian():
    b = initial_bearing_deg([0, 0, 0, 0], [0, 0, 0, 0], [1, 0, -1, 0], [0, 1, 0, -1])
    assert b == pytest.approx([0, 90, 180, 270])
    assert initial_bearing_deg(0, 179.9, 0, -179.9) == pytest.approx(90)
    assert initial_bearing_deg(0, -179.9, 0, 179.9) == pytest.approx(270)
    assert 0 <= initial_bearing_deg(10, 10, 9.9, 9.99) < 360


def test_unwrap_lon_eastward_and_westward():
    assert unwrap_lon([179.9, -179.9, -179.5]).tolist() == pytest.approx([179.9, 180.1, 180.5])
    assert unwrap_lon([-179.9, 179.9, 179.0]).tolist() == pytest.approx([-179.9, -180.1, -181.0])
    assert unwrap_lon([10.0, 20.0, -30.0]).tolist() == [10.0, 20.0, -30.0]


def test_unwrap_lon_restarts_per_group_and_ignores_nan():
    lon = np.array([179.9, -179.9, -179.9, -179.8])
    groups = np.array([0, 0, 1, 1])
    assert unwrap_lon(lon, groups).tolist() == pytest.approx([179.9, 180.1, -179.9, -179.8])
    assert unwrap_lon(lon).tolist() == pytest.approx([179.9, 180.1, 180.1, 180.2])
    with_nan = unwrap_lon([179.9, np.nan, -179.9])
    assert np.isnan(with_nan[1]) and with_nan[2] == pytest.approx(180.1)
    # a full circumnavigation keeps increasing
    lon = np.mod(np.arange(0, 720, 90) + 180, 360) - 180
    assert np.all(np.diff(unwrap_lon(lon)) == 90)
    assert unwrap_lon([]).size == 0 and unwrap_lon([5.0]).tolist() == [5.0]
    with pytest.raises(ValueError):
        unwrap_lon([1.0, 2.0], [0])


def test_nearest_point_matches_brute_force():
    rng = np.random.default_rng(7)
    rlat, rlon = rng.uniform(-70, 70, 300), rng.uniform(-180, 180, 300)
    qlat, qlon = rng.uniform(-80, 80, 2000), rng.uniform(-180, 180, 2000)
    idx, dist = nearest_point(qlat, qlon, rlat, rlon)
    full = haversine_m(qlat[:, None], qlon[:, None], rlat[None, :], rlon[None, :])
    assert np.array_equal(idx, full.argmin(axis=1))
    assert dist == pytest.approx(full.min(axis=1), rel=1e-12)
    assert idx.dtype == np.int64


def test_nearest_point_chunked_same_result(monkeypatch):
    rng = np.random.default_rng(3)
    rlat, rlon = rng.uniform(-70, 70, 50), rng.uniform(-180, 180, 50)
    qlat, qlon = rng.uniform(-80, 80, 1000), rng.uniform(-180, 180, 1000)
    whole = nearest_point(qlat, qlon, rlat, rlon)
    monkeypatch.setattr(geo, "_NEAREST_CHUNK_CELLS", 170)  # 3 queries per chunk
    chunked = nearest_point(qlat, qlon, rlat, rlon)
    assert np.array_equal(whole[0], chunked[0]) and np.array_equal(whole[1], chunked[1])


def test_nearest_point_antimeridian_max_and_missing_values():
    ref_lat = np.array([0.0, 0.0, np.nan, 50.0])
    ref_lon = np.array([-179.99, 179.0, 179.99, 0.0])
    idx, dist = nearest_point([0.0, 0.0, np.nan, 50.0], [179.99, 178.0, 0.0, 0.5], ref_lat, ref_lon,
                              max_m=100_000)
    # query 0 is 2.2 km from ref 0 across the antimeridian; the NaN ref at 179.99 is ignored
    assert idx[0] == 0 and dist[0] == pytest.approx(haversine_m(0, 179.99, 0, -179.99))
    assert idx[1] == -1 and np.isnan(dist[1])          # 111 km > max_m
    assert idx[2] == -1 and np.isnan(dist[2])          # NaN query
    assert idx[3] == 3 and dist[3] == pytest.approx(35_740, abs=10)
    no_max = nearest_point([0.0], [178.0], ref_lat, ref_lon)
    assert no_max[0].tolist() == [1]


def test_nearest_point_empty_inputs_and_scalars():
    idx, dist = nearest_point([1.0, 2.0], [1.0, 2.0], [], [])
    assert idx.tolist() == [-1, -1] and np.isnan(dist).all()
    idx, dist = nearest_point([], [], [1.0], [1.0])
    assert idx.size == 0 and dist.size == 0
    idx, dist = nearest_point(42.76, 133.0, [42.75, 41.77], [133.0833, 129.8167])
    assert idx.tolist() == [0] and dist[0] < 10_000
    with pytest.raises(ValueError):
        nearest_point([1.0], [1.0, 2.0], [1.0], [1.0])


def test_wrap_lon_into_half_open_range():
    got = geo.wrap_lon(np.array([-180.0, 179.5, 180.0, 181.0, -181.0, 540.0, -359.0, np.nan]))
    assert got[:-1].tolist() == [-180.0, 179.5, -180.0, -179.0, 179.0, -180.0, 1.0]
    assert math.isnan(got[-1])


def test_unit_vectors_dot_is_cosine_of_the_angle():
    v = geo.unit_vectors([0.0, 0.0, 90.0, 42.0], [0.0, 90.0, 0.0, 133.0])
    assert v.shape == (4, 3)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0)
    np.testing.assert_allclose(v[:3] @ v[:3].T, np.eye(3), atol=1e-15)
    angle = np.arccos(v[3] @ geo.unit_vectors([41.0], [133.0])[0])
    assert angle * geo.EARTH_RADIUS_M == pytest.approx(geo.haversine_m(42.0, 133.0, 41.0, 133.0), rel=1e-9)


def test_speed_constants():
    assert geo.KNOT_MPS * 3600 == pytest.approx(1852.0) and geo.KM_PER_NM == pytest.approx(1.852)
