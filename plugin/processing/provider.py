"""The Tanker Watch Processing provider (id ``tankerwatch``)."""
from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..paths import ICON

PROVIDER_ID = "tankerwatch"


class TankerWatchProvider(QgsProcessingProvider):
    """Lists the plugin's algorithms explicitly, so what is registered is what is imported."""

    def id(self) -> str:  # noqa: A003 - QGIS API name
        return PROVIDER_ID

    def name(self) -> str:
        return "Tanker Watch"

    def longName(self) -> str:  # noqa: N802
        return self.tr("Tanker Watch: AIS tracks, port calls, trips and sanctioned vessels")

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def svgIconPath(self) -> str:  # noqa: N802
        return str(ICON)

    def loadAlgorithms(self) -> None:  # noqa: N802
        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())


def algorithm_classes() -> list[type]:
    """Every algorithm class the provider offers."""
    from .export_report import ExportReportAlgorithm
    from .import_ais import ImportAisAlgorithm
    from .match_sanctions import MatchSanctionsAlgorithm, UpdateSanctionsAlgorithm
    from .reconstruct_tracks import ReconstructTracksAlgorithm
    from .trips_in_region import DetectPortCallsAlgorithm, TripsInRegionAlgorithm

    return [ImportAisAlgorithm, ReconstructTracksAlgorithm, DetectPortCallsAlgorithm, TripsInRegionAlgorithm,
            MatchSanctionsAlgorithm, UpdateSanctionsAlgorithm, ExportReportAlgorithm]
