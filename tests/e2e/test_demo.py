"""``scripts/demo.py`` end to end on a reduced scenario (8 loading calls), as ``make demo`` runs it.

Tolerances against the generator's truth (the demo itself never reads it): counted trips within
one of the truth's in-region tanker visits that are not merely 'possible'; laden trips within two
of the truth's expected laden state; the barrels truly loaded (cargo tonnes x 7.46 bbl/t, diesel)
inside the reported low-high range.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from support import REPO
from tanker_watch.plugin.core.scenario import DEMO_NOTICE as NOTICE

SUMMARY_KEYS = {"trips", "possible_trips", "laden_trips", "vessels", "barrels_low", "barrels", "barrels_high",
                "cap_share_by_year", "assumptions", "data_notice", "period", "region", "sanctions_data",
                "generated_utc"}


def _pdf_pages(path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "demo-output"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "demo.py"), "--config", "small", "--out", str(out)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return out, done.stdout


def test_demo_writes_every_file(demo_run):
    out, stdout = demo_run
    for name in ("tanker_watch_demo.gpkg", "trips.csv", "vessels.csv", "summary.json", "map.png", "report.pdf",
                 "tanker_watch_demo.qgz"):
        assert (out / name).stat().st_size > 0, name
    assert "Trips into the region" in stdout and "Barrels" in stdout and str(out.resolve()) in stdout
    assert _pdf_pages(out / "report.pdf") == 2
    trips = pd.read_csv(out / "trips.csv")
    assert set(trips["data_notice"]) == {NOTICE}


def test_demo_png_is_a_map_not_blank(demo_run, qgis_app):
    from qgis.PyQt.QtGui import QImage

    out, _ = demo_run
    image = QImage(str(out / "map.png"))
    assert image.width() > 1500 and image.width() > image.height()  # A4 landscape at 150 dpi: 1754 x 1240
    colours = {}
    for y in range(0, image.height(), 9):
        for x in range(0, image.width(), 9):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours[rgb] = colours.get(rgb, 0) + 1
    total = sum(colours.values())
    assert len(colours) > 100
    assert max(colours.values()) < 0.7 * total  # neither blank white nor one flat colour


def test_demo_gpkg_has_every_layer(demo_run, qgis_app):
    from qgis.core import QgsVectorLayer

    out, _ = demo_run
    for name in ("ports", "terminals", "sanctioned_vessels", "tracks", "dark_gaps", "port_calls", "trips",
                 "sightings", "region"):
        layer = QgsVectorLayer(f"{out / 'tanker_watch_demo.gpkg'}|layername={name}", name, "ogr")
        assert layer.isValid(), name


def test_demo_summary_matches_truth(demo_run):
    out, _ = demo_run
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert SUMMARY_KEYS <= set(summary)
    assert summary["data_notice"] == NOTICE
    truth = pd.read_csv(out / "input" / "truth.csv")
    visits = truth[truth["in_region"].astype(bool) & truth["role"].isin(["load", "ballast_decoy"])]
    counted = visits[visits["expected_level"] != "possible"]
    assert abs(summary["trips"] - len(counted)) <= 1
    assert abs(summary["laden_trips"] - int((counted["expected_laden_state"] == "laden").sum())) <= 2
    true_barrels = truth.loc[truth["role"] == "load", "cargo_t"].sum() * 7.46
    assert summary["barrels_low"] <= true_barrels <= summary["barrels_high"]
    assert summary["barrels_low"] <= summary["barrels"] <= summary["barrels_high"]
    assert set(summary["cap_share_by_year"]) == {"2024"}


def test_demo_refuses_a_foreign_folder(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("precious", encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "demo.py"), "--config", "small", "--out", str(mine)],
                          capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120)
    assert done.returncode != 0 and "not replacing" in done.stderr
    assert (mine / "thesis.docx").read_text(encoding="utf-8") == "precious"
