"""``scripts/screenshot.py`` in the real QGIS desktop under Xvfb: demo data, Vostochny region, results."""
from __future__ import annotations

import shutil
import subprocess  # nosec B404
import sys

import pytest

from support import REPO

pytestmark = pytest.mark.e2e


def test_screenshot_of_the_demo(tmp_path):
    if shutil.which("qgis") is None or shutil.which("xvfb-run") is None:
        pytest.skip("the QGIS desktop and xvfb-run are needed")
    artefacts = REPO / "test-artifacts"
    output = artefacts / "screenshot.png"
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "screenshot.py"), "--output", str(output)],
                          capture_output=True, text=True, timeout=900)  # nosec B603
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    import json

    status = json.loads(done.stdout[done.stdout.index("{"):])
    assert status["loaded"] and status["dock_visible"] and "error" not in status
    assert status["notice"].startswith("Simulated demo data based on public reporting")
    assert status["headline"]["trips"] > 30  # the 2024 case: 43 loading calls, most of them counted
    assert status["headline"]["barrels_low"] <= status["headline"]["barrels"] <= status["headline"]["barrels_high"]
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(output))
    assert image.width() >= 1200 and image.height() >= 800
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 50  # not a blank or single-colour window
