"""GeoPackage layer writing and the project's "Tanker Watch" layer group."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer, QgsWkbTypes

from tanker_watch.plugin.core.sanctions.seen import SEEN_COLUMNS
from tanker_watch.plugin.frames import add_point_features, fields_for
from tanker_watch.plugin.layers import sanctioned_vessels_layer
from tanker_watch.plugin.output import (
    GROUP_NAME,
    KEY_PROPERTY,
    add_to_project,
    layer_key,
    output_gpkg_path,
    write_layer,
)


def _frame(n: int, offset: float = 0.0) -> pd.DataFrame:
    return pd.DataFrame({
        "mmsi": [str(445000000 + i) for i in range(n)],
        "time": pd.date_range("2024-03-07", periods=n, freq="10min", tz="UTC"),
        "sog": np.linspace(0.0, 12.0, n),
        "lon": 133.0 + offset + np.linspace(0, 1, n),
        "lat": np.full(n, 42.75),
    })


def _write(gpkg: Path, name: str, frame: pd.DataFrame) -> QgsVectorLayer:
    fields = fields_for(frame, ["mmsi", "time", "sog"])
    return write_layer(gpkg, name, fields, QgsWkbTypes.Type.Point,
                       lambda sink: add_point_features(sink, fields, frame))


def _gpkg_layers(gpkg: Path) -> list[str]:
    dataset = ogr.Open(str(gpkg))
    names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
    dataset = None
    return names


@pytest.fixture
def project(qgis_app):
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


def test_output_path_of_unsaved_and_saved_projects(project, tmp_path):
    assert output_gpkg_path(project) == (Path(QgsApplication.qgisSettingsDirPath()) / "tanker_watch"
                                         / "unsaved_project.gpkg")
    assert project.write(str(tmp_path / "study.qgz"))
    assert output_gpkg_path(project) == tmp_path / "tanker_watch" / "tanker_watch.gpkg"


def test_write_layer_creates_folder_and_keeps_attributes(tmp_path):
    gpkg = tmp_path / "tanker_watch" / "out.gpkg"
    layer = _write(gpkg, "positions", _frame(5))
    assert gpkg.is_file()
    assert layer.isValid() and layer.featureCount() == 5
    assert layer.crs().authid() == "EPSG:4326"
    assert layer_key(layer) == "positions"
    first = next(layer.getFeatures())
    assert first["mmsi"] == "445000000"
    assert first["time"].toString("yyyy-MM-ddTHH:mm") == "2024-03-07T00:00"
    assert first.geometry().asPoint().x() == pytest.approx(133.0)


def test_rewriting_replaces_only_that_layer(tmp_path):
    gpkg = tmp_path / "out.gpkg"
    _write(gpkg, "tracks", _frame(7))
    _write(gpkg, "dark_gaps", _frame(3))
    again = _write(gpkg, "tracks", _frame(4, offset=1.0))
    assert sorted(_gpkg_layers(gpkg)) == ["dark_gaps", "tracks"]
    assert again.featureCount() == 4
    assert next(again.getFeatures()).geometry().asPoint().x() == pytest.approx(134.0)
    assert QgsVectorLayer(f"{gpkg}|layername=dark_gaps", "d", "ogr").featureCount() == 3


def test_write_layer_reports_an_unwritable_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        _write(blocker / "out.gpkg", "tracks", _frame(2))


def test_a_failing_features_writer_leaves_no_half_layer_open(tmp_path):
    gpkg = tmp_path / "out.gpkg"
    _write(gpkg, "tracks", _frame(2))

    def broken(sink) -> int:
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError, match="cancelled"):
        write_layer(gpkg, "dark_gaps", fields_for(_frame(1), ["mmsi"]), QgsWkbTypes.Type.Point, broken)
    assert _write(gpkg, "dark_gaps", _frame(2)).featureCount() == 2


def test_add_to_project_groups_at_the_top_and_replaces_previous_runs(project, tmp_path):
    gpkg = tmp_path / "out.gpkg"
    mine = QgsVectorLayer("Point?crs=EPSG:4326", "user layer", "memory")
    assert project.addMapLayer(mine) is mine
    first = [_write(gpkg, "tracks", _frame(3)), _write(gpkg, "dark_gaps", _frame(2))]
    old_id = first[0].id()
    add_to_project(first, project=project)
    root = project.layerTreeRoot()
    group = root.children()[0]
    assert group.name() == GROUP_NAME
    assert [child.layer().customProperty(KEY_PROPERTY) for child in group.children()] == ["tracks", "dark_gaps"]

    # the user moves the old tracks layer out of the group; the next run still replaces it
    old_tracks = group.findLayer(old_id)
    root.insertChildNode(1, old_tracks.clone())
    group.removeChildNode(old_tracks)
    second = _write(gpkg, "tracks", _frame(5))
    add_to_project([second], project=project)

    tracks = [layer for layer in project.mapLayers().values() if layer_key(layer) == "tracks"]
    assert tracks == [second] and second.featureCount() == 5
    assert root.findLayer(old_id) is None and project.mapLayer(old_id) is None
    assert project.mapLayer(first[1].id()) is first[1]  # not part of this run: kept
    assert project.mapLayer(mine.id()) is mine
    assert len(root.findGroups()) == 1
    assert root.findGroup(GROUP_NAME).findLayer(second.id()) is not None


def test_add_to_project_twice_does_not_duplicate(project, tmp_path):
    layer = _write(tmp_path / "out.gpkg", "region", _frame(1))
    add_to_project([layer], project=project)
    add_to_project([layer], project=project)
    assert list(project.mapLayers()) == [layer.id()]
    assert len(project.layerTreeRoot().findGroup(GROUP_NAME).children()) == 1


def test_hundred_thousand_points(tmp_path):
    layer = _write(tmp_path / "big.gpkg", "positions", _frame(100_000))
    assert layer.featureCount() == 100_000


def test_sanctioned_vessels_layer_in_a_geopackage(project, tmp_path):
    seen = pd.DataFrame([{
        "mmsi": "445111000", "imo": "8660313", "name": "CHON MA SAN", "lists": "UN 1718|OFAC SDN",
        "programmes": "DPRK4", "listed_name": "CHON MA SAN", "listed_imo": "8660313",
        "match_reason": "IMO 8660313 exact", "score": 100, "warnings": "",
        "last_seen": pd.Timestamp("2024-10-19T06:00Z"), "lon": 133.0, "lat": 42.75, "positions": 12,
    }], columns=SEEN_COLUMNS)
    gpkg = tmp_path / "out.gpkg"
    first = sanctioned_vessels_layer(seen, "snapshot", gpkg=gpkg)
    add_to_project([first], project=project)
    second = sanctioned_vessels_layer(pd.concat([seen, seen.assign(mmsi="445222000")]), "snapshot", gpkg=gpkg)
    add_to_project([second], project=project)
    assert second.name() == "Sanctioned vessels" and second.featureCount() == 2
    assert list(project.mapLayers()) == [second.id()]
    assert _gpkg_layers(gpkg) == ["sanctioned_vessels"]
    assert second.renderer().type() == "RuleRenderer"
    assert layer_key(second) == "sanctioned_vessels"


def _has_rtree(gpkg: Path, table: str) -> bool:
    with sqlite3.connect(str(gpkg)) as db:
        return db.execute("SELECT count(*) FROM gpkg_extensions WHERE table_name = ? AND extension_name = "
                          "'gpkg_rtree_index'", (table,)).fetchone()[0] == 1


def test_spatial_index_is_optional(tmp_path):
    gpkg = tmp_path / "out.gpkg"
    fields = fields_for(_frame(3), ["mmsi"])
    write_layer(gpkg, "indexed", fields, QgsWkbTypes.Type.Point,
                lambda sink: add_point_features(sink, fields, _frame(3)))
    plain = write_layer(gpkg, "plain", fields, QgsWkbTypes.Type.Point,
                        lambda sink: add_point_features(sink, fields, _frame(3)), spatial_index=False)
    assert plain.featureCount() == 3
    assert _has_rtree(gpkg, "indexed") and not _has_rtree(gpkg, "plain")
