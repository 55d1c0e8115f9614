"""The Tanker Watch dock panel."""
from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

DOCK_OBJECT_NAME = "TankerWatchDock"


class TankerWatchDock(QgsDockWidget):
    """Dock panel hosting data loading, the region, filters and results."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tanker Watch"))
        self.setObjectName(DOCK_OBJECT_NAME)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        intro = QLabel(
            self.tr(
                "Load AIS data, draw a region and read tanker trips, sanctioned vessels "
                "and estimated volumes here."
            ),
            body,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addStretch(1)
        body.setLayout(layout)
        self.setWidget(body)
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
