"""OFAC Specially Designated Nationals (SDN) list: legacy CSV set and ``sdn.xml``.

Legacy CSV set (OFAC data specification, 09/2023): headerless, comma-separated, quoted
with ``"``, null written ``-0-`` (often ``-0- ``), CRLF line ends and a trailing Ctrl-Z.

* ``sdn.csv``: ``ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
  Tonnage, GRT, Vess_flag, Vess_owner, Remarks``; ships have ``SDN_Type`` = ``vessel``.
  Several programmes are written ``IRAN] [IFSR``.
* ``alt.csv``: ``ent_num, alt_num, alt_type (aka/fka/nka), alt_name, alt_remarks``;
  ``fka`` rows are former vessel names.
* ``sdn_comments.csv``: ``ent_num, remarks_extended``: the continuation of Remarks past
  its 1000-character cap (it continues mid-word, so it is appended without a separator).

IMO, MMSI, former flags and f.k.a./a.k.a. names sit inside Remarks, e.g.
``Vessel Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'``.

``sdn.xml``: ``sdnList/sdnEntry`` with ``uid``, ``lastName``, ``sdnType`` (``Vessel``),
``programList/program``, ``akaList/aka`` (``type`` a.k.a./f.k.a., ``lastName``),
``idList/id`` (``idType`` "Vessel Registration Identification" = IMO, or "MMSI";
``idNumber``), ``vesselInfo`` (``callSign``, ``vesselType``, ``vesselFlag``,
``vesselOwner``, ``tonnage``, ``grossRegisteredTonnage``) and the header
``publshInformation`` (sic) with ``Publish_Date`` and ``Record_Count``. Parsed without
depending on the namespace, which OFAC has changed.

North Korea programme tags all start with ``DPRK`` (DPRK, DPRK2, DPRK3, DPRK4,
DPRK-NKSPEA): use :func:`is_dprk_programme`.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Optional, Union

import pandas as pd

from ._io import read_bytes, read_text
from .table import SanctionsFormatError, join_values, make_table
from .xmlsafe import child, children, parse_xml, text

PathLike = Union[str, Path]
LIST_LABEL = "OFAC SDN"
SDN_CSV_URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"
SDN_XML_URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML"
SDN_COLUMNS = [
    "ent_num",
    "name",
    "sdn_type",
    "program",
    "title",
    "call_sign",
    "vess_type",
    "tonnage",
    "grt",
    "vess_flag",
    "vess_owner",
    "remarks",
]

_IMO_RE = re.compile(
    r"Vessel Registration Identification\s*:?\s*(?:IMO\s*:?\s*)?([0-9][0-9 ]*[0-9])", re.IGNORECASE
)
_IMO_ANY_RE = re.compile(r"\bIMO\s*:?\s*([0-9]{7})\b", re.IGNORECASE)
_MMSI_RE = re.compile(r"\bMMSI\s*:?\s*([0-9]{6,10})", re.IGNORECASE)
_FKA_RE = re.compile(r"f\.k\.a\.\s*'([^']+)'", re.IGNORECASE)
_AKA_RE = re.compile(r"(?<![fn]\.)a\.k\.a\.\s*'([^']+)'", re.IGNORECASE)
_FORMER_FLAG_RE = re.compile(r"Former Vessel Flag\s+([^;]+)", re.IGNORECASE)


def is_dprk_programme(programme: object) -> bool:
    """True when any ``|``-joined programme tag starts with ``DPRK``."""
    return any(p.strip().upper().startswith("DPRK") for p in str(programme or "").split("|"))


def _null(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    v = value.strip()
    return None if v in {"", "-0-"} else v


def split_programs(value: Optional[str]) -> list[str]:
    """``IRAN] [IFSR`` or ``[DPRK3]`` -> ``["IRAN", "IFSR"]``."""
    value = _null(value)
    if not value:
        return []
    return [p.strip(" []") for p in re.split(r"\]\s*\[", value) if p.strip(" []")]


def parse_remarks(remarks: Optional[str]) -> dict:
    """Vessel facts inside an SDN Remarks text.

    Returns ``imo`` (first IMO found, or None), ``mmsi``, ``former_names`` (f.k.a.),
    ``aliases`` (a.k.a.) and ``former_flags`` lists.
    """
    remarks = _null(remarks) or ""
    imo = _IMO_RE.search(remarks) or _IMO_ANY_RE.search(remarks)
    mmsi = _MMSI_RE.search(remarks)
    return {
        "imo": imo.group(1).replace(" ", "") if imo else None,
        "mmsi": mmsi.group(1) if mmsi else None,
        "former_names": [n.strip() for n in _FKA_RE.findall(remarks)],
        "aliases": [n.strip() for n in _AKA_RE.findall(remarks)],
        "former_flags": [
            f.strip().rstrip(".")
            for f in _FORMER_FLAG_RE.findall(remarks)
            if "none identified" not in f.lower()
        ],
    }


def _rows(path: PathLike, ncols: int, warnings: list[str]) -> list[tuple[int, list[str]]]:
    """CSV rows with exactly ``ncols`` fields; others go to ``warnings`` with their line."""
    out = []
    reader = csv.reader(io.StringIO(read_text(path), newline=""))
    for row in reader:
        if not row or (len(row) == 1 and not row[0].strip("\x1a \r\n")):
            continue
        if len(row) != ncols:
            warnings.append(
                f"{Path(path).name} line {reader.line_num}: expected {ncols} fields, "
                f"found {len(row)}; row skipped"
            )
            continue
        out.append((reader.line_num, row))
    return out


def read_sdn_csv(
    sdn_path: PathLike,
    alt_path: Optional[PathLike] = None,
    comments_path: Optional[PathLike] = None,
    *,
    source_url: str = SDN_CSV_URL,
    retrieved: object = None,
) -> pd.DataFrame:
    """Vessels of an OFAC legacy ``sdn.csv`` (joined with ``alt.csv``/``sdn_comments.csv``).

    Returns the normalised table (see :mod:`.table`); ``attrs["warnings"]`` lists rows
    that could not be read, ``attrs["records"]`` the number of SDN records of any type.
    Raises :class:`SanctionsFormatError` when no row has the 12 SDN columns.
    """
    warnings: list[str] = []
    rows = _rows(sdn_path, len(SDN_COLUMNS), warnings)
    if not rows:
        raise SanctionsFormatError(
            f"{sdn_path}: no row with the 12 OFAC SDN columns ({', '.join(SDN_COLUMNS)}); "
            "is this really sdn.csv?"
        )
    comments: dict[str, str] = {}
    if comments_path is not None:
        for _, (ent, extra) in _rows(comments_path, 2, warnings):
            comments[ent.strip()] = comments.get(ent.strip(), "") + extra
    alt_names: dict[str, dict[str, list[str]]] = {}
    if alt_path is not None:
        for _, (ent, _alt_num, alt_type, alt_name, _rem) in _rows(alt_path, 5, warnings):
            kind = "former_names" if (_null(alt_type) or "").lower().replace(".", "") == "fka" else "aliases"
            name = _null(alt_name)
            if name:
                alt_names.setdefault(ent.strip(), {"former_names": [], "aliases": []})[kind].append(name)
    records = []
    for line, row in rows:
        rec = dict(zip(SDN_COLUMNS, row))
        if (_null(rec["sdn_type"]) or "").lower() != "vessel":
            continue
        ent = rec["ent_num"].strip()
        remarks = (_null(rec["remarks"]) or "") + comments.get(ent, "")
        facts = parse_remarks(remarks)
        alts = alt_names.get(ent, {"former_names": [], "aliases": []})
        if facts["imo"] is None and "IMO" in remarks.upper():
            warnings.append(
                f"{Path(sdn_path).name} line {line} (ent_num {ent}): Remarks mention "
                "an IMO number that could not be read"
            )
        records.append(
            {
                "list": LIST_LABEL,
                "programme": join_values(split_programs(rec["program"])),
                "listed_name": _null(rec["name"]),
                "former_names": join_values(alts["former_names"] + facts["former_names"]),
                "aliases": join_values(alts["aliases"] + facts["aliases"]),
                "imo": facts["imo"],
                "mmsi": facts["mmsi"],
                "flag": _null(rec["vess_flag"]),
                "vessel_type": _null(rec["vess_type"]),
                "tonnage": _null(rec["tonnage"]),
                "gross_tonnage": _null(rec["grt"]),
                "source_id": ent,
            }
        )
    table = make_table(records, source_url=source_url, retrieved=retrieved)
    table.attrs["warnings"] = warnings
    table.attrs["records"] = len(rows)
    return table


def read_sdn_folder(folder: PathLike, **kwargs) -> pd.DataFrame:
    """:func:`read_sdn_csv` on a folder holding ``sdn.csv`` and optionally ``alt.csv`` and
    ``sdn_comments.csv`` (each possibly ``.gz``), matched case-insensitively."""
    files = {p.name.lower().replace(".gz", ""): p for p in Path(folder).iterdir() if p.is_file()}
    if "sdn.csv" not in files:
        raise SanctionsFormatError(f"{folder}: no sdn.csv (or sdn.csv.gz) in this folder")
    return read_sdn_csv(files["sdn.csv"], files.get("alt.csv"), files.get("sdn_comments.csv"), **kwargs)


def read_sdn_xml(path: PathLike, *, source_url: str = SDN_XML_URL, retrieved: object = None) -> pd.DataFrame:
    """Vessels of an OFAC legacy ``sdn.xml`` as the normalised table.

    ``attrs`` gets ``publish_date``, ``record_count`` (as stated by the file), ``records``
    (entries found) and ``warnings``. Unsafe XML (DTD/entities) is refused.
    """
    root = parse_xml(read_bytes(path), source=str(path))
    from .xmlsafe import local  # local import keeps the public namespace small

    if local(root.tag) != "sdnList":
        raise SanctionsFormatError(f"{path}: root element is <{local(root.tag)}>, expected <sdnList>")
    warnings: list[str] = []
    pub = child(root, "publshInformation") or child(root, "publishInformation")
    entries = children(root, "sdnEntry")
    records = []
    for n, entry in enumerate(entries, start=1):
        if (text(entry, "sdnType") or "").lower() != "vessel":
            continue
        uid = text(entry, "uid")
        name = " ".join(filter(None, [text(entry, "firstName"), text(entry, "lastName")]))
        if not name:
            warnings.append(f"{Path(path).name}: sdnEntry #{n} (uid {uid}): vessel without lastName")
        programmes = [text(p) for p in children(child(entry, "programList"), "program")]
        imo = mmsi = None
        for ident in children(child(entry, "idList"), "id"):
            id_type = (text(ident, "idType") or "").lower()
            number = text(ident, "idNumber")
            if id_type.startswith("vessel registration identification") or id_type in {"imo", "imo number"}:
                imo = imo or number
            elif id_type == "mmsi":
                mmsi = mmsi or number
        former, aliases = [], []
        for aka in children(child(entry, "akaList"), "aka"):
            aka_name = " ".join(filter(None, [text(aka, "firstName"), text(aka, "lastName")]))
            kind = (text(aka, "type") or "").lower().replace(".", "")
            (former if kind == "fka" else aliases).append(aka_name)
        remark_facts = parse_remarks(text(entry, "remarks"))
        info = child(entry, "vesselInfo")
        records.append(
            {
                "list": LIST_LABEL,
                "programme": join_values(programmes),
                "listed_name": name or None,
                "former_names": join_values(former + remark_facts["former_names"]),
                "aliases": join_values(aliases + remark_facts["aliases"]),
                "imo": imo or remark_facts["imo"],
                "mmsi": mmsi or remark_facts["mmsi"],
                "flag": text(info, "vesselFlag") if info is not None else None,
                "vessel_type": text(info, "vesselType") if info is not None else None,
                "tonnage": text(info, "tonnage") if info is not None else None,
                "gross_tonnage": text(info, "grossRegisteredTonnage") if info is not None else None,
                "source_id": uid,
            }
        )
    table = make_table(records, source_url=source_url, retrieved=retrieved)
    table.attrs.update(
        {
            "publish_date": text(pub, "Publish_Date") if pub is not None else None,
            "record_count": text(pub, "Record_Count") if pub is not None else None,
            "records": len(entries),
            "warnings": warnings,
        }
    )
    if pub is not None and text(pub, "Record_Count") and text(pub, "Record_Count") != str(len(entries)):
        warnings.append(
            f"{Path(path).name}: header states {text(pub, 'Record_Count')} records, file holds {len(entries)}"
        )
    return table
