"""Map layers built from core frames."""
from __future__ import annotations

import pandas as pd

from tanker_watch.plugin.core.sanctions.seen import SEEN_COLUMNS
from tanker_watch.plugin.layers import sanctioned_vessels_layer


def test_sanctioned_vessels_layer(qgis_app):
    seen = pd.DataFrame([{
        "mmsi": "445111000", "imo": "8660313", "name": "CHON MA SAN", "lists": "OFAC SDN|EU 2017/1509",
        "programmes": "DPRK4", "listed_name": "CHON MA SAN", "listed_imo": "8660313",
        "match_reason": "IMO 8660313 exact", "score": 100, "warnings": "",
        "last_seen": pd.Timestamp("2024-10-19T06:00Z"), "lon": 133.0, "lat": 42.75, "positions": 12,
    }], columns=SEEN_COLUMNS)
    layer = sanctioned_vessels_layer(seen, "Sanctions lists: bundled snapshot of 2026-08-14")
    assert layer.isValid() and layer.featureCount() == 1
    feature = next(layer.getFeatures())
    assert feature["lists"] == "OFAC SDN|EU 2017/1509" and feature["score"] == 100
    assert feature["last_seen"].toString("yyyy-MM-ddTHH:mm") == "2024-10-19T06:00"
    assert (feature.geometry().asPoint().x(), feature.geometry().asPoint().y()) == (133.0, 42.75)
    assert "2026-08-14" in layer.metadata().abstract()


def test_empty_sanctioned_vessels_layer(qgis_app):
    layer = sanctioned_vessels_layer(pd.DataFrame(columns=SEEN_COLUMNS), "snapshot")
    assert layer.isValid() and layer.featureCount() == 0
    assert "match_reason" in layer.fields().names()
