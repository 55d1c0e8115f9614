"""The bundled offline snapshot and the user's cache, merged into one vessel table.

The snapshot (``resources/data/sanctions/snapshot.csv`` + ``snapshot.json``) is built by
``scripts/build_sanctions_snapshot.py`` and loads with no network at all. A list that the
user has downloaded into the cache (see :mod:`.cache`) replaces the snapshot rows of the
same list; other snapshot lists stay.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Optional, Union

import pandas as pd

from .cache import SOURCES, SourceSpec, load_cached
from .table import SANCTIONS_COLUMNS, concat_tables, make_table, parse_date

PathLike = Union[str, Path]
SNAPSHOT_DIR = Path(__file__).resolve().parents[3] / "resources" / "data" / "sanctions"
SNAPSHOT_CSV = "snapshot.csv"
SNAPSHOT_JSON = "snapshot.json"


def write_snapshot_csv(table: pd.DataFrame, path: PathLike) -> None:
    """Write the normalised table as the snapshot CSV (dates as ``YYYY-MM-DD``)."""
    out = table[SANCTIONS_COLUMNS].copy()
    for col in ("listing_date", "retrieved"):
        out[col] = out[col].dt.strftime("%Y-%m-%d")
    out["imo_valid"] = out["imo_valid"].map({True: "true", False: "false"})
    out.to_csv(path, index=False, na_rep="", lineterminator="\n")  # pandas >= 1.5 spelling


def read_snapshot_csv(path: PathLike) -> pd.DataFrame:
    """Read a snapshot CSV back into the normalised table (check digits recomputed)."""
    text = Path(path).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in SANCTIONS_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"{path}: snapshot CSV lacks column(s) {', '.join(missing)}")
    records = []
    for row in reader:
        rec = {k: (v if v != "" else None) for k, v in row.items()}
        rec["listing_date"] = parse_date(rec["listing_date"])
        rec["retrieved"] = parse_date(rec["retrieved"])
        for col in ("former_names", "aliases", "programme"):
            rec[col] = rec[col] or ""
        records.append(rec)
    return make_table(records)


def load_snapshot(directory: Optional[PathLike] = None) -> pd.DataFrame:
    """The bundled snapshot; ``attrs["snapshot"]`` holds ``snapshot.json``."""
    folder = Path(directory) if directory is not None else SNAPSHOT_DIR
    table = read_snapshot_csv(folder / SNAPSHOT_CSV)
    meta_file = folder / SNAPSHOT_JSON
    table.attrs["snapshot"] = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
    return table


def load_sanctions(
    cache_dir: Optional[PathLike] = None,
    snapshot_dir: Optional[PathLike] = None,
    sources: Optional[dict[str, SourceSpec]] = None,
) -> pd.DataFrame:
    """Snapshot plus cached downloads; a cached list replaces the snapshot's rows of that list.

    ``attrs["origin"]`` maps each list label to ``{"from": "snapshot"|"cache", "retrieved",
    "count"}``; ``attrs["warnings"]`` collects reader warnings and unreadable caches.
    """
    snap = load_snapshot(snapshot_dir)
    warnings: list[str] = []
    cached: list[pd.DataFrame] = []
    origin: dict[str, dict] = {}
    if cache_dir is not None and Path(cache_dir).is_dir():
        registry = sources if sources is not None else SOURCES
        for sid in registry:
            try:
                entries = load_cached(cache_dir, [sid], registry)
            except (
                OSError,
                ValueError,
                KeyError,
                csv.Error,
            ) as exc:  # a damaged cache must not hide the snapshot
                warnings.append(f"cached {sid} could not be read ({exc}); using the bundled snapshot")
                continue
            for spec, table, meta in entries:
                cached.append(table)
                warnings.extend(table.attrs.get("warnings", []))
                origin[spec.list_label] = {
                    "from": "cache",
                    "retrieved": meta.get("retrieved"),
                    "count": int(len(table)),
                }
    replaced = set(origin)
    snap_kept = snap[~snap["list"].isin(replaced)]
    for label, rows in snap_kept.groupby("list"):
        origin[label] = {
            "from": "snapshot",
            "retrieved": str(rows["retrieved"].max().date()) if rows["retrieved"].notna().any() else None,
            "count": int(len(rows)),
        }
    table = concat_tables([snap_kept] + cached)
    table.attrs.update({"origin": origin, "warnings": warnings, "snapshot": snap.attrs.get("snapshot", {})})
    return table


def sanctions_label(table: pd.DataFrame) -> str:
    """Plain words on which sanctions data ``table`` (from :func:`load_sanctions`) holds and how old they are."""
    snapshot = table.attrs.get("snapshot", {})
    parts = [f"bundled snapshot of {snapshot.get('snapshot_date', '?')}"]
    parts += [f"{label} downloaded {origin.get('retrieved', '?')}"
              for label, origin in table.attrs.get("origin", {}).items() if origin.get("from") == "cache"]
    return "Sanctions lists: " + "; ".join(parts)
