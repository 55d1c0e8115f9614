"""``tankerwatch:reconstructtracks``: AIS -> observed track segments, dark connectors and dark-gap events."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.ports import load_gazetteer
from ..core.tracks import TRACK_LINE_COLUMNS, reconstruct, track_lines
from ..frames import WGS84, add_line_features, add_point_features, fields_for
from ..settings import DARK_GAP_HOURS, SEGMENT_GAP_HOURS
from .base import TankerWatchAlgorithm
from .import_ais import add_ais_input_parameters, read_and_clean


class ReconstructTracksAlgorithm(TankerWatchAlgorithm):
    NAME = "reconstructtracks"
    DISPLAY = QT_TRANSLATE_NOOP("ReconstructTracksAlgorithm", "Reconstruct tracks and dark periods")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Reads and cleans AIS positions, then splits each vessel's positions into track "
            "segments wherever the AIS is silent for longer than the segment gap, and reports "
            "every silence at least as long as the dark-gap threshold as a dark period: start and "
            "end time and position, duration, straight-line distance, implied speed, draught "
            "before and after, and the nearest World Port Index port to each end. Track lines "
            "carry the vessel's identity and start/end times for the Temporal Controller; dark "
            "gaps are separate connector lines flagged dark=true."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        add_ais_input_parameters(self)
        self.addParameter(QgsProcessingParameterNumber(
            "SEGMENT_GAP_H", self.tr("Split tracks at gaps longer than (hours)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=SEGMENT_GAP_HOURS.value(), minValue=0.01))
        self.addParameter(QgsProcessingParameterNumber(
            "DARK_GAP_H", self.tr("Dark period: gaps at least (hours)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=DARK_GAP_HOURS.value(), minValue=0.01))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_TRACKS", self.tr("Tracks"), QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_GAPS", self.tr("Dark periods"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber("SEGMENTS", self.tr("Track segments")))
        self.addOutput(QgsProcessingOutputNumber("DARK_GAPS", self.tr("Dark periods")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        positions, _report = read_and_clean(self, parameters, context, feedback)
        result = reconstruct(
            positions,
            segment_gap_h=self.parameterAsDouble(parameters, "SEGMENT_GAP_H", context),
            dark_gap_h=self.parameterAsDouble(parameters, "DARK_GAP_H", context),
            ports=load_gazetteer(),
        )
        feedback.pushInfo(f"{len(result.segments):,} track segments, {len(result.dark_gaps):,} dark periods")
        tracks, coordinates = track_lines(result)
        fields = fields_for(tracks, TRACK_LINE_COLUMNS)
        sink, tracks_dest = self.parameterAsSink(parameters, "OUTPUT_TRACKS", context, fields,
                                                 QgsWkbTypes.Type.LineString, WGS84)
        add_line_features(sink, fields, tracks, coordinates, is_cancelled=feedback.isCanceled)

        gaps = result.dark_gaps
        gap_fields = fields_for(gaps, list(gaps.columns))
        sink, gaps_dest = self.parameterAsSink(parameters, "OUTPUT_GAPS", context, gap_fields,
                                               QgsWkbTypes.Type.Point, WGS84)
        add_point_features(sink, gap_fields, gaps, lon="start_lon", lat="start_lat",
                           is_cancelled=feedback.isCanceled)
        return {"OUTPUT_TRACKS": tracks_dest, "OUTPUT_GAPS": gaps_dest,
                "SEGMENTS": len(result.segments), "DARK_GAPS": len(gaps)}
