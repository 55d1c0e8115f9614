"""Building the plugin's map layers from core frames (one place, used by the dock, demo and Processing)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from qgis.core import QgsLayerMetadata, QgsVectorLayer, QgsWkbTypes

from .core.sanctions.seen import SEEN_COLUMNS
from .frames import add_point_features, fields_for
from .output import KEY_PROPERTY, write_layer
from .styles import apply_style

SANCTIONED_LAYER_NAME = "Sanctioned vessels"


def sanctioned_vessels_layer(seen: pd.DataFrame, data_label: str, gpkg: Path | None = None) -> QgsVectorLayer:
    """Listed vessels at their last AIS position (from :func:`listed_last_positions`), styled.

    ``data_label`` says which sanctions data were used (snapshot date, downloads); it is kept
    in the layer's metadata so exported maps and tables can cite it. With ``gpkg`` the layer is
    written there as ``sanctioned_vessels`` (replacing a previous run's), else it is a memory layer.
    """
    attributes = [c for c in SEEN_COLUMNS if c not in ("lon", "lat")]
    frame = seen.copy()
    for column in ("mmsi", "imo", "name", "lists", "programmes", "listed_name", "listed_imo", "match_reason",
                   "warnings"):
        frame[column] = frame[column].astype(object)
    frame["score"] = pd.to_numeric(frame["score"]).astype("int64")
    frame["positions"] = pd.to_numeric(frame["positions"]).astype("int64")
    frame["last_seen"] = pd.to_datetime(frame["last_seen"], utc=True)
    fields = fields_for(frame, attributes)
    if gpkg is not None:
        layer = write_layer(gpkg, "sanctioned_vessels", fields, QgsWkbTypes.Type.Point,
                            lambda sink: add_point_features(sink, fields, frame))
        layer.setName(SANCTIONED_LAYER_NAME)
    else:
        layer = QgsVectorLayer("Point?crs=EPSG:4326", SANCTIONED_LAYER_NAME, "memory")
        provider = layer.dataProvider()
        provider.addAttributes(fields.toList())
        layer.updateFields()
        add_point_features(provider, layer.fields(), frame)
        layer.updateExtents()
        layer.setCustomProperty(KEY_PROPERTY, "sanctioned_vessels")
    apply_style(layer, "sanctioned_vessels")
    metadata = QgsLayerMetadata()
    metadata.setTitle(SANCTIONED_LAYER_NAME)
    metadata.setAbstract("Vessels of the loaded AIS data that match a sanctions list, at their last AIS "
                         f"position. {data_label}. Matches carry their reason and score; check them.")
    layer.setMetadata(metadata)
    return layer
