"""The AIS Processing algorithms, run through processing.run as a user would."""
from __future__ import annotations

import pytest
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

HEADER = ("MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,"
          "Draft,Cargo,TransceiverClass")


def marinecadastre_csv(path, rows):
    lines = [HEADER]
    for mmsi, time, lat, lon, draft in rows:
        lines.append(f"{mmsi},{time},{lat},{lon},10.0,90.0,90,TEST {mmsi},IMO8660313,,80,0,100,20,{draft},80,A")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def two_vessels(tmp_path):
    rows = [
        # vessel A: three positions, then 13 h of silence, then two more
        ("445000001", "2024-03-07T00:00:00", 42.0, 131.0, 4.0),
        ("445000001", "2024-03-07T01:00:00", 42.1, 131.1, 4.0),
        ("445000001", "2024-03-07T02:00:00", 42.2, 131.2, 4.0),
        ("445000001", "2024-03-07T15:00:00", 42.7, 133.0, 6.0),
        ("445000001", "2024-03-07T16:00:00", 42.8, 133.1, 6.0),
        # vessel B: one continuous segment, MMSI with a leading zero kept as text
        ("045000002", "2024-03-07T00:00:00", 41.0, 130.0, 5.0),
        ("045000002", "2024-03-07T01:00:00", 41.1, 130.1, 5.0),
    ]
    return marinecadastre_csv(tmp_path / "two_vessels.csv", rows)


def test_provider_lists_algorithms(provider):
    ids = {a.id() for a in provider.algorithms()}
    assert {"tankerwatch:importais", "tankerwatch:reconstructtracks"} <= ids
    for algorithm in provider.algorithms():
        assert algorithm.shortHelpString()


def test_import_ais(provider, two_vessels):
    from qgis import processing

    result = processing.run("tankerwatch:importais", {"INPUT": str(two_vessels), "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    assert layer.featureCount() == 7 == result["POSITIONS"]
    assert result["VESSELS"] == 2
    mmsis = {f["mmsi"] for f in layer.getFeatures()}
    assert mmsis == {"445000001", "045000002"}
    assert result["REPORT"]


def test_reconstruct_tracks(provider, two_vessels):
    from qgis import processing

    result = processing.run("tankerwatch:reconstructtracks", {
        "INPUT": str(two_vessels), "OUTPUT_TRACKS": "memory:", "OUTPUT_GAPS": "memory:"})
    assert result["SEGMENTS"] == 3 and result["DARK_GAPS"] == 1
    tracks = result["OUTPUT_TRACKS"]
    kinds = sorted((f["mmsi"], f["kind"]) for f in tracks.getFeatures())
    assert kinds == [("045000002", "observed"), ("445000001", "dark"), ("445000001", "observed"),
                     ("445000001", "observed")]
    dark = next(f for f in tracks.getFeatures() if f["dark"])
    assert dark["start_time"].isValid() and dark["duration_h"] == pytest.approx(13.0)
    gap = next(result["OUTPUT_GAPS"].getFeatures())
    assert gap["duration_h"] == pytest.approx(13.0)
    assert gap["draught_before"] == pytest.approx(4.0) and gap["draught_after"] == pytest.approx(6.0)
    assert gap["end_port"]  # nearest gazetteer port to the gap end (near Vostochny)


def test_point_layer_input(provider, tmp_path):
    from qgis import processing

    layer = QgsVectorLayer("Point?crs=EPSG:4326", "ais", "memory")
    fields = [QgsField("MMSI", QVariant.String), QgsField("Timestamp", QVariant.String),
              QgsField("SOG", QVariant.Double)]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for i in range(4):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(["445000009", f"2024-03-07T0{i}:00:00Z", 9.5])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(132.0 + i * 0.1, 42.0)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    path = tmp_path / "points.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), layer.transformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    result = processing.run("tankerwatch:importais", {"INPUT": str(path), "OUTPUT": "memory:"})
    assert result["POSITIONS"] == 4
    lons = sorted(round(f.geometry().asPoint().x(), 3) for f in result["OUTPUT"].getFeatures())
    assert lons == [132.0, 132.1, 132.2, 132.3]


def test_real_dma_geopackage(provider, shared_dir):
    from qgis import processing

    path = shared_dir / "data/real/ais/dma_gothenburg_ais_dk_cpa_trajectools.gpkg"
    result = processing.run("tankerwatch:importais", {"INPUT": str(path), "OUTPUT": "memory:"})
    assert result["VESSELS"] == 2
    assert 200 <= result["POSITIONS"] <= 255


def test_unreadable_input_is_a_clear_error(provider, tmp_path):
    from qgis import processing

    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(b"\x00\x01\x02 not ais at all \xff\xfe")
    with pytest.raises(QgsProcessingException, match="garbage.csv"):
        processing.run("tankerwatch:importais", {"INPUT": str(garbage), "OUTPUT": "memory:"})


