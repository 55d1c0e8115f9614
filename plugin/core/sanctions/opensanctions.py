"""OpenSanctions exports and the EU Official Journal transcriptions.

* ``maritime.csv`` (collection ``maritime``): header row; columns ``type`` (VESSEL /
  ORGANIZATION), ``caption`` (some versions: ``name``), ``imo``, ``risk``, ``countries``,
  ``flag``, ``mmsi``, ``id``, ``url``, ``datasets`` (slugs), ``aliases``; multi-value cells
  are ``;``-joined. Read by header name, since the exporter's columns have moved.
* ``entities.ftm.json``: one FollowTheMoney entity per line. ``Vessel`` entities carry
  ``imoNumber``, ``mmsi``, ``flag``, ``type``, ``tonnage``/``grossRegisteredTonnage``/
  ``deadweightTonnage``, ``name``, ``alias``, ``weakAlias``, ``previousName`` (former
  names; FtM has no ``pastNames``), ``topics``, ``program``; every property is a list of
  strings. ``Sanction`` entities point at their vessel through ``entity`` and give
  ``program``/``startDate``, which are joined here. The UN 1718 Committee's designated
  vessels (``un_1718_vessels``, transcribed by OpenSanctions from the Committee's PDF)
  come in the same shape and are labelled ``UN 1718``.
* EU journal transcriptions (``datasets/eu/journal_sanctions/data/consolidated/*.csv`` in
  the OpenSanctions repository, MIT): one row per annex entry of a Council Regulation,
  ``schema`` = ``Vessel`` for ships, with ``celex``, ``annex``, ``measure``,
  ``startDate`` (``d.m.yyyy``), ``name``, ``alias``, ``weakAlias``, ``previousName``,
  ``imoNumber``, ``mmsi``, ``flag``. Names such as ``Chol Ryong (Ryong Gun Bong)`` carry
  former names in brackets; they are split out into ``former_names``.

Licence: OpenSanctions *exports* are CC BY-NC 4.0 (non-commercial; businesses need a data
licence). They may be downloaded by the user but are never bundled with the plugin.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Optional, Union

import pandas as pd

from ._io import read_text
from .table import SanctionsFormatError, join_values, make_table, parse_date

PathLike = Union[str, Path]
MARITIME_URL = "https://data.opensanctions.org/datasets/latest/maritime/maritime.csv"
LIST_LABEL = "OpenSanctions"
UN_1718_LABEL = "UN 1718"
EU_LABELS = {"32017R1509": "EU 2017/1509", "32014R0833": "EU 833/2014"}


def _split_multi(value: Optional[str]) -> list[str]:
    """A ``;``-joined OpenSanctions cell as a list (a CSV reader, since values may be quoted)."""
    if value is None or not str(value).strip():
        return []
    row = next(csv.reader([str(value)], delimiter=";"), [])
    return [v.strip() for v in row if v.strip()]


def _csv_dicts(path: PathLike, required: Iterable[str], what: str) -> list[dict]:
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [c for c in required if c not in header]
    if missing:
        raise SanctionsFormatError(
            f"{path}: not a {what}: missing column(s) {', '.join(missing)} (header: {', '.join(header[:12])})"
        )
    return list(reader)


def read_maritime_csv(
    path: PathLike, *, source_url: str = MARITIME_URL, retrieved: object = None
) -> pd.DataFrame:
    """Vessel rows of OpenSanctions ``maritime.csv`` as the normalised table."""
    rows = _csv_dicts(path, ["type", "imo", "mmsi", "id", "datasets"], "OpenSanctions maritime.csv")
    name_col = "caption" if rows and "caption" in rows[0] else "name"
    records = []
    for row in rows:
        if (row.get("type") or "").strip().upper() != "VESSEL":
            continue
        records.append(
            {
                "list": LIST_LABEL,
                "programme": join_values(_split_multi(row.get("datasets"))),
                "listed_name": (row.get(name_col) or "").strip() or None,
                "aliases": join_values(_split_multi(row.get("aliases"))),
                "imo": row.get("imo"),
                "mmsi": (_split_multi(row.get("mmsi")) or [None])[0],
                "flag": join_values(_split_multi(row.get("flag"))),
                "source_id": row.get("id"),
            }
        )
    table = make_table(records, source_url=source_url, retrieved=retrieved)
    table.attrs.update({"records": len(rows), "warnings": []})
    return table


def _first(props: dict, *keys: str) -> Optional[str]:
    for k in keys:
        vals = props.get(k) or []
        if vals:
            return vals[0]
    return None


def read_ftm_entities(
    path: PathLike,
    *,
    source_url: Optional[str] = None,
    retrieved: object = None,
    list_label: Optional[str] = None,
    targets_only: bool = True,
) -> pd.DataFrame:
    """``Vessel`` entities of a FollowTheMoney ``entities.ftm.json`` (one JSON per line).

    A vessel with several IMO numbers gives one row per IMO. With ``targets_only`` only
    sanctioned vessels are kept (``target`` true or a ``sanction*`` topic). Lines that are
    not JSON objects are reported in ``attrs["warnings"]`` with their line number.
    """
    warnings: list[str] = []
    vessels: list[dict] = []
    sanctions: dict[str, list[dict]] = {}
    for n, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            ent = json.loads(line)
        except ValueError as exc:
            warnings.append(f"{Path(path).name} line {n}: not JSON ({exc}); line skipped")
            continue
        if not isinstance(ent, dict) or not isinstance(ent.get("properties", {}), dict):
            warnings.append(f"{Path(path).name} line {n}: not a FollowTheMoney entity; line skipped")
            continue
        schema = ent.get("schema")
        if schema == "Vessel":
            vessels.append(ent)
        elif schema == "Sanction":
            for target in ent.get("properties", {}).get("entity", []):
                sanctions.setdefault(target, []).append(ent.get("properties", {}))
    records = []
    skipped = 0
    for ent in vessels:
        props = ent.get("properties") or {}
        topics = props.get("topics") or []
        if targets_only and not ent.get("target") and not any(t.startswith("sanction") for t in topics):
            skipped += 1
            continue
        datasets = ent.get("datasets") or []
        label = list_label or (
            UN_1718_LABEL if datasets and set(datasets) <= {"un_1718_vessels"} else LIST_LABEL
        )
        sanc = sanctions.get(ent.get("id"), [])
        programmes = (props.get("program") or []) + [p for s in sanc for p in s.get("program", [])]
        starts = [parse_date(d) for s in sanc for d in s.get("startDate", [])]
        starts = [d for d in starts if d is not None]
        names = props.get("name") or []
        listed = ent.get("caption") or (names[0] if names else None)
        base = {
            "list": label,
            "programme": join_values(programmes or datasets),
            "listed_name": listed,
            "former_names": join_values(props.get("previousName") or []),
            "aliases": join_values(
                [n for n in names if n != listed]
                + (props.get("alias") or [])
                + (props.get("weakAlias") or [])
            ),
            "mmsi": _first(props, "mmsi"),
            "flag": join_values(props.get("flag") or []),
            "vessel_type": join_values(props.get("type") or []),
            "tonnage": _first(props, "deadweightTonnage", "tonnage"),
            "gross_tonnage": _first(props, "grossRegisteredTonnage"),
            "listing_date": min(starts) if starts else parse_date(ent.get("first_seen")),
            "source_id": ent.get("id"),
        }
        for imo in props.get("imoNumber") or [None]:
            records.append({**base, "imo": imo})
    table = make_table(records, source_url=source_url, retrieved=retrieved)
    table.attrs.update({"records": len(vessels), "skipped_non_targets": skipped, "warnings": warnings})
    return table


_BRACKETS = re.compile(r"\(([^()]*)\)")


def split_bracketed_names(name: str) -> tuple[str, list[str]]:
    """Split bracketed former names off a listed name.

    ``"Chong Bong (Greenlight) (Blue Nouvelle)"`` -> ``("Chong Bong", ["Greenlight", "Blue Nouvelle"])``.
    """
    inner = [m.strip() for m in _BRACKETS.findall(name) if m.strip()]
    main = _BRACKETS.sub(" ", name)
    return " ".join(main.split()), inner


def read_eu_journal_csv(path: PathLike, *, retrieved: object = None) -> pd.DataFrame:
    """Vessel rows (``schema`` = Vessel) of an OpenSanctions EU journal transcription CSV.

    One row per annex entry (a ship in two annexes gives two rows). ``list`` is e.g.
    ``EU 2017/1509``; ``programme`` names the programme, annex and measure.
    """
    rows = _csv_dicts(
        path, ["celex", "schema", "name", "imoNumber", "annex", "startDate"], "EU journal transcription CSV"
    )
    records = []
    warnings: list[str] = []
    for line, row in enumerate(rows, start=2):
        if (row.get("schema") or "").strip() != "Vessel":
            continue
        celex = (row.get("celex") or "").strip()
        name, bracketed = split_bracketed_names(row.get("name") or "")
        annex = (row.get("annex") or "").strip()
        measure = (row.get("measure") or "").strip()
        programme = " ".join(
            filter(None, [row.get("programKey", "").strip(), f"Annex {annex}" if annex else ""])
        )
        if measure:
            programme += f": {measure}"
        listing = parse_date(row.get("startDate"))
        if row.get("startDate") and listing is None:
            warnings.append(f"{Path(path).name} line {line}: startDate {row.get('startDate')!r} unreadable")
        records.append(
            {
                "list": EU_LABELS.get(celex, f"EU CELEX {celex}"),
                "programme": programme,
                "listed_name": name or None,
                "former_names": join_values(bracketed + _split_multi(row.get("previousName"))),
                "aliases": join_values(_split_multi(row.get("alias")) + _split_multi(row.get("weakAlias"))),
                "imo": row.get("imoNumber"),
                "mmsi": row.get("mmsi") or None,
                "flag": row.get("flag") or None,
                "listing_date": listing,
                "source_id": f"{celex} {row.get('recordId') or 'line ' + str(line)}",
                "source_url": f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}",
            }
        )
    table = make_table(records, retrieved=retrieved)
    table.attrs.update({"records": len(rows), "warnings": warnings})
    return table
