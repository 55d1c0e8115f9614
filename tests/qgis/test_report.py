"""The print layout, its PDF/PNG export, the table export and ``tankerwatch:exportreport``."""
from __future__ import annotations

import json

import pytest

NOTICE = "Simulated demo data based on public reporting"
REGION = "POLYGON((132.9 42.7, 133.2 42.7, 133.2 42.85, 132.9 42.85, 132.9 42.7))"


@pytest.fixture(scope="module")
def scenario_files(tmp_path_factory):
    from tanker_watch.plugin.core.scenario import ScenarioConfig, generate

    scenario = generate(ScenarioConfig(seed=4, n_loading_calls=6, start="2024-03-07", end="2024-04-20"))
    return scenario, scenario.write(tmp_path_factory.mktemp("scenario"))


@pytest.fixture
def analysed(qgis_app, scenario_files, tmp_path):
    from qgis.core import QgsProject

    from tanker_watch.plugin.core.pipeline import analyse_region, load_dataset
    from tanker_watch.plugin.layers import dataset_layers, region_layers
    from tanker_watch.plugin.output import add_to_project

    scenario, paths = scenario_files
    dataset = load_dataset([paths["positions"]], sightings=paths["sightings"], particulars=paths["particulars"])
    result = analyse_region(dataset, scenario.region)
    gpkg = tmp_path / "out.gpkg"
    layers = dataset_layers(dataset, gpkg, NOTICE) + region_layers(result, REGION, gpkg, NOTICE)
    add_to_project(layers)
    yield dataset, result, layers
    QgsProject.instance().clear()


def _items(layout, kind):
    return [item for item in layout.items() if isinstance(item, kind)]


def test_layout_items_and_exports(analysed, tmp_path):
    from qgis.core import (
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsProject,
    )
    from qgis.PyQt.QtGui import QImage

    from tanker_watch.plugin.report import build_layout, export_pdf, export_png

    dataset, result, layers = analysed
    project = QgsProject.instance()
    for _ in range(2):  # a second build replaces the first
        layout = build_layout(project, dataset, result, layers, title="Test report", notice=NOTICE,
                              region_wkt=REGION, chart_path=tmp_path / "chart.png")
    assert [lay.name() for lay in project.layoutManager().printLayouts()].count("Tanker Watch report") == 1
    assert layout.pageCollection().pageCount() == 2
    maps = _items(layout, QgsLayoutItemMap)
    assert len(maps) == 1 and not maps[0].extent().isEmpty()
    region_box = maps[0].extent()
    assert region_box.width() > 0 and region_box.height() > 0
    assert _items(layout, QgsLayoutItemLegend) and _items(layout, QgsLayoutItemScaleBar)
    pictures = {item.id(): item for item in _items(layout, QgsLayoutItemPicture)}
    assert set(pictures) >= {"north_arrow", "chart"} and pictures["north_arrow"].picturePath().endswith(".svg")
    assert (tmp_path / "chart.png").stat().st_size > 5000
    legend = _items(layout, QgsLayoutItemLegend)[0]
    legend_names = [node.name() for node in legend.model().rootGroup().findLayers()]
    assert "Tanker tracks" in legend_names and "Region" in legend_names
    assert "Land (Natural Earth)" not in legend_names
    labels = " ".join(item.text() for item in _items(layout, QgsLayoutItemLabel))
    headline = result.headline()
    assert NOTICE.upper() in labels and "Test report" in labels
    assert f"{headline['barrels']:,}" in labels and f"{headline['barrels_low']:,}" in labels
    assert "OFAC" in labels and "World Port Index" in labels and dataset.sanctions_label() in labels
    assert result.assumptions.describe()[0] in labels

    pdf = export_pdf(layout, tmp_path / "report.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.read_bytes().count(b"/Type /Page\n") + \
        pdf.read_bytes().count(b"/Type /Page ") + pdf.read_bytes().count(b"/Type/Page") >= 2
    png = export_png(layout, tmp_path / "map.png", dpi=60)
    image = QImage(str(png))
    assert image.width() > image.height() > 400  # landscape A4 at 60 dpi: 701 x 496
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50


def test_export_tables_and_summary(analysed, tmp_path):
    import pandas as pd
    from qgis.core import QgsVectorLayer

    from tanker_watch.plugin.export import SUMMARY_KEYS, export_tables, summary_dict, write_summary

    dataset, result, _ = analysed
    paths = export_tables(result, tmp_path, "csv", NOTICE)
    trips = pd.read_csv(paths["trips"])
    vessels = pd.read_csv(paths["vessels"])
    assert len(trips) == len(result.trips) and len(vessels) == len(result.vessels)
    assert set(trips["data_notice"]) == {NOTICE}
    assert trips["barrels_central"].sum() == pytest.approx(result.trips["barrels_central"].sum(), rel=1e-5)
    gpkg = export_tables(result, tmp_path / "g", "gpkg", NOTICE)
    layer = QgsVectorLayer(f"{gpkg['trips']}|layername=trips", "t", "ogr")
    assert layer.isValid() and layer.featureCount() == len(result.trips)
    with pytest.raises(ValueError, match="csv"):
        export_tables(result, tmp_path, "xlsx")
    summary = summary_dict(dataset, result, NOTICE, REGION)
    assert set(SUMMARY_KEYS) <= set(summary)
    assert summary["barrels_low"] <= summary["barrels"] <= summary["barrels_high"]
    written = json.loads(write_summary(summary, tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert written["data_notice"] == NOTICE and written["trips"] == result.headline()["trips"]
    assert written["period"]["start"].startswith("2024-")


def test_exportreport_algorithm(provider, scenario_files, tmp_path):
    from qgis import processing
    from qgis.core import QgsProject

    scenario, paths = scenario_files
    before = len(QgsProject.instance().layoutManager().printLayouts())
    out = processing.run("tankerwatch:exportreport", {
        "INPUT": str(paths["positions"]), "SIGHTINGS": str(paths["sightings"]),
        "VESSELS": str(paths["particulars"]), "REGION": str(paths["region"]), "TITLE": "Vostochny",
        "NOTICE": NOTICE, "OUTPUT_PDF": str(tmp_path / "r.pdf"), "OUTPUT_PNG": str(tmp_path / "r.png")})
    assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    assert (tmp_path / "r.png").stat().st_size > 10000
    assert out["TRIPS"] > 0 and out["BARRELS"] > 0
    assert len(QgsProject.instance().layoutManager().printLayouts()) == before  # user's project untouched
