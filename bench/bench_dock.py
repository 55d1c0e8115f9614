"""Benchmark: the dock on 1 M AIS positions in a real QgsApplication (offscreen).

Measures what a user feels: how long loading takes (background task), the longest time the
main thread (the window) was blocked while loading and writing the layers (a 20 ms heartbeat
timer records every gap), and how long a new region takes to show its figures.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_dock.py [--positions N]``
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "scripts"))
from generate_positions import generate_positions, write_csv  # noqa: E402
from pkgroot import expose_package  # noqa: E402

expose_package()

from qgis.core import QgsApplication, QgsGeometry, QgsProject  # noqa: E402
from qgis.gui import QgsMapCanvas, QgsMessageBar  # noqa: E402
from qgis.PyQt.QtCore import QTimer  # noqa: E402
from qgis.PyQt.QtWidgets import QMainWindow  # noqa: E402


class Iface:
    """The part of QgisInterface the dock uses."""

    def __init__(self) -> None:
        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.bar = QgsMessageBar(self.window)

    def mainWindow(self):  # noqa: N802
        return self.window

    def mapCanvas(self):  # noqa: N802
        return self.canvas

    def messageBar(self):  # noqa: N802
        return self.bar

    def activeLayer(self):  # noqa: N802
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--positions", type=int, default=1_000_000)
    args = parser.parse_args()
    app = QgsApplication([], True)
    app.initQgis()
    from tanker_watch.plugin.gui import dock as dock_module
    from tanker_watch.plugin.gui.dock import TankerWatchDock
    from tanker_watch.plugin.gui.tasks import LoadRequest

    with tempfile.TemporaryDirectory() as tmp:
        csv = write_csv(generate_positions(args.positions), Path(tmp) / "ais.csv")
        dock_module.output_gpkg_path = lambda *a: Path(tmp) / "out.gpkg"
        dock = TankerWatchDock(None, Iface())
        gaps: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.timeout.connect(beat)
        heartbeat.start(20)
        started = time.perf_counter()
        dock.start_load(LoadRequest(ais_paths=[str(csv)]))
        while dock.task is not None:
            app.processEvents()
            time.sleep(0.005)
        loaded = time.perf_counter() - started
        heartbeat.stop()
        region = QgsGeometry.fromWkt("POLYGON((130 40, 134 40, 134 44, 130 44, 130 40))")
        t = time.perf_counter()
        dock.set_region(region)  # analyses synchronously, shows figures, writes the trips layer
        region_s = time.perf_counter() - t
        print(f"{args.positions:,} positions; {len(dock.dataset.positions):,} clean")
        print(f"{'load (background task, read to layers on the map)':55s} {loaded:7.2f} s")
        print(f"{'longest main-thread block while loading':55s} {max(gaps):7.3f} s")
        print(f"{'new region -> figures and tables shown':55s} {region_s:7.3f} s")
        dock.cleanup()
        dock.deleteLater()
        QgsProject.instance().clear()
        app.processEvents()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
