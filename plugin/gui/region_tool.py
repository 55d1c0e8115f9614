"""Map tools to draw the region of interest (polygon or rectangle), and a region from a selection."""
from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QKeyEvent

from ..region import REGION_COLOUR, region_from_features, to_wgs84

# a drag shorter than this (pixels) is a click, not a rectangle
MIN_DRAG_PX = 3
# extra vertices per rectangle side, so it stays the drawn shape once in EPSG:4326
RECTANGLE_DENSIFY = 16


def _drawing_band(canvas: QgsMapCanvas) -> QgsRubberBand:
    band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
    band.setStrokeColor(REGION_COLOUR)
    band.setFillColor(QColor(230, 85, 13, 40))
    band.setWidth(2)
    band.setLineStyle(Qt.PenStyle.DashLine)
    return band


class _RegionTool(QgsMapTool):
    """Shared parts: the rubber band, the CRS transform, Esc to cancel."""

    regionDrawn = pyqtSignal(QgsGeometry)  # noqa: N815 (Qt signal naming)

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self._band = _drawing_band(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def _emit(self, geometry: QgsGeometry) -> None:
        """Emit ``geometry`` (canvas CRS) as a valid EPSG:4326 polygon."""
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        if geometry.isEmpty() or geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
            return
        crs = self.canvas().mapSettings().destinationCrs()
        self.regionDrawn.emit(to_wgs84(geometry, crs))

    def reset(self) -> None:
        """Forget what is being drawn."""
        self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
            event.accept()
        else:
            event.ignore()

    def deactivate(self) -> None:
        self.reset()
        super().deactivate()

    def remove(self) -> None:
        """Take the rubber band off the canvas for good (plugin unload)."""
        self.reset()
        self.canvas().scene().removeItem(self._band)


class PolygonRegionTool(_RegionTool):
    """Left click adds a vertex; right click or double click closes the polygon; Backspace
    removes the last vertex; Esc cancels. Emits ``regionDrawn`` in EPSG:4326.
    """

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self._points: list[QgsPointXY] = []
        self._ignore_release = False

    def vertices(self) -> list[QgsPointXY]:
        """The vertices placed so far (canvas CRS)."""
        return list(self._points)

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:
        if self._ignore_release:  # the release that ends a double click
            self._ignore_release = False
            return
        if event.button() == Qt.MouseButton.LeftButton:
            point = event.mapPoint()
            if not self._points or point != self._points[-1]:
                self._points.append(point)
            self._update_band()
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish()

    def canvasDoubleClickEvent(self, event: QgsMapMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._ignore_release = True
            self.finish()

    def canvasMoveEvent(self, event: QgsMapMouseEvent) -> None:
        if self._points:
            self._update_band(event.mapPoint())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self._points:
            self._points.pop()
            self._update_band()
            event.accept()
        else:
            super().keyPressEvent(event)

    def finish(self) -> None:
        """Close the polygon and emit it (needs three distinct vertices, else just resets)."""
        points = self._points
        self.reset()
        if len(points) >= 3:
            self._emit(QgsGeometry.fromPolygonXY([points + [points[0]]]))

    def reset(self) -> None:
        self._points = []
        super().reset()

    def _update_band(self, floating: QgsPointXY | None = None) -> None:
        points = self._points + ([floating] if floating is not None else [])
        self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        for i, point in enumerate(points):
            self._band.addPoint(point, i == len(points) - 1)


class RectangleRegionTool(_RegionTool):
    """Press, drag and release to draw a rectangle; Esc cancels. Emits ``regionDrawn`` in EPSG:4326."""

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self._start: QgsPointXY | None = None
        self._start_px = None

    def canvasPressEvent(self, event: QgsMapMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._start = event.mapPoint()
            self._start_px = event.pos()

    def canvasMoveEvent(self, event: QgsMapMouseEvent) -> None:
        if self._start is not None:
            self._band.setToGeometry(QgsGeometry.fromRect(QgsRectangle(self._start, event.mapPoint())),
                                    self.canvas().mapSettings().destinationCrs())

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:
        if self._start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        start, start_px = self._start, self._start_px
        self.reset()
        moved = event.pos() - start_px
        if abs(moved.x()) < MIN_DRAG_PX or abs(moved.y()) < MIN_DRAG_PX:
            return
        rectangle = QgsGeometry.fromRect(QgsRectangle(start, event.mapPoint()))
        self._emit(rectangle.densifyByCount(RECTANGLE_DENSIFY))

    def reset(self) -> None:
        self._start = None
        self._start_px = None
        super().reset()


def region_from_selection(layer: QgsVectorLayer) -> QgsGeometry | None:
    """Union of the selected polygons of ``layer`` in EPSG:4326, or None when none is selected."""
    if layer is None or layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        return None
    return region_from_features(layer.getSelectedFeatures(), layer.crs())
