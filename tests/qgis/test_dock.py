"""The dock end to end: load a seeded scenario through the real task, set a region, read the results."""
from __future__ import annotations

import time

import pytest
from qgis.core import QgsGeometry, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt

from tanker_watch.plugin.core.scenario import ScenarioConfig, generate
from tanker_watch.plugin.gui.dock import MAX_CONTENT_WIDTH, TankerWatchDock
from tanker_watch.plugin.gui.tasks import LoadRequest
from tanker_watch.plugin.region import load_region


def wait_for(condition, qgis_app, timeout: float = 240.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the background task")
        qgis_app.processEvents()
        time.sleep(0.02)


def region_geometry(geojson: dict) -> QgsGeometry:
    ring = ", ".join(f"{x} {y}" for x, y in geojson["coordinates"][0])
    return QgsGeometry.fromWkt(f"POLYGON(({ring}))")


@pytest.fixture(scope="module")
def scenario_files(tmp_path_factory):
    scenario = generate(ScenarioConfig(seed=11, n_loading_calls=8, start="2024-03-07", end="2024-05-15"))
    return scenario, scenario.write(tmp_path_factory.mktemp("scenario"))


@pytest.fixture
def dock(qgis_app, qgis_iface, tmp_path, monkeypatch):
    # keep the layers out of the tester's profile
    monkeypatch.setattr("tanker_watch.plugin.gui.dock.output_gpkg_path", lambda *a: tmp_path / "out.gpkg")
    widget = TankerWatchDock(qgis_iface.mainWindow(), qgis_iface)
    yield widget
    widget.cleanup()
    widget.setParent(None)
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().clear()


def load(dock, qgis_app, request: LoadRequest) -> None:
    task = dock.start_load(request)
    assert dock.task is task
    wait_for(lambda: dock.task is None, qgis_app)


def test_load_region_results_and_selection(dock, qgis_app, scenario_files):
    scenario, paths = scenario_files
    load(dock, qgis_app, LoadRequest(ais_paths=[str(paths["positions"])], sightings=str(paths["sightings"]),
                                     particulars=str(paths["particulars"])))
    assert dock.dataset is not None, dock.data_summary.text()
    assert "remain after cleaning" in dock.data_summary.text()
    assert "Sanctions lists" in dock.data_summary.text()
    times = dock.dataset.positions["time"]
    assert dock.start_edit.dateTime().date().toString("yyyy-MM-dd") == times.min().strftime("%Y-%m-%d")
    assert dock.end_edit.dateTime().date().toString("yyyy-MM-dd") == times.max().strftime("%Y-%m-%d")
    keys = {layer.customProperty("tanker_watch/layer_key") for layer in QgsProject.instance().mapLayers().values()}
    assert {"tracks", "port_calls", "sanctioned_vessels"} <= keys

    dock.set_region(region_geometry(scenario.region))
    assert load_region(QgsProject.instance()) is not None
    truth = scenario.truth
    expected = truth[truth["in_region"] & truth["role"].isin(["load", "ballast_decoy"])
                     & truth["expected_level"].isin(["confirmed", "inferred"])]
    head = dock.result.headline()
    assert head["trips"] == len(expected)
    assert head["laden_trips"] == int((expected["expected_laden_state"] == "laden").sum())
    assert f"<b>{len(expected)}</b> trips" in dock.headline_label.text()
    assert f"{head['barrels']:,}" in dock.headline_label.text()
    assert "UN annual cap" in dock.headline_label.text()
    assert "barrels per tonne" in dock.assumptions_label.text()
    # the tables hold the result: every trip, and vessels that add up to the headline
    assert dock.trip_proxy.rowCount() == len(dock.result.trips)
    assert set(dock.trip_model.frame()["name"]) <= set(truth["name"])
    assert dock.vessel_model.frame()["trips"].sum() == head["trips"]
    # sorting by barrels (descending) puts the largest first
    column = dock.trip_model.column_index("barrels_central")
    dock.trip_view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    top = dock.trip_proxy.index(0, column).data(Qt.ItemDataRole.UserRole + 1)
    assert top == pytest.approx(dock.result.trips["barrels_central"].max())

    # live recompute: a fuller central fill scales the central estimate, the debounce fires by itself
    before = dock.result.totals["barrels_central"]
    dock.fill_spin.setValue(0.95)
    wait_for(lambda: dock.result.assumptions.fill_central == 0.95, qgis_app, timeout=5)
    assert dock.result.totals["barrels_central"] == pytest.approx(before * 0.95 / 0.90)
    assert "95%" in dock.assumptions_label.text()

    # selecting a trip row selects that trip on the map layer
    layer = dock.trips_layer()
    assert layer is not None and layer.featureCount() == len(dock.result.trips)
    dock.trip_view.selectionModel().select(
        dock.trip_proxy.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    trip_id = dock.trip_proxy.index(2, 0).data(Qt.ItemDataRole.UserRole + 1)
    selected = list(layer.getSelectedFeatures())
    assert len(selected) == 1 and float(selected[0]["trip_id"]) == float(trip_id)
    # a vessel row selects that vessel's trips
    dock.vessel_view.selectionModel().select(
        dock.vessel_proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    mmsi = dock.vessel_proxy.index(0, dock.vessel_model.column_index("mmsi")).data(Qt.ItemDataRole.UserRole + 1)
    expected_ids = set(dock.result.trips.loc[dock.result.trips["mmsi"].astype(str) == mmsi, "trip_id"])
    assert {f["trip_id"] for f in layer.getSelectedFeatures()} == expected_ids


def test_filters_and_empty_period(dock, qgis_app, scenario_files):
    scenario, paths = scenario_files
    load(dock, qgis_app, LoadRequest(ais_paths=[str(paths["positions"])], particulars=str(paths["particulars"])))
    dock.set_region(region_geometry(scenario.region))
    everything = dock.result.headline()["trips"]
    dock.sanctioned_only.setChecked(True)
    result = dock.recompute()
    assert result.trips["listed"].all() and len(result.trips) <= everything
    dock.sanctioned_only.setChecked(False)
    dock.flag_filter.setText("ZZ")
    assert dock.recompute().headline()["trips"] == 0
    assert "<b>0</b> trips" in dock.headline_label.text()


def test_a_newer_load_wins_over_an_older_one(dock, qgis_app, scenario_files, tmp_path):
    """Starting a second load cancels the first; the first one's end must not clobber the second."""
    _, paths = scenario_files
    bad = tmp_path / "not_ais.csv"
    bad.write_text("hello,world\n1,2\n", encoding="utf-8")
    first = dock.start_load(LoadRequest(ais_paths=[str(bad)]))
    second = dock.start_load(LoadRequest(ais_paths=[str(paths["positions"])]))
    assert dock.task is second
    first._done(None, "cancelled")  # the old task reports late, as QGIS may deliver it
    assert dock.task is second and not dock.load_button.isEnabled()
    wait_for(lambda: dock.task is None, qgis_app)
    assert dock.dataset is not None


def test_bad_input_is_reported_not_raised(dock, qgis_app, tmp_path):
    bad = tmp_path / "not_ais.csv"
    bad.write_text("hello,world\n1,2\n", encoding="utf-8")
    messages = []
    dock._message = lambda text, level: messages.append(text)
    load(dock, qgis_app, LoadRequest(ais_paths=[str(bad)]))
    assert dock.dataset is None
    assert messages and "could not load" in messages[0]
    assert "failed" in dock.data_summary.text()


def test_dock_fits_a_laptop(dock):
    assert dock.widget().widget().maximumWidth() == MAX_CONTENT_WIDTH
    assert dock.widget().widget().sizeHint().width() <= MAX_CONTENT_WIDTH
    # nothing to export before a result: the buttons are off, and say what they will do
    assert not dock.export_pdf_button.isEnabled() and dock.export_pdf_button.toolTip()


def test_demo_notice(dock, qgis_app, tmp_path, monkeypatch):
    """The demo path labels everything as simulated (a small scenario stands in for the 2024 one)."""
    import tanker_watch.plugin.gui.tasks as tasks

    monkeypatch.setattr(tasks, "demo_2024_config",
                        lambda: ScenarioConfig(seed=5, n_loading_calls=4, start="2024-03-07", end="2024-04-10"))
    monkeypatch.setattr("tanker_watch.plugin.gui.dock.demo_folder", lambda: tmp_path / "demo")
    dock.load_demo()
    wait_for(lambda: dock.task is None, qgis_app)
    assert dock.dataset is not None
    assert (tmp_path / "demo" / "positions.csv.gz").is_file()
    assert "Simulated demo data based on public reporting" in dock.notice_label.text()
    assert not dock.notice_label.isHidden()
    layers = QgsProject.instance().mapLayers().values()
    assert layers and all("Simulated demo data" in layer.metadata().abstract() for layer in layers)


def test_exports(dock, qgis_app, scenario_files, tmp_path):
    scenario, paths = scenario_files
    assert not dock.export_tables_button.isEnabled()  # nothing to export yet
    load(dock, qgis_app, LoadRequest(ais_paths=[str(paths["positions"])], particulars=str(paths["particulars"])))
    dock.set_region(region_geometry(scenario.region))
    assert dock.export_tables_button.isEnabled() and dock.export_pdf_button.isEnabled()
    written = dock.export_tables_to(tmp_path / "tables")
    import pandas as pd

    trips = pd.read_csv(written["trips"])
    assert len(trips) == len(dock.result.trips)
    gpkg = tmp_path / "tables.gpkg"
    written = dock.export_tables_to({"trips": gpkg, "vessels": gpkg}, "gpkg")
    from qgis.core import QgsVectorLayer

    assert QgsVectorLayer(f"{gpkg}|layername=trips", "t", "ogr").featureCount() == len(dock.result.trips)
    pdf = dock.export_report_to(tmp_path / "report.pdf")
    assert pdf is not None and pdf.read_bytes()[:4] == b"%PDF"
    png = dock.export_report_to(tmp_path / "map.png")
    assert png is not None and png.read_bytes()[:4] == b"\x89PNG"
    assert QgsProject.instance().layoutManager().layouts(), "the layout is kept in the project for editing"
