"""Cargo volume estimates per trip (low / central / high) and the UN cap check.

Public API
----------
* :class:`Assumptions` ``(product, bbl_per_t, cargo_share, fill_low, fill_central, fill_high,
  default_dwt, draught_threshold_m)`` with :meth:`Assumptions.describe` ``-> list[str]``
  (the assumptions in plain words for the UI and reports).
* :data:`BBL_PER_TONNE` - barrels per tonne by product (FACTS.md §3, BP column).
* :func:`trip_volumes` ``(trips, particulars=None, sanctions=None, assumptions) -> frame`` -
  the trips with ``dwt, dwt_source, dwt_assumed, cargo_t_capacity, counted_low/central/high,
  tonnes_low/central/high, barrels_low/central/high``.
* :func:`totals` ``(volumes) -> dict`` - summed low/central/high barrels and tonnes, trip counts.
* :func:`un_cap` ``(volumes, assumptions, start=None, end=None) -> (per_year, cumulative)`` -
  barrels per calendar year against the UN cap, and a cumulative series by date.

Method (the analysts' method, FACTS.md §3): per trip, tonnes = DWT x cargo share x fill,
barrels = tonnes x barrels per tonne of the product.

* central: trips whose laden state is ``laden``, at ``fill_central`` (0.90: the US 2018
  "fully loaded = about 90 % laden");
* high: ``laden`` plus ``unknown``-state trips, at ``fill_high`` (0.98: the usual maximum
  filling of product tanks);
* low: ``laden`` trips only, at ``fill_low`` (1/3: the US 2018 conservative floor).

Only trips of level ``confirmed`` or ``inferred`` count; ``possible`` trips and trips that
left in ballast count zero in every scenario. Because fill_low <= fill_central <= fill_high
(checked) and the high set contains the central set, low <= central <= high always holds.

DWT: particulars by IMO then MMSI, else the sanctions table's ``tonnage`` by IMO then MMSI,
else :attr:`Assumptions.default_dwt` (3,000 t: the DPRK fleet is 1,000-9,000 dwt "mostly at the
small end", and about a dozen ~3,000 dwt tankers ran the 2016-17 Vladivostok shuttle,
FACTS.md §0 and §1c) with ``dwt_assumed`` True.

UN cap: resolution 2397 (2017) caps refined petroleum products delivered to the DPRK at
500,000 bbl a year (crude oil: 4 million bbl a year). A trip's barrels fall in the calendar
year of its departure (when the cargo leaves).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from .calls import COUNTED_LEVELS
from .trips import attach_particulars, utc_timestamp

BBL_PER_TONNE: dict[str, float] = {
    "diesel": 7.46,      # gas/diesel oil (gasoil), BP; matches the Argus DPRK figures
    "gasoil": 7.46,
    "gasoline": 8.50,    # motor gasoline, UNSD
    "kerosene": 7.88,    # kerosene / jet, BP
    "fuel_oil": 6.35,    # residual fuel oil, BP
    "crude": 7.33,       # crude, BP
    "lpg": 11.6,         # BP
}
UN_CAP_REFINED_BBL = 500_000
UN_CAP_CRUDE_BBL = 4_000_000


@dataclass(frozen=True)
class Assumptions:
    """Volume assumptions. ``bbl_per_t`` None means the product's value from :data:`BBL_PER_TONNE`
    (a custom product needs an explicit ``bbl_per_t``)."""

    product: str = "diesel"
    bbl_per_t: Optional[float] = None
    cargo_share: float = 0.95
    fill_low: float = 1.0 / 3.0
    fill_central: float = 0.90
    fill_high: float = 0.98
    default_dwt: float = 3000.0
    draught_threshold_m: float = 0.5

    def __post_init__(self) -> None:
        if self.bbl_per_t is None and self.product not in BBL_PER_TONNE:
            raise ValueError(f"Assumptions: unknown product {self.product!r}; give bbl_per_t or "
                             f"use one of {', '.join(BBL_PER_TONNE)}")
        for name in ("cargo_share", "fill_low", "fill_central", "fill_high"):
            v = getattr(self, name)
            if not (np.isfinite(v) and 0 < v <= 1):
                raise ValueError(f"Assumptions.{name} must be in (0, 1], got {v!r}")
        if not self.fill_low <= self.fill_central <= self.fill_high:
            raise ValueError("Assumptions: fills must satisfy fill_low <= fill_central <= fill_high, got "
                             f"{self.fill_low:g}, {self.fill_central:g}, {self.fill_high:g}")
        for name in ("default_dwt", "bbl_per_t"):
            v = getattr(self, name)
            if v is not None and not (np.isfinite(v) and v > 0):
                raise ValueError(f"Assumptions.{name} must be a positive number, got {v!r}")
        if not (np.isfinite(self.draught_threshold_m) and self.draught_threshold_m >= 0):
            raise ValueError(f"Assumptions.draught_threshold_m must be >= 0, got {self.draught_threshold_m!r}")

    @property
    def barrels_per_tonne(self) -> float:
        return float(self.bbl_per_t if self.bbl_per_t is not None else BBL_PER_TONNE[self.product])

    @property
    def un_cap_bbl(self) -> int:
        return UN_CAP_CRUDE_BBL if self.product == "crude" else UN_CAP_REFINED_BBL

    def describe(self) -> list[str]:
        """The assumptions in plain words."""
        cap_what = "crude oil" if self.product == "crude" else "refined petroleum products"
        return [
            f"Product: {self.product.replace('_', ' ')}, converted at {self.barrels_per_tonne:g} barrels per tonne.",
            f"Cargo capacity is {self.cargo_share:.0%} of the ship's deadweight (the rest is fuel, "
            "water, stores and ballast).",
            f"Central estimate: every trip that left laden carried {self.fill_central:.0%} of its "
            "cargo capacity.",
            f"High estimate: trips that left laden and trips whose load is unknown carried "
            f"{self.fill_high:.0%} of capacity.",
            f"Low estimate: only trips that left laden, at {self.fill_low:.0%} of capacity "
            "(the conservative floor used by the US in 2018).",
            f"A trip is laden when the reported draught rose by at least {self.draught_threshold_m:g} m "
            "during the visit, or a satellite image showed the ship laden; an unchanged AIS draught "
            "proves nothing (crews often do not update it).",
            "Only confirmed and inferred trips are counted; possible trips (an AIS gap that merely "
            "fits a visit) are listed but never counted.",
            f"Ships without a known deadweight are assumed to be {self.default_dwt:,.0f} dwt "
            "(marked 'DWT assumed').",
            f"The UN cap (Security Council resolution 2397) is {self.un_cap_bbl:,} barrels of "
            f"{cap_what} a year; barrels count in the year the tanker left the terminal.",
        ]


DEFAULT_ASSUMPTIONS = Assumptions()  # frozen, so safe as a shared default


def _dwt(trips: pd.DataFrame, particulars: Optional[pd.DataFrame],
         sanctions: Optional[pd.DataFrame], default: float) -> tuple[np.ndarray, np.ndarray]:
    dwt = attach_particulars(trips, particulars)["dwt"].to_numpy(float)
    source = np.where(np.isfinite(dwt), "particulars", None).astype(object)
    if sanctions is not None and len(sanctions) and "tonnage" in sanctions.columns:
        table = sanctions.rename(columns={"tonnage": "dwt"})[[c for c in ("imo", "mmsi") if c in sanctions.columns]
                                                            + ["dwt"]]
        table = table[pd.to_numeric(table["dwt"], errors="coerce") > 0]
        listed = attach_particulars(trips, table)["dwt"].to_numpy(float)
        use = ~np.isfinite(dwt) & np.isfinite(listed) & (listed > 0)
        dwt[use] = listed[use]
        source[use] = "sanctions list"
    missing = ~np.isfinite(dwt)
    dwt[missing] = default
    source[missing] = "assumed"
    return dwt, source


def trip_volumes(trips: pd.DataFrame, particulars: Optional[pd.DataFrame] = None,
                 sanctions: Optional[pd.DataFrame] = None,
                 assumptions: Assumptions = DEFAULT_ASSUMPTIONS) -> pd.DataFrame:
    """``trips`` (from :mod:`.trips`) with deadweight and low/central/high tonnes and barrels."""
    a = assumptions
    out = trips.copy().reset_index(drop=True)
    dwt, source = _dwt(out, particulars, sanctions, a.default_dwt)
    out["dwt"] = dwt
    out["dwt_source"] = source
    out["dwt_assumed"] = source == "assumed"
    capacity = dwt * a.cargo_share
    out["cargo_t_capacity"] = capacity
    counted = out["level"].isin(COUNTED_LEVELS).to_numpy() if "level" in out else np.ones(len(out), bool)
    state = out["laden_state"].to_numpy(dtype=object)
    laden = counted & (state == "laden")
    unknown = counted & (state == "unknown")
    bpt = a.barrels_per_tonne
    for label, mask, fill in (("low", laden, a.fill_low), ("central", laden, a.fill_central),
                              ("high", laden | unknown, a.fill_high)):
        tonnes = np.where(mask, capacity * fill, 0.0)
        out[f"counted_{label}"] = mask
        out[f"tonnes_{label}"] = tonnes
        out[f"barrels_{label}"] = tonnes * bpt
    return out


def totals(volumes: pd.DataFrame) -> dict:
    """Summed barrels and tonnes per scenario plus trip counts (for headline figures)."""
    counted = volumes["level"].isin(COUNTED_LEVELS)
    out = {
        "trips_counted": int(counted.sum()),
        "trips_possible": int((volumes["level"] == "possible").sum()),
        "trips_laden": int((counted & (volumes["laden_state"] == "laden")).sum()),
        "trips_unknown": int((counted & (volumes["laden_state"] == "unknown")).sum()),
        "trips_ballast": int((counted & (volumes["laden_state"] == "ballast")).sum()),
        "dwt_assumed_trips": int((counted & volumes["dwt_assumed"]).sum()),
    }
    for label in ("low", "central", "high"):
        out[f"barrels_{label}"] = float(volumes[f"barrels_{label}"].sum())
        out[f"tonnes_{label}"] = float(volumes[f"tonnes_{label}"].sum())
    return out


def un_cap(volumes: pd.DataFrame, assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
           start=None, end=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Barrels per calendar year against the UN cap, and the cumulative series by date.

    ``per_year``: ``year, trips, barrels_low/central/high, cap_bbl, share_low/central/high``
    (share = barrels / cap), one row per calendar year touched by ``[start, end]`` (or by the
    trips' departures when no period is given), zero rows included.
    ``cumulative``: one row per departure date with ``date, year, barrels_*`` of that day and
    ``cumulative_*`` within the calendar year (the cap is per year), plus ``share_central``.
    """
    cap = assumptions.un_cap_bbl
    cols = ["barrels_low", "barrels_central", "barrels_high"]
    dep = pd.to_datetime(volumes["departure"], utc=True)
    years_seen = dep.dt.year
    first = utc_timestamp(start).year if start is not None else (int(years_seen.min()) if len(dep) else None)
    last = utc_timestamp(end).year if end is not None else (int(years_seen.max()) if len(dep) else None)
    years = list(range(first, last + 1)) if first is not None and last is not None else []
    counted = volumes["level"].isin(COUNTED_LEVELS).to_numpy()
    df = pd.DataFrame({"year": years_seen.to_numpy(), "date": dep.dt.floor("D").to_numpy(),
                       "counted": counted, **{c: volumes[c].to_numpy(float) for c in cols}})
    per_year = df.groupby("year").agg(trips=("counted", "sum"), **{c: (c, "sum") for c in cols})
    per_year = per_year.reindex(years, fill_value=0).rename_axis("year").reset_index()
    per_year["trips"] = per_year["trips"].astype(np.int64)
    per_year["cap_bbl"] = cap
    for label in ("low", "central", "high"):
        per_year[f"share_{label}"] = per_year[f"barrels_{label}"] / cap
    daily = df.groupby("date", sort=True)[cols].sum().reset_index()
    daily["date"] = pd.to_datetime(daily["date"], utc=True)
    daily["year"] = daily["date"].dt.year
    for label in ("low", "central", "high"):
        daily[f"cumulative_{label}"] = daily.groupby("year")[f"barrels_{label}"].cumsum()
    daily["share_central"] = daily["cumulative_central"] / cap
    return per_year, daily
