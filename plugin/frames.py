"""Conversion between QGIS layers/features and the core's pandas frames (the one adapter)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsLineString,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime, Qt, QVariant

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
BATCH = 20_000


def layer_to_frame(layer: QgsVectorLayer, feedback_progress: Callable[[float], None] | None = None,
                   is_cancelled: Callable[[], bool] | None = None) -> pd.DataFrame:
    """Every attribute of a point layer plus ``lon``/``lat`` (WGS84) and ``_row`` (1-based feature number).

    Attribute values are plain Python (``QVariant`` nulls become None, ``QDateTime`` ISO strings),
    so the core's column mapping and parsing apply exactly as for a CSV.
    """
    if layer.geometryType() != QgsWkbTypes.GeometryType.PointGeometry:
        raise ValueError(f"Layer '{layer.name()}' is not a point layer")
    names = [f.name() for f in layer.fields()]
    transform = None
    if layer.crs().isValid() and layer.crs() != WGS84:
        transform = QgsCoordinateTransform(layer.crs(), WGS84, QgsProject.instance())
    total = max(layer.featureCount(), 1)
    columns: dict[str, list] = {name: [] for name in names}
    lons: list[float] = []
    lats: list[float] = []
    for i, feature in enumerate(layer.getFeatures()):
        if is_cancelled is not None and i % BATCH == 0 and is_cancelled():
            break
        geometry = feature.geometry()
        if geometry is None or geometry.isEmpty():
            lons.append(np.nan)
            lats.append(np.nan)
        else:
            point = geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]
            if transform is not None:
                point = transform.transform(point)
            lons.append(point.x())
            lats.append(point.y())
        for name, value in zip(names, feature.attributes()):
            columns[name].append(_python_value(value))
        if feedback_progress is not None and i % BATCH == 0:
            feedback_progress(100.0 * i / total)
    frame = pd.DataFrame(columns)
    frame["lon"] = np.asarray(lons, dtype="float64")
    frame["lat"] = np.asarray(lats, dtype="float64")
    frame["_row"] = np.arange(1, len(frame) + 1)
    return frame


def _python_value(value):
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toString(Qt.DateFormat.ISODateWithMs) if value.isValid() else None
    return value


def fields_for(frame: pd.DataFrame, columns: Sequence[str]) -> QgsFields:
    """QGIS fields matching the dtypes of ``frame[columns]`` (any pandas dtype: categorical, nullable...)."""
    fields = QgsFields()
    for column in columns:
        fields.append(QgsField(column, _variant_type(frame[column].dtype)))
    return fields


def _variant_type(dtype) -> QVariant.Type:
    if isinstance(dtype, pd.CategoricalDtype):
        return _variant_type(dtype.categories.dtype)
    if pd.api.types.is_bool_dtype(dtype):
        return QVariant.Bool
    if pd.api.types.is_integer_dtype(dtype):
        return QVariant.LongLong
    if pd.api.types.is_float_dtype(dtype):
        return QVariant.Double
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return QVariant.DateTime
    return QVariant.String


def _attribute_columns(frame: pd.DataFrame, columns: Sequence[str]) -> list[list]:
    """Column-wise plain Python values for ``QgsFeature.setAttributes``: missing values (NaN, NA,
    NaT, None) become None (NULL), numpy scalars become int/float/bool, times become QDateTime."""
    out = []
    for column in columns:
        series = frame[column]
        missing = series.isna().to_numpy()
        kind = _variant_type(series.dtype)
        if kind == QVariant.DateTime:
            utc = series.dt.tz_convert("UTC") if series.dt.tz is not None else series
            ms = utc.to_numpy(dtype="datetime64[ms]").astype("int64")
            values = [None if m else QDateTime.fromMSecsSinceEpoch(int(v), Qt.TimeSpec.UTC)
                      for v, m in zip(ms, missing)]
        else:
            convert = {QVariant.Bool: bool, QVariant.LongLong: int, QVariant.Double: float}.get(kind, str)
            values = [None if m else convert(v) for v, m in zip(series.astype(object).tolist(), missing)]
        out.append(values)
    return out


def add_point_features(sink: QgsFeatureSink, fields: QgsFields, frame: pd.DataFrame,
                       lon: str = "lon", lat: str = "lat", progress: Callable[[float], None] | None = None,
                       is_cancelled: Callable[[], bool] | None = None) -> int:
    """Write one point feature per row of ``frame`` (attributes named by ``fields``)."""
    names = [f.name() for f in fields]
    attributes = _attribute_columns(frame, names)
    xs = frame[lon].to_numpy(dtype="float64")
    ys = frame[lat].to_numpy(dtype="float64")
    return _write(sink, fields, len(frame), attributes,
                  lambda i: QgsGeometry.fromPointXY(QgsPointXY(xs[i], ys[i])), progress, is_cancelled)


def add_line_features(sink: QgsFeatureSink, fields: QgsFields, frame: pd.DataFrame,
                      coordinates: Sequence[np.ndarray], progress: Callable[[float], None] | None = None,
                      is_cancelled: Callable[[], bool] | None = None) -> int:
    """Write one line per row; ``coordinates[i]`` is an ``(n, 2)`` lon/lat array (n=1 gives a point-like line)."""
    names = [f.name() for f in fields]
    attributes = _attribute_columns(frame, names)

    def geometry(i: int) -> QgsGeometry:
        xy = coordinates[i]
        if len(xy) == 1:
            xy = np.vstack([xy, xy])
        return QgsGeometry(QgsLineString(xy[:, 0].tolist(), xy[:, 1].tolist()))

    return _write(sink, fields, len(frame), attributes, geometry, progress, is_cancelled)


def add_table_features(sink: QgsFeatureSink, fields: QgsFields, frame: pd.DataFrame) -> int:
    """Write one geometry-less feature per row of ``frame``."""
    attributes = _attribute_columns(frame, [f.name() for f in fields])
    return _write(sink, fields, len(frame), attributes, None, None, None)


def _write(sink, fields, n, attributes, geometry, progress, is_cancelled) -> int:
    written = 0
    batch: list[QgsFeature] = []
    for i in range(n):
        feature = QgsFeature(fields)
        feature.setAttributes([column[i] for column in attributes])
        if geometry is not None:
            feature.setGeometry(geometry(i))
        batch.append(feature)
        if len(batch) == BATCH or i == n - 1:
            if is_cancelled is not None and is_cancelled():
                break
            if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
                raise RuntimeError(f"Could not write features: {sink.lastError() or 'unknown error'}")
            written += len(batch)
            batch = []
            if progress is not None:
                progress(100.0 * written / max(n, 1))
    return written
