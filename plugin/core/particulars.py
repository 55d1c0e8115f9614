"""Vessel particulars lists: CSV ``mmsi,imo,name,flag,ship_type,dwt`` (extra columns ignored).

Used for deadweight in volume estimates and as the input of sanctions matching. Column names
are matched case-insensitively with common variants (``vessel_name``, ``deadweight``...).
Any one of mmsi, imo or name identifies a vessel.
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from .errors import AisFormatError, IssueLog, ParseIssue
from .ids import normalise_mmsi, parse_imo
from .textio import read_text

PARTICULARS_COLUMNS = ["mmsi", "imo", "name", "flag", "ship_type", "dwt"]
_ALIASES = {
    "mmsi": ("mmsi",),
    "imo": ("imo", "imo_number", "imonumber", "imo no", "imo_no"),
    "name": ("name", "vessel_name", "vesselname", "ship_name", "shipname", "vessel"),
    "flag": ("flag", "flag_state", "country"),
    "ship_type": ("ship_type", "shiptype", "vessel_type", "vesseltype", "type"),
    "dwt": ("dwt", "deadweight", "deadweight_tonnage", "dwt_t"),
}


def _find(columns: list[str]) -> dict[str, str]:
    lowered = {c.strip().lower().lstrip("\ufeff"): c for c in columns}
    return {canon: lowered[a] for canon, aliases in _ALIASES.items() for a in aliases if a in lowered}


def looks_like_particulars(columns: list[str]) -> bool:
    """A vessel list names vessels but has no positions (no time or latitude column)."""
    lowered = {c.strip().lower() for c in columns}
    has_identity = bool(_find(columns).keys() & {"mmsi", "imo", "name"})
    has_position = bool(lowered & {"lat", "latitude", "basedatetime", "timestamp", "time", "# timestamp"})
    return has_identity and not has_position


def read_particulars(path: str | Path) -> tuple[pd.DataFrame, list[ParseIssue]]:
    """Read a particulars CSV into :data:`PARTICULARS_COLUMNS`; bad cells are reported, not fatal."""
    path = Path(path)
    try:
        raw = pd.read_csv(io.StringIO(read_text(path)), dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.EmptyDataError, pd.errors.ParserError) as exc:
        raise AisFormatError(f"{path.name}: not a readable vessel list CSV ({exc})") from exc
    return particulars_from_frame(raw, path.name)


def particulars_from_frame(raw: pd.DataFrame, source: str) -> tuple[pd.DataFrame, list[ParseIssue]]:
    """Normalise a raw table (strings) with vessel columns; see :func:`read_particulars`."""
    found = _find(list(raw.columns))
    if not found.keys() & {"mmsi", "imo", "name"}:
        raise AisFormatError(f"{source}: no mmsi, imo or name column among {list(raw.columns)}")
    log = IssueLog()
    out = pd.DataFrame(index=raw.index)
    for column in PARTICULARS_COLUMNS:
        values = raw[found[column]].astype(str).str.strip() if column in found else pd.Series("", index=raw.index)
        out[column] = values.where(values != "", None)
    line = raw.index.to_numpy() + 2  # header is line 1
    mmsis = []
    for i, value in out["mmsi"].items():
        mmsi = normalise_mmsi(value) if value is not None else None
        if value is not None and mmsi is None:
            log.add(source, int(line[i]), "mmsi", f"'{value}' is not a 9-digit MMSI")
        mmsis.append(mmsi)
    out["mmsi"] = mmsis
    imos = []
    for i, value in out["imo"].items():
        imo, valid = parse_imo(value) if value is not None else (None, False)
        if value is not None and (imo is None or not valid):
            log.add(source, int(line[i]), "imo", f"'{value}' is not a valid IMO number")
        imos.append(imo if valid else None)
    out["imo"] = imos
    dwt = pd.to_numeric(out["dwt"], errors="coerce")
    for i in out.index[out["dwt"].notna() & (dwt.isna() | (dwt <= 0))]:
        log.add(source, int(line[i]), "dwt", f"'{out.at[i, 'dwt']}' is not a deadweight in tonnes")
    out["dwt"] = dwt.where(dwt > 0).astype("float64")
    out["ship_type"] = pd.to_numeric(out["ship_type"], errors="coerce").astype("Int16") \
        if out["ship_type"].dropna().str.fullmatch(r"\d+").all() else out["ship_type"]
    empty = out[["mmsi", "imo", "name"]].isna().all(axis=1)
    for i in out.index[empty]:
        log.add(source, int(line[i]), None, "row has no mmsi, imo or name; skipped")
    return out[~empty].reset_index(drop=True), log.issues
