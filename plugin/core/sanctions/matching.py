"""Match AIS vessels against the normalised sanctioned-vessel table.

Evidence is tried strongest first; the first that matches decides, later ones only add
warnings:

======================= ===== =====================================================
evidence                score reason text
======================= ===== =====================================================
IMO, exact              100   ``IMO 8660313 exact``
MMSI, exact             95    ``MMSI 620233000 exact``
name, normalised        90    ``name 'CHON MA SAN' = former name 'CHONMASAN' (normalised)``
name, romanisation      88    ``name 'YU PHONG 5' ~ listed name 'YU PHYONG 5' (romanisation variant)``
name, fuzzy (rapidfuzz) 0.85  ``name 'X' ~ alias 'Y' (similarity 93)``; score = 0.85 x similarity
                        x sim
======================= ===== =====================================================

Names are compared with listed names, former names and aliases after normalisation:
upper case, accents and punctuation removed, ``M/V``/``MT`` prefixes and ``NO.`` before a
hull number dropped, trailing Roman numerals turned into digits (``ARK III`` = ``ARK 3``)
and spaces removed (``CHON MA SAN`` = ``CHONMASAN``). The romanisation key then applies
:data:`ROMANISATION_SWAPS`, which folds the usual McCune-Reischauer / Revised
Romanisation differences of Korean names (PH/P, CH/J, EO/O, G/K...). Names that differ
in their numbers never match (``SAM JONG 1`` is not ``SAM JONG 2``). A name match whose
broadcast IMO is valid and differs from every valid listed IMO is not a match (same name,
different ship) but is reported in ``warnings``.

Warnings flag identity tricks: an IMO one digit off a listed IMO (``IMO 8814881 differs
by one digit from listed IMO 8314881 (YON PUNG 3)``), IMO matches whose broadcast name
differs, MMSIs belonging to another listed ship, and invalid check digits.

rapidfuzz is optional: without it, fuzzy matching is skipped, :data:`RAPIDFUZZ_AVAILABLE`
is False and the result's ``attrs["warnings"]`` says so. Fuzzy matching compares unique
name keys with ``rapidfuzz.process.cdist`` (``fuzz.ratio``, ``score_cutoff`` = threshold)
in blocks, so 10k vessels against a few thousand listed names take about a second.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Optional

import numpy as np
import pandas as pd

from .imo import imo_is_valid, normalise_imo, one_digit_variants
from .table import normalise_mmsi, split_values

try:
    from rapidfuzz import fuzz as _fuzz
    from rapidfuzz import process as _process

    RAPIDFUZZ_AVAILABLE = True
except ImportError:  # pragma: no cover - depends on the machine
    _fuzz = _process = None
    RAPIDFUZZ_AVAILABLE = False

NO_RAPIDFUZZ_WARNING = (
    "rapidfuzz is not installed: only exact and normalised names were compared, "
    "no fuzzy name matching (install the 'rapidfuzz' Python package)."
)
# Applied in order to the space-free name. Folds Korean romanisation variants
# (McCune-Reischauer aspirates PH/TH/KH, CH vs J, EO/EU vowels, voiced/unvoiced
# G/K B/P D/T, R/L) and SH/S (SHIN/SIN). Both sides get the same folding.
ROMANISATION_SWAPS: tuple[tuple[str, str], ...] = (
    ("EO", "O"),
    ("EU", "U"),
    ("CH", "J"),
    ("PH", "P"),
    ("TH", "T"),
    ("KH", "K"),
    ("SH", "S"),
    ("G", "K"),
    ("B", "P"),
    ("D", "T"),
    ("L", "R"),
)
_ROMAN = {
    "I": "1",
    "II": "2",
    "III": "3",
    "IV": "4",
    "V": "5",
    "VI": "6",
    "VII": "7",
    "VIII": "8",
    "IX": "9",
    "X": "10",
}
_PREFIX = re.compile(r"^(?:M\s*/\s*[VT]|M\.\s*[VT]\.|MV|MT|SS)\s+")
_NUMBER_WORD = re.compile(r"\bNO\.?\s*(?=\d)")
FUZZY_FACTOR = 0.85
OUTPUT_COLUMNS = [
    "listed",
    "lists",
    "programmes",
    "listed_name",
    "listed_imo",
    "match_type",
    "match_reason",
    "score",
    "warnings",
]


def normalise_name(name: object) -> str:
    """Upper-case, accent- and punctuation-free name with single spaces (``""`` if none)."""
    if name is None or (isinstance(name, float) and np.isnan(name)) or name is pd.NA:
        return ""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).upper().replace("&", " AND ")
    text = text.replace("@", " ")  # AIS padding character
    text = _PREFIX.sub("", text.strip())
    text = _NUMBER_WORD.sub(" ", text)
    tokens = re.sub(r"[^A-Z0-9]+", " ", text).split()
    if len(tokens) > 1 and tokens[-1] in _ROMAN:
        tokens[-1] = _ROMAN[tokens[-1]]
    return " ".join(tokens)


def compact_key(name: object) -> str:
    """:func:`normalise_name` without spaces."""
    return normalise_name(name).replace(" ", "")


def romanisation_key(name: object) -> str:
    """:func:`compact_key` with :data:`ROMANISATION_SWAPS` applied."""
    key = compact_key(name)
    for old, new in ROMANISATION_SWAPS:
        key = key.replace(old, new)
    return key


def _digits(key: str) -> list[str]:
    return re.findall(r"\d+", key)


def _clean(value: object) -> Optional[str]:
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


class _Index:
    """Lookups over the listed table."""

    def __init__(self, listed: pd.DataFrame):
        self.rows = listed.reset_index(drop=True)
        self.imo: dict[str, list[int]] = {}
        self.mmsi: dict[str, list[int]] = {}
        self.compact: dict[str, list[tuple[int, str, str]]] = {}
        self.roman: dict[str, list[tuple[int, str, str]]] = {}
        self.names_of: dict[int, set[str]] = {}
        for i, row in enumerate(self.rows.itertuples(index=False)):
            imo = normalise_imo(getattr(row, "imo", None))
            if imo:
                self.imo.setdefault(imo, []).append(i)
            mmsi = normalise_mmsi(getattr(row, "mmsi", None))
            if mmsi:
                self.mmsi.setdefault(mmsi, []).append(i)
            names = [("listed name", _clean(row.listed_name))]
            names += [("former name", n) for n in split_values(getattr(row, "former_names", ""))]
            names += [("alias", n) for n in split_values(getattr(row, "aliases", ""))]
            keys = set()
            for kind, name in names:
                if not name:
                    continue
                ck, rk = compact_key(name), romanisation_key(name)
                if not ck:
                    continue
                self.compact.setdefault(ck, []).append((i, kind, name))
                self.roman.setdefault(rk, []).append((i, kind, name))
                keys.add(rk)
            self.names_of[i] = keys

    def describe(self, i: int) -> str:
        row = self.rows.iloc[i]
        return str(row["listed_name"] or row["imo"] or "unnamed")


def _name_candidates(vessel: dict) -> list[str]:
    names = []
    for n in [_clean(vessel.get("name"))] + split_values(vessel.get("names")):
        if n and n not in names:
            names.append(n)
    return names


def _similarity(a: str, b: str) -> float:
    if _fuzz is None:
        return 100.0 if a == b else 0.0
    return float(_fuzz.ratio(a, b))


def _fuzzy_best(
    queries: list[str], index: _Index, threshold: float, block: int = 2000
) -> dict[str, tuple[str, float]]:
    """Best listed romanisation key (and similarity) for each query key, at or above threshold."""
    choices = [k for k in index.roman if len(k) >= 4]
    if not queries or not choices or _process is None:
        return {}
    choice_digits = [_digits(c) for c in choices]
    best: dict[str, tuple[str, float]] = {}
    for start in range(0, len(queries), block):
        part = queries[start : start + block]
        scores = _process.cdist(
            part, choices, scorer=_fuzz.ratio, score_cutoff=threshold, dtype=np.uint8, workers=-1
        )
        rows, cols = np.nonzero(scores)
        order = np.lexsort((-scores[rows, cols].astype(int), rows))
        for r, c in zip(rows[order], cols[order]):
            q = part[r]
            if q in best or choice_digits[c] != _digits(q):
                continue
            best[q] = (choices[c], float(_fuzz.ratio(q, choices[c])))
    return best


def match_vessels(vessels: pd.DataFrame, listed: pd.DataFrame, name_threshold: float = 90) -> pd.DataFrame:
    """One result row per row of ``vessels`` (same index); see the module docstring.

    ``vessels`` needs ``mmsi``, ``imo`` and ``name`` (``names``, ``|``-joined, and ``flag``
    are used when present); ``listed`` is the normalised table of :mod:`.table`.
    Output columns: :data:`OUTPUT_COLUMNS`.
    """
    missing = [c for c in ("mmsi", "imo", "name") if c not in vessels.columns]
    if missing:
        raise ValueError(f"vessels table lacks column(s) {', '.join(missing)}")
    index = _Index(listed)
    records = [dict(zip(vessels.columns, values)) for values in vessels.itertuples(index=False, name=None)]
    results: list[dict] = []
    pending_fuzzy: list[int] = []
    for pos, vessel in enumerate(records):
        res = _match_one(vessel, index, name_threshold)
        results.append(res)
        if not res["listed"] and not res.get("_name_conflict"):
            pending_fuzzy.append(pos)
    global_warnings: list[str] = []
    if not RAPIDFUZZ_AVAILABLE:
        global_warnings.append(NO_RAPIDFUZZ_WARNING)
    elif pending_fuzzy:
        qkeys = {romanisation_key(n) for p in pending_fuzzy for n in _name_candidates(records[p])}
        best = _fuzzy_best(sorted(k for k in qkeys if len(k) >= 4), index, name_threshold)
        for p in pending_fuzzy:
            _apply_fuzzy(results[p], records[p], index, best)
    for r in results:
        if isinstance(r["warnings"], list):
            r["warnings"] = "; ".join(dict.fromkeys(r["warnings"]))
    out = pd.DataFrame(
        [{c: r.get(c) for c in OUTPUT_COLUMNS} for r in results], columns=OUTPUT_COLUMNS, index=vessels.index
    )
    out["listed"] = out["listed"].astype(bool)
    out["score"] = out["score"].astype("int64")
    out.attrs["warnings"] = global_warnings
    out.attrs["rapidfuzz"] = RAPIDFUZZ_AVAILABLE
    return out


def _empty_result() -> dict:
    return {
        "listed": False,
        "lists": "",
        "programmes": "",
        "listed_name": None,
        "listed_imo": None,
        "match_type": "",
        "match_reason": "",
        "score": 0,
        "warnings": "",
        "_warn": [],
    }


def _fill(res: dict, index: _Index, rows: Iterable[int], match_type: str, reason: str, score: float) -> None:
    rows = list(dict.fromkeys(rows))
    sub = index.rows.iloc[rows]
    res.update(
        {
            "listed": True,
            "match_type": match_type,
            "match_reason": reason,
            "score": int(round(score)),
            "lists": "|".join(dict.fromkeys(sub["list"].dropna())),
            "programmes": "|".join(dict.fromkeys(p for v in sub["programme"] for p in split_values(v))),
            "listed_name": index.describe(rows[0]),
            "listed_imo": "|".join(dict.fromkeys(sub["imo"].dropna())) or None,
        }
    )


def _finish(res: dict) -> dict:
    res["warnings"] = "; ".join(dict.fromkeys(res.pop("_warn")))
    return res


def _match_one(vessel: dict, index: _Index, threshold: float) -> dict:
    res = _empty_result()
    warn = res["_warn"]
    imo = normalise_imo(vessel.get("imo"))
    mmsi = normalise_mmsi(vessel.get("mmsi"))
    names = _name_candidates(vessel)
    rkeys = {romanisation_key(n): n for n in names if romanisation_key(n)}
    if imo and not imo_is_valid(imo):
        warn.append(f"broadcast IMO {imo} fails the IMO check digit")
    if imo and imo in index.imo:
        rows = index.imo[imo]
        _fill(res, index, rows, "imo", f"IMO {imo} exact", 100)
        listed_keys = set().union(*(index.names_of[i] for i in rows))
        if (
            names
            and listed_keys
            and not any(
                k in listed_keys or max((_similarity(k, lk) for lk in listed_keys), default=0) >= threshold
                for k in rkeys
            )
        ):
            warn.append(
                f"IMO {imo} matches listed {index.describe(rows[0])!r} but the broadcast name is {names[0]!r}"
            )
        listed_mmsi = {m for m in (normalise_mmsi(index.rows.iloc[i]["mmsi"]) for i in rows) if m}
        if mmsi and listed_mmsi and mmsi not in listed_mmsi:
            warn.append(f"MMSI {mmsi} differs from listed MMSI {', '.join(sorted(listed_mmsi))}")
        if mmsi and mmsi in index.mmsi:
            others = [
                i for i in index.mmsi[mmsi] if normalise_imo(index.rows.iloc[i]["imo"]) not in (None, imo)
            ]
            if others:
                o = index.rows.iloc[others[0]]
                warn.append(f"MMSI {mmsi} belongs to listed ship {o['listed_name']!r} (IMO {o['imo']})")
        return _finish(res)
    if imo:
        for variant in one_digit_variants(imo):
            for i in index.imo.get(variant, []):
                warn.append(f"IMO {imo} differs by one digit from listed IMO {variant} ({index.describe(i)})")
    if mmsi and mmsi in index.mmsi:
        rows = index.mmsi[mmsi]
        _fill(res, index, rows, "mmsi", f"MMSI {mmsi} exact", 95)
        listed_imos = {m for m in (normalise_imo(index.rows.iloc[i]["imo"]) for i in rows) if m}
        if imo and listed_imos and imo not in listed_imos:
            warn.append(
                f"MMSI {mmsi} matches listed {index.describe(rows[0])!r} but broadcast IMO {imo} "
                f"differs from listed IMO {', '.join(sorted(listed_imos))}"
            )
        return _finish(res)
    for table, kind_label, score, how in (
        (index.compact, "=", 90, "normalised"),
        (index.roman, "~", 88, "romanisation variant"),
    ):
        for name in names:
            key = compact_key(name) if table is index.compact else romanisation_key(name)
            hits = table.get(key)
            if not hits:
                continue
            if _imo_conflict(imo, index, [h[0] for h in hits]):
                res["_name_conflict"] = True
                listed_imos = sorted({str(index.rows.iloc[h[0]]["imo"]) for h in hits})
                warn.append(
                    f"name {name!r} equals listed {hits[0][2]!r} but broadcast IMO {imo} differs "
                    f"from listed IMO {', '.join(listed_imos)}: treated as a different ship"
                )
                return _finish(res)
            _, kind, orig = hits[0]
            _fill(
                res,
                index,
                [h[0] for h in hits],
                "name",
                f"name {name!r} {kind_label} {kind} {orig!r} ({how})",
                score,
            )
            warn.append("matched on name only: check IMO/MMSI")
            return _finish(res)
    return _finish(res) if not names else _keep_open(res)


def _keep_open(res: dict) -> dict:
    """Leave warnings unjoined until the fuzzy pass has run."""
    res["warnings"] = res.pop("_warn")
    return res


def _imo_conflict(imo: Optional[str], index: _Index, rows: list[int]) -> bool:
    """True when the vessel's valid IMO differs from every valid listed IMO of ``rows``."""
    if not imo or not imo_is_valid(imo):
        return False
    listed = [normalise_imo(index.rows.iloc[i]["imo"]) for i in rows]
    valid = [x for x in listed if x and imo_is_valid(x)]
    return bool(valid) and len(valid) == len(listed) and imo not in valid


def _apply_fuzzy(res: dict, vessel: dict, index: _Index, best: dict[str, tuple[str, float]]) -> None:
    warn = (
        res["warnings"]
        if isinstance(res["warnings"], list)
        else ([res["warnings"]] if res["warnings"] else [])
    )
    imo = normalise_imo(vessel.get("imo"))
    for name in _name_candidates(vessel):
        hit = best.get(romanisation_key(name))
        if hit is None:
            continue
        choice, sim = hit
        entries = index.roman[choice]
        if _imo_conflict(imo, index, [e[0] for e in entries]):
            warn.append(
                f"name {name!r} resembles listed {entries[0][2]!r} (similarity {sim:.0f}) but the "
                "IMO numbers differ: treated as a different ship"
            )
            continue
        _, kind, orig = entries[0]
        _fill(
            res,
            index,
            [e[0] for e in entries],
            "fuzzy",
            f"name {name!r} ~ {kind} {orig!r} (similarity {sim:.0f})",
            FUZZY_FACTOR * sim,
        )
        warn.append("matched on a similar name only: check IMO/MMSI")
        break
    res["warnings"] = "; ".join(dict.fromkeys(warn))
