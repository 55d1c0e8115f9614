"""Run inside the real QGIS desktop (``qgis --code``) by test_packaged_plugin.py.

Waits for start-up, opens the Tanker Watch panel, saves a screenshot of the main window and a
JSON status to the folder named by $TW_SHOT_DIR, then quits QGIS.
"""
import json
import os
from pathlib import Path

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.utils import iface, plugins

out = Path(os.environ["TW_SHOT_DIR"])


def finish(status: dict) -> None:
    iface.mainWindow().grab().save(str(out / "qgis_desktop.png"))
    (out / "status.json").write_text(json.dumps(status))
    QApplication.quit()


def open_panel() -> None:
    plugin = plugins.get("tanker_watch")
    status = {"loaded": plugin is not None}
    if plugin is not None:
        plugin.dock_action.setChecked(True)
        dock = iface.mainWindow().findChild(QDockWidget, "TankerWatchDock")
        status["dock_visible"] = bool(dock and dock.isVisible())
    QTimer.singleShot(1500, lambda: finish(status))


QTimer.singleShot(4000, open_panel)
