"""Clean a canonical positions frame: AIS "not available" codes, bad identities,
duplicates, ordering and single-point position jumps. Every rule is counted."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np
import pandas as pd

from .geo import haversine_m
from .ids import imo_check_ok
from .schema import POSITION_COLUMNS, POSITION_DTYPES, conform

_KNOT_MS = 1852.0 / 3600.0
_JUMP_PASSES = 3
PLACEHOLDER_MMSIS = frozenset({d * 9 for d in "0123456789"} | {"123456789", "987654321",
                                                                "012345678", "000000001"})

# rule -> (kind, text); kind "drop" rows removed, "null" values set missing, "info" kept
_RULES: OrderedDict[str, tuple[str, str]] = OrderedDict([
    ("parse_failures", ("info", "{n} values or lines could not be read (see the read issues)")),
    ("lat_not_available", ("drop", "Dropped {n} positions with latitude 91 (not available)")),
    ("lon_not_available", ("drop", "Dropped {n} positions with longitude 181 (not available)")),
    ("position_out_of_range", ("drop", "Dropped {n} positions outside -90..90 / -180..180 "
                                        "or without coordinates")),
    ("null_island", ("drop", "Dropped {n} positions at 0°N 0°E (no GPS fix)")),
    ("sog_not_available", ("null", "Cleared {n} speeds of 102.3 kn / 1023 (not available) "
                                   "or negative")),
    ("cog_not_available", ("null", "Cleared {n} courses of 360° / 3600 (not available) "
                                   "or out of range")),
    ("heading_not_available", ("null", "Cleared {n} headings of 511 (not available) "
                                       "or out of range")),
    ("draught_not_available", ("null", "Cleared {n} draughts of 0 m (not available)")),
    ("imo_not_available", ("null", "Cleared {n} IMO numbers 0 (not available)")),
    ("imo_bad_check_digit", ("null", "Cleared {n} IMO numbers with a wrong check digit")),
    ("mmsi_not_9_digits", ("drop", "Dropped {n} positions whose MMSI is not 9 digits")),
    ("mmsi_placeholder", ("drop", "Dropped {n} positions with a placeholder MMSI "
                                  "(000000000, 123456789, ...)")),
    ("non_ship_mmsi", ("info", "Kept {n} positions from MMSIs outside the ship range 2xx-7xx "
                               "(base stations, aircraft, aids to navigation, ...)")),
    ("missing_time", ("drop", "Dropped {n} positions without a time")),
    ("exact_duplicates", ("drop", "Dropped {n} exact duplicate positions")),
    ("out_of_order", ("info", "Sorted {n} positions that came out of time order")),
    ("same_time_conflict", ("drop", "Dropped {n} reports with the same MMSI and time as an "
                                    "earlier one but different content (kept the first)")),
    ("impossible_jumps", ("drop", "Dropped {n} single positions implying an impossible "
                                  "speed (> {max_speed:g} kn) to and from their neighbours")),
])


@dataclass
class CleaningReport:
    """What :func:`clean_positions` did: counts per rule, in rule order."""

    counts: OrderedDict[str, int] = field(
        default_factory=lambda: OrderedDict((k, 0) for k in _RULES))
    input_rows: int = 0
    output_rows: int = 0
    max_speed_kn: float = 50.0

    def lines(self) -> list[str]:
        """Human-readable lines for the rules that applied (for the UI)."""
        out = [f"Read {self.input_rows} positions; {self.output_rows} remain after cleaning."]
        for rule, n in self.counts.items():
            if n:
                out.append(_RULES[rule][1].format(n=n, max_speed=self.max_speed_kn))
        return out


_NULL_RULES: tuple[tuple[str, str, Callable[[np.ndarray], np.ndarray]], ...] = (
    ("sog", "sog_not_available", lambda v: np.isclose(v, 102.3) | (v == 1023) | (v < 0)),
    ("cog", "cog_not_available", lambda v: (v >= 360) | (v < 0)),
    ("heading", "heading_not_available", lambda v: (v >= 360) | (v < 0)),
    ("draught", "draught_not_available", lambda v: v == 0),
)
_JUMP_BLOCK = 1 << 16


def _is_canonical(frame: pd.DataFrame) -> bool:
    return (list(frame.columns) == POSITION_COLUMNS
            and all(str(frame[c].dtype) == d for c, d in POSITION_DTYPES.items()))


def _per_row(per_category: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Spread a per-category flag to rows; missing values (code -1) get False."""
    return np.append(np.asarray(per_category, dtype=bool), False)[codes]


def code_dtype(n_categories: int) -> type:
    """Smallest signed integer type for codes of ``n_categories`` (and -1 for missing)."""
    return np.int8 if n_categories < 127 else np.int16 if n_categories < 32767 else np.int32


def compact_categorical(codes: np.ndarray, categories: pd.Index,
                         cleared: Optional[np.ndarray] = None) -> pd.Categorical:
    """Rows ``codes`` of ``categories`` without the unused (or ``cleared``) categories."""
    used = np.bincount(codes[codes >= 0], minlength=len(categories)) > 0
    if cleared is not None:
        used &= ~cleared
    recode = np.full(len(categories) + 1, -1, dtype=code_dtype(int(used.sum())))
    recode[:-1][used] = np.arange(int(used.sum()))
    return pd.Categorical.from_codes(recode[codes], categories=categories[used])


def clean_positions(positions: pd.DataFrame, max_speed_kn: float = 50.0,
                    parse_failures: int = 0) -> tuple[pd.DataFrame, CleaningReport]:
    """Return (clean positions sorted by mmsi then time, report). The input is not modified.

    Memory: the input is only read; rows are selected and sorted through one index array
    and each output column is taken once.
    """
    report = CleaningReport(input_rows=len(positions), max_speed_kn=max_speed_kn)
    c = report.counts
    c["parse_failures"] = int(parse_failures)
    df = positions if _is_canonical(positions) else conform(positions, POSITION_DTYPES)

    lat, lon = df["lat"].to_numpy(), df["lon"].to_numpy()
    lat_na, lon_na = lat == 91, lon == 181
    c["lat_not_available"] = int(lat_na.sum())
    c["lon_not_available"] = int((lon_na & ~lat_na).sum())
    with np.errstate(invalid="ignore"):
        bad_range = ~(lat_na | lon_na) & ~((np.abs(lat) <= 90) & (np.abs(lon) <= 180))
    c["position_out_of_range"] = int(bad_range.sum())
    null_island = (lat == 0) & (lon == 0)
    c["null_island"] = int(null_island.sum())
    keep = ~(lat_na | lon_na | bad_range | null_island)
    del lat_na, lon_na, bad_range, null_island

    with np.errstate(invalid="ignore"):  # counted here, applied to the output columns
        for col, rule, is_na in _NULL_RULES:
            c[rule] = int((is_na(df[col].to_numpy()) & keep).sum())

    imo_codes = df["imo"].cat.codes.to_numpy()
    cats = pd.Series(np.asarray(df["imo"].cat.categories.astype(str)), dtype=object)
    cat_zero = cats.str.fullmatch(r"0+").to_numpy(dtype=bool)
    cat_bad = ~imo_check_ok(cats) & ~cat_zero
    imo_cleared = cat_zero | cat_bad
    c["imo_not_available"] = int((_per_row(cat_zero, imo_codes) & keep).sum())
    c["imo_bad_check_digit"] = int((_per_row(cat_bad, imo_codes) & keep).sum())

    mcodes = df["mmsi"].cat.codes.to_numpy()
    cats = pd.Series(np.asarray(df["mmsi"].cat.categories.astype(str)), dtype=object)
    cat_len_bad = ~cats.str.fullmatch(r"\d{9}").to_numpy(dtype=bool)
    cat_placeholder = cats.isin(PLACEHOLDER_MMSIS).to_numpy() & ~cat_len_bad
    cat_nonship = ~cats.str.match(r"[2-7]").to_numpy(dtype=bool) & ~cat_len_bad & ~cat_placeholder
    len_bad = (mcodes < 0) | _per_row(cat_len_bad, mcodes)
    c["mmsi_not_9_digits"] = int((len_bad & keep).sum())
    keep &= ~len_bad
    del len_bad
    placeholder = _per_row(cat_placeholder, mcodes)
    c["mmsi_placeholder"] = int((placeholder & keep).sum())
    keep &= ~placeholder
    del placeholder
    c["non_ship_mmsi"] = int((_per_row(cat_nonship, mcodes) & keep).sum())

    t_all = df["time"].to_numpy(dtype="datetime64[ns]")
    no_time = np.isnat(t_all)
    c["missing_time"] = int((no_time & keep).sum())
    keep &= ~no_time
    del no_time
    idx = np.flatnonzero(keep)
    del keep

    # MMSI rank in string order (categories need not be sorted)
    rank = np.argsort(np.argsort(np.asarray(cats, dtype=str), kind="stable"))
    key = rank.astype(code_dtype(len(rank)))[mcodes[idx]]
    t = t_all[idx].view("int64")
    by_mmsi = np.argsort(key, kind="stable")  # input order within each MMSI
    kb, tb = key[by_mmsi], t[by_mmsi]
    del key, t
    o2 = np.lexsort((tb, kb))  # then by time (stable: input order among equal times)
    srt = by_mmsi[o2]
    del by_mmsi
    ks, ts = kb[o2], tb[o2]

    # exact duplicates share MMSI and time, so only rows in such groups are compared
    same = (ks[1:] == ks[:-1]) & (ts[1:] == ts[:-1])
    multi = np.zeros(len(ks), dtype=bool)
    multi[1:] |= same
    multi[:-1] |= same
    dup = np.zeros(len(ks), dtype=bool)
    if multi.any():
        where = np.flatnonzero(multi)
        sub = _cleared(df.take(idx[srt[where]]), imo_cleared)
        dup[where[sub.drop(columns="source").duplicated(keep="first").to_numpy()]] = True
    c["exact_duplicates"] = int(dup.sum())
    if dup.any():  # out of order is counted on the rows left, in input order per MMSI
        alive = np.ones(len(kb), dtype=bool)
        alive[o2[dup]] = False
        kb, tb = kb[alive], tb[alive]
        ks, ts, srt = ks[~dup], ts[~dup], srt[~dup]
    del o2, dup, multi, same
    c["out_of_order"] = int(((kb[1:] == kb[:-1]) & (tb[1:] < tb[:-1])).sum())
    del kb, tb

    conflict = np.zeros(len(ks), dtype=bool)
    conflict[1:] = (ks[1:] == ks[:-1]) & (ts[1:] == ts[:-1])
    c["same_time_conflict"] = int(conflict.sum())
    if conflict.any():
        ks, ts, srt = ks[~conflict], ts[~conflict], srt[~conflict]
    del conflict
    sel = idx[srt]
    del idx, srt

    lat_s, lon_s = lat[sel], lon[sel]
    jumps = _jump_mask(lat_s, lon_s, ts, ks, max_speed_kn)
    c["impossible_jumps"] = int(jumps.sum())
    if jumps.any():
        ok = ~jumps
        sel, ts, lat_s, lon_s = sel[ok], ts[ok], lat_s[ok], lon_s[ok]
        del ok
    del ks, jumps

    out = pd.DataFrame(index=pd.RangeIndex(len(sel)))
    for col in POSITION_COLUMNS:
        values: object
        if col == "mmsi":
            values = compact_categorical(mcodes[sel], df["mmsi"].cat.categories)
        elif col == "time":
            values = pd.DatetimeIndex(ts.view("datetime64[ns]")).tz_localize("UTC").array
            del ts
        elif col == "lat":
            values, lat_s = lat_s, None
        elif col == "lon":
            values, lon_s = lon_s, None
        elif col == "imo":
            values = compact_categorical(imo_codes[sel], df["imo"].cat.categories, imo_cleared)
        elif col in ("sog", "cog", "heading", "draught"):
            values = df[col].to_numpy()[sel]
            with np.errstate(invalid="ignore"):
                values[_NULL_TEST[col](values)] = np.nan
        else:
            values = df[col].array.take(sel)
        out[col] = values
        del values
    report.output_rows = len(out)
    return out, report


_NULL_TEST = {col: is_na for col, _, is_na in _NULL_RULES}


def _cleared(sub: pd.DataFrame, imo_cleared: np.ndarray) -> pd.DataFrame:
    """A (small) frame with the "not available" values cleared as in the output."""
    sub = sub.copy()
    with np.errstate(invalid="ignore"):
        for col, _, is_na in _NULL_RULES:
            sub.loc[is_na(sub[col].to_numpy()), col] = np.nan
    bad = _per_row(imo_cleared, sub["imo"].cat.codes.to_numpy())
    sub["imo"] = sub["imo"].astype(object).where(~bad, None)
    return sub


def _speed(lat: np.ndarray, lon: np.ndarray, t_s: np.ndarray, a: slice, b: slice) -> np.ndarray:
    """Implied speed in m/s between the points selected by slices ``a`` and ``b``."""
    dt = np.maximum(t_s[b] - t_s[a], 1.0)  # same-second reports were removed before
    return haversine_m(lat[a], lon[a], lat[b], lon[b]) / dt


def _jump_mask(lat: np.ndarray, lon: np.ndarray, t_ns: np.ndarray, key: np.ndarray,
               max_speed_kn: float) -> np.ndarray:
    """Single points whose implied speed from the previous kept point and to the next one
    both exceed the limit while the previous->next speed does not (a spoofed/glitched fix).

    Rows must be sorted by key then time. A few vectorised passes catch neighbouring glitches;
    each pass works through blocks of rows so its temporaries stay small.
    """
    n = len(lat)
    dropped = np.zeros(n, dtype=bool)
    limit = max_speed_kn * _KNOT_MS
    for _ in range(_JUMP_PASSES):
        idx = np.flatnonzero(~dropped)
        m = len(idx)
        if m < 3:
            break
        found = False
        prev_raw = False  # raw flag of the triple just before the block
        for s in range(0, m - 2, _JUMP_BLOCK):
            e = min(s + _JUMP_BLOCK, m - 2)  # triples (idx[j], idx[j+1], idx[j+2]), s <= j < e
            rows = idx[s: e + 2]
            la, lo, tt, kk = lat[rows], lon[rows], t_ns[rows] / 1e9, key[rows]
            p, i, nx = slice(0, -2), slice(1, -1), slice(2, None)
            same = (kk[p] == kk[i]) & (kk[i] == kk[nx])
            raw = (same & (_speed(la, lo, tt, p, i) > limit) & (_speed(la, lo, tt, i, nx) > limit)
                   & (_speed(la, lo, tt, p, nx) <= limit))
            # of two adjacent candidates keep the decision local: drop only every other one
            bad = raw.copy()
            bad[1:] &= ~raw[:-1]
            bad[0] &= not prev_raw
            prev_raw = bool(raw[-1])
            if bad.any():
                found = True
                dropped[rows[1:-1][bad]] = True
        if not found:
            break
    return dropped
