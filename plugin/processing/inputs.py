"""Resolving an algorithm's AIS ``INPUT``: a file in any supported format, or a point layer."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ..core import ais_readers
from ..core.errors import AisFormatError, Cancelled, ReadResult
from ..frames import layer_to_frame

# Files these extensions name are GIS containers: read them as QGIS layers, not as AIS text.
LAYER_SUFFIXES = {".gpkg", ".shp", ".geojson", ".json", ".fgb", ".sqlite", ".gml", ".kml", ".tab", ".gdb"}


def parse_mapping(text: str) -> dict[str, str]:
    """``"time=BaseDateTime; mmsi=MMSI"`` -> ``{"time": "BaseDateTime", "mmsi": "MMSI"}``."""
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.replace(";", ",").split(","))):
        if "=" not in part:
            raise QgsProcessingException(f"Column mapping entry '{part}' is not of the form canonical=source")
        key, value = (s.strip() for s in part.split("=", 1))
        mapping[key] = value
    return mapping


def read_input(value: str, mapping_text: str, context: QgsProcessingContext,
               feedback: QgsProcessingFeedback) -> ReadResult:
    """Read the AIS input, reporting problems through ``feedback``; raise if nothing loads."""
    mapping = parse_mapping(mapping_text or "") or None
    path = Path(value.split("|", 1)[0]) if value else None
    try:
        if path is not None and path.is_file() and path.suffix.lower() not in LAYER_SUFFIXES:
            result = ais_readers.read_ais(path, mapping=mapping, progress=feedback.setProgress,
                                          cancel=feedback.isCanceled)
        else:
            layer = QgsProcessingUtils.mapLayerFromString(value, context)
            if not isinstance(layer, QgsVectorLayer):
                raise QgsProcessingException(f"'{value}' is neither an AIS file nor a point layer")
            frame = layer_to_frame(layer, feedback.setProgress, feedback.isCanceled)
            layer_mapping = ais_readers.guess_mapping([c for c in frame.columns if c not in ("lon", "lat")])
            layer_mapping.update(mapping or {})
            layer_mapping.update(lon="lon", lat="lat")
            result = ais_readers.positions_from_frame(frame, layer_mapping, source=layer.name())
    except AisFormatError as exc:
        raise QgsProcessingException(str(exc)) from exc
    except Cancelled as exc:
        raise QgsProcessingException("Cancelled") from exc
    for warning in result.warnings:
        feedback.pushWarning(warning)
    for issue in result.issues[:50]:
        feedback.pushWarning(str(issue))
    if result.issue_count > 50:
        feedback.pushWarning(f"... and {result.issue_count - 50} more rows that could not be read")
    feedback.pushInfo(f"Read {len(result.positions):,} positions ({result.format})")
    return result
