"""Benchmark: MarineCadastre CSV -> read_ais -> clean_positions -> reconstruct (tracks + dark gaps).

Run: /work/main/.venv/bin/python bench/bench_pipeline.py [--positions N] [--seed S] [--vessels V]

Targets: reconstruction alone >= 2 M positions/s; 1 M positions CSV -> tracks and dark
gaps < 5 s end to end; peak memory <= 150 bytes per position.

Memory method (printed with the results). (1) Peak RSS growth: glibc's malloc is first
told (mallopt) to serve every block >= 128 KiB with its own mmap and to trim freed heap,
so big arrays freed by an earlier stage are returned to the OS instead of being silently
reused (which would hide a later stage's needs). Before each stage the garbage collector runs,
resident memory (VmRSS) is read and the kernel's peak-RSS counter (VmHWM) is reset by
writing "5" to /proc/self/clear_refs (Linux >= 4.0). After the stage, VmHWM - VmRSS(before)
is the stage's peak growth: every byte the stage touched at its worst moment, including
numpy/pandas buffers, temporaries and allocator overhead, not only Python objects. The
end-to-end figure is the highest VmHWM of the three stages minus VmRSS before reading
(the raw frame is released after cleaning, as the plugin does). Where the reset is not
possible, the growth of ru_maxrss (getrusage) is used, which is only a lower bound.
(2) tracemalloc peak: after all timed runs, each stage runs once more under tracemalloc, which
counts Python and numpy/pandas allocations but not the C CSV parser's own buffers.
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from generate_positions import canonical_positions, generate_positions, write_csv  # noqa: E402

from plugin.core.tracks import reconstruct  # noqa: E402

MB = 1024 * 1024


# ------------------------------------------------------------------ memory probes

def _status_kb(key: str) -> Optional[int]:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _fix_malloc_thresholds() -> bool:
    """Make glibc return freed large blocks to the OS (see the module docstring)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        m_trim_threshold, m_mmap_threshold = -1, -3
        limit = 128 * 1024
        return bool(libc.mallopt(m_mmap_threshold, limit)) and bool(libc.mallopt(m_trim_threshold, limit))
    except (OSError, AttributeError):
        return False


def _maxrss_bytes() -> int:
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value if sys.platform == "darwin" else value * 1024


class Stage:
    """Timing and peak memory of one call."""

    def __init__(self, name: str, n: int, seconds: float, peak_growth: int, peak_abs: int, exact: bool,
                 traced: Optional[int] = None):
        self.name, self.n, self.seconds = name, n, seconds
        self.peak_growth, self.peak_abs, self.exact = peak_growth, peak_abs, exact
        self.traced = traced


def traced_peak(fn: Callable[[], Any]) -> tuple[int, Any]:
    """Peak bytes allocated under tracemalloc while ``fn`` runs, and its result."""
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


def measure(name: str, n: int, fn: Callable[[], Any]) -> tuple[Any, Stage]:
    gc.collect()
    rss = _status_kb("VmRSS")
    exact = rss is not None and _reset_peak()
    base = rss * 1024 if exact else _maxrss_bytes()
    t0 = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t0
    peak = _status_kb("VmHWM") * 1024 if exact else _maxrss_bytes()
    return result, Stage(name, n, seconds, max(0, peak - base), peak, exact)


def print_table(stages: list[Stage]) -> None:
    print(f"{'stage':<38}{'seconds':>9}{'positions/s':>14}{'peak MB':>10}{'bytes/pos':>11}"
          f"{'traced MB':>11}{'traced B/pos':>14}")
    for s in stages:
        rate = s.n / s.seconds if s.seconds > 0 else float("inf")
        per = s.peak_growth / s.n if s.n else float("nan")
        flag = "" if s.exact else "  (RSS: lower bound)"
        traced = (f"{s.traced / MB:>11.1f}{s.traced / max(s.n, 1):>14.1f}" if s.traced is not None
                  else f"{'-':>11}{'-':>14}")
        print(f"{s.name:<38}{s.seconds:>9.3f}{rate:>14,.0f}{s.peak_growth / MB:>10.1f}{per:>11.1f}"
              f"{traced}{flag}")


# ------------------------------------------------------------------ optional stages

def _pipeline_modules():
    """(read_ais, clean_positions) or the reason they cannot be imported."""
    try:
        from plugin.core.ais_readers import read_ais
        from plugin.core.cleaning import clean_positions
    except ImportError as exc:
        return None, f"{exc.__class__.__name__}: {exc}"
    return (read_ais, clean_positions), ""


def _ports_frame(seed: int) -> tuple[pd.DataFrame, str]:
    try:
        from plugin.core.ports import load_gazetteer
        ports = load_gazetteer()
        if len(ports):
            return ports, f"bundled gazetteer ({len(ports):,} ports)"
    except Exception as exc:  # noqa: BLE001 - another developer's module: any failure means fall back
        reason = f"{exc.__class__.__name__}: {exc}"
    else:
        reason = "empty gazetteer"
    rng = np.random.default_rng(seed)
    n = 3_800
    ports = pd.DataFrame({"port_id": np.arange(n).astype(str), "name": [f"PORT {i}" for i in range(n)],
                          "lat": rng.uniform(-60, 70, n), "lon": rng.uniform(-180, 180, n)})
    return ports, f"{n:,} random ports (gazetteer unavailable: {reason})"


def time_movingpandas(clean: pd.DataFrame, our_seconds: float, subset: int) -> None:
    try:
        import geopandas as gpd
        import movingpandas as mpd
    except ImportError as exc:
        print(f"MovingPandas comparison skipped: {exc} (install movingpandas + geopandas to compare)")
        return
    n = len(clean)
    k = min(n, subset)
    sub = clean.iloc[:k]  # sorted by mmsi, so whole vessels except perhaps the last
    gdf = gpd.GeoDataFrame(
        {"mmsi": sub["mmsi"].astype(str).to_numpy(), "t": sub["time"].dt.tz_localize(None).to_numpy()},
        geometry=gpd.points_from_xy(sub["lon"], sub["lat"]), crs="EPSG:4326",
    )
    t0 = time.perf_counter()
    tc = mpd.TrajectoryCollection(gdf, traj_id_col="mmsi", t="t")
    split = mpd.ObservationGapSplitter(tc).split(gap=timedelta(hours=6))
    seconds = time.perf_counter() - t0
    estimate = seconds * n / k
    note = "measured" if k == n else f"measured on the first {k:,} positions, extrapolated linearly to {n:,}"
    print(f"MovingPandas {mpd.__version__} ObservationGapSplitter(6 h): {seconds:.2f} s for {k:,} positions "
          f"({note}: {estimate:.1f} s); {len(split.trajectories):,} trajectories "
          f"(it drops single-point ones)")
    print(f"Speed-up of reconstruct over MovingPandas: {estimate / our_seconds:,.0f}x")


def big_file(args: argparse.Namespace, tmp: Path) -> None:
    """Write a CSV of about --big-file-mb MB in 1 M-row chunks and measure reading it."""
    modules, reason = _pipeline_modules()
    if modules is None:
        print(f"big-file test skipped: reader not importable ({reason})")
        return
    read_ais = modules[0]
    path = tmp / "big_marinecadastre.csv"
    target = args.big_file_mb * 1_000_000
    chunk, i, rows = 1_000_000, 0, 0
    t0 = time.perf_counter()
    while not path.exists() or path.stat().st_size < target:
        frame = generate_positions(chunk, None, args.seed + 1000 + i)
        frame.to_csv(path, mode="a", header=(i == 0), index=False,
                     date_format="%Y-%m-%dT%H:%M:%S", na_rep="")
        rows += len(frame)
        i += 1
        del frame
    size_mb = path.stat().st_size / 1e6
    print(f"\nbig file: {rows:,} rows, {size_mb:,.0f} MB written in {time.perf_counter() - t0:.1f} s")
    result, stage = measure(f"read_ais ({size_mb:,.0f} MB CSV)", rows, lambda: read_ais(path))
    print_table([stage])
    print(f"positions read: {len(result.positions):,}")


# ------------------------------------------------------------------ main

def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Tanker Watch pipeline benchmark")
    parser.add_argument("--positions", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--vessels", type=int, default=None, help="default: positions / 500")
    parser.add_argument("--repeat", type=int, default=3, help="runs of reconstruct alone (median reported)")
    parser.add_argument("--mpd-positions", type=int, default=100_000,
                        help="positions given to MovingPandas (extrapolated to --positions)")
    parser.add_argument("--big-file-mb", type=int, default=0,
                        help="also write a CSV of about this many MB and measure reading it "
                             "(not run by default)")
    parser.add_argument("--no-tracemalloc", dest="trace", action="store_false",
                        help="skip the extra, tracemalloc-instrumented run of each stage")
    parser.add_argument("--keep", type=Path, default=None, help="write the generated CSV here and keep it")
    args = parser.parse_args(argv)
    n = args.positions
    malloc_fixed = _fix_malloc_thresholds()

    print(f"pandas {pd.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPU(s)")
    with tempfile.TemporaryDirectory(prefix="tanker_watch_bench_") as tmpdir:
        tmp = Path(tmpdir)
        path = args.keep or tmp / "marinecadastre_synthetic.csv"
        t0 = time.perf_counter()
        raw = generate_positions(n, args.vessels, args.seed)
        vessels = raw["MMSI"].nunique()
        write_csv(raw, path)
        print(f"generated {n:,} positions of {vessels:,} vessels (seed {args.seed}) -> "
              f"{path.stat().st_size / 1e6:,.0f} MB CSV in {time.perf_counter() - t0:.1f} s "
              "(not timed below)")
        ports, ports_note = _ports_frame(args.seed)
        print(f"ports: {ports_note}")

        stages: list[Stage] = []
        modules, reason = _pipeline_modules()
        if modules is not None:
            del raw
            read_ais, clean_positions = modules
            result, s_read = measure("read_ais (CSV)", n, lambda: read_ais(path))
            positions = result.positions
            del result
            cleaned, s_clean = measure("clean_positions", len(positions), lambda: clean_positions(positions))
            clean = cleaned[0]
            del cleaned, positions
            gc.collect()
            stages += [s_read, s_clean]
        else:
            print(f"CSV stages skipped: {reason}\n  (reconstruct is timed on the generated frame "
                  f"converted in memory by generate_positions.canonical_positions)")
            clean = canonical_positions(raw)
            del raw
            s_read = s_clean = None

        rec, s_rec = measure("reconstruct (tracks + dark gaps)", len(clean),
                             lambda: reconstruct(clean, 6.0, 12.0, ports=ports))
        stages.append(s_rec)
        runs = []
        for _ in range(max(1, args.repeat)):
            t1 = time.perf_counter()
            reconstruct(clean, 6.0, 12.0, ports=ports)
            runs.append(time.perf_counter() - t1)
        median = statistics.median(runs)
        stages.append(Stage(f"reconstruct, median of {len(runs)}", len(clean), median,
                            s_rec.peak_growth, s_rec.peak_abs, s_rec.exact))

        if args.trace:  # after every timed run, so tracemalloc's own memory cannot skew them
            s_rec.traced = traced_peak(lambda: reconstruct(clean, 6.0, 12.0, ports=ports))[0]
            if s_read is not None:
                s_read.traced, again = traced_peak(lambda: read_ais(path))
                positions = again.positions
                del again
                s_clean.traced = traced_peak(lambda: clean_positions(positions))[0]
                del positions
                gc.collect()
        if s_read is not None:
            base = s_read.peak_abs - s_read.peak_growth
            peak = max(s.peak_abs for s in (s_read, s_clean, s_rec))
            stages.append(Stage("END TO END (read+clean+reconstruct)", n,
                                s_read.seconds + s_clean.seconds + s_rec.seconds,
                                peak - base, peak, s_read.exact))
        print()
        print_table(stages)
        print(f"\n{len(clean):,} clean positions -> {len(rec.segments):,} segments, "
              f"{len(rec.dark_gaps):,} dark gaps (>= 12 h), "
              f"{int(rec.dark_gaps['near_port'].sum()):,} of them with an end within 50 km of a port")
        rate = len(clean) / median
        verdict = "MET" if rate >= 2e6 else "MISSED"
        print(f"target reconstruct >= 2,000,000 positions/s: {verdict} ({rate:,.0f})")
        if s_read is not None:
            e2e = stages[-1]
            print(f"target end to end < 5 s for 1 M: {'MET' if e2e.seconds * 1e6 / n < 5 else 'MISSED'} "
                  f"({e2e.seconds * 1e6 / n:.2f} s per million)")
            print(f"target peak <= 150 bytes/position: "
                  f"{'MET' if e2e.peak_growth / n <= 150 else 'MISSED'} ({e2e.peak_growth / n:.0f})")
        print("memory: " + ("peak RSS growth per stage (VmHWM reset via /proc/self/clear_refs, "
                            "minus VmRSS before the stage)" if s_rec.exact
                            else "growth of getrusage ru_maxrss (lower bound)")
              + ("; glibc mmap/trim thresholds fixed at 128 KiB" if malloc_fixed
                 else "; glibc thresholds NOT fixed (freed memory may be reused unseen: RSS can under-count)")
              + ("; traced = tracemalloc peak in an extra, untimed run" if args.trace else ""))
        print()
        time_movingpandas(clean, median, args.mpd_positions)
        if args.big_file_mb:
            del rec, clean
            big_file(args, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
