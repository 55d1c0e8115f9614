#!/usr/bin/env python3
"""Regenerate the bundled demo data in ``resources/data/demo/`` from the seeded scenario generator.

    python3 scripts/build_demo_data.py [--seed 2024]

Pure Python (pandas + numpy); the output is deterministic for a given seed. Replaces the
generated files in that folder (its README.md is kept).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "data" / "demo"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, default=DEMO)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    # plugin.core uses relative imports only, so it imports as the package ``plugin.core``
    from plugin.core.scenario import demo_2024_config, generate

    scenario = generate(demo_2024_config(seed=args.seed))
    paths = scenario.write(args.out, overwrite=True)
    truth = paths["truth"].with_name("truth_DO_NOT_USE_IN_ANALYSIS.csv")
    paths["truth"].replace(truth)
    for name, path in {**paths, "truth": truth}.items():
        print(f"{name:12s} {path} ({path.stat().st_size:,} bytes)")
    loads = scenario.truth[scenario.truth["role"] == "load"]
    print(f"{len(scenario.positions):,} AIS positions, {len(scenario.sightings)} sightings, "
          f"{len(loads)} loading calls at Vostochny")
    return 0


if __name__ == "__main__":
    sys.exit(main())
