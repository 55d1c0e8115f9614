"""Satellite and other non-AIS sightings: CSV ``time_utc,lat,lon,imo,mmsi,name,state,source``."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Optional, Union

import pandas as pd

from .errors import AisFormatError, ParseIssue
from .ids import imo_is_valid, normalise_imo, normalise_mmsi
from .schema import SIGHTING_DTYPES, SIGHTING_STATES, conform
from .textio import read_text

SIGHTINGS_COLUMNS = ("time_utc", "lat", "lon", "imo", "mmsi", "name", "state", "source")


def _time(text: str) -> Optional[pd.Timestamp]:
    try:
        ts = pd.Timestamp(text)
    except (ValueError, TypeError):
        return None
    if ts is pd.NaT:
        return None
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def read_sightings(path: Union[str, Path]) -> tuple[pd.DataFrame, list[ParseIssue]]:
    """Read a sightings CSV; rows with a bad field are skipped and reported."""
    path = Path(path)
    name = path.name
    try:
        text = read_text(path)
    except (OSError, ValueError) as exc:
        raise AisFormatError(f"{path}: cannot read ({exc})") from exc
    if not text.strip():
        raise AisFormatError(f"{name}: the file is empty")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in ("time_utc", "lat", "lon") if c not in header]
    if missing or not {"imo", "mmsi", "name"} & set(header):
        raise AisFormatError(
            f"{name}: line 1: sightings need columns time_utc, lat, lon and one of imo, mmsi, "
            f"name (plus optional state, source); the header has {', '.join(header)}")
    pos = {c: header.index(c) for c in SIGHTINGS_COLUMNS if c in header}
    issues: list[ParseIssue] = []
    rows: list[dict] = []
    for rec in reader:
        line = reader.line_num
        if not any(x.strip() for x in rec):
            continue
        if len(rec) != len(header):
            issues.append(ParseIssue(name, line, None,
                                     f"expected {len(header)} fields, found {len(rec)}"))
            continue
        v = {c: rec[i].strip() for c, i in pos.items()}
        bad: list[tuple[str, str]] = []
        t = _time(v["time_utc"])
        if t is None:
            bad.append(("time_utc", f"cannot read date/time {v['time_utc']!r}"))
        lat = lon = None
        try:
            lat = float(v["lat"])
            if not -90 <= lat <= 90:
                bad.append(("lat", f"latitude {lat} outside -90..90"))
        except ValueError:
            bad.append(("lat", f"not a number: {v['lat']!r}"))
        try:
            lon = float(v["lon"])
            if not -180 <= lon <= 180:
                bad.append(("lon", f"longitude {lon} outside -180..180"))
        except ValueError:
            bad.append(("lon", f"not a number: {v['lon']!r}"))
        imo = normalise_imo(v.get("imo", "")) or ""
        if v.get("imo") and not imo_is_valid(imo):
            bad.append(("imo", f"not a valid IMO number (7 digits, check digit): {v['imo']!r}"))
        mmsi = normalise_mmsi(v.get("mmsi", "")) or ""
        if v.get("mmsi") and not mmsi:
            bad.append(("mmsi", f"not a 9-digit MMSI: {v['mmsi']!r}"))
        vname = v.get("name", "")
        if not (v.get("imo") or v.get("mmsi") or vname):
            bad.append(("imo", "no imo, mmsi or name identifies the vessel"))
        state = v.get("state", "").lower() or "unknown"
        if state not in SIGHTING_STATES:
            bad.append(("state", f"state must be one of {', '.join(SIGHTING_STATES)}: "
                                 f"{v.get('state')!r}"))
        if bad:
            issues.extend(ParseIssue(name, line, f, m) for f, m in bad)
            continue
        rows.append({"time": t, "lat": lat, "lon": lon, "imo": imo or None,
                     "mmsi": mmsi or None, "name": vname or None, "state": state,
                     "source": v.get("source") or name})
    frame = conform(pd.DataFrame(rows), SIGHTING_DTYPES)
    return frame, issues
