"""Screenshot of the plugin at work in the real QGIS desktop (``make screenshot`` -> docs/screenshot.png).

Run with a normal Python: it makes a throwaway QGIS profile, dev-links this working tree into it,
and starts ``xvfb-run qgis --code`` on this same file. Inside QGIS (``TW_SCREENSHOT_OUT`` set)
the file opens the panel, loads the simulated 2024 demo data, uses the Vostochny region,
waits for the results and saves the main window. The status (headline figures, errors) is printed as JSON.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess  # nosec B404 - starts QGIS and our own profile script
import sys
import tempfile
from pathlib import Path

# ``qgis --code`` runs this file without ``__file__``
REPO = Path(__file__).resolve().parents[1] if "__file__" in globals() else Path(os.environ.get("TW_REPO", "."))
WIDTH, HEIGHT = 1600, 1000


def run_outside(output: Path, timeout: int = 720) -> dict:
    """Start QGIS under Xvfb in a fresh profile and wait for the screenshot; return the status."""
    qgis = shutil.which("qgis")
    xvfb = shutil.which("xvfb-run")
    if qgis is None or xvfb is None:
        raise SystemExit("The QGIS desktop and xvfb-run are needed (make deps installs them)")
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tw_screenshot_") as config:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "QGIS_OPTS")}
        status_file = Path(config) / "screenshot_status.json"
        env.update(QGIS_CUSTOM_CONFIG_PATH=config, TW_SCREENSHOT_OUT=str(output.resolve()), TW_REPO=str(REPO),
                   TW_SCREENSHOT_STATUS=str(status_file))
        subprocess.run([sys.executable, str(REPO / "scripts" / "qgis_profile.py"), "dev-link", str(REPO)],  # nosec B603
                       env=env, check=True, capture_output=True)
        subprocess.run([xvfb, "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24", qgis, "--nologo",  # nosec B603
                        "--noversioncheck", "--code", str(REPO / "scripts" / "screenshot.py")],
                       env=env, capture_output=True, text=True, timeout=timeout)
        if not status_file.is_file():
            raise SystemExit("QGIS did not run the screenshot script (no status file)")
        return json.loads(status_file.read_text(encoding="utf-8"))


def run_inside() -> None:  # pragma: no cover - runs inside the QGIS desktop
    """Executed by ``qgis --code``: drive the panel and save the window."""
    from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsProject
    from qgis.PyQt.QtCore import Qt, QTimer
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.utils import iface, plugins

    out = Path(os.environ["TW_SCREENSHOT_OUT"])
    status: dict = {}
    waited = [0.0]

    def finish() -> None:
        QApplication.processEvents()
        iface.mainWindow().grab().save(str(out))
        Path(os.environ["TW_SCREENSHOT_STATUS"]).write_text(json.dumps(status), encoding="utf-8")
        QApplication.quit()

    def fail(message: str) -> None:
        status["error"] = message
        finish()

    def guarded(step):
        # an exception inside QGIS would only open an error dialog and leave QGIS running
        def run(*args) -> None:
            try:
                step(*args)
            except Exception:  # noqa: BLE001
                import traceback

                fail(traceback.format_exc())
        return run

    def start() -> None:
        plugin = plugins.get("tanker_watch")
        status["loaded"] = plugin is not None
        if plugin is None:
            fail("plugin not loaded")
            return
        window = iface.mainWindow()
        window.showNormal()
        window.setGeometry(0, 0, WIDTH, HEIGHT)
        plugin.dock_action.setChecked(True)
        window.resizeDocks([plugin.dock], [440], Qt.Orientation.Horizontal)
        plugin.dock.load_demo()
        QTimer.singleShot(500, lambda: guarded(wait_loaded)(plugin.dock))

    def wait_loaded(dock) -> None:
        if dock.task is not None:
            waited[0] += 0.5
            if waited[0] > 600:
                fail("loading timed out")
            else:
                QTimer.singleShot(500, lambda: guarded(wait_loaded)(dock))
            return
        if dock.dataset is None:
            fail("loading failed: " + dock.data_summary.text())
            return
        show_results(dock)

    def show_results(dock) -> None:
        from tanker_watch.plugin.gui.dock import demo_folder

        feature = json.loads((demo_folder() / "region.geojson").read_text(encoding="utf-8"))["features"][0]
        ring = ", ".join(f"{x} {y}" for x, y in feature["geometry"]["coordinates"][0])
        dock.set_region(QgsGeometry.fromWkt(f"POLYGON(({ring}))"))
        dock.data_group.setCollapsed(True)
        dock.filters_group.setCollapsed(True)
        canvas = iface.mapCanvas()
        box = dock.region.boundingBox()
        box.grow(max(box.width(), box.height()) * 1.5)
        transform = QgsCoordinateTransform(dock.trips_layer().crs(), canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        canvas.setExtent(transform.transformBoundingBox(box))
        canvas.refresh()
        status.update(dock_visible=dock.isVisible(), headline=dock.result.headline() if dock.result else {},
                      dock_width=dock.width(), notice=dock.notice_label.text())
        QTimer.singleShot(3000, finish)

    QTimer.singleShot(4000, guarded(start))


def _inside_qgis() -> bool:
    utils = sys.modules.get("qgis.utils")
    return bool(os.environ.get("TW_SCREENSHOT_OUT")) and getattr(utils, "iface", None) is not None


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "screenshot.png")
    args = parser.parse_args()
    status = run_outside(args.output)
    print(json.dumps(status, indent=1))
    return 0 if status.get("dock_visible") and not status.get("error") else 1


if _inside_qgis():
    run_inside()
elif __name__ == "__main__":
    sys.exit(main())
