"""Seeded synthetic AIS positions in the US MarineCadastre CSV layout, for benchmarks.

Vessels sail at 8-14 kn with a random-walk course, report every few minutes (per-vessel
mean interval), have short coverage holes (1-8 h) and, less often, dark periods
(12-72 h). About a quarter are tankers (AIS type 80-89) whose draught flips between
ballast and laden across each dark period (arrive empty, leave full). Most vessels
start in the Sea of Japan; a few start in the Bering Sea so their tracks cross the
antimeridian. Rows are written in time order, interleaving vessels, like the daily
MarineCadastre files, so the reader/cleaner must sort them.

The same seed and arguments give byte-identical files.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Optional

import numpy as np
import pandas as pd

MARINECADASTRE_COLUMNS = [
    "MMSI", "BaseDateTime", "LAT", "LON", "SOG", "COG", "Heading", "VesselName", "IMO",
    "CallSign", "VesselType", "Status", "Length", "Width", "Draft", "Cargo", "TransceiverClass",
]
START = np.datetime64("2024-03-07T00:00:00", "s")
MIDS = np.array([273, 445, 636, 538, 352, 412, 440, 431, 677, 511])
_SYLLABLES = np.array(["CHON", "MA", "SAN", "YU", "SON", "PAEK", "YANG", "KUM", "JIN", "GANG",
                       "SEA", "STAR", "OCEAN", "NORD", "VOST", "OK", "RYU", "HAI", "PHYONG", "BONG"])


def generate_positions(n_positions: int = 1_000_000, n_vessels: Optional[int] = None,
                       seed: int = 42) -> pd.DataFrame:
    """A MarineCadastre-layout frame of ``n_positions`` rows (string/number columns as in the CSV)."""
    if n_positions < 1:
        raise ValueError("n_positions must be >= 1")
    rng = np.random.default_rng(seed)
    nv = int(n_vessels or max(1, n_positions // 500))
    nv = min(nv, n_positions)

    # positions per vessel: skewed (a few chatty vessels, some sparse ones), each >= 1
    weights = rng.lognormal(0.0, 0.8, nv)
    counts = 1 + rng.multinomial(n_positions - nv, weights / weights.sum())
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    vessel = np.repeat(np.arange(nv), counts)
    is_first = np.zeros(n_positions, dtype=bool)
    is_first[first] = True

    # per-vessel attributes
    mmsi = rng.choice(MIDS, nv) * 1_000_000 + rng.choice(1_000_000, nv, replace=False)
    tanker = rng.random(nv) < 0.25
    vtype = np.where(tanker, rng.integers(80, 90, nv), rng.choice([30, 52, 60, 70, 71, 79], nv))
    imo = np.where(rng.random(nv) < 0.8, rng.integers(7_000_000, 9_999_999, nv), 0)
    names = (_SYLLABLES[rng.integers(0, _SYLLABLES.size, nv)].astype(object) + " "
             + _SYLLABLES[rng.integers(0, _SYLLABLES.size, nv)].astype(object) + " "
             + rng.integers(1, 20, nv).astype(str).astype(object))
    callsign = np.char.add("P", rng.integers(10000, 99999, nv).astype(str)).astype(object)
    length = rng.integers(60, 200, nv).astype(float)
    width = np.round(length / 6.5, 0)
    speed_kn = rng.uniform(8.0, 14.0, nv)
    interval_min = rng.lognormal(np.log(12.0), 0.6, nv)  # mean report interval per vessel
    bering = rng.random(nv) < 0.05
    lat0 = np.where(bering, rng.uniform(52, 60, nv), rng.uniform(35, 45, nv))
    lon0 = np.where(bering, rng.uniform(176, 179.9, nv), rng.uniform(128, 140, nv))
    course0 = np.where(bering, rng.uniform(45, 135, nv), rng.uniform(0, 360, nv))
    ballast = rng.uniform(2.5, 4.0, nv)
    laden = rng.uniform(5.0, 7.5, nv)

    # per-position time steps with coverage holes and dark periods
    dt_s = rng.exponential(1.0, n_positions) * interval_min[vessel] * 60.0 + 10.0
    u = rng.random(n_positions)
    hole = u < 0.003
    dark = (u >= 0.003) & (u < 0.004)
    dt_s[hole] = rng.uniform(1, 8, hole.sum()) * 3600.0
    dt_s[dark] = rng.uniform(12, 72, dark.sum()) * 3600.0
    dt_s[is_first] = rng.uniform(0, 2 * 86400.0, nv)  # staggered starts
    dark[is_first] = False
    t_s = _group_cumsum(dt_s, first, counts)

    course = course0[vessel] + _group_cumsum(rng.normal(0, 4.0, n_positions), first, counts)
    sog = speed_kn[vessel] + rng.normal(0, 0.3, n_positions)
    dist_nm = np.where(is_first, 0.0, sog * dt_s / 3600.0)
    rad = np.radians(course)
    dlat = dist_nm * np.cos(rad) / 60.0
    dlon = dist_nm * np.sin(rad) / (60.0 * np.cos(np.radians(lat0[vessel])))
    lat = np.clip(lat0[vessel] + _group_cumsum(dlat, first, counts), -80.0, 80.0)
    lon = np.mod(lon0[vessel] + _group_cumsum(dlon, first, counts) + 180.0, 360.0) - 180.0

    # tankers: draught alternates ballast/laden at each dark period; 10 % of reports lack it
    flips = _group_cumsum(dark.astype(np.float64), first, counts).astype(np.int64) % 2
    draught = np.where(flips == 1, laden[vessel], ballast[vessel])
    draught = np.where(tanker[vessel], draught, 0.6 * laden[vessel])
    draught[rng.random(n_positions) < 0.1] = np.nan

    times = (START + t_s.astype("timedelta64[s]"))
    heading = np.round(np.mod(course + rng.normal(0, 2, n_positions), 360.0), 0)
    heading[rng.random(n_positions) < 0.05] = 511.0
    imo_v = imo[vessel]
    frame = pd.DataFrame({
        "MMSI": mmsi[vessel],
        "BaseDateTime": times,
        "LAT": np.round(lat, 5),
        "LON": np.round(lon, 5),
        "SOG": np.round(sog, 1),
        "COG": np.round(np.mod(course, 360.0), 1),
        "Heading": heading,
        "VesselName": names[vessel],
        "IMO": np.where(imo_v > 0, np.char.add("IMO", imo_v.astype(str)).astype(object), None),
        "CallSign": callsign[vessel],
        "VesselType": vtype[vessel],
        "Status": 0,
        "Length": length[vessel],
        "Width": width[vessel],
        "Draft": np.round(draught, 1),
        "Cargo": vtype[vessel],
        "TransceiverClass": "A",
    })
    # daily-file order: by time, vessels interleaved
    order = np.argsort(times, kind="stable")
    return frame.iloc[order].reset_index(drop=True)


def _group_cumsum(values: np.ndarray, first: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Cumulative sum restarting at each group start (groups are contiguous runs)."""
    total = np.cumsum(values)
    before = np.concatenate([[0.0], total[first[1:] - 1]])
    return total - np.repeat(before, counts)


def canonical_positions(frame: pd.DataFrame) -> pd.DataFrame:
    """The canonical positions frame (plugin.core.schema), sorted by (mmsi, time), built in memory.

    Only a fallback for benchmarking reconstruct when the CSV reader is not available;
    the plugin itself reads files with plugin.core.ais_readers.
    """
    from plugin.core.schema import POSITION_DTYPES, conform

    heading = frame["Heading"].where(frame["Heading"] < 360)
    imo = frame["IMO"].str.slice(3)
    canon = pd.DataFrame({
        "mmsi": frame["MMSI"].astype(str),
        "time": pd.to_datetime(frame["BaseDateTime"], utc=True),
        "lon": frame["LON"], "lat": frame["LAT"], "sog": frame["SOG"], "cog": frame["COG"],
        "heading": heading, "nav_status": frame["Status"], "draught": frame["Draft"],
        "imo": imo, "name": frame["VesselName"], "ship_type": frame["VesselType"],
        "source": "synthetic",
    })
    canon = canon.sort_values(["mmsi", "time"], kind="stable", ignore_index=True)
    return conform(canon, POSITION_DTYPES)


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` as a MarineCadastre daily CSV (ISO times, empty fields for missing)."""
    frame.to_csv(path, index=False, date_format="%Y-%m-%dT%H:%M:%S", na_rep="")
    return path


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--positions", type=int, default=1_000_000)
    parser.add_argument("--vessels", type=int, default=None)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    write_csv(generate_positions(args.positions, args.vessels, args.seed), args.output)
    print(f"wrote {args.positions:,} positions to {args.output}")


if __name__ == "__main__":
    main()
