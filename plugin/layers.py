"""Building the plugin's map layers from core frames (one place, used by the dock, demo and Processing)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from qgis.core import QgsFeature, QgsGeometry, QgsLayerMetadata, QgsVectorLayer, QgsWkbTypes

from .core.pipeline import Dataset, RegionResult
from .core.sanctions.seen import SEEN_COLUMNS, listed_last_positions
from .core.tracks import TRACK_LINE_COLUMNS, track_lines
from .frames import add_line_features, add_point_features, fields_for
from .output import write_layer
from .styles import apply_style

# Display names of the layers the plugin writes (keys are the GeoPackage layer names).
LAYER_TITLES = {
    "ports": "Ports", "terminals": "Terminal areas", "sanctioned_vessels": "Sanctioned vessels",
    "tracks": "Tanker tracks", "dark_gaps": "Dark periods (AIS off)", "port_calls": "Port calls",
    "trips": "Trips into region", "sightings": "Satellite sightings", "region": "Region",
}
PORT_FIELDS = ["port_id", "name", "country", "locode", "harbor_size", "harbor_rank"]
CALL_FIELDS = ["mmsi", "imo", "name", "ship_type", "port", "port_kind", "arrival", "departure", "duration_h",
               "evidence", "evidence_all", "level", "draught_in", "draught_out"]
GAP_FIELDS = ["mmsi", "imo", "name", "start_time", "end_time", "duration_h", "distance_km", "implied_speed_kn",
              "draught_before", "draught_after", "start_port", "start_port_km", "end_port", "end_port_km",
              "near_port"]
TRIP_FIELDS = ["trip_id", "mmsi", "imo", "name", "flag", "ports", "arrival", "departure", "duration_h", "evidence",
               "level", "counted", "laden_state", "laden_evidence", "draught_in", "draught_out", "dwt", "dwt_assumed",
               "listed", "lists", "barrels_low", "barrels_central", "barrels_high"]
SIGHTING_FIELDS = ["time", "imo", "mmsi", "name", "state", "source"]
SEEN_FIELDS = [c for c in SEEN_COLUMNS if c not in ("lon", "lat")]


def _describe(layer: QgsVectorLayer, key: str, abstract: str, notice: str) -> QgsVectorLayer:
    """Name, style (with temporal properties) and metadata of one of the plugin's layers."""
    layer.setName(LAYER_TITLES[key])
    apply_style(layer, key)
    metadata = QgsLayerMetadata()
    metadata.setTitle(LAYER_TITLES[key])
    metadata.setAbstract(" ".join(part for part in (notice, abstract) if part))
    layer.setMetadata(metadata)
    return layer


def _points(gpkg: Path, key: str, frame: pd.DataFrame, columns: list[str], lon: str = "lon",
            lat: str = "lat") -> QgsVectorLayer:
    columns = [c for c in columns if c in frame.columns]
    fields = fields_for(frame, columns)
    return write_layer(gpkg, key, fields, QgsWkbTypes.Type.Point,
                       lambda sink: add_point_features(sink, fields, frame, lon=lon, lat=lat))


def polygon_wkt(rings_by_polygon) -> str:
    """WKT MULTIPOLYGON from the core's normalised geometry (polygons of lon/lat rings)."""
    polygons = ["(" + ", ".join("(" + ", ".join(f"{x} {y}" for x, y in ring) + ")" for ring in polygon) + ")"
                for polygon in rings_by_polygon]
    return "MULTIPOLYGON(" + ", ".join(polygons) + ")"


def _polygons(gpkg: Path, key: str, rows: list[dict], columns: list[str]) -> QgsVectorLayer:
    table = pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=columns).astype(object)
    fields = fields_for(table, columns)

    def write(sink) -> int:
        features = []
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([None if row.get(c) is None else str(row[c]) for c in columns])
            feature.setGeometry(QgsGeometry.fromWkt(row["wkt"]))
            features.append(feature)
        sink.addFeatures(features)
        return len(features)

    return write_layer(gpkg, key, fields, QgsWkbTypes.Type.MultiPolygon, write)


def sanctioned_vessels_layer(seen: pd.DataFrame, data_label: str, gpkg: Path, notice: str = "") -> QgsVectorLayer:
    """Listed vessels at their last AIS position (from :func:`listed_last_positions`), styled.

    ``data_label`` says which sanctions data were used (snapshot date, downloads); it is kept in
    the layer's metadata so exported maps and tables can cite it.
    """
    layer = _points(gpkg, "sanctioned_vessels", seen, SEEN_FIELDS)
    return _describe(layer, "sanctioned_vessels", "Vessels of the loaded AIS data that match a sanctions list, "
                     f"at their last AIS position. {data_label}. Matches carry their reason and score; check them.",
                     notice)


def dataset_layers(dataset: Dataset, gpkg: Path, notice: str = "") -> list[QgsVectorLayer]:
    """Region-independent layers of a loaded data set, written to ``gpkg``: ports, terminal areas,
    sanctioned vessels, tracks, dark periods, port calls and sightings (when given)."""
    layers = [
        _describe(_points(gpkg, "ports", dataset.ports, PORT_FIELDS),
                  "ports", "Ports from the NGA World Port Index (Pub. 150, export of March 2025, US government, "
                  "public domain; see resources/data/ports/SOURCES.md) unless you supplied your own.", notice),
        _describe(_polygons(gpkg, "terminals", [{**t, "wkt": polygon_wkt(t["geometry"])} for t in dataset.terminals],
                            ["name", "port", "country", "kind", "source", "note"]),
                  "terminals", "Terminal and anchorage areas, hand-checked; see each area's source and note.", notice),
        sanctioned_vessels_layer(listed_last_positions(dataset.positions, dataset.vessels, dataset.matches),
                                 dataset.sanctions_label(), gpkg, notice),
    ]
    lines, coordinates = track_lines(dataset.reconstruction)
    fields = fields_for(lines, TRACK_LINE_COLUMNS)
    tracks = write_layer(gpkg, "tracks", fields, QgsWkbTypes.Type.LineString,
                         lambda sink: add_line_features(sink, fields, lines, coordinates))
    layers.append(_describe(tracks, "tracks", "Observed AIS track segments (solid) and dark periods joined by "
                            "straight connectors (dashed, dark=true): the real route while dark is unknown.", notice))
    dark = _points(gpkg, "dark_gaps", dataset.reconstruction.dark_gaps, GAP_FIELDS, "start_lon", "start_lat")
    layers.append(_describe(dark, "dark_gaps", "Where each vessel's AIS went silent for "
                            f"{dataset.settings.dark_gap_h:g} h or more.", notice))
    calls = _points(gpkg, "port_calls", dataset.calls, CALL_FIELDS)
    layers.append(_describe(calls, "port_calls", "Port calls: AIS stops and calls inferred inside AIS gaps, with "
                            "their evidence and level (confirmed, inferred, possible).", notice))
    if dataset.sightings is not None and len(dataset.sightings):
        layers.append(_describe(_points(gpkg, "sightings", dataset.sightings, SIGHTING_FIELDS),
                                "sightings", "Satellite (or other non-AIS) sightings as supplied.", notice))
    return layers


def region_layers(result: RegionResult, region_wkt: str, gpkg: Path, notice: str = "") -> list[QgsVectorLayer]:
    """The region polygon and its trips (one point per trip at its first call), written to ``gpkg``."""
    trips = _points(gpkg, "trips", result.trips, TRIP_FIELDS)
    assumptions = " ".join(result.assumptions.describe())
    region = _polygons(gpkg, "region", [{"name": "Region", "wkt": region_wkt}], ["name"])
    return [_describe(trips, "trips", f"Trips into the region. Volumes are ESTIMATES: {assumptions}", notice),
            _describe(region, "region", "The region analysed.", notice)]
