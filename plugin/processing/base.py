"""What every Tanker Watch algorithm shares: naming, icon, translation, help."""
from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..paths import ICON


class TankerWatchAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ``NAME``, ``DISPLAY``, ``GROUP`` and implement the rest."""

    NAME = ""
    DISPLAY = ""
    GROUP = QT_TRANSLATE_NOOP("TankerWatchAlgorithm", "AIS")

    def tr(self, text: str) -> str:
        """Translate with the context pylupdate5 filed ``text`` under: the class that wrote it (this
        class or a base class), or ``@default`` for helper functions outside classes."""
        contexts = [cls.__name__ for cls in type(self).__mro__ if issubclass(cls, TankerWatchAlgorithm)]
        for context in contexts + ["@default"]:
            translated = QCoreApplication.translate(context, text)
            if translated != text:
                return translated
        return text

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
