"""The normalised sanctioned-vessel table every list reader produces.

One row per vessel *per list entry* (the same ship listed by OFAC and the EU gives two
rows, which is what lets the matcher say "listed by OFAC SDN and EU 2017/1509"):

============= ======================= ==================================================
column        dtype                   meaning
============= ======================= ==================================================
list          object                  list label, e.g. ``OFAC SDN``, ``EU 2017/1509``
programme     object                  programme tags, ``|``-joined (``DPRK3|DPRK4``)
listed_name   object                  name as listed
former_names  object                  former names (f.k.a.), ``|``-joined, or ""
aliases       object                  other names (a.k.a.), ``|``-joined, or ""
imo           object                  IMO number as digits; kept even when invalid
imo_valid     boolean (nullable)      check digit passed; <NA> when there is no IMO
mmsi          object                  MMSI as a 9-digit string, or None
flag          object                  flag as written by the list (country name or code)
vessel_type   object                  vessel type as written by the list
tonnage       float64                 deadweight / tonnage as given by the list
gross_tonnage float64                 gross (registered) tonnage
listing_date  datetime64[ns, UTC]     date of listing, when the list gives one
source_id     object                  the list's own identifier of the entry
source_url    object                  where the list was obtained
retrieved     datetime64[ns, UTC]     when that copy of the list was obtained
============= ======================= ==================================================
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Optional

import pandas as pd

from ..ids import normalise_mmsi, parse_imo
from ..schema import conform

SANCTIONS_DTYPES: dict[str, str] = {
    "list": "object",
    "programme": "object",
    "listed_name": "object",
    "former_names": "object",
    "aliases": "object",
    "imo": "object",
    "imo_valid": "boolean",
    "mmsi": "object",
    "flag": "object",
    "vessel_type": "object",
    "tonnage": "float64",
    "gross_tonnage": "float64",
    "listing_date": "datetime64[ns, UTC]",
    "source_id": "object",
    "source_url": "object",
    "retrieved": "datetime64[ns, UTC]",
}
SANCTIONS_COLUMNS: list[str] = list(SANCTIONS_DTYPES)
MULTI_SEPARATOR = "|"


class SanctionsFormatError(ValueError):
    """A list file is not in the layout its reader expects (names the file and field)."""


def join_values(values: Iterable[Optional[str]]) -> str:
    """``|``-join non-empty, stripped values, dropping duplicates but keeping order."""
    seen: dict[str, None] = {}
    for v in values:
        if v is None:
            continue
        text = str(v).strip()
        if text and text.upper() not in {k.upper() for k in seen}:
            seen[text.replace(MULTI_SEPARATOR, "/")] = None
    return MULTI_SEPARATOR.join(seen)


def split_values(text: object) -> list[str]:
    """Inverse of :func:`join_values`."""
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return []
    return [v for v in str(text).split(MULTI_SEPARATOR) if v]


def parse_number(text: object) -> float:
    """First number in free text such as ``"99,144"`` or ``"2,070 dwt"``; NaN if none."""
    if text is None:
        return float("nan")
    if isinstance(text, (int, float)):
        return float(text)
    m = re.search(r"\d[\d,\s]*(?:\.\d+)?", str(text))
    if not m:
        return float("nan")
    try:
        return float(re.sub(r"[,\s]", "", m.group(0)))
    except ValueError:
        return float("nan")


def parse_date(text: object, dayfirst: bool = True) -> Optional[pd.Timestamp]:
    """Parse a list date (``2.3.2016``, ``16/10/2018``, ``2024-06-25``, ``17-Dec-24``)."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    s = str(text).strip()
    if not s:
        return None
    fmts = [
        "%Y-%m-%d",
        "%Y-%m-%dT%H:%M:%S",
        "%d.%m.%Y",
        "%d/%m/%Y",
        "%d-%b-%y",
        "%d-%b-%Y",
        "%d %B %Y",
        "%d %b %Y",
    ]
    if not dayfirst:
        fmts.insert(0, "%m/%d/%Y")
    for fmt in fmts:
        try:
            return pd.Timestamp(dt.datetime.strptime(s[:19] if "T" in fmt else s, fmt), tz="UTC")
        except ValueError:
            continue
    return None


def make_table(
    records: list[dict], *, source_url: Optional[str] = None, retrieved: Optional[object] = None
) -> pd.DataFrame:
    """Build the normalised table from dicts with (some of) :data:`SANCTIONS_COLUMNS`.

    ``imo`` values are normalised and ``imo_valid`` is filled from the check digit;
    ``mmsi`` is normalised; ``source_url``/``retrieved`` fill rows that lack them.
    """
    rows = []
    for rec in records:
        row = {c: rec.get(c) for c in SANCTIONS_COLUMNS}
        imo, valid = parse_imo(row["imo"])
        row["imo"], row["imo_valid"] = imo, valid
        row["mmsi"] = normalise_mmsi(row["mmsi"])
        for col in ("former_names", "aliases", "programme"):
            if row[col] is None:
                row[col] = ""
        for col in ("tonnage", "gross_tonnage"):
            row[col] = parse_number(row[col])
        if row["source_url"] is None:
            row["source_url"] = source_url
        if row["retrieved"] is None:
            row["retrieved"] = retrieved
        rows.append(row)
    frame = pd.DataFrame(rows, columns=SANCTIONS_COLUMNS)
    for col in ("listing_date", "retrieved"):
        frame[col] = pd.to_datetime(frame[col], utc=True, errors="coerce")
    frame["imo_valid"] = frame["imo_valid"].astype("object")
    return conform(frame.reset_index(drop=True), SANCTIONS_DTYPES)


def empty_table() -> pd.DataFrame:
    """An empty normalised table."""
    return make_table([])


def concat_tables(tables: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate normalised tables, keeping the canonical dtypes."""
    tables = [t for t in tables if len(t)]
    if not tables:
        return empty_table()
    return conform(pd.concat(tables, ignore_index=True), SANCTIONS_DTYPES)
