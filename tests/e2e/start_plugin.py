"""Run in a fresh interpreter by test_packaged_plugin.py: start QGIS with a given profile,
load and start the installed plugin through qgis.utils, unload it, and print a JSON report.

Usage: start_plugin.py PROFILE_DIR
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow, QToolBar

profile = Path(sys.argv[1])
app = QgsApplication([], True, str(profile))
app.initQgis()

import qgis.utils  # noqa: E402 - needs the application
from qgis.gui import QgsMapCanvas, QgsMessageBar  # noqa: E402


class DesktopLikeIface:
    """The part of QgisInterface the plugin uses, on a real QMainWindow."""

    def __init__(self) -> None:
        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.window.setCentralWidget(self.canvas)
        self.bar = QgsMessageBar(self.window)
        self.menus: dict = {}

    def mainWindow(self):
        return self.window

    def mapCanvas(self):
        return self.canvas

    def messageBar(self):
        return self.bar

    def activeLayer(self):
        return None

    def addDockWidget(self, area, dock):
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):
        self.window.removeDockWidget(dock)

    def addToolBar(self, name):
        return self.window.addToolBar(name)

    def addPluginToMenu(self, menu, action):
        self.menus.setdefault(menu, []).append(action)

    def removePluginMenu(self, menu, action):
        self.menus[menu].remove(action)


iface = DesktopLikeIface()
qgis.utils.iface = iface
plugins_dir = profile / "python" / "plugins"
qgis.utils.plugin_paths = [str(plugins_dir)]
sys.path.insert(0, str(plugins_dir))
qgis.utils.updateAvailablePlugins()

report: dict = {"available": "tanker_watch" in qgis.utils.available_plugins}
report["loaded"] = bool(qgis.utils.loadPlugin("tanker_watch"))
report["started"] = bool(qgis.utils.startPlugin("tanker_watch"))
report["module_file"] = sys.modules["tanker_watch"].__file__
registry = QgsApplication.processingRegistry()
report["provider_after_start"] = registry.providerById("tankerwatch") is not None
report["docks"] = [d.objectName() for d in iface.window.findChildren(QDockWidget)]
report["toolbars"] = [t.objectName() for t in iface.window.findChildren(QToolBar)]
report["menu_actions"] = sum(len(v) for v in iface.menus.values())
report["unloaded"] = bool(qgis.utils.unloadPlugin("tanker_watch"))
report["provider_after_unload"] = registry.providerById("tankerwatch") is not None
report["menu_actions_after_unload"] = sum(len(v) for v in iface.menus.values())
print("REPORT " + json.dumps(report))
app.exitQgis()
