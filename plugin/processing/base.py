"""What every Tanker Watch algorithm shares: naming, icon, translation, help."""
from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..paths import ICON


class TankerWatchAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ``NAME``, ``DISPLAY``, ``GROUP`` and implement the rest."""

    NAME = ""
    DISPLAY = ""
    GROUP = "AIS"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:  # noqa: N802
        return self.tr(self.DISPLAY)

    def group(self) -> str:
        return self.tr(self.GROUP)

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP.lower()

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def createInstance(self):  # noqa: N802
        return type(self)()
