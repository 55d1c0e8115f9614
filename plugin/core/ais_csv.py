"""CSV AIS reading: column guessing, vectorised field conversion, chunked parsing.

Every CSV layout (MarineCadastre, Danish Maritime Authority, vendor exports, a QGIS
attribute table) goes through :func:`convert_frame`, which turns the source columns
named in a mapping into canonical columns and records every value it could not use.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable, Optional, Union

import numpy as np
import pandas as pd

from .cleaning import code_dtype, compact_categorical
from .errors import AisFormatError, Cancelled, IssueLog, ReadResult
from .ids import id_digits, normalise_imo
from .schema import POSITION_COLUMNS, empty_positions

REQUIRED_FIELDS: tuple[str, ...] = ("mmsi", "time", "lat", "lon")
STATIC_FIELDS: tuple[str, ...] = ("name", "imo", "ship_type", "draught")
FLOAT_FIELDS: tuple[str, ...] = ("lat", "lon", "sog", "cog", "heading", "draught")

# Written by exporters for "no value"; never reported as parse failures.
NA_TOKENS = frozenset({"", "na", "n/a", "nan", "null", "none", "unknown", "undefined",
                       "-", "not available", "#n/a"})
_NA_ANYCASE = frozenset(v for t in NA_TOKENS for v in (t, t.upper(), t.title(), t.capitalize()))
_READ_NA_VALUES = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A",
                   "Unknown", "Undefined", "-"]

# Normalised header name -> canonical field. Normalisation: lower case, text in
# parentheses dropped (``Time(YYYYMMDD_HHMMSS)``), then only letters and digits kept.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "mmsi": ("mmsi", "userid", "mmsinumber", "sourcemmsi", "shipmmsi", "vesselmmsi"),
    "time": ("basedatetime", "timestamp", "timestamputc", "timeutc", "time", "datetime",
             "datetimeutc", "utc", "postime", "positiontime", "aispostimestamp",
             "receivedtime", "msgtime", "date", "t"),
    "lat": ("lat", "latitude", "y", "latdeg", "latitudedeg"),
    "lon": ("lon", "long", "lng", "longitude", "x", "londeg", "longitudedeg"),
    "sog": ("sog", "speed", "speedoverground", "speedknots", "speedkn"),
    "cog": ("cog", "course", "courseoverground"),
    "heading": ("heading", "trueheading", "hdg"),
    "nav_status": ("navstatus", "navigationalstatus", "navigationstatus", "status",
                   "navigationstatuscode"),
    "draught": ("draught", "draft", "maxdraught", "currentdraught"),
    "imo": ("imo", "imonumber", "imono", "imo_number"),
    "name": ("vesselname", "shipname", "name", "vessel", "vesselnm"),
    "ship_type": ("shiptype", "vesseltype", "typeofship", "shipandcargotype", "shiptypecode",
                  "vesseltypecode"),
    # not an output column: lets vendor exports that mix message types skip e.g. type 4/21
    "msg_type": ("messageid", "msgtype", "messagetype", "msgid", "aismsgtype"),
}
POSITION_MSG_TYPES = frozenset({1, 2, 3, 18, 19, 27})
STATIC_MSG_TYPES = frozenset({5, 24})

# Danish Maritime Authority writes these as text.
NAV_STATUS_TEXT: dict[str, int] = {
    "under way using engine": 0, "at anchor": 1, "not under command": 2,
    "restricted manoeuverability": 3, "restricted maneuverability": 3,
    "restricted manoeuvrability": 3, "constrained by her draught": 4, "moored": 5,
    "aground": 6, "engaged in fishing": 7, "under way sailing": 8,
    "reserved for future amendment [hsc]": 9, "reserved for future amendment [wig]": 10,
    "power-driven vessel towing astern": 11,
    "power-driven vessel pushing ahead or towing alongside": 12,
    "reserved for future use": 13, "ais-sart": 14, "ais-sart is active": 14,
    "unknown value": 15, "not defined": 15,
}
SHIP_TYPE_TEXT: dict[str, int] = {
    "wig": 20, "fishing": 30, "towing": 31, "towing long/wide": 32, "dredging": 33,
    "diving": 34, "military": 35, "sailing": 36, "pleasure": 37, "hsc": 40, "pilot": 50,
    "sar": 51, "tug": 52, "port tender": 53, "anti-pollution": 54, "law enforcement": 55,
    "medical": 58, "not party to conflict": 59, "passenger": 60, "cargo": 70,
    "tanker": 80, "other": 90,
}

_ISO_FORMATS = (
    "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z",
    "%Y-%m-%d %H:%M:%S.%f%z", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y%m%d_%H%M%S",
    "%Y%m%d%H%M%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d",
)
_DAYFIRST_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M:%S",
                     "%d-%m-%Y %H:%M:%S", "%d/%m/%Y")
_MONTHFIRST_FORMATS = ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y")
_ZONE_RE = re.compile(r"(?:z|utc|gmt|[+-]\d\d:?\d\d)$", re.IGNORECASE)
_SLASH_DATE_RE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}")
_EPOCH_RE = re.compile(r"^\d{9,10}(?:\.\d+)?$")
_ELEMENTWISE_LIMIT = 5000
CHUNK_ROWS = 100_000


def normalise_column_name(name: str) -> str:
    """``"# Timestamp"`` -> ``"timestamp"``, ``"Time(YYYYMMDD_HHMMSS)"`` -> ``"time"``."""
    name = re.sub(r"\(.*?\)", "", str(name).lower())
    return re.sub(r"[^a-z0-9]", "", name)


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """Map canonical fields to source columns by their usual names (canonical -> source)."""
    norm = {}
    for col in columns:
        norm.setdefault(normalise_column_name(col), col)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for canon, names in _SYNONYMS.items():
        for cand in names:  # synonyms are in order of preference
            col = norm.get(cand)
            if col is not None and col not in used:
                mapping[canon] = col
                used.add(col)
                break
    if "time" not in mapping:  # last resort: any column that says time or date
        for col in columns:
            n = normalise_column_name(col)
            if col not in used and ("time" in n or "date" in n):
                mapping["time"] = col
                break
    return mapping


class TimeParser:
    """Parses timestamp strings of one source; learns its format on the first values.

    Values without a zone are taken as UTC and counted in :attr:`naive`. Day-first or
    month-first is decided by the first value whose day or month is above 12; until then
    ambiguous dates (both <= 12) are read day-first, and if the source later turns out to
    be month-first :attr:`contradicted` is set so the caller can re-read it.
    """

    def __init__(self, preferred: tuple[str, ...] = (), dayfirst: Optional[bool] = None) -> None:
        self.formats: list[str] = list(dict.fromkeys(preferred))
        self.dayfirst = dayfirst
        self.naive = 0
        self.ambiguous_dayfirst = False  # ambiguous slash dates were read, no evidence yet
        self.contradicted = False  # ambiguous dates were read day-first, source is month-first

    def _decide_dayfirst(self, values: pd.Index) -> None:
        """Decide from the slash dates among ``values``; stay undecided if all are ambiguous."""
        sample = values[:50]
        if not any(_SLASH_DATE_RE.match(str(v)) for v in sample):
            return  # ISO, epoch...: the question does not arise for this chunk
        parts = pd.Series(np.asarray(values, dtype=object)).astype(str).str.extract(_SLASH_DATE_RE)
        parts = parts.dropna()
        if parts.empty:
            return
        first = parts[0].astype(int).max()
        second = parts[1].astype(int).max()
        if first > 12:
            self.dayfirst = True
        elif second > 12:
            self.dayfirst = False
            self.contradicted = self.ambiguous_dayfirst
        else:
            self.ambiguous_dayfirst = True
            return
        self.ambiguous_dayfirst = False

    def _candidates(self) -> list[str]:
        slash = (_DAYFIRST_FORMATS + _MONTHFIRST_FORMATS if self.dayfirst is not False
                 else _MONTHFIRST_FORMATS + _DAYFIRST_FORMATS)
        return list(dict.fromkeys(self.formats + list(_ISO_FORMATS) + list(slash)))

    def parse(self, values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
        """Return (naive UTC datetime64[ns], mask of non-empty values that could not be parsed).

        Works on the distinct values only: AIS files repeat each second many times.
        """
        codes, uniques = _codes_uniques(values)
        uniq = pd.Index(uniques)
        n = len(uniq)
        parsed = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
        naive = np.zeros(n, dtype=bool)
        empty = np.asarray(uniq.isin(_NA_ANYCASE)) | np.asarray(uniq.isin(["", " "]))
        remaining = np.flatnonzero(~empty)
        if len(remaining) and not all(isinstance(v, str) for v in uniq[remaining[:20]]):
            uniq = uniq.astype(str)
        if self.dayfirst is None and len(remaining):
            self._decide_dayfirst(uniq[remaining])
        if len(remaining) and any(_EPOCH_RE.match(str(v).strip()) for v in uniq[remaining[:20]]):
            text = pd.Series(np.asarray(uniq[remaining], dtype=object)).astype(str).str.strip()
            is_epoch = text.str.match(_EPOCH_RE).to_numpy(dtype=bool)
            got = pd.to_datetime(pd.to_numeric(text[is_epoch], errors="coerce"), unit="s",
                                 errors="coerce")
            ok = np.zeros(len(remaining), dtype=bool)
            ok[np.flatnonzero(is_epoch)] = np.asarray(got.notna())
            parsed[remaining[ok]] = np.asarray(got[got.notna()], dtype="datetime64[ns]")
            remaining = remaining[~ok]
        for fmt in self._candidates():
            if not len(remaining):
                break
            sample = uniq[remaining[:20]]
            if pd.to_datetime(sample, format=fmt, utc=True, errors="coerce").isna().all():
                continue
            got = pd.to_datetime(uniq[remaining], format=fmt, utc=True, errors="coerce")
            ok = np.asarray(got.notna())
            hit = remaining[ok]
            parsed[hit] = got[ok].tz_convert("UTC").tz_localize(None).to_numpy()
            if "%z" not in fmt:
                naive[hit] = True
                # pandas 1.5's ISO fast path also takes zoned strings under a zoneless format
                matched = uniq[hit]
                if any(_ZONE_RE.search(str(v).strip()) for v in matched[:50]):
                    naive[hit] = ~np.asarray(matched.astype(str).str.strip().str.contains(_ZONE_RE))
            remaining = remaining[~ok]
            if fmt in self.formats:
                self.formats.remove(fmt)
            self.formats.insert(0, fmt)
        for i in remaining[:_ELEMENTWISE_LIMIT]:  # odd leftovers: let dateutil try
            try:
                text = str(uniq[i]).strip()
                # day-first only for d/m/y-like text: dateutil would also swap 2022-13-03
                dayfirst = self.dayfirst is not False and bool(_SLASH_DATE_RE.match(text))
                ts = pd.Timestamp(pd.to_datetime(text, dayfirst=dayfirst))
            except (ValueError, TypeError, OverflowError):
                continue
            if ts is pd.NaT:
                continue
            naive[i] = ts.tzinfo is None
            ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
            parsed[i] = ts.tz_localize(None).to_datetime64()
        valid = codes >= 0
        safe = np.where(valid, codes, 0)
        if n:
            times = np.where(valid, parsed[safe], np.datetime64("NaT"))
            bad = valid & (np.isnat(parsed) & ~empty)[safe]
            self.naive += int(np.count_nonzero(valid & naive[safe]))
        else:
            times = np.full(len(codes), np.datetime64("NaT"), dtype="datetime64[ns]")
            bad = np.zeros(len(codes), dtype=bool)
        return times, bad


def _codes_uniques(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(row codes, -1 = missing; object array of the distinct values)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy(), np.asarray(values.cat.categories, dtype=object)
    codes, uniques = pd.factorize(values)
    return codes, np.asarray(uniques, dtype=object)


def _float_column(values: pd.Series, decimal_comma: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised number conversion: (float64 values, mask of unparseable non-empty cells)."""
    if values.dtype.kind in "fiub":
        return values.to_numpy(dtype="float64", na_value=np.nan), np.zeros(len(values), bool)
    text = values.astype(object)
    missing = text.isna().to_numpy()
    if decimal_comma:
        text = text.where(missing, text.astype(str).str.replace(",", ".", regex=False))
    num = pd.to_numeric(text, errors="coerce").to_numpy(dtype="float64")
    bad = np.isnan(num) & ~missing
    if bad.any():
        tokens = text[bad].astype(str).str.strip().str.lower()
        bad[np.flatnonzero(bad)] = ~tokens.isin(NA_TOKENS).to_numpy()
    return num, bad


def _map_uniques(values: pd.Series, func: Callable[[str], object]
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Apply ``func`` (returning a value, None for missing, or raising ValueError) once per
    distinct value. Returns (row codes, results per code, failures per code); both per-code
    arrays have a last entry (None, False) that code -1 (missing) indexes."""
    codes, uniques = _codes_uniques(values)
    res = np.empty(len(uniques) + 1, dtype=object)
    res[-1] = None
    fail = np.zeros(len(uniques) + 1, dtype=bool)
    for i, u in enumerate(uniques):
        try:
            res[i] = func(str(u).strip())
        except (ValueError, OverflowError):
            res[i] = None
            fail[i] = True
    return codes, res, fail


def _norm_mmsi(text: str) -> Optional[str]:
    """Digits of the MMSI, kept even when not 9 long: cleaning counts and drops those."""
    if text.lower() in NA_TOKENS:
        return None
    return id_digits(text)


def _norm_imo(text: str) -> Optional[str]:
    """IMO digits as :func:`ids.normalise_imo`; zeros stay ``"0"`` for cleaning to count."""
    if text.lower() in NA_TOKENS:
        return None
    imo = normalise_imo(text)
    if imo is None:
        if re.fullmatch(r"(?i)(imo\s*[:#.]?\s*)?0+(\.0*)?", text):
            return "0"
        raise ValueError(text)
    return imo


def _code_parser(table: dict[str, int], low: int, high: int) -> Callable[[str], Optional[int]]:
    def parse(text: str) -> Optional[int]:
        key = text.lower()
        if key in table:
            return table[key]
        if key in NA_TOKENS:
            return None
        num = float(text)
        if not np.isfinite(num) or num != int(num) or not low <= num <= high:
            raise ValueError(text)
        return int(num)
    return parse


_parse_nav = _code_parser(NAV_STATUS_TEXT, 0, 15)
_parse_ship_type = _code_parser(SHIP_TYPE_TEXT, 0, 255)


def _clean_name(text: str) -> Optional[str]:
    text = text.rstrip("@ ").strip()
    return text or None


def _categorical(codes: np.ndarray, per_code: np.ndarray) -> pd.Categorical:
    """Rows as a Categorical of the per-code results (None = missing), sorted categories."""
    new, cats = pd.factorize(pd.Series(per_code, dtype=object), sort=True)
    return pd.Categorical.from_codes(new[codes], categories=pd.Index(cats, dtype=object))


def _nullable_int(codes: np.ndarray, per_code: np.ndarray, dtype: str) -> pd.arrays.IntegerArray:
    """Rows as a nullable integer array of the per-code results (None = missing)."""
    miss = np.array([v is None for v in per_code], dtype=bool)
    vals = np.array([0 if v is None else v for v in per_code], dtype=dtype)
    return pd.arrays.IntegerArray(vals[codes], miss[codes])


def _notna(values: Any) -> np.ndarray:
    if isinstance(values, pd.Categorical):
        return values.codes >= 0
    return np.asarray(pd.notna(values))


def _report(log: IssueLog, file: str, lines: np.ndarray, mask: np.ndarray, fld: str,
            raw: Optional[pd.Series], what: str) -> None:
    count = int(np.count_nonzero(mask))
    if not count:
        return
    idx = np.flatnonzero(mask)[: max(log.cap - len(log.issues), 0)]
    if raw is None:
        msgs = [what] * len(idx)
    else:
        vals = np.asarray(raw.iloc[idx], dtype=object)
        msgs = [f"{what}: {str(v)[:60]!r}" for v in vals]
    log.add_many(file, lines[idx], fld, msgs, count)


# A converted chunk: canonical column -> typed array (Categorical for mmsi/imo/name,
# naive UTC datetime64[ns] for time, float64 lat/lon, float32 others, nullable Int8/Int16
# nav_status/ship_type), plus "_static" (bool) and optionally "_line" (int64).
Chunk = dict[str, Any]
_FLOAT32 = ("sog", "cog", "heading", "draught")


def _chunk_len(part: Union[pd.DataFrame, Chunk]) -> int:
    return len(part) if isinstance(part, pd.DataFrame) else len(part["time"])


def convert_frame(raw: pd.DataFrame, mapping: dict[str, str], lines: np.ndarray, file: str,
                  log: IssueLog, times: TimeParser, decimal_comma: bool = False,
                  stats: Optional[dict[str, int]] = None) -> Chunk:
    """Source columns -> a compact :data:`Chunk` of canonical columns (not yet a frame).

    Rows whose MMSI, time or position cannot be used are dropped and reported; bad optional
    values become missing and are reported. Rows without a position but with static data
    (name, IMO, ship type, draught) are kept with ``_static`` True so they can be merged
    into the positions of the same vessel. ``lines`` (physical line numbers, ascending)
    are only used in the issues: rows keep file order.
    """
    n = len(raw)
    out: Chunk = {}

    def col(canon: str) -> Optional[pd.Series]:
        src = mapping.get(canon)
        return raw[src] if src is not None and src in raw.columns else None

    s = col("msg_type")
    if s is not None:  # skip message types that are neither vessel positions nor static data
        mtype, _ = _float_column(s)
        other = ~np.isnan(mtype) & ~np.isin(mtype, list(POSITION_MSG_TYPES | STATIC_MSG_TYPES))
        if other.any():
            if stats is not None:
                stats["other_types"] = stats.get("other_types", 0) + int(other.sum())
            raw, lines = raw.loc[~other], lines[~other]
            n = len(raw)
    drop = np.zeros(n, dtype=bool)

    s = col("mmsi")
    codes, per_code, fail = _map_uniques(s, _norm_mmsi)
    bad = fail[codes]
    _report(log, file, lines, bad, "mmsi", s, "MMSI is not a number")
    missing = np.array([v is None for v in per_code], dtype=bool)[codes] & ~bad
    _report(log, file, lines, missing, "mmsi", None, "missing MMSI")
    drop |= bad | missing
    out["mmsi"] = _categorical(codes, per_code)

    s = col("time")
    t, bad = times.parse(s)  # naive datetime64 in UTC
    _report(log, file, lines, bad, "time", s, "cannot read date/time")
    drop |= bad
    out["time"] = t

    for canon in FLOAT_FIELDS:
        s = col(canon)
        if s is None:
            vals = np.full(n, np.nan)
        else:
            vals, bad = _float_column(s, decimal_comma)
            _report(log, file, lines, bad, canon, s, "not a number")
            if canon in ("lat", "lon"):
                drop |= bad
        out[canon] = vals.astype(np.float32) if canon in _FLOAT32 else vals

    for canon, func in (("nav_status", _parse_nav), ("ship_type", _parse_ship_type),
                        ("imo", _norm_imo), ("name", _clean_name)):
        s = col(canon)
        if s is None:
            codes, per_code = np.full(n, -1, dtype=np.int8), np.array([None], dtype=object)
        else:
            codes, per_code, fail = _map_uniques(s, func)
            label = {"nav_status": "not a navigational status 0-15",
                     "ship_type": "not a ship type 0-255", "imo": "not an IMO number"}.get(canon, "")
            _report(log, file, lines, fail[codes], canon, s, label)
        if canon in ("nav_status", "ship_type"):
            out[canon] = _nullable_int(codes, per_code, "int8" if canon == "nav_status" else "int16")
        else:
            out[canon] = _categorical(codes, per_code)

    has_pos = ~(np.isnan(out["lat"]) | np.isnan(out["lon"]))
    has_static = (_notna(out["name"]) | _notna(out["imo"]) | _notna(out["ship_type"])
                  | _notna(out["draught"]))
    time_missing = np.isnat(out["time"]) & ~drop
    # a blank physical line (all used fields empty) is not an issue
    blank = missing & time_missing & ~has_pos & ~has_static
    no_time = time_missing & ~blank
    _report(log, file, lines, no_time, "time", None, "missing date/time")
    nopos = ~has_pos & ~has_static & ~drop & ~blank & ~no_time
    for canon in ("lat", "lon"):
        miss = nopos & np.isnan(out[canon])
        _report(log, file, lines, miss, canon, None, "missing value")
    drop |= blank | no_time | nopos
    out["_static"] = ~has_pos
    if drop.any():
        keep = ~drop
        out = {k: v[keep] for k, v in out.items()}
    return out


def _compact(part: Union[pd.DataFrame, Chunk]) -> Chunk:
    """A chunk with the dtypes :func:`convert_frame` gives (a frame, e.g. from NMEA, is converted)."""
    if not isinstance(part, pd.DataFrame):
        return part
    out: Chunk = {}
    for c in ("mmsi", "imo", "name"):
        v = part[c]
        out[c] = v.array if isinstance(v.dtype, pd.CategoricalDtype) else pd.Categorical(
            v.astype(object).where(v.notna(), None).to_numpy())
    t = pd.to_datetime(part["time"], utc=True)
    out["time"] = t.dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
    for c in FLOAT_FIELDS:
        out[c] = part[c].to_numpy(dtype=np.float32 if c in _FLOAT32 else np.float64,
                                  na_value=np.nan)
    for c, dtype in (("nav_status", "int8"), ("ship_type", "int16")):
        f = pd.to_numeric(pd.Series(part[c].to_numpy(), dtype=object), errors="coerce").to_numpy(float)
        miss = np.isnan(f)
        out[c] = pd.arrays.IntegerArray(np.where(miss, 0, f).astype(dtype), miss)
    out["_static"] = part["_static"].to_numpy(dtype=bool)
    if "_line" in part.columns:
        out["_line"] = part["_line"].to_numpy(dtype=np.int64)
    return out


def _drop_unused(cat: pd.Categorical) -> pd.Categorical:
    """``cat`` without the categories no row uses (bincount: no sort, no hashing)."""
    codes = np.asarray(cat.codes)
    if (np.bincount(codes[codes >= 0], minlength=len(cat.categories)) > 0).all():
        return cat
    return compact_categorical(codes, cat.categories)


def concat_categoricals(pieces: list[pd.Categorical]) -> pd.Categorical:
    """One Categorical with the sorted union of the pieces' categories, codes written in place."""
    cats = pd.Index(np.concatenate([np.asarray(p.categories, dtype=object) for p in pieces]))
    cats = cats.unique().sort_values()
    codes = np.empty(sum(len(p) for p in pieces), dtype=code_dtype(len(cats)))
    pos = 0
    for p in pieces:
        recode = np.append(cats.get_indexer(p.categories), -1)
        codes[pos: pos + len(p)] = recode[p.codes]
        pos += len(p)
    return pd.Categorical.from_codes(codes, categories=cats)


def concat_positions(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate canonical positions frames (categories united, sorted).

    The frames are emptied column by column as the result is built, so the data is held
    about once rather than twice.
    """
    n = sum(len(f) for f in frames)
    out = pd.DataFrame(index=pd.RangeIndex(n))
    for col in POSITION_COLUMNS:
        pieces = [f[col].array for f in frames]
        for f in frames:
            del f[col]
        if isinstance(pieces[0], pd.Categorical):
            values: Any = _drop_unused(concat_categoricals(pieces))
        else:
            values = pd.concat([pd.Series(p, copy=False) for p in pieces], ignore_index=True).array
        del pieces
        out[col] = values
        del values
    return out


def _concat_column(pieces: list[Any]) -> Any:
    if isinstance(pieces[0], pd.Categorical):
        return concat_categoricals(pieces)
    if isinstance(pieces[0], pd.arrays.IntegerArray):
        dtype = pieces[0].dtype.numpy_dtype
        return pd.arrays.IntegerArray(
            np.concatenate([p.to_numpy(dtype=dtype, na_value=0) for p in pieces]),
            np.concatenate([np.asarray(p.isna()) for p in pieces]))
    return np.concatenate(pieces)


def _concat_chunks(parts: list[Chunk]) -> Chunk:
    """Concatenate chunks column by column, emptying them as it goes (memory stays ~1x)."""
    out: Chunk = {}
    for c in list(parts[0]):
        pieces = [p.pop(c) for p in parts]
        out[c] = _concat_column(pieces) if len(pieces) > 1 else pieces[0]
        del pieces
    return out


def _take(values: Any, idx: np.ndarray) -> Any:
    """Rows ``idx`` of a chunk column; -1 gives a missing value."""
    if isinstance(values, np.ndarray):
        out = values[idx]
        if (idx < 0).any():
            out[idx < 0] = np.nan
        return out
    return values.take(idx, allow_fill=True)


def merge_static(chunk: Chunk) -> Chunk:
    """Give every position its vessel's latest static data, then drop static-only rows.

    Forward fill per MMSI in time order (rows without time in file order, last);
    name, IMO and ship type may also be back-filled from later reports, draught not.
    Rows come out in ``_line`` order (file order when there is no ``_line``).
    """
    static = chunk["_static"]
    n = len(static)
    line = chunk.get("_line")
    if not static.any():
        if line is not None and len(line) and (np.diff(line) < 0).any():
            order = np.argsort(line, kind="stable")
            return {k: (_take(v, order) if k != "_line" else v[order]) for k, v in chunk.items()}
        return chunk
    if line is None:
        line = np.arange(n)
    mmsi = chunk["mmsi"]
    mkey = np.asarray(mmsi.categories.astype(str).argsort().argsort())[mmsi.codes]
    mkey[mmsi.codes < 0] = -1
    t = chunk["time"].view("int64")
    no_time = np.isnat(chunk["time"]).astype(np.int8)
    order = np.lexsort((line, t, no_time, mkey))
    key = mkey[order]
    pos = np.arange(n)
    start = np.ones(n, dtype=bool)
    start[1:] = key[1:] != key[:-1]
    first = np.maximum.accumulate(np.where(start, pos, 0))  # group start of each sorted row
    end = np.ones(n, dtype=bool)
    end[:-1] = key[1:] != key[:-1]
    last = np.minimum.accumulate(np.where(end, pos, n)[::-1])[::-1]  # group end
    out = dict(chunk)
    for c in STATIC_FIELDS:
        valid = _notna(chunk[c])[order]
        src = np.maximum.accumulate(np.where(valid, pos, -1))
        src[src < first] = -1
        if c != "draught":
            have = src >= 0
            nxt = np.minimum.accumulate(np.where(have, pos, n)[::-1])[::-1]
            use = ~have & (nxt <= last)
            src[use] = src[nxt[use]]
        take = np.where(src >= 0, order[np.maximum(src, 0)], -1)
        rows = np.empty(n, dtype=np.int64)
        rows[order] = take  # source row of each row's value, in original row order
        out[c] = _take(chunk[c], rows)
    keep = np.flatnonzero(~static)
    keep = keep[np.argsort(line[keep], kind="stable")]
    return {k: (_take(v, keep) if k != "_line" else v[keep]) for k, v in out.items()}


def _positions_frame(chunk: Chunk, source: str) -> pd.DataFrame:
    """The canonical positions frame from a merged chunk, built one column at a time so the
    chunk's arrays can be freed as they are copied in (no full-frame consolidation copy)."""
    n = len(chunk["time"])
    frame = pd.DataFrame(index=pd.RangeIndex(n))
    for col in POSITION_COLUMNS:
        if col == "source":
            values: Any = pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=[source])
        elif col == "time":
            values = pd.DatetimeIndex(chunk.pop("time")).tz_localize("UTC").array
        else:
            values = chunk.pop(col)
            if isinstance(values, pd.Categorical):
                values = _drop_unused(values)
        frame[col] = values
        del values
    return frame


def finalize(parts: list[Union[pd.DataFrame, Chunk]], source: str) -> pd.DataFrame:
    """Concatenate converted chunks, merge static rows, conform to the schema (file order).

    Chunk dicts given are emptied (their arrays are released as the result is built);
    frames (e.g. from the NMEA reader) are left as they are.
    """
    parts = [_compact(p) for p in parts if _chunk_len(p)]
    if not parts:
        return empty_positions()
    chunk = _concat_chunks(parts)
    parts.clear()
    chunk = merge_static(chunk)
    if not len(chunk["time"]):
        return empty_positions()
    return _positions_frame(chunk, source)


def time_warnings(times: TimeParser, file: str, stats: Optional[dict[str, int]] = None) -> list[str]:
    out = []
    if stats and stats.get("other_types"):
        out.append(f"{file}: {stats['other_types']} rows of message types other than vessel "
                   "positions (1-3, 18, 19, 27) and static data (5, 24) were skipped.")
    if times.naive:
        out.append(f"{file}: {times.naive} timestamps had no time zone and were taken as UTC.")
    if times.ambiguous_dayfirst:
        out.append(f"{file}: dates like 01/02/2024 are ambiguous; read them as day/month/year.")
    return out


def positions_from_frame(frame: pd.DataFrame, mapping: dict[str, str], source: str) -> ReadResult:
    """Convert an attribute table (e.g. a QGIS point layer's) using ``mapping``.

    ``line`` in issues is the 1-based row number of the table.
    """
    mapping = {k: v for k, v in mapping.items() if v}
    missing = [c for c in REQUIRED_FIELDS if c not in mapping]
    unknown = [v for v in mapping.values() if v not in frame.columns]
    if missing or unknown:
        raise AisFormatError(
            f"{source}: cannot convert the table: "
            + (f"no column for {', '.join(missing)}" if missing else "")
            + ("; " if missing and unknown else "")
            + (f"no such column(s) {', '.join(map(str, unknown))}" if unknown else ""))
    log = IssueLog()
    times = TimeParser()
    lines = np.arange(1, len(frame) + 1)
    raw = frame[list(dict.fromkeys(mapping.values()))].reset_index(drop=True)
    stats: dict[str, int] = {}
    conv = convert_frame(raw, mapping, lines, source, log, times, stats=stats)
    positions = finalize([conv], source)
    return ReadResult(positions, log.issues, log.count, "table",
                      time_warnings(times, source, stats))


# --------------------------------------------------------------------------- CSV files


@dataclass
class CsvLayout:
    """What the header sniffing found out about a CSV file."""

    sep: str
    columns: list[str]
    header_line: int  # 0-based index of the header's physical line
    encoding: str
    decimal_comma: bool = False
    warnings: list[str] = field(default_factory=list)


def sniff_csv(sample: str, file: str, encoding: str) -> CsvLayout:
    """Find the header, delimiter and decimal mark from the first part of the file."""
    lines = sample.splitlines()
    header_idx = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if header_idx is None:
        raise AisFormatError(f"{file}: the file is empty (only blank lines)")
    header = lines[header_idx].lstrip("\ufeff")
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    sep = max(counts, key=lambda k: counts[k])
    if counts[sep] == 0:
        raise AisFormatError(
            f"{file}: line {header_idx + 1}: no column delimiter (comma, semicolon, tab or |) "
            "found in the header; this is not a CSV file this plugin can read")
    columns = next(csv.reader([header], delimiter=sep))
    if not any(re.search(r"[A-Za-z]", c) for c in columns):
        raise AisFormatError(f"{file}: line {header_idx + 1}: the first line is not a header "
                             "(no column names); add a header row naming the columns")
    warnings = []
    if sep != ",":
        warnings.append(f"{file}: columns are separated by {sep!r} instead of commas.")
    decimal_comma = False
    data = [ln for ln in lines[header_idx + 1: header_idx + 50] if ln.strip()]
    if sep != "," and data:
        cells = [c for ln in data for c in ln.split(sep)]
        if sum(bool(re.fullmatch(r"-?\d+,\d+", c.strip())) for c in cells) > len(data):
            decimal_comma = True
            warnings.append(f"{file}: numbers use a decimal comma.")
    return CsvLayout(sep, columns, header_idx, encoding, decimal_comma, warnings)


class _DirtyCsvError(Exception):
    """The fast typed pass met a value or line it cannot take; use the exact pass."""


def _fast_chunks(open_stream: Callable[[], BinaryIO], layout: CsvLayout, positions: list[int],
                 float_pos: set[int]) -> Iterator[pd.DataFrame]:
    """pandas C parser; raises ValueError/ParserError on the first dirty value."""
    dtype = {p: ("float64" if p in float_pos else str) for p in positions}
    with open_stream() as stream:
        try:
            reader = pd.read_csv(
                stream, sep=layout.sep, header=None, skiprows=layout.header_line + 1,
                usecols=positions, dtype=dtype, chunksize=CHUNK_ROWS, skip_blank_lines=False,
                na_values=_READ_NA_VALUES, keep_default_na=True, encoding=layout.encoding,
                encoding_errors="replace", decimal="," if layout.decimal_comma else ".",
                engine="c", low_memory=True)
        except pd.errors.EmptyDataError:
            return
        except (ValueError, pd.errors.ParserError) as exc:
            raise _DirtyCsvError(str(exc)) from exc
        while True:
            try:
                chunk = next(reader)
            except StopIteration:
                return
            except pd.errors.EmptyDataError:
                return
            except (ValueError, pd.errors.ParserError) as exc:
                raise _DirtyCsvError(str(exc)) from exc
            yield chunk


def _robust_chunks(open_stream: Callable[[], BinaryIO], layout: CsvLayout, positions: list[int],
                   file: str, log: IssueLog) -> Iterator[tuple[pd.DataFrame, np.ndarray]]:
    """csv-module reader: exact physical line numbers, wrong field counts reported."""
    ncols = len(layout.columns)
    with open_stream() as stream:
        text = io.TextIOWrapper(stream, encoding=layout.encoding, errors="replace", newline="")
        reader = csv.reader(text, delimiter=layout.sep)
        for _ in range(layout.header_line + 1):
            next(reader, None)
        while True:
            cols: list[list[str]] = [[] for _ in positions]
            lines: list[int] = []
            for rec in reader:
                if not rec or (len(rec) == 1 and not rec[0].strip()):
                    continue
                if len(rec) != ncols and not (len(rec) > ncols and not any(
                        x.strip() for x in rec[ncols:])):
                    log.add(file, reader.line_num, None,
                            f"expected {ncols} fields, found {len(rec)}; line skipped")
                    continue
                for j, p in enumerate(positions):
                    cols[j].append(rec[p])
                lines.append(reader.line_num)
                if len(lines) >= CHUNK_ROWS:
                    break
            if not lines:
                return
            data = {}
            for p, c in zip(positions, cols):
                arr = np.array(c, dtype=object)
                arr[arr == ""] = np.nan
                data[p] = arr
            yield pd.DataFrame(data), np.asarray(lines)


def read_csv_file(open_stream: Callable[[], BinaryIO], fraction: Callable[[], float],
                  file: str, layout: CsvLayout, mapping: dict[str, str], fmt: str,
                  progress: Optional[Callable[[float], None]] = None,
                  cancel: Optional[Callable[[], bool]] = None) -> ReadResult:
    """Read a CSV in chunks: a fast typed pass, redone with the csv module if it is dirty."""
    col_pos = {c: i for i, c in reversed(list(enumerate(layout.columns)))}
    positions = sorted({col_pos[src] for src in mapping.values()})
    pos_mapping = {canon: col_pos[src] for canon, src in mapping.items()}
    float_pos = {pos_mapping[c] for c in FLOAT_FIELDS if c in pos_mapping}
    preferred = ("%d/%m/%Y %H:%M:%S",) if fmt == "dma" else (
        ("%Y-%m-%dT%H:%M:%S",) if fmt == "marinecadastre" else ())

    stats: dict[str, int] = {}

    def run(fast: bool, dayfirst: Optional[bool] = None
            ) -> tuple[list[pd.DataFrame], IssueLog, TimeParser, int]:
        stats.clear()
        log = IssueLog()
        times = TimeParser(preferred, dayfirst=True if fmt == "dma" else dayfirst)
        parts: list[pd.DataFrame] = []
        rows = 0
        if fast:
            chunks = ((c, np.arange(c.index[0], c.index[0] + len(c)) + layout.header_line + 2)
                      for c in _fast_chunks(open_stream, layout, positions, float_pos))
        else:
            chunks = _robust_chunks(open_stream, layout, positions, file, log)
        for chunk, lines in chunks:
            if cancel is not None and cancel():
                raise Cancelled(f"reading {file} was cancelled")
            rows += len(chunk)
            parts.append(convert_frame(chunk, pos_mapping, lines, file, log, times,
                                       layout.decimal_comma and not fast, stats))
            if progress is not None:
                progress(min(99.0, 100.0 * fraction()))
        return parts, log, times, rows

    warnings = list(layout.warnings)
    fast = True
    try:
        parts, log, times, rows = run(fast)
    except _DirtyCsvError:  # dirty values or ragged lines: redo with the exact pass
        fast = False
        parts, log, times, rows = run(fast)
    if times.contradicted:  # early ambiguous dates were read day-first: redo month-first
        parts = []  # release the first pass before re-reading
        parts, log, times, rows = run(fast, dayfirst=False)
    if rows == 0 and log.count == 0:
        raise AisFormatError(f"{file}: the file has a header but no data rows")
    positions_frame = finalize(parts, file)
    if positions_frame.empty and log.count:
        first = log.issues[0] if log.issues else None
        raise AisFormatError(f"{file}: no usable rows ({log.count} problems; first: {first})")
    warnings += time_warnings(times, file, stats)
    if progress is not None:
        progress(100.0)
    return ReadResult(positions_frame, log.issues, log.count, fmt, warnings)
