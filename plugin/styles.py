"""Styling the plugin's layers: the bundled QML styles and Temporal Controller properties."""
from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsVectorLayer

from .output import layer_key

STYLES_DIR = Path(__file__).resolve().parent.parent / "resources" / "styles"

# layer key -> (start field, end field) animated by the Temporal Controller
TEMPORAL_FIELDS: dict[str, tuple[str, str]] = {
    "tracks": ("start_time", "end_time"),
    "dark_gaps": ("start_time", "end_time"),
    "port_calls": ("arrival", "departure"),
    "trips": ("arrival", "departure"),
}


def style_path(key: str) -> Path:
    """The bundled QML file for layer ``key`` (``tracks``, ``ports``, ...)."""
    return STYLES_DIR / f"{key}.qml"


def apply_style(layer: QgsVectorLayer, key: str | None = None) -> None:
    """Load the bundled style of ``key`` (default: the layer's ``tanker_watch/layer_key``) and set
    its temporal properties; a layer without a bundled style keeps the QGIS default.
    """
    key = key or layer_key(layer)
    if key is None:
        raise ValueError(f"Layer '{layer.name()}' has no Tanker Watch layer key; pass the key")
    path = style_path(key)
    if path.is_file():
        message, ok = layer.loadNamedStyle(str(path))
        if not ok:
            raise OSError(f"{path}: cannot apply style to '{layer.name()}': {message}")
    if key in TEMPORAL_FIELDS:
        set_temporal(layer, *TEMPORAL_FIELDS[key])
    layer.triggerRepaint()


def set_temporal(layer: QgsVectorLayer, start_field: str, end_field: str) -> bool:
    """Make the Temporal Controller show each feature from ``start_field`` to ``end_field``.

    Returns False (and leaves the layer alone) when either field is missing.
    """
    fields = layer.fields()
    if fields.indexOf(start_field) < 0 or fields.indexOf(end_field) < 0:
        return False
    temporal = layer.temporalProperties()
    temporal.setMode(Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromFields)
    temporal.setStartField(start_field)
    temporal.setEndField(end_field)
    temporal.setIsActive(True)
    return True
