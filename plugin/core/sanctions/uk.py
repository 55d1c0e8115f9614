"""UK Sanctions List (FCDO) CSV, the only official UK list since 28 January 2026.

Layout (from the OpenSanctions ``gb_fcdo_sanctions`` crawler; see SOURCES.md A4): a
metadata line such as ``Report Date: 12-Feb-2026`` comes before the header row; the file
has ONE ROW PER NAME, grouped here by ``Unique ID``. The designation type column
(``Designation Type``; older exports ``Type of entity``/``Group Type``) is ``Ship`` for
vessels. Names are ``Name 1``..``Name 6`` with ``Name type`` (Primary name, Primary name
variation, Alias); ship columns include ``IMO number``, ``Type of ship``, ``Current
believed flag of ship``, ``Previous flags``, ``Tonnage of ship``; common columns
``Regime Name``, ``Date Designated`` (dd/mm/yyyy) and ``Other Information``. There is no
former-name column: ``Name type`` values mentioning a former/previous name are read as
former names, other aliases as aliases.

Licence: Open Government Licence v3.0.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Optional, Union

import pandas as pd

from ._io import read_text
from .table import SanctionsFormatError, join_values, make_table, parse_date

PathLike = Union[str, Path]
LIST_LABEL = "UK Sanctions List"
UK_CSV_URL = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv"
TYPE_COLUMNS = ("Designation Type", "Type of entity", "Group Type", "Individual, Entity, Ship")
NAME_COLUMNS = [f"Name {i}" for i in range(1, 7)]


def _header_index(lines: list[str]) -> int:
    for i, line in enumerate(lines[:20]):
        if "Unique ID" in line:
            return i
    raise SanctionsFormatError(
        "no header row with 'Unique ID' in the first 20 lines; not a UK Sanctions List CSV"
    )


def read_uk_csv(path: PathLike, *, source_url: str = UK_CSV_URL, retrieved: object = None) -> pd.DataFrame:
    """Ships of the UK Sanctions List CSV as the normalised table (one row per Unique ID)."""
    lines = read_text(path).splitlines()
    try:
        start = _header_index(lines)
    except SanctionsFormatError as exc:
        raise SanctionsFormatError(f"{path}: {exc}") from None
    report_date = lines[0].split(":", 1)[1].strip() if start > 0 and ":" in lines[0] else None
    reader = csv.DictReader(io.StringIO("\n".join(lines[start:]), newline=""))
    header = reader.fieldnames or []
    type_col = next((c for c in TYPE_COLUMNS if c in header), None)
    missing = [c for c in ("Unique ID", "IMO number") if c not in header]
    if type_col is None:
        missing.append(" or ".join(TYPE_COLUMNS))
    if not any(c in header for c in NAME_COLUMNS):
        missing.append("Name 1..Name 6")
    if missing:
        raise SanctionsFormatError(f"{path}: UK Sanctions List CSV without column(s) {', '.join(missing)}")
    groups: dict[str, list[tuple[int, dict]]] = {}
    for offset, row in enumerate(reader):
        if (row.get(type_col) or "").strip().lower() != "ship":
            continue
        uid = (row.get("Unique ID") or "").strip()
        groups.setdefault(uid, []).append((start + 2 + offset, row))
    warnings: list[str] = []
    records = []
    for uid, rows in groups.items():
        primary: Optional[str] = None
        former: list[str] = []
        aliases: list[str] = []
        for _line, row in rows:
            name = " ".join(v.strip() for v in (row.get(c) or "" for c in NAME_COLUMNS) if v.strip())
            kind = (row.get("Name type") or "").strip().lower()
            if not name:
                continue
            if kind == "primary name" and primary is None:
                primary = name
            elif any(w in kind for w in ("former", "previous", "fka")):
                former.append(name)
            else:
                aliases.append(name)
        first_line, first = rows[0]
        if primary is None:
            primary = aliases.pop(0) if aliases else None
            warnings.append(f"{Path(path).name} line {first_line} (Unique ID {uid}): no 'Primary name' row")
        imos = [r.get("IMO number") for _, r in rows if (r.get("IMO number") or "").strip()]
        records.append(
            {
                "list": LIST_LABEL,
                "programme": join_values(r.get("Regime Name") for _, r in rows),
                "listed_name": primary,
                "former_names": join_values(former),
                "aliases": join_values(a for a in aliases if a != primary),
                "imo": imos[0] if imos else None,
                "flag": first.get("Current believed flag of ship") or None,
                "vessel_type": first.get("Type of ship") or None,
                "tonnage": first.get("Tonnage of ship") or None,
                "listing_date": parse_date(first.get("Date Designated")),
                "source_id": uid,
            }
        )
        if len(set(imos)) > 1:
            warnings.append(
                f"{Path(path).name} (Unique ID {uid}): several IMO numbers {sorted(set(imos))}; "
                "first one used"
            )
    table = make_table(records, source_url=source_url, retrieved=retrieved)
    table.attrs.update({"report_date": report_date, "records": len(groups), "warnings": warnings})
    return table
