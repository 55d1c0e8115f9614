"""The whole analysis in two steps, shared by the dock, Processing and the demo.

1. :func:`load_dataset` (slow, once per data set): read and clean AIS, rebuild tracks and dark
   gaps, detect stops and port calls (AIS and dark), match vessels against sanctions lists, and
   prepare the region analysis.
2. :func:`analyse_region` (fast, on every new polygon, period, filter or assumption): trips in
   the region, their laden state and volume range, per-vessel figures and the UN cap.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pandas as pd

from .ais_readers import read_ais_many
from .calls import CallParams, areas_from, detect_calls
from .cleaning import CleaningReport, clean_positions
from .errors import ParseIssue, ReadResult
from .particulars import read_particulars
from .ports import load_gazetteer, load_terminals
from .sanctions import load_sanctions, match_vessels, sanctions_label
from .sightings import read_sightings
from .stops import assign_ports, detect_stops
from .tracks import Reconstruction, reconstruct
from .trips import RegionAnalysis, TripFilters, prepare_region_analysis
from .vessels import vessels_from_positions
from .volumes import DEFAULT_ASSUMPTIONS, Assumptions, totals, trip_volumes, un_cap

Progress = Optional[Callable[[float], None]]
Cancel = Optional[Callable[[], bool]]

VESSEL_SUMMARY_COLUMNS = ["mmsi", "imo", "name", "flag", "dwt", "dwt_assumed", "trips", "possible_trips",
                          "laden_trips", "barrels_low", "barrels", "barrels_high", "listed", "lists",
                          "programmes", "match_reason"]


@dataclass(frozen=True)
class PipelineSettings:
    """Thresholds of the slow step (the defaults are the documented ones)."""

    max_speed_kn: float = 50.0
    segment_gap_h: float = 6.0
    dark_gap_h: float = 12.0
    stop_max_speed_kn: float = 1.0
    stop_max_diameter_m: float = 2000.0
    stop_min_duration_h: float = 2.0
    port_max_km: float = 5.0
    calls: CallParams = field(default_factory=CallParams)
    name_threshold: float = 90.0


DEFAULT_SETTINGS = PipelineSettings()


@dataclass
class Dataset:
    """Everything :func:`analyse_region` needs, computed once."""

    positions: pd.DataFrame
    read_issues: list[ParseIssue]
    read_issue_count: int
    read_warnings: list[str]
    cleaning: CleaningReport
    reconstruction: Reconstruction
    stops: pd.DataFrame
    calls: pd.DataFrame
    vessels: pd.DataFrame
    matches: pd.DataFrame          # aligned with ``vessels``
    sanctions: pd.DataFrame
    sightings: Optional[pd.DataFrame]
    particulars: Optional[pd.DataFrame]
    analysis: RegionAnalysis
    ports: pd.DataFrame
    terminals: list
    settings: PipelineSettings
    input_issues: list[ParseIssue] = field(default_factory=list)  # sightings / particulars files

    @property
    def listed_ids(self) -> set[str]:
        """MMSIs and IMOs of the vessels that match a sanctions list."""
        listed = self.vessels[self.matches["listed"].to_numpy()]
        return {str(v) for v in pd.concat([listed["mmsi"], listed["imo"]]).dropna()}

    def sanctions_label(self) -> str:
        return sanctions_label(self.sanctions)


@dataclass
class RegionResult:
    """What the dock, the report and ``tripsinregion`` show for one region."""

    trips: pd.DataFrame            # trips with volumes, sanctions columns
    vessels: pd.DataFrame          # VESSEL_SUMMARY_COLUMNS
    totals: dict
    per_year: pd.DataFrame
    cumulative: pd.DataFrame
    assumptions: Assumptions

    def trips_period(self) -> tuple[Optional[pd.Timestamp], Optional[pd.Timestamp]]:
        """First arrival and last departure of the counted trips (of all trips when none counts)."""
        trips = self.trips
        counted = trips[trips["counted"].fillna(False).astype(bool)] if len(trips) else trips
        frame = counted if len(counted) else trips
        if not len(frame):
            return None, None
        return pd.Timestamp(frame["arrival"].min()), pd.Timestamp(frame["departure"].max())

    def headline(self) -> dict:
        """The headline figures with the keys the demo's ``summary.json`` and Processing use."""
        t = self.totals
        return {
            "trips": t["trips_counted"], "possible_trips": t["trips_possible"], "laden_trips": t["trips_laden"],
            "vessels": int((self.vessels["trips"] > 0).sum()) if len(self.vessels) else 0,
            "barrels_low": round(t["barrels_low"]), "barrels": round(t["barrels_central"]),
            "barrels_high": round(t["barrels_high"]),
            "cap_share_by_year": {int(r.year): {"low": r.share_low, "central": r.share_central, "high": r.share_high}
                                  for r in self.per_year.itertuples()},
        }


def _stage(progress: Progress, lo: float, hi: float) -> Progress:
    if progress is None:
        return None
    return lambda p: progress(lo + (hi - lo) * p / 100.0)


def load_dataset(ais: Sequence[str | Path] | ReadResult, *, sightings: str | Path | None = None,
                 particulars: str | Path | None = None, ports: pd.DataFrame | None = None,
                 terminals: list | None = None, sanctions: pd.DataFrame | None = None,
                 sanctions_cache: str | Path | None = None, settings: PipelineSettings = DEFAULT_SETTINGS,
                 progress: Progress = None, cancel: Cancel = None) -> Dataset:
    """The slow step. ``ais`` is a list of AIS files or an already-read :class:`ReadResult`."""
    read = ais if isinstance(ais, ReadResult) else read_ais_many(list(ais), progress=_stage(progress, 0, 60),
                                                                   cancel=cancel)
    positions, report = clean_positions(read.positions, max_speed_kn=settings.max_speed_kn,
                                        parse_failures=read.issue_count)
    input_issues: list[ParseIssue] = []
    sightings_frame = particulars_frame = None
    if sightings:
        sightings_frame, issues = read_sightings(sightings)
        input_issues += issues
    if particulars:
        particulars_frame, issues = read_particulars(particulars)
        input_issues += issues
    ports = load_gazetteer() if ports is None else ports
    terminals = load_terminals() if terminals is None else terminals
    if progress:
        progress(70)
    rec = reconstruct(positions, segment_gap_h=settings.segment_gap_h, dark_gap_h=settings.dark_gap_h, ports=ports)
    stops = assign_ports(detect_stops(rec.positions, max_speed_kn=settings.stop_max_speed_kn,
                                      max_diameter_m=settings.stop_max_diameter_m,
                                      min_duration_h=settings.stop_min_duration_h, max_gap_h=settings.segment_gap_h),
                         ports, terminals, max_km=settings.port_max_km)
    calls = detect_calls(stops, rec.dark_gaps, areas_from(ports, terminals), sightings_frame, settings.calls)
    if progress:
        progress(85)
    vessels = vessels_from_positions(rec.positions)
    listed = sanctions if sanctions is not None else load_sanctions(sanctions_cache)
    matches = match_vessels(vessels, listed, settings.name_threshold)
    analysis = prepare_region_analysis(rec.positions, calls, rec.dark_gaps, sightings_frame, particulars_frame,
                                       settings.calls)
    if progress:
        progress(100)
    return Dataset(rec.positions, read.issues, read.issue_count, read.warnings, report, rec, stops, calls, vessels,
                   matches, listed, sightings_frame, particulars_frame, analysis, ports, terminals, settings,
                   input_issues)


def analyse_region(dataset: Dataset, region, *, start=None, end=None, tankers_only: bool = True,
                   sanctioned_only: bool = False, flags: Sequence[str] | None = None,
                   vessels: Sequence[str] | None = None,
                   assumptions: Assumptions = DEFAULT_ASSUMPTIONS) -> RegionResult:
    """The fast step: trips in ``region`` (GeoJSON, WKT or nested polygon rings, holes allowed)."""
    filters = TripFilters(start=start, end=end, tankers_only=tankers_only,
                          sanctioned=dataset.listed_ids if sanctioned_only else None,
                          flags=flags or None, vessels=vessels or None)
    trips = dataset.analysis.trips(region, filters, draught_threshold_m=assumptions.draught_threshold_m)
    volumes = trip_volumes(trips, dataset.particulars, dataset.sanctions, assumptions)
    match_by_mmsi = pd.concat([dataset.vessels[["mmsi"]].astype(str).reset_index(drop=True),
                               dataset.matches[["listed", "lists", "programmes", "match_reason"]]
                               .reset_index(drop=True)], axis=1).drop_duplicates("mmsi").set_index("mmsi")
    volumes = volumes.join(match_by_mmsi, on="mmsi")
    volumes["listed"] = volumes["listed"].fillna(False).astype(bool)
    per_year, cumulative = un_cap(volumes, assumptions, start, end)
    return RegionResult(volumes, vessel_summary(volumes), totals(volumes), per_year, cumulative, assumptions)


def vessel_summary(volumes: pd.DataFrame) -> pd.DataFrame:
    """Per vessel: trips (counted), possible trips, laden trips and barrels low/central/high."""
    if volumes.empty:
        return pd.DataFrame(columns=VESSEL_SUMMARY_COLUMNS)
    counted = volumes["counted"].astype(bool)
    frame = volumes.assign(
        _trip=counted.astype(int), _possible=(volumes["level"] == "possible").astype(int),
        _laden=(counted & (volumes["laden_state"] == "laden")).astype(int))
    grouped = frame.groupby("mmsi", sort=True)
    out = grouped.agg(imo=("imo", "last"), name=("name", "last"), flag=("flag", "last"), dwt=("dwt", "max"),
                      dwt_assumed=("dwt_assumed", "max"), trips=("_trip", "sum"), possible_trips=("_possible", "sum"),
                      laden_trips=("_laden", "sum"), barrels_low=("barrels_low", "sum"),
                      barrels=("barrels_central", "sum"), barrels_high=("barrels_high", "sum"),
                      listed=("listed", "max"), lists=("lists", "last"), programmes=("programmes", "last"),
                      match_reason=("match_reason", "last")).reset_index()
    return out.sort_values(["barrels", "trips"], ascending=False)[VESSEL_SUMMARY_COLUMNS].reset_index(drop=True)
