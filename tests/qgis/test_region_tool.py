"""Region map tools on the pytest-qgis canvas, and the region stored in the project file."""
from __future__ import annotations

import pytest
from qgis.core import (
    Qgis,
        QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtGui import QKeyEvent

from tanker_watch.plugin.gui.region_tool import PolygonRegionTool, RectangleRegionTool, region_from_selection
from tanker_watch.plugin.region import RegionBand, load_region, save_region

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")


@pytest.fixture
def canvas(qgis_canvas):
    """The canvas in Web Mercator around Vostochny, so tools must transform to EPSG:4326."""
    qgis_canvas.setDestinationCrs(MERCATOR)
    to_mercator = QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance())
    qgis_canvas.setExtent(to_mercator.transformBoundingBox(QgsRectangle(132.5, 42.3, 133.7, 43.1)))
    qgis_canvas.refresh()
    yield qgis_canvas
    qgis_canvas.setDestinationCrs(WGS84)


@pytest.fixture
def project(qgis_app):
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


def _lonlat(canvas, x: int, y: int) -> QgsPointXY:
    point = canvas.getCoordinateTransform().toMapCoordinates(*_px(canvas, x, y))
    return QgsCoordinateTransform(MERCATOR, WGS84, QgsProject.instance()).transform(point)


def _px(canvas, x: int, y: int) -> tuple[int, int]:
    """Pixel of (``x``, ``y``) given on a 600 x 400 grid, scaled to the canvas (the hidden test canvas is small)."""
    size = canvas.mapSettings().outputSize()
    return round(x * size.width() / 600), round(y * size.height() / 400)


def _mouse(canvas, kind, x: int, y: int, button=Qt.MouseButton.LeftButton) -> QgsMapMouseEvent:
    return QgsMapMouseEvent(canvas, kind, QPoint(*_px(canvas, x, y)), button)


def _click(tool, canvas, x: int, y: int, button=Qt.MouseButton.LeftButton) -> None:
    tool.canvasPressEvent(_mouse(canvas, QEvent.Type.MouseButtonPress, x, y, button))
    tool.canvasReleaseEvent(_mouse(canvas, QEvent.Type.MouseButtonRelease, x, y, button))


def _key(tool, key) -> None:
    tool.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))


def _record(tool) -> list:
    drawn: list[QgsGeometry] = []
    tool.regionDrawn.connect(drawn.append)
    return drawn


def _vertices(geometry: QgsGeometry) -> list[tuple[float, float]]:
    return [(round(p.x(), 6), round(p.y(), 6)) for p in geometry.asPolygon()[0]]


def test_polygon_clicks_and_right_click(canvas):
    tool = PolygonRegionTool(canvas)
    canvas.setMapTool(tool)
    drawn = _record(tool)
    pixels = [(100, 100), (400, 120), (350, 300)]
    for x, y in pixels:
        _click(tool, canvas, x, y)
    assert drawn == []
    _click(tool, canvas, 200, 200, Qt.MouseButton.RightButton)
    assert len(drawn) == 1
    expected = [_lonlat(canvas, x, y) for x, y in pixels]
    expected = [(round(p.x(), 6), round(p.y(), 6)) for p in expected + expected[:1]]
    assert _vertices(drawn[0]) == expected
    visible = QgsCoordinateTransform(MERCATOR, WGS84, QgsProject.instance()).transformBoundingBox(canvas.extent())
    assert visible.contains(QgsPointXY(*expected[0])) and visible.contains(QgsPointXY(133.08, 42.75))
    assert tool.vertices() == []


def test_polygon_double_click_finishes_once(canvas):
    tool = PolygonRegionTool(canvas)
    drawn = _record(tool)
    for x, y in [(100, 100), (400, 120)]:
        _click(tool, canvas, x, y)
    # Qt sends press, release, double-click, release for a double click
    _click(tool, canvas, 300, 300)
    tool.canvasDoubleClickEvent(_mouse(canvas, QEvent.Type.MouseButtonDblClick, 300, 300))
    tool.canvasReleaseEvent(_mouse(canvas, QEvent.Type.MouseButtonRelease, 300, 300))
    assert len(drawn) == 1 and len(_vertices(drawn[0])) == 4
    assert tool.vertices() == []


def test_polygon_backspace_and_escape(canvas):
    tool = PolygonRegionTool(canvas)
    drawn = _record(tool)
    for x, y in [(100, 100), (400, 120), (590, 390), (350, 300)]:
        _click(tool, canvas, x, y)
    _key(tool, Qt.Key.Key_Backspace)
    assert len(tool.vertices()) == 3
    _click(tool, canvas, 50, 300, Qt.MouseButton.RightButton)
    assert len(drawn) == 1
    assert (round(_lonlat(canvas, 590, 390).x(), 6), round(_lonlat(canvas, 590, 390).y(), 6)) \
        in _vertices(drawn[0])
    assert (round(_lonlat(canvas, 350, 300).x(), 6), round(_lonlat(canvas, 350, 300).y(), 6)) \
        not in _vertices(drawn[0])

    for x, y in [(100, 100), (400, 120), (350, 300)]:
        _click(tool, canvas, x, y)
    _key(tool, Qt.Key.Key_Escape)
    assert tool.vertices() == []
    _click(tool, canvas, 50, 300, Qt.MouseButton.RightButton)
    assert len(drawn) == 1


def test_polygon_needs_three_vertices(canvas):
    tool = PolygonRegionTool(canvas)
    drawn = _record(tool)
    _click(tool, canvas, 100, 100)
    _click(tool, canvas, 100, 100)  # same place twice counts once
    _click(tool, canvas, 300, 100)
    _click(tool, canvas, 0, 0, Qt.MouseButton.RightButton)
    assert drawn == []


def test_rectangle_drag(canvas):
    tool = RectangleRegionTool(canvas)
    drawn = _record(tool)
    tool.canvasPressEvent(_mouse(canvas, QEvent.Type.MouseButtonPress, 100, 80))
    tool.canvasMoveEvent(_mouse(canvas, QEvent.Type.MouseMove, 300, 200))
    tool.canvasReleaseEvent(_mouse(canvas, QEvent.Type.MouseButtonRelease, 500, 350))
    assert len(drawn) == 1
    box = drawn[0].boundingBox()
    top_left, bottom_right = _lonlat(canvas, 100, 80), _lonlat(canvas, 500, 350)
    assert box.xMinimum() == pytest.approx(top_left.x(), abs=1e-6)
    assert box.yMaximum() == pytest.approx(top_left.y(), abs=1e-6)
    assert box.xMaximum() == pytest.approx(bottom_right.x(), abs=1e-6)
    assert box.yMinimum() == pytest.approx(bottom_right.y(), abs=1e-6)
    assert drawn[0].isGeosValid()


def test_rectangle_click_without_drag_and_escape(canvas):
    tool = RectangleRegionTool(canvas)
    drawn = _record(tool)
    tool.canvasPressEvent(_mouse(canvas, QEvent.Type.MouseButtonPress, 100, 80))
    tool.canvasReleaseEvent(_mouse(canvas, QEvent.Type.MouseButtonRelease, 100, 80))
    tool.canvasPressEvent(_mouse(canvas, QEvent.Type.MouseButtonPress, 100, 80))
    _key(tool, Qt.Key.Key_Escape)
    tool.canvasReleaseEvent(_mouse(canvas, QEvent.Type.MouseButtonRelease, 500, 350))
    assert drawn == []


def test_region_from_selection_unions_and_transforms(qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "areas", "memory")
    to_mercator = QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance())
    features = []
    for x0 in (133.0, 133.1, 140.0):
        geometry = QgsGeometry.fromRect(QgsRectangle(x0, 42.7, x0 + 0.15, 42.8))
        assert geometry.transform(to_mercator) == Qgis.GeometryOperationResult.Success
        feature = QgsFeature()
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    assert region_from_selection(layer) is None
    layer.selectByIds([f.id() for f in layer.getFeatures()][:2])
    region = region_from_selection(layer)
    box = region.boundingBox()
    assert (box.xMinimum(), box.xMaximum()) == (pytest.approx(133.0), pytest.approx(133.25))
    assert (box.yMinimum(), box.yMaximum()) == (pytest.approx(42.7), pytest.approx(42.8))
    assert not region.isMultipart()
    points = QgsVectorLayer("Point?crs=EPSG:4326", "points", "memory")
    assert region_from_selection(points) is None


def test_region_round_trip_through_a_project_file(project, tmp_path):
    assert load_region(project) is None
    region = QgsGeometry.fromWkt("POLYGON((132.9 42.6,133.3 42.6,133.3 42.9,132.9 42.9,132.9 42.6))")
    save_region(project, region)
    path = tmp_path / "study.qgz"
    assert project.write(str(path))
    project.clear()
    assert load_region(project) is None
    assert project.read(str(path))
    loaded = load_region(project)
    assert loaded is not None and loaded.equals(region)
    save_region(project, None)
    assert load_region(project) is None
    with pytest.raises(ValueError, match="polygon"):
        save_region(project, QgsGeometry.fromWkt("POINT(133 42)"))


def test_region_band_shows_in_canvas_crs(canvas):
    band = RegionBand(canvas)
    region = QgsGeometry.fromRect(QgsRectangle(133.0, 42.7, 133.2, 42.8))
    band.show(region)
    shown = band.band.asGeometry().boundingBox()
    expected = QgsCoordinateTransform(WGS84, MERCATOR, QgsProject.instance()).transformBoundingBox(
        region.boundingBox())
    assert shown.xMinimum() == pytest.approx(expected.xMinimum(), rel=1e-6)
    assert shown.yMaximum() == pytest.approx(expected.yMaximum(), rel=1e-6)
    assert band.geometry().equals(region)
    band.clear()
    assert band.geometry() is None and band.band.asGeometry().isEmpty()
    band.remove()
