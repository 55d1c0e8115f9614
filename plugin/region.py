"""The user's region of interest: stored in the project file, shown on the canvas."""
from __future__ import annotations

from collections.abc import Iterable

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsWkbTypes,
)
from qgis.gui import QgsMapCanvas, QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from .frames import WGS84

SCOPE = "tanker_watch"
KEY = "region_wkt"
REGION_COLOUR = QColor(230, 85, 13)


def save_region(project: QgsProject, geometry: QgsGeometry | None) -> None:
    """Keep ``geometry`` (EPSG:4326 polygon) in the project; None or an empty geometry forgets it.

    Saved with the project file, like any project setting (the project is marked dirty).
    """
    if geometry is None or geometry.isEmpty():
        project.removeEntry(SCOPE, KEY)
    else:
        if geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise ValueError("The region must be a polygon")
        project.writeEntry(SCOPE, KEY, geometry.asWkt(7))
    project.setDirty(True)


def load_region(project: QgsProject) -> QgsGeometry | None:
    """The project's region (EPSG:4326), or None when none is stored or it cannot be read."""
    wkt, found = project.readEntry(SCOPE, KEY, "")
    if not found or not wkt:
        return None
    geometry = QgsGeometry.fromWkt(wkt)
    if geometry.isNull() or geometry.isEmpty():
        return None
    return geometry


class RegionBand:
    """A rubber band showing the region on ``canvas`` until :meth:`clear` (geometries in EPSG:4326)."""

    def __init__(self, canvas: QgsMapCanvas) -> None:
        self._canvas = canvas
        self._band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self._band.setStrokeColor(REGION_COLOUR)
        self._band.setFillColor(QColor(230, 85, 13, 30))
        self._band.setWidth(3)
        self._band.setLineStyle(Qt.PenStyle.SolidLine)
        self._geometry: QgsGeometry | None = None
        canvas.destinationCrsChanged.connect(self._redraw)

    def geometry(self) -> QgsGeometry | None:
        """The shown region in EPSG:4326, or None."""
        return self._geometry

    def show(self, geometry: QgsGeometry) -> None:
        """Show ``geometry`` (EPSG:4326), replacing what was shown."""
        self._geometry = QgsGeometry(geometry)
        self._redraw()

    def clear(self) -> None:
        self._geometry = None
        self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def remove(self) -> None:
        """Take the band off the canvas for good (plugin unload)."""
        self.clear()
        self._canvas.destinationCrsChanged.disconnect(self._redraw)
        self._canvas.scene().removeItem(self._band)

    def _redraw(self) -> None:
        if self._geometry is None:
            return
        # setToGeometry transforms from the given CRS to the canvas CRS
        self._band.setToGeometry(self._geometry, WGS84)
        self._band.show()

    @property
    def band(self) -> QgsRubberBand:
        return self._band


def region_from_features(features: Iterable[QgsFeature], crs: QgsCoordinateReferenceSystem) -> QgsGeometry | None:
    """Union of the polygon ``features`` (in ``crs``) in EPSG:4326, or None when there is no polygon."""
    parts = [QgsGeometry(f.geometry()) for f in features if f.hasGeometry() and not f.geometry().isEmpty()
             and f.geometry().type() == QgsWkbTypes.GeometryType.PolygonGeometry]
    if not parts:
        return None
    union = QgsGeometry.unaryUnion(parts)
    if union.isNull() or union.isEmpty():
        return None
    return to_wgs84(union, crs if crs.isValid() else WGS84)


def to_wgs84(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem,
             project: QgsProject | None = None) -> QgsGeometry:
    """A copy of ``geometry`` transformed from ``crs`` to EPSG:4326."""
    result = QgsGeometry(geometry)
    if crs.isValid() and crs != WGS84:
        context = (project or QgsProject.instance()).transformContext()
        if result.transform(QgsCoordinateTransform(crs, WGS84, context)) != Qgis.GeometryOperationResult.Success:
            raise ValueError(f"Cannot transform the region from {crs.authid() or crs.description()} to EPSG:4326")
    return result
