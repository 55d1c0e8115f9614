"""Seeded synthetic scenario: DPRK tankers shuttling between Vostochny and North Korean ports,
with the ground truth of every call, for tests and the demo.

Public API
----------
* :class:`ScenarioVessel`, :class:`ScenarioConfig` - who sails, when, how often, how dark.
* :data:`DPRK_TANKERS` - the tankers named in the 2024 reporting (FACTS.md §0, §2).
* :func:`generate` ``(config=ScenarioConfig()) -> Scenario``.
* :meth:`Scenario.write` ``(folder, overwrite=False) -> dict[str, Path]`` - ``positions.csv.gz`` (MarineCadastre
  layout), ``sightings.csv``, ``particulars.csv``, ``region.geojson``, ``truth.csv``.
* :func:`write_positions_csv` ``(positions, path, overwrite=False)`` - plain or gzipped (``.gz``) CSV.
* :func:`demo_2024_config` ``(seed=2024) -> ScenarioConfig`` - 43 loading calls at Vostochny
  between 2024-03-07 and 2024-11-05 by the 13 named tankers.

What is simulated
-----------------
Each DPRK tanker idles at a home port (Chongjin or Rajin), sails to the Vostochny oil berths
(the ``vostochny_oil_berths`` terminal polygon), sometimes waits first at the north
anchorage, loads for 1-3 days, then discharges at Chongjin or Rajin. Positions every 10-30
minutes at sea, 30-90 minutes when stopped. Per loading call the generator draws whether AIS
goes dark within ``dark_km`` of the berth (both ways), whether a satellite sighting shows
the tanker laden at the berth, and whether the crew leaves the AIS draught stale. Decoys: a
tanker transiting the region without stopping, a tanker calling and leaving in ballast (a
sighting says so), a cargo ship calling at Vostochny, and a tanker anchoring just outside
the region. Noise: exact duplicate rows, positions flagged not-available (lat 91 / lon 181)
and single-position spoofed jumps.

Truth frame (:data:`TRUTH_COLUMNS`): one row per call with ``role`` (``load``, ``discharge``,
``ballast_decoy``, ``non_tanker``, ``outside_decoy``), ``in_region``, ``laden`` (really left
with cargo), ``expected_level`` (``confirmed``: AIS stop or sighting; ``inferred``: dark with an
honest draught change; ``possible``: dark, stale draught, no sighting), ``expected_laden_state``
and ``cargo_t`` (tonnes actually loaded).

MMSIs are synthetic (MID 445 for DPRK ships); names, IMOs and DWTs follow FACTS.md §2, and
unknown values stay unknown (the particulars leave them blank, so DWT must be assumed).
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import numpy as np
import pandas as pd

from .geo import haversine_m, initial_bearing_deg
from .particulars import PARTICULARS_COLUMNS
from .ports import load_terminals
from .sightings import SIGHTINGS_COLUMNS

MARINECADASTRE_COLUMNS = ["MMSI", "BaseDateTime", "LAT", "LON", "SOG", "COG", "Heading", "VesselName",
                          "IMO", "CallSign", "VesselType", "Status", "Length", "Width", "Draft", "Cargo",
                          "TransceiverClass"]
DEMO_NOTICE = "Simulated demo data based on public reporting."
TRUTH_COLUMNS = ["mmsi", "imo", "name", "role", "port", "arrival", "departure", "in_region", "laden",
                 "dark", "sighting", "stale_draught", "expected_level", "expected_laden_state",
                 "cargo_t", "dwt"]

KN_KMH = 1.852
# places (lat, lon); synthetic berths inside the real polygons / within 5 km of WPI points
VOSTOCHNY_BERTH = (42.7475, 133.0080)
VOSTOCHNY_ANCHORAGE = (42.7780, 133.0050)
VOSTOCHNY_CARGO_BERTH = (42.7600, 133.0600)
OUTSIDE_ANCHORAGE = (42.6990, 133.0300)        # ~1.6 km south of the region's south edge
NAKHODKA_BERTH = (42.7950, 132.9000)
PORTS = {"Ch'ongjin": (41.7700, 129.8230), "Najin": (42.2400, 130.3050)}
# sea lanes: berth -> open water, as waypoints
LANE_VOSTOCHNY = [(42.7475, 133.0080), (42.7000, 133.0500), (42.5500, 133.1000), (42.2000, 132.6000)]
LANE_PORT = {"Ch'ongjin": [(41.7700, 129.8230), (41.6800, 130.0000), (41.9000, 131.0000)],
             "Najin": [(42.2400, 130.3050), (42.1500, 130.5000), (42.0000, 131.2000)]}


@dataclass
class ScenarioVessel:
    """One ship of the scenario; ``dwt`` None = unknown to the analyst (true DWT then
    ``true_dwt``)."""

    name: str
    mmsi: str
    imo: Optional[str] = None
    dwt: Optional[float] = None
    true_dwt: Optional[float] = None
    flag: str = "North Korea"
    ship_type: int = 80


DPRK_TANKERS: list[ScenarioVessel] = [
    ScenarioVessel("PAEK YANG SAN 1", "445100001"),
    ScenarioVessel("CHON MA SAN", "445100002", "8660313", 3565.0),
    ScenarioVessel("YU SON", "445100003", "8691702"),
    ScenarioVessel("RYE SONG GANG 1", "445100004", "7389704", 3003.0),
    ScenarioVessel("AN SAN 1", "445100005", "7303803"),
    ScenarioVessel("SAM MA 2", "445100006", "8106496"),
    ScenarioVessel("KUM JIN GANG 3", "445100007"),
    ScenarioVessel("WOL BONG SAN", "445100008"),
    ScenarioVessel("UN HUNG", "445100009"),
    ScenarioVessel("SIN PYONG 5", "445100010", None, 1579.0),
    ScenarioVessel("SIN PYONG 11", "445100011"),
    ScenarioVessel("KUM JIN GANG 2", "445100012"),
    ScenarioVessel("KUM UN SAN 3", "445100013", "8705539", 2070.0),
]


@dataclass
class ScenarioConfig:
    """Parameters of :func:`generate`. Shares are probabilities per loading call."""

    seed: int = 1
    start: str = "2024-03-07"
    end: str = "2024-11-05"
    n_loading_calls: int = 43
    vessels: list[ScenarioVessel] = field(default_factory=lambda: list(DPRK_TANKERS))
    dark_share: float = 0.5
    sighting_share: float = 0.5          # of dark calls
    stale_draught_share: float = 0.25
    anchorage_wait_share: float = 0.3
    dark_km: float = 40.0
    default_true_dwt: float = 3000.0     # the true DWT of ships whose DWT is unknown
    decoys: bool = True
    noise: bool = True
    first_call_at_start: bool = True     # PAEK YANG SAN 1 arrives on the first day


@dataclass
class Scenario:
    """Output of :func:`generate`."""

    positions: pd.DataFrame      # MarineCadastre layout
    sightings: pd.DataFrame      # time_utc,lat,lon,imo,mmsi,name,state,source
    particulars: pd.DataFrame    # mmsi,imo,name,flag,ship_type,dwt
    region: dict                 # GeoJSON Polygon geometry
    truth: pd.DataFrame          # TRUTH_COLUMNS
    config: ScenarioConfig

    def write(self, folder: Union[str, Path], overwrite: bool = False) -> dict[str, Path]:
        """Write every part into ``folder`` (created); returns the paths by part name.
        Raises ``FileExistsError`` naming the file rather than replace one, unless ``overwrite``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        paths = {"positions": folder / "positions.csv.gz", "sightings": folder / "sightings.csv",
                 "particulars": folder / "particulars.csv", "region": folder / "region.geojson",
                 "truth": folder / "truth.csv"}
        if not overwrite:
            for path in paths.values():
                if path.exists():
                    raise FileExistsError(f"{path} already exists; not replacing it (pass overwrite=True)")
        write_positions_csv(self.positions, paths["positions"], overwrite=True)
        self.sightings.to_csv(paths["sightings"], index=False)
        self.particulars.to_csv(paths["particulars"], index=False)
        feature = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "Vostochny"}, "geometry": self.region}]}
        paths["region"].write_text(json.dumps(feature, indent=1), encoding="utf-8")
        self.truth.to_csv(paths["truth"], index=False, date_format="%Y-%m-%dT%H:%M:%SZ")
        return paths


def write_positions_csv(positions: pd.DataFrame, path: Union[str, Path], overwrite: bool = False) -> Path:
    """Write a MarineCadastre-layout frame as CSV, gzipped when ``path`` ends in ``.gz``.
    Raises ``FileExistsError`` rather than replace an existing file, unless ``overwrite``."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} already exists; not replacing it (pass overwrite=True)")
    text = positions.to_csv(index=False, float_format="%.5f")
    data = text.encode("utf-8")
    if path.suffix == ".gz":
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(data)
    else:
        path.write_bytes(data)
    return path


def demo_2024_config(seed: int = 2024) -> ScenarioConfig:
    """The 2024 reference case: 43 loading calls, 7 Mar - 5 Nov 2024, 13 named tankers."""
    return ScenarioConfig(seed=seed, start="2024-03-07", end="2024-11-05", n_loading_calls=43)


# ---------------------------------------------------------------------------- simulation

class _Track:
    """Accumulates one vessel's reports (times in seconds since the epoch)."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.parts: list[dict] = []
        self.t = 0.0

    def add(self, t, lat, lon, sog, cog, status, draught, phase: int) -> None:
        self.parts.append({"t": t, "lat": lat, "lon": lon, "sog": sog, "cog": cog,
                           "status": status, "draught": np.full(t.size, draught, dtype=float),
                           "phase": np.full(t.size, phase, dtype=np.int64)})

    def dwell(self, place: tuple[float, float], hours: float, draught: float, phase: int = 0) -> None:
        steps = self.rng.uniform(30, 90, size=int(hours * 60 / 30) + 2) * 60
        t = self.t + np.cumsum(steps)
        t = t[t < self.t + hours * 3600]
        if t.size == 0:
            t = np.array([self.t + hours * 1800])
        # jitter within ~60 m of the berth
        lat = place[0] + self.rng.normal(0, 0.0003, t.size)
        lon = place[1] + self.rng.normal(0, 0.0004, t.size)
        self.add(t, lat, lon, self.rng.uniform(0, 0.3, t.size), self.rng.uniform(0, 359, t.size),
                 np.full(t.size, 5), draught, phase)
        self.t += hours * 3600

    def sail(self, waypoints: list[tuple[float, float]], speed_kn: float, draught: float, phase: int = 0) -> None:
        pts = np.asarray(waypoints, dtype=float)
        leg_km = haversine_m(pts[:-1, 0], pts[:-1, 1], pts[1:, 0], pts[1:, 1]) / 1000.0
        total_h = leg_km.sum() / (speed_kn * KN_KMH)
        steps = self.rng.uniform(10, 30, size=int(total_h * 6) + 2) * 60
        t_rel = np.cumsum(steps)
        t_rel = t_rel[t_rel < total_h * 3600]
        frac_km = t_rel / 3600 * speed_kn * KN_KMH
        cum = np.concatenate([[0.0], np.cumsum(leg_km)])
        leg = np.clip(np.searchsorted(cum, frac_km, side="right") - 1, 0, len(leg_km) - 1)
        w = (frac_km - cum[leg]) / np.where(leg_km[leg] > 0, leg_km[leg], 1.0)
        lat = pts[leg, 0] + w * (pts[leg + 1, 0] - pts[leg, 0]) + self.rng.normal(0, 0.001, t_rel.size)
        lon = pts[leg, 1] + w * (pts[leg + 1, 1] - pts[leg, 1]) + self.rng.normal(0, 0.001, t_rel.size)
        cog = initial_bearing_deg(pts[leg, 0], pts[leg, 1], pts[leg + 1, 0], pts[leg + 1, 1])
        sog = speed_kn + self.rng.normal(0, 0.3, t_rel.size)
        self.add(self.t + t_rel, lat, lon, sog, cog, np.zeros(t_rel.size, dtype=int), draught, phase)
        self.t += total_h * 3600

    def frame(self) -> pd.DataFrame:
        if not self.parts:
            return pd.DataFrame(columns=["t", "lat", "lon", "sog", "cog", "status", "draught", "phase"])
        return pd.DataFrame({k: np.concatenate([p[k] for p in self.parts]) for k in self.parts[0]})


def _ts(seconds: float) -> pd.Timestamp:
    return pd.Timestamp(int(seconds * 1e9), tz="UTC")


def _spread(rng: np.random.Generator, n: int, k: int) -> np.ndarray:
    """n loading calls over k vessels, every vessel at least one when n >= k."""
    counts = np.zeros(k, dtype=int)
    counts[: min(n, k)] = 1
    rest = n - counts.sum()
    if rest > 0:
        counts += rng.multinomial(rest, np.full(k, 1.0 / k))
    return counts


def _arrivals(rng: np.random.Generator, n: int, lo: float, hi: float, spacing: float) -> np.ndarray:
    """n sorted times in [lo, hi] at least ``spacing`` apart (seconds)."""
    room = hi - lo - spacing * (n - 1)
    if room < 0:
        raise ValueError(f"scenario: {n} calls of one vessel do not fit in the period "
                         f"(need {spacing * (n - 1) / 86400:.0f} days between first and last)")
    base = np.sort(rng.uniform(0, room, n))
    return lo + base + spacing * np.arange(n)


def _draughts(dwt: float) -> tuple[float, float]:
    """(ballast, laden) AIS draughts for a small product tanker, rounded to 0.1 m."""
    laden = round(3.2 + 0.8 * dwt / 1000.0, 1)
    return round(laden * 0.6, 1), laden


def generate(config: Optional[ScenarioConfig] = None) -> Scenario:
    """Build the scenario (same config and seed -> identical output; None = the defaults)."""
    config = config or ScenarioConfig()
    rng = np.random.default_rng(config.seed)
    start = pd.Timestamp(config.start, tz="UTC").value / 1e9
    end = pd.Timestamp(config.end, tz="UTC").value / 1e9
    if end <= start:
        raise ValueError(f"scenario: end {config.end} is not after start {config.start}")
    terminals = {t["id"]: t for t in load_terminals()}
    region = terminals["vostochny_port_area"]["geometry"]
    region_geojson = {"type": "Polygon", "coordinates": [r.tolist() + [r[0].tolist()] for r in region[0]]}

    frames: list[pd.DataFrame] = []
    truth: list[dict] = []
    sightings: list[dict] = []
    particulars: list[dict] = []
    vessels = list(config.vessels)
    counts = _spread(rng, config.n_loading_calls, len(vessels))
    cycle_s = 9 * 86400.0
    for vi, (vessel, n_calls) in enumerate(zip(vessels, counts)):
        true_dwt = vessel.dwt or vessel.true_dwt or config.default_true_dwt
        ballast_d, laden_d = _draughts(true_dwt)
        stale = None  # the crew's stuck value, per call
        particulars.append({"mmsi": vessel.mmsi, "imo": vessel.imo or "", "name": vessel.name,
                            "flag": vessel.flag, "ship_type": vessel.ship_type,
                            "dwt": "" if vessel.dwt is None else f"{vessel.dwt:g}"})
        if n_calls == 0:
            continue
        lo = start + 2 * 3600 if (vi == 0 and config.first_call_at_start) else start + 6 * 3600
        arrivals = _arrivals(rng, n_calls, lo, end - 5 * 86400, cycle_s)
        if vi == 0 and config.first_call_at_start:
            arrivals[0] = start + 2 * 3600
        home = list(PORTS)[vi % 2]
        track = _Track(rng)
        # leave home in time for the first arrival
        speed = rng.uniform(8.5, 10.0)
        lane = LANE_PORT[home] + LANE_VOSTOCHNY[::-1]
        lane_km = float(sum(haversine_m(a[0], a[1], b[0], b[1]) for a, b in zip(lane[:-1], lane[1:]))) / 1000
        sail_h = lane_km / (speed * KN_KMH)
        track.t = min(arrivals[0] - sail_h * 3600 - 2 * 86400, start - 3 * 86400)
        phase = 0
        for arrival in arrivals:
            is_stale = rng.random() < config.stale_draught_share
            stale = round(rng.uniform(ballast_d, laden_d), 1) if is_stale else None
            dark = rng.random() < config.dark_share
            sighted = dark and rng.random() < config.sighting_share
            wait = (not dark) and rng.random() < config.anchorage_wait_share
            d_in = stale if is_stale else ballast_d
            d_out = stale if is_stale else laden_d
            # idle at home until it is time to sail
            speed = rng.uniform(8.5, 10.0)
            sail_h = lane_km / (speed * KN_KMH)
            idle_h = (arrival - sail_h * 3600 - track.t) / 3600.0
            track.dwell(PORTS[home], max(idle_h, 3.0), d_in, phase=0)
            phase += 1
            approach_phase = phase
            track.sail(lane, speed, d_in, phase=approach_phase)
            arrive_t = track.t
            if wait:
                track.dwell(VOSTOCHNY_ANCHORAGE, rng.uniform(6, 20), d_in, phase=approach_phase)
                track.sail([VOSTOCHNY_ANCHORAGE, VOSTOCHNY_BERTH], 4.0, d_in, phase=approach_phase)
            stay_h = rng.uniform(24, 72)
            berth_t0 = track.t
            # the crew updates the draught at the end of loading (last hours at the berth)
            track.dwell(VOSTOCHNY_BERTH, stay_h - 2.0, d_in, phase=approach_phase)
            track.dwell(VOSTOCHNY_BERTH, 2.0, d_out, phase=approach_phase)
            depart_t = track.t
            dest = list(PORTS)[rng.integers(0, 2)]
            out_lane = LANE_VOSTOCHNY + LANE_PORT[dest][::-1]
            track.sail(out_lane, rng.uniform(8.5, 10.0), d_out, phase=approach_phase)
            cargo_t = true_dwt * 0.95 * rng.uniform(0.85, 0.95)
            if sighted:
                st = berth_t0 + rng.uniform(0.6, 0.95) * (depart_t - berth_t0)
                sightings.append({"time_utc": _ts(st).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                  "lat": round(VOSTOCHNY_BERTH[0] + rng.normal(0, 0.0005), 5),
                                  "lon": round(VOSTOCHNY_BERTH[1] + rng.normal(0, 0.0005), 5),
                                  "imo": vessel.imo or "", "mmsi": vessel.mmsi, "name": vessel.name,
                                  "state": "laden", "source": "synthetic imagery"})
            level = "confirmed" if (not dark or sighted) else ("possible" if is_stale else "inferred")
            state = "laden" if (not is_stale or sighted) else "unknown"
            truth.append({"mmsi": vessel.mmsi, "imo": vessel.imo, "name": vessel.name, "role": "load",
                          "port": "Vostochny", "arrival": _ts(arrive_t), "departure": _ts(depart_t),
                          "in_region": True, "laden": True, "dark": dark, "sighting": sighted,
                          "stale_draught": is_stale, "expected_level": level,
                          "expected_laden_state": state, "cargo_t": cargo_t, "dwt": true_dwt,
                          "_phase": approach_phase if dark else -1})
            # discharge
            d_arrive = track.t
            dis_h = rng.uniform(24, 48)
            track.dwell(PORTS[dest], dis_h - 2.0, d_out, phase=0)
            d_after = stale if is_stale else ballast_d
            track.dwell(PORTS[dest], 2.0, d_after, phase=0)
            truth.append({"mmsi": vessel.mmsi, "imo": vessel.imo, "name": vessel.name, "role": "discharge",
                          "port": dest, "arrival": _ts(d_arrive), "departure": _ts(track.t),
                          "in_region": False, "laden": False, "dark": False, "sighting": False,
                          "stale_draught": is_stale, "expected_level": "confirmed",
                          "expected_laden_state": "unknown" if is_stale else "ballast",
                          "cargo_t": 0.0, "dwt": true_dwt, "_phase": -1})
            home = dest
        track.dwell(PORTS[home], max((end + 3 * 86400 - track.t) / 3600.0, 3.0), ballast_d, phase=0)
        frames.append(_finish_track(track, vessel, config, truth))

    if config.decoys:
        frames.extend(_decoys(rng, start, end, truth, sightings, particulars))

    positions = pd.concat(frames, ignore_index=True)
    if config.noise:
        positions = _add_noise(rng, positions)
    truth_df = pd.DataFrame(truth).drop(columns=["_phase"], errors="ignore")
    truth_df = truth_df.sort_values(["arrival", "mmsi"], kind="mergesort").reset_index(drop=True)
    return Scenario(positions=positions, sightings=pd.DataFrame(sightings, columns=list(SIGHTINGS_COLUMNS)),
                    particulars=pd.DataFrame(particulars, columns=PARTICULARS_COLUMNS),
                    region=region_geojson, truth=truth_df[TRUTH_COLUMNS], config=config)


def _finish_track(track: _Track, vessel: ScenarioVessel, config: ScenarioConfig,
                  truth: list[dict]) -> pd.DataFrame:
    """Drop the dark windows (within dark_km of the berth during dark calls) and lay out rows."""
    df = track.frame()
    dark_phases = {r["_phase"] for r in truth if r["mmsi"] == vessel.mmsi and r["_phase"] >= 0}
    if dark_phases:
        near = haversine_m(df["lat"].to_numpy(), df["lon"].to_numpy(), *VOSTOCHNY_BERTH) / 1000.0 < config.dark_km
        df = df[~(df["phase"].isin(dark_phases).to_numpy() & near)]
    return _layout(df, vessel)


def _layout(df: pd.DataFrame, vessel: ScenarioVessel, length: int = 95, width: int = 14) -> pd.DataFrame:
    n = len(df)
    times = pd.to_datetime((df["t"].to_numpy() * 1e9).astype(np.int64), utc=True)
    return pd.DataFrame({
        "MMSI": vessel.mmsi,
        "BaseDateTime": times.strftime("%Y-%m-%dT%H:%M:%S"),
        "LAT": df["lat"].to_numpy().round(5), "LON": df["lon"].to_numpy().round(5),
        "SOG": np.clip(df["sog"].to_numpy(), 0, None).round(1), "COG": df["cog"].to_numpy().round(1),
        "Heading": 511, "VesselName": vessel.name,
        "IMO": f"IMO{vessel.imo}" if vessel.imo else "", "CallSign": "",
        "VesselType": vessel.ship_type, "Status": df["status"].to_numpy(),
        "Length": length, "Width": width, "Draft": df["draught"].to_numpy().round(1),
        "Cargo": vessel.ship_type, "TransceiverClass": "A",
    }, index=range(n))


def _decoys(rng: np.random.Generator, start: float, end: float, truth: list[dict],
            sightings: list[dict], particulars: list[dict]) -> list[pd.DataFrame]:
    """Transit, ballast caller, non-tanker caller, tanker anchored just outside the region."""
    out = []
    span = end - start

    def new(name: str, mmsi: str, ship_type: int, flag: str, dwt: float) -> tuple[ScenarioVessel, _Track]:
        v = ScenarioVessel(name, mmsi, None, dwt, flag=flag, ship_type=ship_type)
        particulars.append({"mmsi": mmsi, "imo": "", "name": name, "flag": flag,
                            "ship_type": ship_type, "dwt": f"{dwt:g}"})
        tr = _Track(rng)
        tr.t = start - 2 * 86400
        return v, tr

    def record(v, role, place, a, d, in_region, state):
        truth.append({"mmsi": v.mmsi, "imo": None, "name": v.name, "role": role, "port": place,
                      "arrival": _ts(a), "departure": _ts(d), "in_region": in_region, "laden": False,
                      "dark": False, "sighting": state == "ballast", "stale_draught": False,
                      "expected_level": "confirmed", "expected_laden_state": state,
                      "cargo_t": 0.0, "dwt": v.dwt, "_phase": -1})

    # 1. transit through the region without stopping, between Nakhodka and the open sea
    v, tr = new("TRANSIT TANKER", "273100001", 80, "Russia", 5000.0)
    east = (42.6000, 133.3000)
    for _ in range(3):
        tr.dwell(NAKHODKA_BERTH, rng.uniform(48, 24 * 20), 5.0)
        tr.sail([NAKHODKA_BERTH, (42.7600, 133.0000), east], 10.0, 5.0)
        tr.dwell(east, 4.0, 5.0)  # drifting offshore, far outside the region
        tr.sail([east, (42.7600, 133.0000), NAKHODKA_BERTH], 10.0, 5.0)
    tr.dwell(NAKHODKA_BERTH, max((end + 86400 - tr.t) / 3600, 3.0), 5.0)
    out.append(_layout(tr.frame(), v))

    # 2. a tanker calling at the berth and leaving in ballast; a sighting says ballast
    v, tr = new("EMPTY RUNNER", "273100002", 80, "Russia", 2500.0)
    tr.t = start + rng.uniform(0.2, 0.5) * span
    tr.sail(LANE_VOSTOCHNY[::-1], 9.0, 3.8)
    a = tr.t
    tr.dwell(VOSTOCHNY_BERTH, 20.0, 3.8)
    d = tr.t
    tr.sail(LANE_VOSTOCHNY, 9.0, 3.8)
    sightings.append({"time_utc": _ts(d + 3 * 3600).strftime("%Y-%m-%dT%H:%M:%SZ"),
                      "lat": 42.5, "lon": 133.08, "imo": "", "mmsi": v.mmsi, "name": v.name,
                      "state": "ballast", "source": "synthetic imagery"})
    record(v, "ballast_decoy", "Vostochny", a, d, True, "ballast")
    out.append(_layout(tr.frame(), v))

    # 3. a cargo ship calling at Vostochny
    v, tr = new("BOX CARRIER", "273100003", 70, "Russia", 12000.0)
    tr.t = start + rng.uniform(0.1, 0.4) * span
    tr.sail(LANE_VOSTOCHNY[::-1][:-1] + [VOSTOCHNY_CARGO_BERTH], 12.0, 7.0)
    a = tr.t
    tr.dwell(VOSTOCHNY_CARGO_BERTH, 30.0, 7.0)
    d = tr.t
    tr.sail([VOSTOCHNY_CARGO_BERTH] + LANE_VOSTOCHNY[1:], 12.0, 8.0)
    # the crew updates the draught only after leaving: no detectable change during the call
    record(v, "non_tanker", "Vostochny", a, d, True, "unknown")
    out.append(_layout(tr.frame(), v))

    # 4. a tanker anchored just outside the region
    v, tr = new("WAITING TANKER", "273100004", 80, "Russia", 4000.0)
    tr.t = start + rng.uniform(0.3, 0.6) * span
    tr.sail([LANE_VOSTOCHNY[3], LANE_VOSTOCHNY[2], OUTSIDE_ANCHORAGE], 9.0, 4.5)
    a = tr.t
    tr.dwell(OUTSIDE_ANCHORAGE, 26.0, 4.5)
    d = tr.t
    tr.sail([OUTSIDE_ANCHORAGE, LANE_VOSTOCHNY[2], LANE_VOSTOCHNY[3]], 9.0, 4.5)
    record(v, "outside_decoy", "outside Vostochny", a, d, False, "unknown")
    out.append(_layout(tr.frame(), v))
    return out


def _add_noise(rng: np.random.Generator, pos: pd.DataFrame) -> pd.DataFrame:
    """Exact duplicates (0.5 %), not-available positions (0.2 %), single spoofed jumps (0.1 %)."""
    n = len(pos)
    pos = pos.copy()
    # spoofed jumps: isolated rows moved ~5 degrees north (never two in a row of one vessel)
    cand = np.arange(1, n - 1, 7)
    jump = rng.choice(cand, size=max(1, n // 1000), replace=False) if cand.size else np.empty(0, int)
    same = (pos["MMSI"].to_numpy()[jump - 1] == pos["MMSI"].to_numpy()[jump]) & \
           (pos["MMSI"].to_numpy()[jump + 1] == pos["MMSI"].to_numpy()[jump])
    jump = jump[same]
    pos.loc[jump, "LAT"] = (pos.loc[jump, "LAT"] + 5.0).round(5)
    bad = rng.choice(n, size=max(1, n // 500), replace=False)
    bad_rows = pos.iloc[bad].copy()
    bad_rows["LAT"], bad_rows["LON"] = 91.0, 181.0
    dup = pos.iloc[rng.choice(n, size=max(1, n // 200), replace=False)]
    out = pd.concat([pos, bad_rows, dup], ignore_index=True)
    # files are not sorted: shuffle within each day-sized block to mimic feed order
    order = np.argsort(out["BaseDateTime"].to_numpy(), kind="stable")
    return out.iloc[order].reset_index(drop=True)
