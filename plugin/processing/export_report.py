"""``tankerwatch:exportreport``: the trips analysis as a two-page PDF report and a PNG map."""
from __future__ import annotations

import tempfile
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProject,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..layers import dataset_layers, region_layers
from ..report import build_layout, export_pdf, export_png
from .trips_in_region import RegionAlgorithm


class ExportReportAlgorithm(RegionAlgorithm):
    NAME = "exportreport"
    DISPLAY = QT_TRANSLATE_NOOP("ExportReportAlgorithm", "Export the trips report (PDF and PNG map)")

    def flags(self):
        # The print layout is a QGraphicsScene: build it on the main thread, as QGIS's own layout exports do.
        return super().flags() | self.Flag.FlagNoThreading

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Runs the trips analysis on the region (like 'Trips into a region') and writes a two-page A4 "
            "report: page 1 the map (tracks, ports, region, sanctioned vessels) with the headline figures, "
            "their ranges and the assumptions; page 2 the vessels table and the cumulative barrels against "
            "the UN cap. The PNG is page 1. Volumes are ESTIMATES. The layout is built in a private project, "
            "so your project is not changed.")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_data_parameters()
        self.add_region_parameters()
        self.addParameter(QgsProcessingParameterString(
            "TITLE", self.tr("Report title"), defaultValue=self.tr("Tanker trips into the region")))
        self.addParameter(QgsProcessingParameterString(
            "NOTICE", self.tr("Notice printed on every page (e.g. 'Simulated demo data based on public "
                              "reporting')"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PDF", self.tr("Report (PDF)"), self.tr("PDF files (*.pdf)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PNG", self.tr("Map (PNG, page 1)"), self.tr("PNG files (*.png)"), optional=True,
            createByDefault=False))
        for name, label in (("TRIPS", "Trips (confirmed and inferred)"), ("BARRELS", "Barrels, central estimate")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        pdf = self.parameterAsFileOutput(parameters, "OUTPUT_PDF", context)
        png = self.parameterAsFileOutput(parameters, "OUTPUT_PNG", context)
        title = self.parameterAsString(parameters, "TITLE", context)
        notice = self.parameterAsString(parameters, "NOTICE", context).strip()
        dataset, region, result = self.region_result(parameters, context, feedback)
        feedback.setProgress(90)
        # layers, chart and layout live in a private project and a scratch folder: nothing of the user's changes
        with tempfile.TemporaryDirectory(prefix="tanker_watch_report_") as scratch:
            project = QgsProject()
            layers = dataset_layers(dataset, Path(scratch) / "layers.gpkg", notice) + \
                region_layers(result, region, Path(scratch) / "layers.gpkg", notice)
            for layer in layers:
                if project.addMapLayer(layer) is None:
                    raise QgsProcessingException(f"Could not add the layer {layer.name()} to the report")
            layout = build_layout(project, dataset, result, layers, title=title, notice=notice, region_wkt=region,
                                  chart_path=Path(scratch) / "chart.png")
            try:
                export_pdf(layout, Path(pdf))
                if png:
                    export_png(layout, Path(png))
            except OSError as exc:
                raise QgsProcessingException(str(exc)) from exc
            project.clear()
        headline = result.headline()
        feedback.pushInfo(f"{headline['trips']} trips, about {headline['barrels']:,} barrels "
                          f"(range {headline['barrels_low']:,} to {headline['barrels_high']:,}): {pdf}")
        outputs = {"OUTPUT_PDF": pdf, "TRIPS": headline["trips"], "BARRELS": headline["barrels"]}
        if png:
            outputs["OUTPUT_PNG"] = png
        return outputs
