"""The plugin object QGIS creates through ``classFactory``."""
from __future__ import annotations

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QToolBar

from . import qgis_log
from .gui.dock import TankerWatchDock
from .i18n import install_translator, remove_translator
from .paths import ICON
from .processing.provider import TankerWatchProvider

MENU = "&Tanker Watch"
TOOLBAR_OBJECT_NAME = "TankerWatchToolbar"


class TankerWatchPlugin:
    """Owns every object the plugin adds to QGIS, and removes each of them in :meth:`unload`."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.translator = install_translator()
        self.log_handler = qgis_log.install()
        self.provider: TankerWatchProvider | None = None
        self.dock: TankerWatchDock | None = None
        self.toolbar: QToolBar | None = None
        self.dock_action: QAction | None = None

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("TankerWatchPlugin", text)

    # Processing is initialised separately: qgis_process calls it without any GUI.
    def initProcessing(self) -> None:  # noqa: N802 - QGIS API name
        if self.provider is None:
            self.provider = TankerWatchProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 - QGIS API name
        self.initProcessing()
        main_window = self.iface.mainWindow()
        self.dock = TankerWatchDock(main_window, self.iface)
        self.dock.hide()
        project = QgsProject.instance()
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_read)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)

        self.dock_action = QAction(QIcon(str(ICON)), self.tr("Tanker Watch panel"), main_window)
        self.dock_action.setObjectName("TankerWatchDockAction")
        self.dock_action.setCheckable(True)
        self.dock_action.setToolTip(self.tr("Show or hide the Tanker Watch panel"))
        self.dock_action.toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(self.dock_action.setChecked)

        self.toolbar = self.iface.addToolBar(self.tr("Tanker Watch"))
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        self.toolbar.addAction(self.dock_action)
        self.iface.addPluginToMenu(MENU, self.dock_action)
        # QGIS may restore or show docks itself (window state): the button follows the dock.
        self.dock_action.setChecked(self.dock.isVisible())
        self.dock.restore_region()

    def _project_read(self, *_args) -> None:
        # the region is stored in the project (written by the dock whenever it changes)
        if self.dock is not None:
            self.dock.restore_region()

    def unload(self) -> None:
        if self.dock_action is not None:
            self.iface.removePluginMenu(MENU, self.dock_action)
            self.dock_action.toggled.disconnect()
        if self.dock is not None:
            project = QgsProject.instance()
            project.readProject.disconnect(self._project_read)
            project.cleared.disconnect(self._project_read)
            self.dock.cleanup()
            self.dock.visibilityChanged.disconnect()
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
        if self.dock_action is not None:
            self.dock_action.setParent(None)
            self.dock_action.deleteLater()
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
        self.dock = self.toolbar = self.dock_action = self.provider = None
        qgis_log.remove(self.log_handler)
        remove_translator(self.translator)
        self.translator = None
