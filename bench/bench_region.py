"""Benchmark: port calls and the per-region trips step on ~1 M already-loaded positions.

Targets (issue 4): port calls (reconstruct + stops + calls) for 1 M positions in under 2 s;
re-running the region analysis for a new polygon in under 200 ms (the dock must feel instant).

Data: twelve seeded scenarios from :mod:`plugin.core.scenario` (the 2024 Vostochny shuttle
pattern with distinct MMSIs), concatenated. Run: ``.venv/bin/python bench/bench_region.py``.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from plugin.core.calls import CallParams, areas_from, detect_calls  # noqa: E402
from plugin.core.ports import load_gazetteer, load_terminals  # noqa: E402
from plugin.core.scenario import ScenarioConfig, generate  # noqa: E402
from plugin.core.schema import POSITION_DTYPES, conform  # noqa: E402
from plugin.core.stops import assign_ports, detect_stops  # noqa: E402
from plugin.core.tracks import reconstruct  # noqa: E402
from plugin.core.trips import prepare_region_analysis  # noqa: E402


def positions(copies: int) -> tuple[pd.DataFrame, object]:
    frames, region = [], None
    for k in range(copies):
        scenario = generate(ScenarioConfig(seed=k, noise=False))
        region = scenario.region
        mc = scenario.positions
        frames.append(pd.DataFrame({
            "mmsi": mc["MMSI"].str[:3] + f"{k:02d}" + mc["MMSI"].str[5:],
            "time": pd.to_datetime(mc["BaseDateTime"], utc=True, format="%Y-%m-%dT%H:%M:%S"),
            "lat": mc["LAT"], "lon": mc["LON"], "sog": mc["SOG"], "draught": mc["Draft"],
            "name": mc["VesselName"], "ship_type": mc["VesselType"]}))
    pos = pd.concat(frames, ignore_index=True).sort_values(["mmsi", "time"], kind="mergesort")
    return conform(pos.reset_index(drop=True), POSITION_DTYPES), region


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=12, help="seeded scenarios to concatenate (12 ~ 1 M)")
    args = parser.parse_args()
    pos, region = positions(args.copies)
    gaz, terms = load_gazetteer(), load_terminals()
    t = time.perf_counter()
    rec = reconstruct(pos, ports=gaz)
    stops = assign_ports(detect_stops(rec.positions), gaz, terms)
    calls = detect_calls(stops, rec.dark_gaps, areas_from(gaz, terms), params=CallParams())
    calls_s = time.perf_counter() - t
    analysis = prepare_region_analysis(rec.positions, calls, rec.dark_gaps)
    best = np.inf
    for _ in range(5):
        t = time.perf_counter()
        trips = analysis.trips(region)
        best = min(best, time.perf_counter() - t)
    n = len(pos)
    print(f"{n:,} positions, {len(calls):,} port calls, {len(trips):,} trips in the Vostochny region")
    print(f"{'stage':45s} {'seconds':>8s}  target")
    print(f"{'port calls (reconstruct + stops + calls)':45s} {calls_s:8.3f}  < 2 s per 1 M: "
          f"{'MET' if calls_s * 1e6 / n < 2 else 'MISSED'}")
    print(f"{'region step (new polygon), best of 5':45s} {best:8.3f}  < 0.2 s: {'MET' if best < 0.2 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
