"""Clean a canonical positions frame: AIS "not available" codes, bad identities,
duplicates, ordering and single-point position jumps. Every rule is counted."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .geo import haversine_m
from .schema import POSITION_DTYPES, conform

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


def imo_check_ok(imo: pd.Series) -> np.ndarray:
    """True where ``imo`` (strings) is 7 digits with a valid check digit."""
    s = imo.astype(object).where(imo.notna(), "").astype(str)
    ok = s.str.fullmatch(r"\d{7}").to_numpy(dtype=bool)
    digits = np.zeros((len(s), 7), dtype=np.int64)
    if ok.any():
        arr = np.frombuffer("".join(s[ok]).encode("ascii"), dtype=np.uint8).reshape(-1, 7) - 48
        digits[ok] = arr
    weighted = (digits[:, :6] * np.arange(7, 1, -1)).sum(axis=1) % 10
    return ok & (weighted == digits[:, 6])


def _category_values(col: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """(row codes, -1 = missing; the distinct values as a Series of str)."""
    cat = col.astype("category")
    return cat.cat.codes.to_numpy(), pd.Series(np.asarray(cat.cat.categories.astype(str)),
                                               dtype=object)


def _per_row(per_category: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Spread a per-category flag to rows; missing values (code -1) get False."""
    return np.append(np.asarray(per_category, dtype=bool), False)[codes]


def clean_positions(positions: pd.DataFrame, max_speed_kn: float = 50.0,
                    parse_failures: int = 0) -> tuple[pd.DataFrame, CleaningReport]:
    """Return (clean positions sorted by mmsi then time, report). The input is not modified."""
    report = CleaningReport(input_rows=len(positions), max_speed_kn=max_speed_kn)
    c = report.counts
    c["parse_failures"] = int(parse_failures)
    df = conform(positions, POSITION_DTYPES).copy()

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

    def clear(col: str, mask: np.ndarray, rule: str) -> None:
        c[rule] = int((mask & keep).sum())
        df.loc[mask, col] = np.nan

    with np.errstate(invalid="ignore"):
        sog = df["sog"].to_numpy()
        clear("sog", (np.isclose(sog, 102.3) | (sog == 1023) | (sog < 0)), "sog_not_available")
        cog = df["cog"].to_numpy()
        clear("cog", (cog >= 360) | (cog < 0), "cog_not_available")
        hdg = df["heading"].to_numpy()
        clear("heading", (hdg >= 360) | (hdg < 0), "heading_not_available")
        clear("draught", df["draught"].to_numpy() == 0, "draught_not_available")

    codes, cats = _category_values(df["imo"])
    cat_zero = cats.str.fullmatch(r"0+").to_numpy(dtype=bool)
    cat_bad = ~imo_check_ok(cats) & ~cat_zero
    zero_rows = _per_row(cat_zero, codes)
    bad_rows = _per_row(cat_bad, codes)
    c["imo_not_available"] = int((zero_rows & keep).sum())
    c["imo_bad_check_digit"] = int((bad_rows & keep).sum())
    df["imo"] = df["imo"].astype(object).where(~(zero_rows | bad_rows), None)

    codes, cats = _category_values(df["mmsi"])
    cat_len_bad = ~cats.str.fullmatch(r"\d{9}").to_numpy(dtype=bool)
    cat_placeholder = cats.isin(PLACEHOLDER_MMSIS).to_numpy() & ~cat_len_bad
    cat_nonship = ~cats.str.match(r"[2-7]").to_numpy(dtype=bool) & ~cat_len_bad & ~cat_placeholder
    len_bad = (codes < 0) | _per_row(cat_len_bad, codes)
    placeholder = _per_row(cat_placeholder, codes)
    c["mmsi_not_9_digits"] = int((len_bad & keep).sum())
    keep &= ~len_bad
    c["mmsi_placeholder"] = int((placeholder & keep).sum())
    keep &= ~placeholder
    c["non_ship_mmsi"] = int((_per_row(cat_nonship, codes) & keep).sum())

    no_time = df["time"].isna().to_numpy()
    c["missing_time"] = int((no_time & keep).sum())
    keep &= ~no_time
    df = df.loc[keep]

    data_cols = [col for col in df.columns if col != "source"]
    dup = df.duplicated(subset=data_cols, keep="first").to_numpy()
    c["exact_duplicates"] = int(dup.sum())
    df = df.loc[~dup]

    mcodes = df["mmsi"].astype(str).astype("category")
    mmsi_key = mcodes.cat.codes.to_numpy()  # categories are sorted, so codes sort like strings
    t = df["time"].to_numpy(dtype="datetime64[ns]").view("int64")
    by_mmsi = np.argsort(mmsi_key, kind="stable")  # input order within each MMSI
    same = mmsi_key[by_mmsi][1:] == mmsi_key[by_mmsi][:-1]
    c["out_of_order"] = int((same & (t[by_mmsi][1:] < t[by_mmsi][:-1])).sum())
    order = np.lexsort((t, mmsi_key))
    df = df.iloc[order]
    mmsi_key, t = mmsi_key[order], t[order]

    conflict = np.zeros(len(df), dtype=bool)
    conflict[1:] = (mmsi_key[1:] == mmsi_key[:-1]) & (t[1:] == t[:-1])
    c["same_time_conflict"] = int(conflict.sum())
    df, mmsi_key, t = df.iloc[~conflict], mmsi_key[~conflict], t[~conflict]

    jumps = _jump_mask(df["lat"].to_numpy(), df["lon"].to_numpy(), t, mmsi_key, max_speed_kn)
    c["impossible_jumps"] = int(jumps.sum())
    df = df.iloc[~jumps].reset_index(drop=True)
    df = conform(df, POSITION_DTYPES)
    df["mmsi"] = df["mmsi"].cat.remove_unused_categories()
    report.output_rows = len(df)
    return df, report


def _speed(lat: np.ndarray, lon: np.ndarray, t_s: np.ndarray, a: slice, b: slice) -> np.ndarray:
    """Implied speed in m/s between the points selected by slices ``a`` and ``b``."""
    dt = np.maximum(t_s[b] - t_s[a], 1.0)  # same-second reports were removed before
    return haversine_m(lat[a], lon[a], lat[b], lon[b]) / dt


def _jump_mask(lat: np.ndarray, lon: np.ndarray, t_ns: np.ndarray, key: np.ndarray,
               max_speed_kn: float) -> np.ndarray:
    """Single points whose implied speed from the previous kept point and to the next one
    both exceed the limit while the previous->next speed does not (a spoofed/glitched fix).

    Rows must be sorted by key then time. A few vectorised passes catch neighbouring glitches.
    """
    n = len(lat)
    dropped = np.zeros(n, dtype=bool)
    limit = max_speed_kn * _KNOT_MS
    for _ in range(_JUMP_PASSES):
        idx = np.flatnonzero(~dropped)
        if len(idx) < 3:
            break
        la, lo, tt, kk = lat[idx], lon[idx], t_ns[idx] / 1e9, key[idx]
        p, i, nx = slice(0, -2), slice(1, -1), slice(2, None)
        same = (kk[p] == kk[i]) & (kk[i] == kk[nx])
        bad = (same & (_speed(la, lo, tt, p, i) > limit) & (_speed(la, lo, tt, i, nx) > limit)
               & (_speed(la, lo, tt, p, nx) <= limit))
        # of two adjacent candidates keep the decision local: drop only every other one
        bad[1:] &= ~bad[:-1]
        if not bad.any():
            break
        dropped[idx[1:-1][bad]] = True
    return dropped
