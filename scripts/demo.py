#!/usr/bin/env python3
"""Run the whole Tanker Watch chain headlessly on the bundled demo data (``make demo``).

    QT_QPA_PLATFORM=offscreen python3 scripts/demo.py [--out demo-output] [--data DIR | --config small]

Reads the simulated 2024 Vostochny scenario in ``resources/data/demo/`` (raw AIS positions,
satellite sightings, vessel particulars and the region; never the truth file), analyses the
region and writes to ``--out`` (default ``demo-output/``): ``tanker_watch_demo.gpkg`` (every
layer), ``trips.csv``, ``vessels.csv``, ``summary.json``, ``map.png`` (report page 1),
``report.pdf``, ``cumulative_chart.png`` and ``tanker_watch_demo.qgz`` (the project, with the
print layout to edit). The output folder is the demo's own: its previous contents are replaced.
A folder that has files but was not made by the demo is refused.

``--config small`` generates a reduced scenario (8 loading calls, March-May 2024) into
``<out>/input/`` first, for the tests.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

from pkgroot import REPO, expose_package

DEMO_DATA = REPO / "resources" / "data" / "demo"
MARKER = ".tanker_watch_demo_output"
TITLE = "DPRK tankers at the Vostochny oil terminal, 2024"


def prepare_output(out: Path) -> None:
    """Empty the demo's own output folder; refuse a non-empty folder the demo did not make."""
    if out.exists():
        if not out.is_dir():
            raise SystemExit(f"{out} exists and is not a folder; choose another --out")
        if any(out.iterdir()) and not (out / MARKER).exists():
            raise SystemExit(f"{out} has files the demo did not write; not replacing them (choose another --out)")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("Written by scripts/demo.py; its contents are replaced at each run.\n",
                              encoding="utf-8")


def small_scenario(folder: Path) -> Path:
    """A reduced scenario (8 loading calls, 7 Mar - 15 May 2024) written to ``folder``."""
    from tanker_watch.plugin.core.scenario import ScenarioConfig, generate

    scenario = generate(ScenarioConfig(seed=7, start="2024-03-07", end="2024-05-15", n_loading_calls=8))
    return scenario.write(folder)["positions"].parent


def region_wkt_from_geojson(path: Path) -> str:
    """The first polygon feature of a GeoJSON file as WKT (WGS84)."""
    from tanker_watch.plugin.core.polygons import normalize_geometry
    from tanker_watch.plugin.layers import polygon_wkt

    data = json.loads(path.read_text(encoding="utf-8"))
    feature = data["features"][0] if data.get("type") == "FeatureCollection" and data.get("features") else data
    try:
        return polygon_wkt(normalize_geometry(feature))
    except (ValueError, TypeError) as exc:
        raise SystemExit(f"{path}: no polygon in the first feature ({exc})") from exc


def run(data: Path, out: Path, title: str = TITLE, notice: str | None = None) -> dict:
    """The whole chain: load, analyse, layers, tables, summary, layout, PDF and PNG. Returns the summary."""
    from qgis.core import QgsProject

    from tanker_watch.plugin.core.pipeline import analyse_region, load_dataset
    from tanker_watch.plugin.core.scenario import DEMO_NOTICE
    from tanker_watch.plugin.export import export_tables, summary_dict, write_summary
    from tanker_watch.plugin.layers import dataset_layers, region_layers
    from tanker_watch.plugin.output import add_to_project
    from tanker_watch.plugin.report import build_layout, export_pdf, export_png

    for name in ("positions.csv.gz", "sightings.csv", "particulars.csv", "region.geojson"):
        if not (data / name).exists():
            raise SystemExit(f"{data / name} is missing; regenerate with: python3 scripts/build_demo_data.py")
    notice = DEMO_NOTICE if notice is None else notice
    region = region_wkt_from_geojson(data / "region.geojson")
    dataset = load_dataset([data / "positions.csv.gz"], sightings=data / "sightings.csv",
                           particulars=data / "particulars.csv")
    result = analyse_region(dataset, region)
    gpkg = out / "tanker_watch_demo.gpkg"
    layers = dataset_layers(dataset, gpkg, notice) + region_layers(result, region, gpkg, notice)
    project = QgsProject.instance()
    project.clear()
    add_to_project(layers, project=project)
    export_tables(result, out, "csv", notice)
    summary = summary_dict(dataset, result, notice, region)
    write_summary(summary, out / "summary.json")
    layout = build_layout(project, dataset, result, layers, title=title, notice=notice, region_wkt=region,
                          chart_path=out / "cumulative_chart.png")
    export_pdf(layout, out / "report.pdf")
    export_png(layout, out / "map.png", dpi=150)
    if not project.write(str(out / "tanker_watch_demo.qgz")):
        raise SystemExit(f"{out / 'tanker_watch_demo.qgz'}: could not save the project: {project.error()}")
    return summary


def print_summary(summary: dict, out: Path, seconds: float) -> None:
    print(f"\n{summary['data_notice'] or 'Tanker Watch'}")
    print(f"Trips into the region (confirmed or inferred): {summary['trips']}"
          f"  (laden: {summary['laden_trips']}; possible, not counted: {summary['possible_trips']})")
    print(f"Vessels: {summary['vessels']}")
    print(f"Barrels (ESTIMATES): about {summary['barrels']:,} (range {summary['barrels_low']:,} to "
          f"{summary['barrels_high']:,})")
    for year, share in summary["cap_share_by_year"].items():
        print(f"Share of the UN cap in {year}: {share['central']:.0%} (range {share['low']:.0%} to "
              f"{share['high']:.0%})")
    print(f"\nFiles in {out.resolve()} ({seconds:.0f} s):")
    for path in sorted(out.iterdir()):
        if path.name != MARKER and path.is_file():
            print(f"  {path.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "demo-output", help="output folder (demo-output)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", type=Path, default=None, help="scenario folder (default: bundled demo data)")
    source.add_argument("--config", choices=("full", "small"), default="full",
                        help="small: generate a reduced scenario into <out>/input first")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    expose_package()
    from qgis.core import QgsApplication

    started = time.monotonic()
    out = args.out
    prepare_output(out)
    app = QgsApplication([], False)
    app.initQgis()
    try:
        data = args.data or DEMO_DATA
        if args.config == "small" and args.data is None:
            data = small_scenario(out / "input")
        summary = run(data, out)
    finally:
        from qgis.core import QgsProject
        QgsProject.instance().clear()
    print_summary(summary, out, time.monotonic() - started)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
