"""Port gazetteer, terminals, point-in-polygon and nearest-port tests (pure Python)."""
from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tanker_watch.plugin.core import ports
from tanker_watch.plugin.core.polygons import geometry_bounds, normalize_geometry, points_in_polygon

REPO = Path(__file__).resolve().parents[2]
TARGETS = {  # WPI number: (name, LOCODE or None, country)
    "60725": ("Vostochnyy", "RUVYP", "Russia"),
    "60730": ("Nakhodka", "RUNJK", "Russia"),
    "60610": ("Vladivostok", "RUVVO", "Russia"),
    "60500": ("Ch'ongjin", "KPCHO", "North Korea"),
    "60510": ("Najin", "KPRJN", "North Korea"),
    "60280": ("Nampo", "KPNAM", "North Korea"),
}


def _check_targets(frame: pd.DataFrame) -> None:
    by_id = frame.set_index("port_id")
    for pid, (name, locode, country) in TARGETS.items():
        row = by_id.loc[pid]
        assert row["name"] == name
        assert row["locode"] == locode
        assert row["country"] == country
    assert by_id.loc["60280", "alternate_name"] == "Chinnampo"
    assert by_id.loc["60510", "alternate_name"] == "Rashin"
    assert by_id.loc["60725", ["lat", "lon"]].tolist() == pytest.approx([42.75, 133.083333], abs=1e-5)
    assert by_id.loc["60725", "max_draught_m"] == pytest.approx(16.0)
    assert by_id.loc["60520", "locode"] is None  # Senbong has no LOCODE
    assert pd.isna(by_id.loc["60280", "max_draught_m"])  # WPI "0" means unknown


# ---------------------------------------------------------------------------- WPI reading

@pytest.mark.parametrize("name", ["wpi_2025_excerpt.csv", "wpi_2023_excerpt.csv"])
def test_read_wpi_excerpts_both_editions(test_data: Path, name: str) -> None:
    frame = ports.read_wpi(test_data / "ports" / name)
    assert list(frame.columns) == ports.PORT_COLUMNS
    assert len(frame) == 9
    assert frame.attrs["problems"] == []
    _check_targets(frame)
    najin = frame.set_index("port_id").loc["60510"]
    assert (najin["harbor_size"], najin["harbor_rank"]) == ("S", 2)


@pytest.mark.parametrize("year,count", [("2025", 3803), ("2023", 3768)])
def test_read_full_wpi_editions(shared_dir: Path, year: str, count: int) -> None:
    path = shared_dir / "data" / "real" / "ports" / f"nga_wpi_pub150_{year}export.csv.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    frame = ports.read_wpi(path)
    assert len(frame) == count
    _check_targets(frame)
    # the WPI repeats two numbers (Machilipatnam 49460, Seydisfjordur 400): kept and reported
    assert set(frame.loc[frame["port_id"].duplicated(), "port_id"]) <= {"400", "49460"}
    assert all("repeats an earlier row" in p for p in frame.attrs["problems"])
    assert frame["lat"].between(-90, 90).all() and frame["lon"].between(-180, 180).all()
    assert set(frame["harbor_size"].dropna()) == {"V", "S", "M", "L"}
    assert frame["locode"].dropna().str.fullmatch(r"[A-Z]{2}[A-Z2-9]{3}").all()


def test_read_wpi_reports_bad_rows_and_keeps_good(tmp_path: Path, test_data: Path) -> None:
    lines = (test_data / "ports" / "wpi_2023_excerpt.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    lat_col = header.index("Latitude")
    import csv
    import io
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    rows[3][lat_col] = "north"  # data row 3 = file line 4
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    bad = tmp_path / "wpi_bad.csv.gz"
    bad.write_bytes(gzip.compress(buf.getvalue().encode("utf-8")))
    frame = ports.read_wpi(bad)
    assert len(frame) == 8
    assert any("line 4" in p and "'lat'" in p and "north" in p for p in frame.attrs["problems"])


def test_read_wpi_rejects_other_csv(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a World Port Index export"):
        ports.read_wpi(path)


# ---------------------------------------------------------------------------- gazetteer

def test_bundled_gazetteer_has_targets() -> None:
    gaz = ports.load_gazetteer()
    assert len(gaz) > 3000
    assert list(gaz.columns) == ports.PORT_COLUMNS
    assert gaz.dtypes.astype(str).to_dict() == ports.PORT_DTYPES
    _check_targets(gaz)
    assert ports.gazetteer_path().stat().st_size < 300_000


def _build_module():
    script = REPO / "scripts" / "build_port_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_port_gazetteer", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gazetteer_build_is_reproducible(tmp_path: Path, test_data: Path) -> None:
    build = _build_module()
    src = test_data / "ports" / "wpi_2025_excerpt.csv"
    first = build.build(src, tmp_path / "a")
    second = build.build(src, tmp_path / "b")
    assert first.name == "wpi_ports.csv"  # small: not gzipped
    assert first.read_bytes() == second.read_bytes()
    again = ports.load_gazetteer(first)
    _check_targets(again)
    expected = ports.read_wpi(src).sort_values("port_id", key=lambda s: s.astype(int)).reset_index(drop=True)
    pd.testing.assert_frame_equal(again, expected, check_exact=False, atol=1e-6)
    gz = ports.write_gazetteer(again, tmp_path / "x.csv.gz")
    assert gz.read_bytes() == ports.write_gazetteer(again, tmp_path / "y.csv.gz").read_bytes()


def test_bundled_gazetteer_matches_a_fresh_build(shared_dir: Path, tmp_path: Path) -> None:
    src = shared_dir / "data" / "real" / "ports" / "nga_wpi_pub150_2025export.csv.gz"
    if not src.exists():
        pytest.skip(f"{src} is absent")
    built = _build_module().build(src, tmp_path)
    assert built.name == ports.gazetteer_path().name
    assert built.read_bytes() == ports.gazetteer_path().read_bytes()


# ---------------------------------------------------------------------------- user CSV

def test_read_ports_csv_semicolon_decimal_comma_and_errors(test_data: Path) -> None:
    frame = ports.read_ports_csv(test_data / "ports" / "user_ports.csv")
    assert frame["name"].tolist() == ["Vostochny oil berth", "Chongjin", "Nampo"]
    assert frame["locode"].tolist() == ["RUVYP", "KPCHO", "KPNAM"]
    assert frame["lat"].tolist() == pytest.approx([42.75, 41.7667, 38.7167])
    assert frame["port_id"].tolist() == ["U2", "U3", "U7"]
    problems = frame.attrs["problems"]
    assert any("line 4" in p and "'lat'" in p and "95" in p for p in problems)
    assert any("line 5" in p and "'lon'" in p for p in problems)
    assert any("line 6" in p and "'name'" in p for p in problems)
    assert len(problems) == 3


def test_read_ports_csv_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("name,lat\nA,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 1: no column for lon"):
        ports.read_ports_csv(path)


# ---------------------------------------------------------------------------- nearest port

def test_nearest_port_within_and_beyond_limit() -> None:
    gaz = ports.load_gazetteer()
    near = ports.nearest_port([42.76, 42.80, 41.77, 30.0], [133.07, 132.89, 129.82, 140.0], gaz, max_km=5.0)
    assert near["port_id"].tolist()[:3] == ["60725", "60730", "60500"]
    assert near["port_km"].iloc[0] < 2.0
    assert near["port_index"].iloc[3] == -1 and near["port_id"].iloc[3] is None
    assert np.isnan(near["port_km"].iloc[3])


def test_find_ports_by_locode_and_name() -> None:
    gaz = ports.load_gazetteer()
    assert ports.find_ports(gaz, "RU VYP")["port_id"].tolist() == ["60725"]
    assert "60510" in ports.find_ports(gaz, "rashin")["port_id"].tolist()


# ---------------------------------------------------------------------------- polygons

SQUARE_WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
    ],
}


def test_point_in_polygon_with_hole() -> None:
    lat = [5, 2, 5, 11, np.nan, 9.99]
    lon = [5, 2, 8, 5, 5, 0.01]
    assert points_in_polygon(lat, lon, SQUARE_WITH_HOLE).tolist() == [False, True, True, False, False, True]


def test_point_in_multipolygon_and_wkt() -> None:
    wkt = "MULTIPOLYGON (((0 0, 2 0, 2 2, 0 2, 0 0)), ((10 10, 12 10, 11 12, 10 10)), " \
          "((20 0, 30 0, 30 10, 20 10, 20 0), (22 2, 28 2, 28 8, 22 8, 22 2)))"
    lat = [1, 11, 5, 1, 5]
    lon = [1, 11, 5, 25, 25]
    assert points_in_polygon(lat, lon, wkt).tolist() == [True, True, False, True, False]
    assert len(normalize_geometry(wkt)) == 3


def test_point_in_polygon_concave() -> None:
    # a "U": the notch is outside
    u = [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]]
    assert points_in_polygon([2, 0.5, 2], [1.5, 1.5, 0.5], u).tolist() == [False, True, True]


def test_point_in_polygon_across_antimeridian() -> None:
    box = {"type": "Polygon", "coordinates": [[[170, 50], [-170, 50], [-170, 60], [170, 60], [170, 50]]]}
    lat = [55, 55, 55, 55, 55]
    lon = [175, -175, 180, 0, 160]
    assert points_in_polygon(lat, lon, box).tolist() == [True, True, True, False, False]
    # the same box written with longitudes beyond 180
    box360 = [[[170, 50], [190, 50], [190, 60], [170, 60]]]
    assert points_in_polygon(lat, lon, box360).tolist() == [True, True, True, False, False]
    assert geometry_bounds(box) == (170.0, 50.0, 190.0, 60.0)


def test_point_in_polygon_rejects_bad_geometry() -> None:
    with pytest.raises(ValueError, match="at least 3"):
        points_in_polygon([0], [0], [[[0, 0], [1, 1]]])
    with pytest.raises(ValueError, match="LineString"):
        points_in_polygon([0], [0], {"type": "LineString", "coordinates": [[0, 0], [1, 1]]})


def test_point_in_polygon_banded_path_matches_direct() -> None:
    rng = np.random.default_rng(1)
    angle = np.linspace(0, 2 * np.pi, 400, endpoint=False)
    radius = 1 + 0.3 * np.sin(7 * angle)  # a star: strongly concave
    ring = np.column_stack([131 + 2 * radius * np.cos(angle), 42 + radius * np.sin(angle)])
    lat = rng.uniform(40.5, 43.5, 200_000)
    lon = rng.uniform(128, 134, 200_000)
    from tanker_watch.plugin.core import polygons
    geom = polygons.normalize_geometry([ring.tolist()])
    edges = polygons._edges(geom, False)[0]
    direct = polygons._pip_direct(lon, lat, edges)
    banded = polygons._pip_banded(lon, lat, edges)
    assert direct.sum() > 10_000
    assert np.array_equal(direct, banded)
    assert np.array_equal(points_in_polygon(lat, lon, geom), direct)


def test_point_in_polygon_1m_points() -> None:
    """Correct on a million points (its speed is measured in bench/, not here)."""
    rng = np.random.default_rng(0)
    lat = rng.uniform(40, 45, 1_000_000)
    lon = rng.uniform(128, 135, 1_000_000)
    angle = np.linspace(0, 2 * np.pi, 200, endpoint=False)
    ring = np.column_stack([131.5 + 3 * np.cos(angle), 42.5 + 2 * np.sin(angle)])
    inside = points_in_polygon(lat, lon, [ring.tolist()])
    expected = ((lon - 131.5) / 3) ** 2 + ((lat - 42.5) / 2) ** 2 < 1
    near_edge = np.abs(((lon - 131.5) / 3) ** 2 + ((lat - 42.5) / 2) ** 2 - 1) < 0.01
    assert np.array_equal(inside[~near_edge], expected[~near_edge])


# ---------------------------------------------------------------------------- terminals

def test_bundled_terminals() -> None:
    terms = ports.load_terminals()
    by_id = {t["id"]: t for t in terms}
    for tid in ("vostochny_oil_berths", "nakhodka_oil_berths", "nampo_oil_terminal"):
        assert by_id[tid]["kind"] == "oil_terminal"
        assert by_id[tid]["source"].startswith("http")
        assert "[U]" in by_id[tid]["note"]
    assert {t["kind"] for t in terms} <= set(ports.TERMINAL_KINDS)
    gaz = ports.load_gazetteer().set_index("port_id")
    # each terminal is near the WPI point of its port (within 15 km)
    import json

    from tanker_watch.plugin.core.geo import haversine_m
    doc = json.loads((ports.DATA_DIR / ports.TERMINALS_NAME).read_text(encoding="utf-8"))
    for feat in doc["features"]:
        props = feat["properties"]
        term = by_id[props["id"]]
        lon0, lat0, lon1, lat1 = term["bounds"]
        port = gaz.loc[props["port_id"]]
        assert port["name"] == props["port"]
        assert haversine_m((lat0 + lat1) / 2, (lon0 + lon1) / 2, port["lat"], port["lon"]) < 15_000


def test_terminal_at_prefers_specific_kind() -> None:
    terms = ports.load_terminals()
    ids = [t["id"] for t in terms]
    which = ports.terminal_at(
        [42.745, 42.78, 42.7505, 42.716, 38.7167, 41.77, 42.80],
        [133.01, 133.00, 133.07, 133.02, 125.40, 129.82, 132.92],
        terms,
    )
    got = [ids[i] if i >= 0 else None for i in which]
    assert got == ["vostochny_oil_berths", "vostochny_north_anchorage", "vostochny_port_area",
                   "kozmino_crude_terminal", "nampo_oil_terminal", None, "nakhodka_oil_berths"]


def test_read_terminals_reports_bad_kind(tmp_path: Path) -> None:
    path = tmp_path / "t.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                    '"properties": {"name": "X", "kind": "berth"}, "geometry": {"type": "Polygon", '
                    '"coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"feature 0 \(X\): field 'kind'"):
        ports.read_terminals(path)
    path.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(ValueError, match="line 1: not valid JSON"):
        ports.read_terminals(path)
