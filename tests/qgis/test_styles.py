"""Bundled QML styles, temporal properties, and a rendered map of sample layers near Vostochny."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    Qgis,
    QgsFeature,
    QgsGeometry,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsRectangle,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage

from support import REPO
from tanker_watch.plugin.core.ports import load_gazetteer
from tanker_watch.plugin.core.schema import POSITION_DTYPES, conform
from tanker_watch.plugin.core.tracks import TRACK_LINE_COLUMNS, reconstruct, track_lines
from tanker_watch.plugin.frames import WGS84, add_line_features, add_point_features, fields_for
from tanker_watch.plugin.output import LAYER_KEYS, write_layer
from tanker_watch.plugin.styles import STYLES_DIR, TEMPORAL_FIELDS, apply_style, set_temporal

ARTIFACTS = REPO / "test-artifacts"
VOSTOCHNY = (133.08, 42.75)
EXTENT = QgsRectangle(132.3, 42.15, 134.1, 43.15)


def _leg(mmsi: str, start: str, lons: np.ndarray, lats: np.ndarray, draught: float) -> pd.DataFrame:
    return pd.DataFrame({"mmsi": mmsi, "time": pd.date_range(start, periods=len(lons), freq="1h", tz="UTC"),
                         "lon": lons, "lat": lats, "sog": 9.0, "draught": draught, "name": f"TANKER {mmsi[-2:]}",
                         "imo": None, "ship_type": 80, "source": "test"})


def sample_positions() -> pd.DataFrame:
    """Two tankers sailing in, going dark at the terminal for a day, and sailing out."""
    legs = []
    for mmsi, start, origin, destination in (
            ("445123001", "2024-03-07T00:00", (132.45, 42.25), (133.75, 42.35)),
            ("445123002", "2024-03-08T06:00", (133.95, 42.55), (132.60, 42.20))):
        n = 10
        # AIS goes off some 25 km out and comes back on at the terminal
        legs.append(_leg(mmsi, start, np.linspace(origin[0], (origin[0] + VOSTOCHNY[0]) / 2, n),
                         np.linspace(origin[1], (origin[1] + VOSTOCHNY[1]) / 2, n), 6.0))
        back = pd.Timestamp(start, tz="UTC") + pd.Timedelta(hours=n - 1 + 30)
        legs.append(_leg(mmsi, back.isoformat(), np.linspace(VOSTOCHNY[0], destination[0], n),
                         np.linspace(VOSTOCHNY[1] - 0.03, destination[1], n), 9.5))
    frame = pd.concat(legs, ignore_index=True)
    return conform(frame, POSITION_DTYPES)


def _points(gpkg: Path, key: str, frame: pd.DataFrame, lon: str = "lon", lat: str = "lat") -> QgsVectorLayer:
    columns = [c for c in frame.columns if c not in (lon, lat)]
    fields = fields_for(frame, columns)
    return write_layer(gpkg, key, fields, QgsWkbTypes.Type.Point,
                       lambda sink: add_point_features(sink, fields, frame, lon=lon, lat=lat))


def _polygon(gpkg: Path, key: str, wkt: str, name: str) -> QgsVectorLayer:
    fields = fields_for(pd.DataFrame({"name": [name]}), ["name"])

    def write(sink) -> int:
        feature = QgsFeature(fields)
        feature.setAttributes([name])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        sink.addFeature(feature)
        return 1

    return write_layer(gpkg, key, fields, QgsWkbTypes.Type.Polygon, write)


def sample_layers(gpkg: Path) -> list[QgsVectorLayer]:
    """Every layer kind written to ``gpkg`` and styled, top (drawn last) first."""
    result = reconstruct(sample_positions(), segment_gap_h=6.0, dark_gap_h=12.0)
    tracks, coordinates = track_lines(result)
    fields = fields_for(tracks, TRACK_LINE_COLUMNS)
    tracks_layer = write_layer(gpkg, "tracks", fields, QgsWkbTypes.Type.LineString,
                               lambda sink: add_line_features(sink, fields, tracks, coordinates))
    gaps = result.dark_gaps[["mmsi", "name", "start_time", "end_time", "duration_h", "start_lon", "start_lat"]]
    ports = load_gazetteer()
    near = ports[ports["lon"].between(131.0, 136.0) & ports["lat"].between(41.5, 44.5)]
    t0 = pd.Timestamp("2024-03-07T10:00", tz="UTC")
    calls = pd.DataFrame({"mmsi": ["445123001", "445123002", "445123003"], "level": ["confirmed", "inferred",
                                                                                     "possible"],
                          "arrival": [t0, t0 + pd.Timedelta(days=1), t0 + pd.Timedelta(days=2)],
                          "departure": [t0 + pd.Timedelta(hours=30)] * 3,
                          "draught_in": [6.0, 9.0, 7.0], "draught_out": [9.5, 6.0, 7.0],
                          "lon": [133.05, 133.12, 133.0], "lat": [42.73, 42.76, 42.78]})
    trips = calls.assign(laden_state=["laden", "ballast", "unknown"], lon=calls["lon"] + 0.35,
                         lat=calls["lat"] - 0.25)
    seen = pd.DataFrame({"mmsi": ["445123001", "445123002"], "imo": ["9123456", None],
                         "name": ["TANKER 01", "TANKER 02"],
                         "lists": ["UN 1718|OFAC SDN", "OFAC SDN|UK Sanctions List"],
                         "lon": [133.75, 132.60], "lat": [42.35, 42.20]})
    sightings = pd.DataFrame({"time": [t0], "state": ["laden"], "name": ["TANKER 02"],
                              "lon": [133.2], "lat": [42.62]})
    layers = {
        "sanctioned_vessels": _points(gpkg, "sanctioned_vessels", seen),
        "sightings": _points(gpkg, "sightings", sightings),
        "trips": _points(gpkg, "trips", trips),
        "port_calls": _points(gpkg, "port_calls", calls),
        "dark_gaps": _points(gpkg, "dark_gaps", gaps, lon="start_lon", lat="start_lat"),
        "tracks": tracks_layer,
        "ports": _points(gpkg, "ports", near),
        "terminals": _polygon(gpkg, "terminals", "POLYGON((133.03 42.72,133.12 42.72,133.12 42.78,"
                                                 "133.03 42.78,133.03 42.72))", "Vostochny oil terminal"),
        "region": _polygon(gpkg, "region", "POLYGON((132.9 42.6,133.3 42.6,133.3 42.9,132.9 42.9,132.9 42.6))",
                           "Region"),
    }
    for key, layer in layers.items():
        apply_style(layer, key)
    return list(layers.values())


def render(layers: list[QgsVectorLayer], extent: QgsRectangle, path: Path, size=(1000, 700)):
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(WGS84)
    settings.setOutputSize(QSize(*size))
    settings.setOutputDpi(96)
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor(232, 240, 247))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path), "PNG")
    return image, settings.scale(), job.takeLabelingResults()


def _pixels(image) -> np.ndarray:
    """``(height, width, 3)`` RGB array of a rendered image."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    ptr = image.constBits()
    ptr.setsize(image.sizeInBytes())
    return np.frombuffer(ptr, dtype=np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)[
        :, :image.width(), :3].copy()


def test_every_layer_key_has_a_style():
    missing = [key for key in LAYER_KEYS if not (STYLES_DIR / f"{key}.qml").is_file()]
    assert missing == []


def test_styles_load_and_temporal_properties(tmp_path):
    layers = {layer.name(): layer for layer in sample_layers(tmp_path / "out.gpkg")}
    tracks = layers["tracks"]
    assert isinstance(tracks.renderer(), QgsRuleBasedRenderer)
    labels = [rule.label() for rule in tracks.renderer().rootRule().children()]
    assert any("Dark" in label for label in labels)
    for key, (start, end) in TEMPORAL_FIELDS.items():
        temporal = layers[key].temporalProperties()
        assert temporal.isActive(), key
        assert temporal.mode() == Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromFields
        assert (temporal.startField(), temporal.endField()) == (start, end)
    assert layers["ports"].labelsEnabled()
    assert not layers["region"].temporalProperties().isActive()


def test_rules_pick_one_symbol_per_feature(tmp_path):
    layer = {layer.name(): layer for layer in sample_layers(tmp_path / "out.gpkg")}["sanctioned_vessels"]
    context = QgsRenderContext()
    renderer = layer.renderer().clone()
    renderer.startRender(context, layer.fields())
    labels = {feature["name"]: [rule.label() for rule in renderer.rootRule().rulesForFeature(feature, context)]
              for feature in layer.getFeatures()}
    renderer.stopRender(context)
    assert labels == {"TANKER 01": ["UN 1718 listed"], "TANKER 02": ["Listed (OFAC / EU / UK / other)"]}
    trips = {layer.name(): layer for layer in sample_layers(tmp_path / "more.gpkg")}["trips"]
    renderer = trips.renderer().clone()
    renderer.startRender(context, trips.fields())
    levels = [[rule.label() for rule in renderer.rootRule().rulesForFeature(feature, context)]
              for feature in trips.getFeatures()]
    renderer.stopRender(context)
    assert levels == [["Confirmed"], ["Inferred"], ["Possible (not counted)"]]


def test_set_temporal_refuses_missing_fields():
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=start_time:datetime", "x", "memory")
    assert set_temporal(layer, "start_time", "end_time") is False
    assert not layer.temporalProperties().isActive()


def test_apply_style_needs_a_key():
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "no key", "memory")
    with pytest.raises(ValueError, match="no key"):
        apply_style(layer)


def test_rendered_map_is_not_blank(tmp_path):
    layers = sample_layers(tmp_path / "out.gpkg")
    image, scale, _ = render(layers, EXTENT, ARTIFACTS / "styles_vostochny.png")
    assert 100_000 < scale < 3_000_000  # regional scale: arrows and port labels on
    pixels = _pixels(image)
    background = np.array([232, 240, 247])
    drawn = np.any(np.abs(pixels.astype(int) - background) > 30, axis=2)
    assert 0.01 < drawn.mean() < 0.6, drawn.mean()
    # the sanctioned UN vessel's red marker, the laden-red and ballast-blue trip symbols
    red = (pixels[..., 0] > 180) & (pixels[..., 1] < 60) & (pixels[..., 2] < 60)
    blue = (pixels[..., 2] > 140) & (pixels[..., 0] < 60)
    assert red.sum() > 20 and blue.sum() > 20
    # the dark connectors are dark grey dashes
    grey = np.all(np.abs(pixels.astype(int) - 60) < 12, axis=2)
    assert grey.sum() > 50


def test_port_labels_depend_on_scale(tmp_path):
    gazetteer = load_gazetteer()
    ports = _points(tmp_path / "p.gpkg", "ports", gazetteer)
    apply_style(ports)
    large = set(gazetteer.loc[gazetteer["harbor_rank"].fillna(0) >= 3, "name"])

    # East Asia at ~1:14M: only large and medium ports are named, the map is not covered in text
    extent = QgsRectangle(100, 20, 160, 60)
    image, scale, labels = render([ports], extent, ARTIFACTS / "styles_ports_asia.png")
    assert 5_000_000 < scale < 20_000_000
    names = {label.labelText for label in labels.allLabels()}
    assert names and names <= large
    assert len(names) < 200
    # the region around Vostochny at ~1:600k: every port is named
    _, scale, labels = render([ports], EXTENT, ARTIFACTS / "styles_ports_region.png")
    assert scale < 5_000_000
    assert "Vostochnyy" in {label.labelText for label in labels.allLabels()}
