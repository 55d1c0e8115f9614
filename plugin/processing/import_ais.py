"""``tankerwatch:importais``: AIS file or point layer -> cleaned points + cleaning report."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.cleaning import clean_positions
from ..core.schema import POSITION_COLUMNS
from ..frames import WGS84, add_point_features, fields_for
from ..settings import MAX_SPEED_KNOTS
from .base import TankerWatchAlgorithm
from .inputs import read_input

POINT_COLUMNS = [c for c in POSITION_COLUMNS if c not in ("lon", "lat")]


def add_ais_input_parameters(algorithm: TankerWatchAlgorithm) -> None:
    """``INPUT`` (file or layer), ``MAPPING`` and ``MAX_SPEED_KN``, shared by the AIS algorithms."""
    algorithm.addParameter(QgsProcessingParameterFile(
        "INPUT", algorithm.tr("AIS positions (CSV, NMEA log, compressed, or a point layer)"),
        behavior=QgsProcessingParameterFile.Behavior.File))
    algorithm.addParameter(QgsProcessingParameterString(
        "MAPPING", algorithm.tr("Column mapping, e.g. time=BaseDateTime, mmsi=MMSI (blank: guess)"),
        optional=True))
    algorithm.addParameter(QgsProcessingParameterNumber(
        "MAX_SPEED_KN", algorithm.tr("Drop positions implying a speed above (knots)"),
        QgsProcessingParameterNumber.Type.Double, defaultValue=MAX_SPEED_KNOTS.value(), minValue=1.0))


def read_and_clean(algorithm, parameters, context, feedback):
    """Read ``INPUT`` and clean it; return ``(positions, report)`` and log the report."""
    result = read_input(algorithm.parameterAsString(parameters, "INPUT", context),
                        algorithm.parameterAsString(parameters, "MAPPING", context), context, feedback)
    max_speed = algorithm.parameterAsDouble(parameters, "MAX_SPEED_KN", context)
    positions, report = clean_positions(result.positions, max_speed_kn=max_speed,
                                        parse_failures=result.issue_count)
    for line in report.lines():
        feedback.pushInfo(line)
    return positions, report


class ImportAisAlgorithm(TankerWatchAlgorithm):
    NAME = "importais"
    DISPLAY = QT_TRANSLATE_NOOP("ImportAisAlgorithm", "Import and clean AIS positions")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Reads AIS positions from US MarineCadastre or Danish Maritime Authority CSV, any other "
            "CSV (columns guessed from their names, or given as a mapping), raw NMEA 0183 logs "
            "(tag blocks, $PGHP and USCG timestamps), gzip/zip variants, or a point layer. "
            "Cleans them (not-available codes, invalid MMSIs, duplicates, impossible jumps) and "
            "writes the clean points. Every cleaning rule is counted in the report; rows that "
            "could not be read are listed with their line number and field."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        add_ais_input_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Clean AIS positions"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputString("REPORT", self.tr("Cleaning report")))
        self.addOutput(QgsProcessingOutputNumber("POSITIONS", self.tr("Clean positions")))
        self.addOutput(QgsProcessingOutputNumber("VESSELS", self.tr("Vessels (MMSIs)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        positions, report = read_and_clean(self, parameters, context, feedback)
        fields = fields_for(positions, POINT_COLUMNS)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          QgsWkbTypes.Type.Point, WGS84)
        add_point_features(sink, fields, positions, progress=feedback.setProgress,
                           is_cancelled=feedback.isCanceled)
        return {"OUTPUT": dest, "REPORT": "\n".join(report.lines()), "POSITIONS": len(positions),
                "VESSELS": int(positions["mmsi"].nunique())}


