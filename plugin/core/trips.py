"""Trips into a user's region, with the laden state of each trip.

A *trip* is one visit of one vessel to the region, from entering to leaving: consecutive
calls of the vessel located in the region belong to one trip unless a position reported
between them lies outside the region (the vessel left and came back). A transit without
any call (stop or dark call) is not a trip.

Public API
----------
* :class:`TripFilters` - period, tankers only (default on), sanctioned only, flags, vessels.
* :func:`prepare_region_analysis` ``(positions, calls, dark_gaps, sightings=None,
  particulars=None, params=CallParams()) -> RegionAnalysis`` - the expensive, region-free
  part, done once per data set (position look-up keys, sighting matches, particulars).
* :meth:`RegionAnalysis.trips` ``(region, filters=TripFilters(), draught_threshold_m=0.5)
  -> trips`` - the cheap part, re-run for every new polygon: tests the call locations
  (a few thousand points) against the polygon, evaluates the remaining dark gaps against the
  region as an area (:func:`.calls.dark_calls`), groups calls into visits (testing only the
  positions *between* consecutive in-region calls of a vessel), then filters.
* :func:`trips_in_region` - the same as a one-shot function.
* :func:`laden_state` ``(draught_in, draught_out, sighting_state, threshold) -> (state, evidence)``.
* :func:`attach_particulars` ``(frame, particulars)`` - ``flag, p_ship_type, dwt`` by IMO then MMSI.

Trips frame: :data:`TRIP_COLUMNS`.

Rules and choices
-----------------
* Period: a trip is kept when ``[arrival, departure]`` overlaps ``[start, end]`` (both
  inclusive), so a visit spanning a period boundary counts once, in full.
* Region dark calls: dark gaps not already covered by an in-region call, nor explained by a
  sighting-confirmed call outside the region, are tested against the region polygon with the
  same rules as ports (:mod:`.calls`), so a region drawn away from any port still gets them.
* Level of a trip: the best level of its calls; ``counted`` is True for ``confirmed`` and
  ``inferred`` only (``possible`` trips are listed but never counted).
* Laden state: ``draught_out - draught_in`` (first call's arrival draught, last call's
  departure draught, rounded to 1 cm) ``>= threshold`` -> ``laden``; ``<= -threshold`` ->
  ``ballast`` (discharged / left in ballast); otherwise, or with a draught missing, the
  latest satellite sighting of the vessel between arrival and ``sighting_after_h`` after
  departure decides (``laden``/``ballast``); else ``unknown``. AIS draught is typed by the
  crew and often stale, so an unchanged draught never means "left empty".
* Tankers: AIS ship type 80-89, or particulars ship type 80-89 or containing "tanker".
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

import numpy as np
import pandas as pd

from .calls import (
    CALL_DTYPES,
    COUNTED_LEVELS,
    DEFAULT_PARAMS,
    CallParams,
    aggregate_calls,
    as_multipolygon,
    dark_calls,
    draught_change,
    match_sightings,
    name_keys,
    region_area,
)
from .polygons import points_in_polygon
from .schema import TANKER_SHIP_TYPES, conform
from .tracks import NS_PER_HOUR, ranges

TRIP_DTYPES: dict[str, str] = {
    "trip_id": "int64",
    "mmsi": "object",
    "imo": "object",
    "name": "object",
    "ship_type": "Int16",
    "flag": "object",
    "arrival": "datetime64[ns, UTC]",
    "departure": "datetime64[ns, UTC]",
    "duration_h": "float64",
    "n_calls": "int64",
    "ports": "object",           # "|"-joined port/terminal names of the calls
    "evidence": "object",
    "evidence_all": "object",
    "level": "object",
    "counted": "bool",
    "draught_in": "float32",
    "draught_out": "float32",
    "draught_change_m": "float64",
    "sighting_state": "object",  # latest sighting's state during/after the trip, or None
    "laden_state": "object",     # laden, ballast, unknown
    "laden_evidence": "object",  # draught, sighting, none
    "lat": "float64",
    "lon": "float64",
    "sanctioned": "boolean",     # <NA> when no sanctions list was given
}
TRIP_COLUMNS: list[str] = list(TRIP_DTYPES)


@dataclass(frozen=True)
class TripFilters:
    """Which trips to keep. ``start``/``end`` are instants (naive = UTC; pass the end of the
    last day to include it); ``sanctioned``: listed MMSIs/IMOs (keep only those vessels);
    ``flags``: flag names/codes from the particulars, or 3-digit MMSI MIDs ("445");
    ``vessels``: MMSIs, IMOs or names."""

    start: Optional[pd.Timestamp] = None
    end: Optional[pd.Timestamp] = None
    tankers_only: bool = True
    sanctioned: Optional[Iterable[str]] = None
    flags: Optional[Iterable[str]] = None
    vessels: Optional[Iterable[str]] = None


NO_FILTERS = TripFilters()  # frozen: the default (all periods, tankers only)


def laden_state(draught_in: np.ndarray, draught_out: np.ndarray, sighting_state: np.ndarray,
                threshold_m: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised laden state and its evidence (see the module docstring)."""
    change = draught_change(draught_in, draught_out)
    eps = 1e-9
    up = change >= threshold_m - eps
    down = change <= -threshold_m + eps
    sighting = np.asarray(sighting_state, dtype=object)
    s_laden = sighting == "laden"
    s_ballast = sighting == "ballast"
    state = np.select([up, down, s_laden, s_ballast], ["laden", "ballast", "laden", "ballast"], "unknown")
    evidence = np.select([up | down, s_laden | s_ballast], ["draught", "sighting"], "none")
    return state.astype(object), evidence.astype(object)


def utc_timestamp(value) -> pd.Timestamp:
    """A timestamp in UTC; naive values (and dates) are taken as UTC."""
    ts = pd.Timestamp(value)
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def _norm(values) -> pd.Series:
    s = pd.Series(list(values), dtype=object)
    return s.where(s.notna(), "").astype(str).str.strip().str.upper()


def attach_particulars(frame: pd.DataFrame, particulars: Optional[pd.DataFrame]) -> pd.DataFrame:
    """Columns ``flag``, ``p_ship_type``, ``dwt`` for each row of ``frame`` (mmsi, imo):
    the particulars row with the same IMO, else the same MMSI; missing when none."""
    n = len(frame)
    out = pd.DataFrame({"flag": [None] * n, "p_ship_type": [None] * n, "dwt": np.full(n, np.nan)},
                       index=frame.index)
    if particulars is None or len(particulars) == 0 or n == 0:
        return out
    p = particulars.reset_index(drop=True)
    for col in ("flag", "ship_type", "dwt"):
        if col not in p.columns:
            p[col] = None
    taken = np.zeros(n, dtype=bool)
    for key in ("imo", "mmsi"):
        if key not in p.columns:
            continue
        pk = _norm(p[key])
        first = pd.Series(np.arange(len(p)), index=pk).loc[lambda s: s.index != ""]
        first = first[~first.index.duplicated(keep="first")]
        fk = _norm(frame[key]) if key in frame.columns else pd.Series([""] * n)
        hit = fk.map(first).to_numpy()
        use = ~taken & pd.notna(hit) & (fk != "").to_numpy()
        rows = hit[use].astype(np.int64)
        out.loc[out.index[use], "flag"] = p["flag"].to_numpy(dtype=object)[rows]
        out.loc[out.index[use], "p_ship_type"] = p["ship_type"].to_numpy(dtype=object)[rows]
        out.loc[out.index[use], "dwt"] = pd.to_numeric(p["dwt"], errors="coerce").to_numpy(float)[rows]
        taken |= use
    return out


def is_tanker(ship_type: pd.Series, p_ship_type: pd.Series) -> np.ndarray:
    """AIS type 80-89, or particulars type 80-89 / text containing "tanker"."""
    lo, hi = TANKER_SHIP_TYPES.start, TANKER_SHIP_TYPES.stop - 1
    ais = pd.to_numeric(pd.Series(list(ship_type), dtype=object), errors="coerce")
    ok = ((ais >= lo) & (ais <= hi)).to_numpy()
    pt = pd.Series(list(p_ship_type), dtype=object)
    pnum = pd.to_numeric(pt, errors="coerce")
    ok |= ((pnum >= lo) & (pnum <= hi)).to_numpy()
    ok |= pt.where(pt.notna(), "").astype(str).str.contains("tanker", case=False).to_numpy()
    return ok


class RegionAnalysis:
    """Region-independent data of a trips analysis; call :meth:`trips` for each region."""

    def __init__(self, positions: pd.DataFrame, calls: pd.DataFrame, dark_gaps: Optional[pd.DataFrame],
                 sightings: Optional[pd.DataFrame] = None, particulars: Optional[pd.DataFrame] = None,
                 params: CallParams = DEFAULT_PARAMS, sighting_after_h: float = 24.0) -> None:
        self.params = params
        self.sightings = sightings if sightings is not None and len(sightings) else None
        self.sighting_after_h = sighting_after_h
        self.calls = conform(calls, CALL_DTYPES).reset_index(drop=True)
        self.dark_gaps = (dark_gaps.reset_index(drop=True) if dark_gaps is not None
                          else pd.DataFrame())
        self.particulars = particulars
        # position look-up: one sorted float key per row = vessel * span + seconds
        mmsi = positions["mmsi"]
        if isinstance(mmsi.dtype, pd.CategoricalDtype):
            codes = mmsi.cat.codes.to_numpy().astype(np.int64)
            cats = mmsi.cat.categories.astype(str)
        else:
            codes, cats = pd.factorize(mmsi.astype(str))
            cats = pd.Index(cats).astype(str)
        self._code_of = {m: i for i, m in enumerate(cats)}
        t = positions["time"].to_numpy(dtype="datetime64[ns]").view(np.int64)
        self._t_origin = int(t.min()) if t.size else 0
        t_s = (t - self._t_origin) / 1e9
        self._span = float(t_s.max() + 1e6) if t_s.size else 1e6
        key = codes * self._span + t_s
        order = None
        if key.size > 1 and (np.diff(key) < 0).any():
            order = np.argsort(key, kind="stable")
            key = key[order]
        self._key = key
        lat = positions["lat"].to_numpy(dtype=np.float64)
        lon = positions["lon"].to_numpy(dtype=np.float64)
        self._lat = lat if order is None else lat[order]
        self._lon = lon if order is None else lon[order]

    def _keys(self, mmsi: pd.Series, times: pd.Series) -> np.ndarray:
        codes = np.array([self._code_of.get(str(m), -1) for m in mmsi], dtype=np.int64)
        t = (times.to_numpy(dtype="datetime64[ns]").view(np.int64) - self._t_origin) / 1e9
        return np.where(codes >= 0, codes * self._span + t, np.nan)

    def _region_dark_calls(self, polys: list, inside_calls: pd.DataFrame, inside: np.ndarray) -> pd.DataFrame:
        gaps = self.dark_gaps
        if len(gaps) == 0:
            return inside_calls.iloc[0:0]
        covered = np.zeros(len(gaps), dtype=bool)
        outside_sighted = self.calls[~inside & (self.calls["evidence"] == "sighting")]
        for cover in (inside_calls, outside_sighted):
            if len(cover) == 0:
                continue
            m = gaps[["mmsi", "start_time", "end_time"]].assign(_g=np.arange(len(gaps)), mmsi=gaps["mmsi"].astype(str))
            c = cover[["mmsi", "arrival", "departure"]].assign(mmsi=cover["mmsi"].astype(str))
            j = m.merge(c, on="mmsi")
            hit = j["_g"][(j["arrival"] <= j["start_time"]) & (j["departure"] >= j["end_time"])]
            covered[hit.to_numpy()] = True
        rest = gaps[~covered]
        if len(rest) == 0:
            return inside_calls.iloc[0:0]
        return dark_calls(rest, [region_area(polys)], self.sightings, self.params)

    def trips(self, region, filters: TripFilters = NO_FILTERS, draught_threshold_m: float = 0.5) -> pd.DataFrame:
        """Trips into ``region`` (GeoJSON/WKT/nested (multi)polygon, holes allowed)."""
        polys = as_multipolygon(region)
        calls = self.calls
        inside = points_in_polygon(calls["lat"].to_numpy(float), calls["lon"].to_numpy(float), polys)
        in_calls = calls[inside]
        extra = self._region_dark_calls(polys, in_calls, inside)
        rc = pd.concat([in_calls, extra], ignore_index=True) if len(extra) else in_calls.reset_index(drop=True)
        if len(rc) == 0:
            return conform(pd.DataFrame(columns=TRIP_COLUMNS), TRIP_DTYPES)
        rc = rc.sort_values(["mmsi", "arrival", "departure"], kind="mergesort").reset_index(drop=True)
        group = self._visits(rc, polys)
        trips = self._aggregate(rc, group, draught_threshold_m)
        return self._filter(trips, filters)

    def _visits(self, rc: pd.DataFrame, polys: list) -> np.ndarray:
        """Trip number per region call: a new trip when the vessel changes or a position
        between the previous call's departure and this call's arrival is outside the region."""
        n = len(rc)
        mmsi = rc["mmsi"].astype(str).to_numpy()
        same = np.zeros(n, dtype=bool)
        same[1:] = mmsi[1:] == mmsi[:-1]
        new = ~same
        idx = np.flatnonzero(same)
        if idx.size:
            # previous departure = running max within the vessel (calls may overlap)
            dep = rc["departure"].to_numpy(dtype="datetime64[ns]").view(np.int64)
            prev_dep = pd.Series(dep).groupby(np.cumsum(~same)).cummax().shift(1)
            prev_dep = pd.to_datetime(prev_dep.to_numpy()[idx].astype(np.int64), utc=True)
            lo_key = self._keys(rc["mmsi"].iloc[idx], pd.Series(prev_dep))
            hi_key = self._keys(rc["mmsi"].iloc[idx], rc["arrival"].iloc[idx])
            lo = np.searchsorted(self._key, lo_key, side="right")
            hi = np.searchsorted(self._key, hi_key, side="left")
            count = np.maximum(hi - lo, 0)
            count[np.isnan(lo_key) | np.isnan(hi_key)] = 0
            if count.sum():
                owner = np.repeat(np.arange(idx.size), count)
                rows = ranges(lo, count)
                out = ~points_in_polygon(self._lat[rows], self._lon[rows], polys)
                left = np.zeros(idx.size, dtype=bool)
                left[owner[out]] = True
                new[idx[left]] = True
        return np.cumsum(new)

    def _aggregate(self, rc: pd.DataFrame, group: np.ndarray, threshold: float) -> pd.DataFrame:
        trips = aggregate_calls(rc, group)
        trips["mmsi"] = trips["mmsi"].astype(str)
        trips["counted"] = trips["level"].isin(COUNTED_LEVELS)
        trips["draught_change_m"] = draught_change(trips["draught_in"].to_numpy(float),
                                                   trips["draught_out"].to_numpy(float))
        trips["sighting_state"] = self._sighting_states(trips)
        state, evidence = laden_state(trips["draught_in"].to_numpy(float), trips["draught_out"].to_numpy(float),
                                      trips["sighting_state"].to_numpy(object), threshold)
        trips["laden_state"], trips["laden_evidence"] = state, evidence
        part = attach_particulars(trips, self.particulars)
        trips["flag"] = part["flag"]
        trips["_p_ship_type"] = part["p_ship_type"]
        trips = trips.sort_values(["arrival", "mmsi"], kind="mergesort").reset_index(drop=True)
        trips["trip_id"] = np.arange(1, len(trips) + 1)
        return trips

    def _sighting_states(self, trips: pd.DataFrame) -> np.ndarray:
        out = np.full(len(trips), None, dtype=object)
        if self.sightings is None or len(trips) == 0:
            return out
        pairs = match_sightings(self.sightings, trips["mmsi"], trips["imo"], trips["name"])
        if len(pairs) == 0:
            return out
        s = self.sightings.reset_index(drop=True)
        ts = s["time"].to_numpy(dtype="datetime64[ns]").view(np.int64)[pairs["sighting"]]
        a = trips["arrival"].to_numpy(dtype="datetime64[ns]").view(np.int64)[pairs["row"]]
        d = trips["departure"].to_numpy(dtype="datetime64[ns]").view(np.int64)[pairs["row"]]
        ok = (ts >= a) & (ts <= d + self.sighting_after_h * NS_PER_HOUR)
        state = s["state"].to_numpy(dtype=object)[pairs["sighting"]]
        ok &= np.isin(state, ["laden", "ballast"])
        if not ok.any():
            return out
        sel = pd.DataFrame({"row": pairs["row"].to_numpy()[ok], "t": ts[ok], "state": state[ok]})
        latest = sel.sort_values(["row", "t"], kind="mergesort").groupby("row").tail(1)
        out[latest["row"].to_numpy()] = latest["state"].to_numpy()
        return out

    def _filter(self, trips: pd.DataFrame, f: TripFilters) -> pd.DataFrame:
        keep = np.ones(len(trips), dtype=bool)
        if f.start is not None:
            keep &= (trips["departure"] >= utc_timestamp(f.start)).to_numpy()
        if f.end is not None:
            keep &= (trips["arrival"] <= utc_timestamp(f.end)).to_numpy()
        if f.tankers_only:
            keep &= is_tanker(trips["ship_type"], trips["_p_ship_type"])
        ids_m, ids_i, names = _norm(trips["mmsi"]), _norm(trips["imo"]), name_keys(trips["name"])
        if f.sanctioned is not None:
            listed = set(_norm(f.sanctioned)) - {""}
            sanctioned = (ids_m.isin(listed) | ids_i.isin(listed)).to_numpy()
            trips["sanctioned"] = sanctioned
            keep &= sanctioned
        else:
            trips["sanctioned"] = pd.array([pd.NA] * len(trips), dtype="boolean")
        if f.flags is not None:
            wanted = set(_norm(f.flags)) - {""}
            flag = _norm(trips["flag"])
            keep &= (flag.isin(wanted) | ids_m.str[:3].isin(wanted)).to_numpy()
        if f.vessels is not None:
            wanted = set(_norm(f.vessels)) - {""}
            wanted_names = set(name_keys(f.vessels)) - {""}
            keep &= (ids_m.isin(wanted) | ids_i.isin(wanted) | names.isin(wanted_names)).to_numpy()
        out = trips[keep].reset_index(drop=True)
        return conform(out, TRIP_DTYPES)


def prepare_region_analysis(positions: pd.DataFrame, calls: pd.DataFrame,
                            dark_gaps: Optional[pd.DataFrame] = None,
                            sightings: Optional[pd.DataFrame] = None,
                            particulars: Optional[pd.DataFrame] = None,
                            params: CallParams = DEFAULT_PARAMS) -> RegionAnalysis:
    """The region-independent part of a trips analysis (see :class:`RegionAnalysis`).

    ``positions`` should be ``Reconstruction.positions`` (any order is accepted), ``calls``
    from :func:`.calls.detect_calls`, ``dark_gaps`` from the same reconstruction.
    """
    return RegionAnalysis(positions, calls, dark_gaps, sightings, particulars, params)


def trips_in_region(positions: pd.DataFrame, calls: pd.DataFrame, region,
                    dark_gaps: Optional[pd.DataFrame] = None, sightings: Optional[pd.DataFrame] = None,
                    particulars: Optional[pd.DataFrame] = None, filters: TripFilters = NO_FILTERS,
                    params: CallParams = DEFAULT_PARAMS, draught_threshold_m: float = 0.5) -> pd.DataFrame:
    """One-shot :func:`prepare_region_analysis` + :meth:`RegionAnalysis.trips`."""
    analysis = prepare_region_analysis(positions, calls, dark_gaps, sightings, particulars, params)
    return analysis.trips(region, filters, draught_threshold_m)
