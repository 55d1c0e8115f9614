"""Building the plugin's map layers from core frames (one place, used by the dock, demo and Processing)."""
from __future__ import annotations

import pandas as pd
from qgis.core import QgsLayerMetadata, QgsVectorLayer

from .core.sanctions.seen import SEEN_COLUMNS
from .frames import add_point_features, fields_for

SANCTIONED_LAYER_NAME = "Sanctioned vessels"


def sanctioned_vessels_layer(seen: pd.DataFrame, data_label: str) -> QgsVectorLayer:
    """Listed vessels at their last AIS position (from :func:`listed_last_positions`).

    ``data_label`` says which sanctions data were used (snapshot date, downloads); it is kept
    in the layer's metadata so exported maps and tables can cite it.
    """
    layer = QgsVectorLayer("Point?crs=EPSG:4326", SANCTIONED_LAYER_NAME, "memory")
    attributes = [c for c in SEEN_COLUMNS if c not in ("lon", "lat")]
    frame = seen.copy()
    for column in ("mmsi", "imo", "name", "lists", "programmes", "listed_name", "listed_imo", "match_reason",
                   "warnings"):
        frame[column] = frame[column].astype(object)
    frame["score"] = pd.to_numeric(frame["score"]).astype("int64")
    frame["positions"] = pd.to_numeric(frame["positions"]).astype("int64")
    frame["last_seen"] = pd.to_datetime(frame["last_seen"], utc=True)
    fields = fields_for(frame, attributes)
    provider = layer.dataProvider()
    provider.addAttributes(fields.toList())
    layer.updateFields()
    add_point_features(provider, layer.fields(), frame)
    layer.updateExtents()
    metadata = QgsLayerMetadata()
    metadata.setTitle(SANCTIONED_LAYER_NAME)
    metadata.setAbstract("Vessels of the loaded AIS data that match a sanctions list, at their last AIS "
                         f"position. {data_label}. Matches carry their reason and score; check them.")
    layer.setMetadata(metadata)
    return layer
