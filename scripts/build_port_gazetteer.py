#!/usr/bin/env python3
"""Build the bundled port gazetteer ``resources/data/ports/wpi_ports.csv[.gz]`` from an NGA
World Port Index (Pub 150) CSV export.

Usage::

    python scripts/build_port_gazetteer.py [WPI_CSV[.gz]] [--out DIR]

The default source is the 2025 export kept in ``../shared/data/real/ports/`` (a developer
copy of NGA's UpdatedPub150.csv, public domain). The output is byte-reproducible: the same
source gives the same file. It is gzipped when the plain CSV would exceed
:data:`GZIP_ABOVE_BYTES`; the other variant is removed so only one copy is bundled.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from plugin.core.ports import GAZETTEER_NAME, read_wpi, write_gazetteer  # noqa: E402

DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "real" / "ports" / "nga_wpi_pub150_2025export.csv.gz"
DEFAULT_OUT = REPO / "resources" / "data" / "ports"
GZIP_ABOVE_BYTES = 300_000


def build(source: Path, out_dir: Path) -> Path:
    """Write the gazetteer for ``source`` into ``out_dir``; return the file written."""
    ports = read_wpi(source)  # problems in the source are logged as warnings
    out_dir.mkdir(parents=True, exist_ok=True)
    plain = out_dir / GAZETTEER_NAME
    gz = out_dir / (GAZETTEER_NAME + ".gz")
    write_gazetteer(ports, plain)
    if plain.stat().st_size > GZIP_ABOVE_BYTES:
        write_gazetteer(ports, gz)
        plain.unlink()
        return gz
    if gz.exists():
        gz.unlink()
    return plain


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE,
                        help=f"WPI CSV export (default: {DEFAULT_SOURCE})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output folder (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    logging.basicConfig(format="warning: %(message)s", level=logging.WARNING)
    if not args.source.exists():
        parser.error(f"source file not found: {args.source}")
    try:
        path = build(args.source, args.out)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
