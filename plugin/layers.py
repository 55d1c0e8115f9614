"""Building the plugin's map layers from core frames (one place, used by the dock, demo and Processing)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from qgis.core import QgsFeature, QgsGeometry, QgsLayerMetadata, QgsVectorLayer, QgsWkbTypes

from .core.pipeline import Dataset, RegionResult
from .core.sanctions.seen import SEEN_COLUMNS, listed_last_positions
from .core.tracks import TRACK_LINE_COLUMNS, track_lines
from .frames import add_line_features, add_point_features, fields_for
from .output import KEY_PROPERTY, write_layer
from .styles import apply_style, set_temporal

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


# Display names of the layers the plugin writes (keys are the GeoPackage layer names).
LAYER_TITLES = {
    "ports": "Ports", "terminals": "Terminal areas", "sanctioned_vessels": SANCTIONED_LAYER_NAME,
    "tracks": "Tanker tracks", "dark_gaps": "Dark periods (AIS off)", "port_calls": "Port calls",
    "trips": "Trips into region", "sightings": "Satellite sightings", "region": "Region",
}
PORT_FIELDS = ["port_id", "name", "country", "locode", "harbor_size", "harbor_rank"]
CALL_FIELDS = ["mmsi", "imo", "name", "port", "port_kind", "arrival", "departure", "duration_h", "evidence",
               "evidence_all", "level", "draught_in", "draught_out"]
GAP_FIELDS = ["mmsi", "imo", "name", "start_time", "end_time", "duration_h", "distance_km", "implied_speed_kn",
              "draught_before", "draught_after", "start_port", "start_port_km", "end_port", "end_port_km",
              "near_port"]
TRIP_FIELDS = ["trip_id", "mmsi", "imo", "name", "flag", "ports", "arrival", "departure", "duration_h", "evidence",
               "level", "counted", "laden_state", "laden_evidence", "draught_in", "draught_out", "dwt", "dwt_assumed",
               "listed", "lists", "barrels_low", "barrels_central", "barrels_high"]
SIGHTING_FIELDS = ["time", "imo", "mmsi", "name", "state", "source"]


def _plain(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``frame[columns]`` with text as object and nullable booleans as plain bools (what QGIS fields take)."""
    out = frame.reindex(columns=columns).copy()
    for column in columns:
        dtype = out[column].dtype
        if str(dtype) in ("boolean", "bool"):
            out[column] = out[column].fillna(False).astype(bool)
        elif isinstance(dtype, pd.CategoricalDtype) or str(dtype) in ("object", "string"):
            out[column] = out[column].astype(object).where(out[column].notna(), None)
        elif str(dtype).startswith(("Int", "UInt")):
            out[column] = out[column].astype("float64")
    return out


def _describe(layer: QgsVectorLayer, key: str, abstract: str, notice: str) -> QgsVectorLayer:
    layer.setName(LAYER_TITLES[key])
    apply_style(layer, key)
    metadata = QgsLayerMetadata()
    metadata.setTitle(LAYER_TITLES[key])
    metadata.setAbstract(" ".join(part for part in (notice, abstract) if part))
    layer.setMetadata(metadata)
    return layer


def _points(gpkg: Path, key: str, frame: pd.DataFrame, columns: list[str], lon: str, lat: str) -> QgsVectorLayer:
    table = _plain(frame, columns).assign(_lon=frame[lon].to_numpy(), _lat=frame[lat].to_numpy())
    fields = fields_for(table, columns)
    return write_layer(gpkg, key, fields, QgsWkbTypes.Type.Point,
                       lambda sink: add_point_features(sink, fields, table, lon="_lon", lat="_lat"))


def polygon_wkt(rings_by_polygon) -> str:
    """WKT MULTIPOLYGON from the core's normalised geometry (polygons of lon/lat rings)."""
    polygons = ["(" + ", ".join("(" + ", ".join(f"{x} {y}" for x, y in ring) + ")" for ring in polygon) + ")"
                for polygon in rings_by_polygon]
    return "MULTIPOLYGON(" + ", ".join(polygons) + ")"


def _polygons(gpkg: Path, key: str, rows: list[dict], columns: list[str]) -> QgsVectorLayer:
    table = pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=columns).astype(object)
    fields = fields_for(table, columns)
    wkts = [row["wkt"] for row in rows]

    def write(sink) -> int:
        features = []
        for i, wkt in enumerate(wkts):
            feature = QgsFeature(fields)
            feature.setAttributes([table.iat[i, j] for j in range(len(columns))])
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
            features.append(feature)
        sink.addFeatures(features)
        return len(features)

    return write_layer(gpkg, key, fields, QgsWkbTypes.Type.MultiPolygon, write)


def dataset_layers(dataset: Dataset, gpkg: Path, notice: str = "") -> list[QgsVectorLayer]:
    """Region-independent layers of a loaded data set, written to ``gpkg``: ports, terminal areas,
    sanctioned vessels, tracks, dark periods, port calls and sightings (when given)."""
    layers = [
        _describe(_points(gpkg, "ports", dataset.ports, [c for c in PORT_FIELDS if c in dataset.ports], "lon", "lat"),
                  "ports", "Ports from the NGA World Port Index (Pub. 150, export of March 2025, US government, "
                  "public domain; see resources/data/ports/SOURCES.md) unless you supplied your own.", notice),
        _describe(_polygons(gpkg, "terminals", [{**t, "wkt": polygon_wkt(t["geometry"])} for t in dataset.terminals],
                            ["name", "port", "country", "kind", "source", "note"]),
                  "terminals", "Terminal and anchorage areas, hand-checked; see each area's source and note.", notice),
    ]
    seen = listed_last_positions(dataset.positions, dataset.vessels, dataset.matches)
    sanctioned = sanctioned_vessels_layer(seen, dataset.sanctions_label(), gpkg)
    sanctioned.setMetadata(_with_notice(sanctioned.metadata(), notice))
    layers.append(sanctioned)
    lines, coordinates = track_lines(dataset.reconstruction)
    fields = fields_for(_plain(lines, TRACK_LINE_COLUMNS), TRACK_LINE_COLUMNS)
    plain_lines = _plain(lines, TRACK_LINE_COLUMNS)
    tracks = write_layer(gpkg, "tracks", fields, QgsWkbTypes.Type.LineString,
                         lambda sink: add_line_features(sink, fields, plain_lines, coordinates))
    layers.append(_describe(tracks, "tracks", "Observed AIS track segments (solid) and dark periods joined by "
                            "straight connectors (dashed, dark=true): the real route while dark is unknown.", notice))
    set_temporal(tracks, "start_time", "end_time")
    gaps = dataset.reconstruction.dark_gaps
    dark = _points(gpkg, "dark_gaps", gaps, [c for c in GAP_FIELDS if c in gaps], "start_lon", "start_lat")
    layers.append(_describe(dark, "dark_gaps", "Where each vessel's AIS went silent for 12 h or more.", notice))
    set_temporal(dark, "start_time", "end_time")
    calls = _points(gpkg, "port_calls", dataset.calls, CALL_FIELDS, "lon", "lat")
    layers.append(_describe(calls, "port_calls", "Port calls: AIS stops and calls inferred inside AIS gaps, with "
                            "their evidence and level (confirmed, inferred, possible).", notice))
    set_temporal(calls, "arrival", "departure")
    if dataset.sightings is not None and len(dataset.sightings):
        layers.append(_describe(_points(gpkg, "sightings", dataset.sightings, SIGHTING_FIELDS, "lon", "lat"),
                                "sightings", "Satellite (or other non-AIS) sightings as supplied.", notice))
    return layers


def region_layers(result: RegionResult, region_wkt: str, gpkg: Path, notice: str = "") -> list[QgsVectorLayer]:
    """The region polygon and its trips (one point per trip at its first call), written to ``gpkg``."""
    trips = _points(gpkg, "trips", result.trips, TRIP_FIELDS, "lon", "lat")
    assumptions = " ".join(result.assumptions.describe())
    layers = [_describe(trips, "trips", f"Trips into the region. Volumes are ESTIMATES: {assumptions}", notice)]
    set_temporal(trips, "arrival", "departure")
    region = _polygons(gpkg, "region", [{"name": "Region", "wkt": region_wkt}], ["name"])
    layers.append(_describe(region, "region", "The region analysed.", notice))
    return layers


def _with_notice(metadata: QgsLayerMetadata, notice: str) -> QgsLayerMetadata:
    if notice:
        metadata.setAbstract(f"{notice} {metadata.abstract()}")
    return metadata
