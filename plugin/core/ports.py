"""Port gazetteer (NGA World Port Index), terminal polygons and nearest-port look-up.

Ports frame (one row per port), see :data:`PORT_DTYPES`:

============== ======================================================================
port_id        str: WPI number ("60725") for the gazetteer; given or ``U<line>`` for a
               user's CSV
name           main port name
alternate_name alternate name ("" when none)
country        country as written in the source (WPI uses names: "Russia")
locode         UN/LOCODE without the space ("RUVYP"), missing when absent/invalid
lat, lon       WGS84 degrees (WPI precision is one arc-minute)
harbor_size    V / S / M / L (very small ... large), missing when unknown
harbor_rank    1..4 for V..L, missing when unknown
harbor_type    WPI harbour type text ("Coastal (Natural)", ...)
max_draught_m  WPI maximum vessel draught in metres (missing when 0/unknown)
============== ======================================================================

Terminals are user-editable polygons (GeoJSON FeatureCollection) with properties
``name, port, country, kind, source, note``; ``kind`` is one of :data:`TERMINAL_KINDS`.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Optional, Union

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from .geo import nearest_point
from .polygons import geometry_bounds, normalize_geometry, points_in_polygon
from .schema import conform
from .textio import read_text

log = logging.getLogger(__name__)

PathLike = Union[str, Path]

PORT_DTYPES: dict[str, str] = {
    "port_id": "object",
    "name": "object",
    "alternate_name": "object",
    "country": "object",
    "locode": "object",
    "lat": "float64",
    "lon": "float64",
    "harbor_size": "object",
    "harbor_rank": "Int8",
    "harbor_type": "object",
    "max_draught_m": "float32",
}
PORT_COLUMNS: list[str] = list(PORT_DTYPES)

HARBOR_SIZE_RANK: dict[str, int] = {"V": 1, "S": 2, "M": 3, "L": 4}
_HARBOR_SIZE_WORDS = {"very small": "V", "small": "S", "medium": "M", "large": "L"}

TERMINAL_KINDS: tuple[str, ...] = ("oil_terminal", "anchorage", "port_area")

DATA_DIR = Path(__file__).resolve().parents[2] / "resources" / "data" / "ports"
GAZETTEER_NAME = "wpi_ports.csv"
TERMINALS_NAME = "terminals.geojson"

# Normalised header (lower case, letters and digits only) -> canonical column. The WPI
# has been exported with different headers over the years (2019+ "World Port Index
# Number"/"Main Port Name"; the older shapefile-derived "INDEX_NO"/"PORT_NAME").
_WPI_HEADERS: dict[str, str] = {
    "worldportindexnumber": "port_id",
    "indexno": "port_id",
    "indexnumber": "port_id",
    "wpinumber": "port_id",
    "mainportname": "name",
    "portname": "name",
    "alternateportname": "alternate_name",
    "alternatename": "alternate_name",
    "countrycode": "country",
    "country": "country",
    "countryname": "country",
    "unlocode": "locode",
    "locode": "locode",
    "latitude": "lat",
    "lat": "lat",
    "longitude": "lon",
    "lon": "lon",
    "long": "lon",
    "harborsize": "harbor_size",
    "harboursize": "harbor_size",
    "harbortype": "harbor_type",
    "harbourtype": "harbor_type",
    "maximumvesseldraftm": "max_draught_m",
    "maximumvesseldraughtm": "max_draught_m",
    "maxvesseldraft": "max_draught_m",
}
# WPI shapefile-era two-letter harbour type codes
_HARBOR_TYPE_CODES = {
    "CN": "Coastal (Natural)", "CB": "Coastal (Breakwater)", "CT": "Coastal (Tide Gates)",
    "RN": "River (Natural)", "RB": "River (Basins)", "RT": "River (Tide Gates)",
    "LC": "Canal or Lake", "OR": "Open Roadstead", "TH": "Typhoon Harbor",
}

_LOCODE_RE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")


def _norm_header(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lstrip("\ufeff").lower())


def _open_text(path: Path) -> io.TextIOBase:
    """Text stream of a plain or gzip file, UTF-8 or cp1252 (see :func:`textio.read_text`)."""
    try:
        return io.StringIO(read_text(path), newline="")
    except ValueError as exc:  # damaged gzip
        raise OSError(str(exc)) from exc


def _clean_text(values: pd.Series) -> pd.Series:
    """Strip whitespace; blank -> ""."""
    return values.fillna("").astype(str).str.strip()


def normalize_locode(values: pd.Series) -> pd.Series:
    """``"RU VYP"``/``"ru-vyp"`` -> ``"RUVYP"``; anything that is not a valid LOCODE -> None."""
    s = values.fillna("").astype(str).str.upper().str.replace(r"[\s\-]", "", regex=True)
    return s.where(s.str.match(_LOCODE_RE.pattern), None)


def _harbor_size(values: pd.Series) -> pd.Series:
    s = values.fillna("").astype(str).str.strip()
    letter = s.str.lower().map(_HARBOR_SIZE_WORDS)
    short = s.str.upper()
    letter = letter.where(letter.notna(), short.where(short.isin(list(HARBOR_SIZE_RANK))))
    return letter.where(letter.notna(), None)


def _numeric(frame: pd.DataFrame, col: str, path: Path, first_line: int,
             problems: list[str], lo: float, hi: float, required: bool) -> pd.Series:
    """Parse ``col`` as float; report unparsable or out-of-range values by file line."""
    raw = _clean_text(frame[col])
    num = pd.to_numeric(raw, errors="coerce")
    bad = (raw != "") & (num.isna() | (num < lo) | (num > hi))
    if required:
        bad |= raw == ""
    for i in np.flatnonzero(bad.to_numpy())[:20]:
        problems.append(f"{path.name}: line {first_line + i}: field {col!r}: "
                        f"invalid value {frame[col].iloc[i]!r} (expected {lo:g}..{hi:g})")
    if bad.sum() > 20:
        problems.append(f"{path.name}: field {col!r}: {int(bad.sum()) - 20} more invalid values")
    return num.where(~bad)


def _finish(frame: pd.DataFrame, problems: list[str]) -> pd.DataFrame:
    for msg in problems:
        log.warning(msg)
    out = conform(frame, PORT_DTYPES).reset_index(drop=True)
    out.attrs["problems"] = problems
    return out


def read_wpi(path: PathLike) -> pd.DataFrame:
    """Read an NGA World Port Index (Pub 150) CSV export, gzipped or not, any edition.

    Rows without a valid position are skipped and reported (``frame.attrs["problems"]``
    and the log) with their file line; the rest load. Raises ``ValueError`` when a
    required column (port number, name, latitude, longitude) is missing.
    """
    path = Path(path)
    with _open_text(path) as fh:
        raw = pd.read_csv(fh, dtype=str, keep_default_na=False)
    mapping: dict[str, str] = {}
    for col in raw.columns:
        canon = _WPI_HEADERS.get(_norm_header(col))
        if canon and canon not in mapping.values():
            mapping[col] = canon
    missing = [c for c in ("port_id", "name", "lat", "lon") if c not in mapping.values()]
    if missing:
        raise ValueError(
            f"{path}: not a World Port Index export: no column for {', '.join(missing)} "
            f"(header starts {list(raw.columns[:6])})"
        )
    frame = raw[list(mapping)].rename(columns=mapping)
    problems: list[str] = []
    # line 1 is the header; data row i sits on line i + 2 (WPI fields have no line breaks)
    lat = _numeric(frame, "lat", path, 2, problems, -90, 90, True)
    lon = _numeric(frame, "lon", path, 2, problems, -180, 180, True)
    out = pd.DataFrame(index=frame.index)
    pid = _clean_text(frame["port_id"])
    out["port_id"] = pid.str.replace(r"\.0+$", "", regex=True)
    out["name"] = _clean_text(frame["name"])
    for col in ("alternate_name", "country", "harbor_type"):
        out[col] = _clean_text(frame[col]) if col in frame else ""
    out["harbor_type"] = out["harbor_type"].map(lambda v: _HARBOR_TYPE_CODES.get(v, v))
    out["locode"] = normalize_locode(frame["locode"]) if "locode" in frame else None
    out["lat"], out["lon"] = lat, lon
    if "harbor_size" in frame:
        size = _harbor_size(frame["harbor_size"])
    else:
        size = pd.Series(None, index=frame.index, dtype=object)
    out["harbor_size"] = size
    out["harbor_rank"] = size.map(HARBOR_SIZE_RANK)
    if "max_draught_m" in frame:
        draught = pd.to_numeric(_clean_text(frame["max_draught_m"]), errors="coerce")
        out["max_draught_m"] = draught.where(draught > 0)  # WPI writes 0 for "unknown"
    ok = out["lat"].notna() & out["lon"].notna() & (out["port_id"] != "")
    no_id = np.flatnonzero((out["port_id"] == "").to_numpy())
    for i in no_id[:20]:
        problems.append(f"{path.name}: line {i + 2}: field 'port_id': empty World Port Index number")
    # the WPI itself has a few numbers used twice (e.g. 400, 49460 in 2025): keep both
    # rows, as the source does, but say so
    dup = out["port_id"].duplicated(keep="first") & ok
    for i in np.flatnonzero(dup.to_numpy())[:20]:
        problems.append(f"{path.name}: line {i + 2}: field 'port_id': World Port Index number "
                        f"{out['port_id'].iloc[i]} repeats an earlier row (both kept)")
    return _finish(out[ok], problems)


def _bundled(name: str) -> Path:
    for candidate in (DATA_DIR / name, DATA_DIR / (name + ".gz")):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"bundled file {name} (or {name}.gz) is missing from {DATA_DIR}")


def gazetteer_path() -> Path:
    """Path of the bundled gazetteer (``wpi_ports.csv`` or ``wpi_ports.csv.gz``)."""
    return _bundled(GAZETTEER_NAME)


def load_gazetteer(path: Optional[PathLike] = None) -> pd.DataFrame:
    """The bundled world port gazetteer (written by ``scripts/build_port_gazetteer.py``)."""
    path = Path(path) if path is not None else gazetteer_path()
    with _open_text(path) as fh:
        frame = pd.read_csv(fh, dtype=str, keep_default_na=False)
    missing = [c for c in PORT_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: not a Tanker Watch gazetteer, missing columns {missing}")
    out = frame[PORT_COLUMNS].copy()
    for col in ("lat", "lon", "max_draught_m"):
        out[col] = pd.to_numeric(out[col], errors="coerce")
    out["harbor_rank"] = pd.to_numeric(out["harbor_rank"], errors="coerce")
    for col in ("locode", "harbor_size"):
        out[col] = out[col].where(out[col] != "", None)
    return conform(out, PORT_DTYPES)


def write_gazetteer(ports: pd.DataFrame, path: PathLike) -> Path:
    """Write ``ports`` as the bundled gazetteer CSV, byte-reproducibly.

    Sorted by numeric port id; floats at fixed precision; ``.gz`` paths are gzipped with
    no timestamp or file name in the header, so the same input gives the same bytes.
    """
    path = Path(path)
    frame = conform(ports, PORT_DTYPES)
    key = pd.to_numeric(frame["port_id"], errors="coerce")
    frame = frame.assign(_k=key).sort_values(["_k", "port_id"], kind="mergesort").drop(columns="_k")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(PORT_COLUMNS)

    def fmt(v: object, digits: int) -> str:
        return "" if pd.isna(v) else f"{float(v):.{digits}f}"

    for row in frame.itertuples(index=False):
        writer.writerow([
            row.port_id, row.name, row.alternate_name, row.country, row.locode or "",
            fmt(row.lat, 6), fmt(row.lon, 6), row.harbor_size or "",
            "" if pd.isna(row.harbor_rank) else int(row.harbor_rank), row.harbor_type,
            fmt(row.max_draught_m, 1),
        ])
    data = buf.getvalue().encode("utf-8")
    if path.suffix == ".gz":
        with open(path, "wb") as raw, \
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    else:
        path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------- user CSV

_USER_HEADERS: dict[str, str] = {
    "name": "name", "port": "name", "portname": "name",
    "mainportname": "name",
    "lat": "lat", "latitude": "lat", "y": "lat",
    "lon": "lon", "lng": "lon", "long": "lon", "longitude": "lon", "x": "lon",
    "country": "country", "countrycode": "country", "iso2": "country",
    "locode": "locode", "unlocode": "locode",
    "portid": "port_id", "id": "port_id", "wpinumber": "port_id", "worldportindexnumber": "port_id",
    "alternatename": "alternate_name", "alternateportname": "alternate_name",
}


def port_column(columns: Iterable[str], canonical: str) -> Optional[str]:
    """The first of ``columns`` that names ``canonical`` (``name``, ``lat``, ``country``...) in a user's ports
    table, matched like :func:`read_ports_csv` matches CSV headers; None if none does."""
    return next((c for c in columns if _USER_HEADERS.get(_norm_header(c)) == canonical), None)


def read_ports_csv(path: PathLike) -> pd.DataFrame:
    """Read a user's own ports CSV: ``name, lat, lon`` and optional ``country, locode, port_id``.

    Header names are matched case-insensitively (``latitude``/``y``, ``longitude``/``lng``/``x``
    also work); the delimiter may be ``,``, ``;`` or tab. Bad rows (no name, unparsable or
    out-of-range coordinates) are skipped and reported by line and field in
    ``frame.attrs["problems"]`` and the log. Rows without an id get ``U<line>``.
    """
    path = Path(path)
    with _open_text(path) as fh:
        text = fh.read()
    if not text.strip():
        raise ValueError(f"{path}: the file is empty")
    first = text.splitlines()[0]
    delim = max([",", ";", "\t"], key=first.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=delim))
    header = [_USER_HEADERS.get(_norm_header(h)) for h in rows[0]]
    missing = [c for c in ("name", "lat", "lon") if c not in header]
    if missing:
        raise ValueError(
            f"{path}: line 1: no column for {', '.join(missing)} "
            f"(found {rows[0]}; expected at least name, lat, lon)"
        )
    col_of = {}
    for i, canon in enumerate(header):
        if canon and canon not in col_of:
            col_of[canon] = i
    problems: list[str] = []
    records = []
    for lineno, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        get = {c: (row[i].strip() if i < len(row) else "") for c, i in col_of.items()}
        rec_problems = []
        if not get["name"]:
            rec_problems.append(f"{path.name}: line {lineno}: field 'name': empty")
        coords = {}
        for field, lim in (("lat", 90.0), ("lon", 180.0)):
            value = get[field].replace(",", ".") if delim != "," else get[field]
            try:
                coords[field] = float(value)
                if not (-lim <= coords[field] <= lim) or not np.isfinite(coords[field]):
                    raise ValueError
            except ValueError:
                rec_problems.append(
                    f"{path.name}: line {lineno}: field {field!r}: invalid value {get[field]!r} "
                    f"(expected a number in -{lim:g}..{lim:g})"
                )
        if rec_problems:
            problems.extend(rec_problems)
            continue
        records.append({
            "port_id": get.get("port_id") or f"U{lineno}",
            "name": get["name"],
            "alternate_name": get.get("alternate_name", ""),
            "country": get.get("country", ""),
            "locode": get.get("locode", ""),
            "lat": coords["lat"],
            "lon": coords["lon"],
            "harbor_type": "",
        })
    frame = pd.DataFrame(records, columns=["port_id", "name", "alternate_name", "country",
                                           "locode", "lat", "lon", "harbor_type"])
    frame["locode"] = normalize_locode(frame["locode"])
    if not records:
        problems.append(f"{path.name}: no valid port rows")
    return _finish(frame, problems)


# ---------------------------------------------------------------------------- look-ups

def nearest_port(lat: ArrayLike, lon: ArrayLike, ports: pd.DataFrame,
                 max_km: Optional[float] = None) -> pd.DataFrame:
    """For each point, the nearest port within ``max_km`` (any distance if None).

    Returns a frame aligned with the input points: ``port_index`` (positional row in
    ``ports``, -1 if none), ``port_id``, ``port_name``, ``port_country``, ``port_km``
    (missing where no port qualifies).
    """
    idx, dist_m = nearest_point(lat, lon, ports["lat"].to_numpy(dtype=float),
                                ports["lon"].to_numpy(dtype=float),
                                max_m=None if max_km is None else max_km * 1000.0)
    found = idx >= 0
    safe = np.where(found, idx, 0)

    def pick(col: str) -> np.ndarray:
        values = ports[col].to_numpy(dtype=object) if len(ports) else np.array([None], dtype=object)
        return np.where(found, values[safe], None)

    return pd.DataFrame({
        "port_index": idx,
        "port_id": pick("port_id"),
        "port_name": pick("name"),
        "port_country": pick("country"),
        "port_km": dist_m / 1000.0,
    })


def find_ports(ports: pd.DataFrame, query: str) -> pd.DataFrame:
    """Ports whose name, alternate name, LOCODE or id matches ``query`` (case-insensitive)."""
    q = query.strip().lower()
    qcode = re.sub(r"[\s\-]", "", q).upper()
    hit = (
        ports["name"].str.lower().str.contains(q, regex=False, na=False)
        | ports["alternate_name"].str.lower().str.contains(q, regex=False, na=False)
        | (ports["locode"].fillna("") == qcode)
        | (ports["port_id"] == query.strip())
    )
    return ports[hit]


# ---------------------------------------------------------------------------- terminals

def read_terminals(path: PathLike) -> list[dict]:
    """Read terminal polygons from a GeoJSON FeatureCollection.

    Each terminal is a dict with ``id, name, port, country, kind, source, note``,
    ``geometry`` (normalised multipolygon rings, see :mod:`.polygons`) and ``bounds``.
    Features that are not polygons or have an unknown ``kind`` raise ``ValueError``
    naming the feature.
    """
    path = Path(path)
    with _open_text(path) as fh:
        try:
            doc = json.load(fh)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from exc
    if doc.get("type") != "FeatureCollection":
        raise ValueError(f"{path}: expected a GeoJSON FeatureCollection, got {doc.get('type')!r}")
    terminals = []
    for i, feat in enumerate(doc.get("features", [])):
        props = feat.get("properties") or {}
        label = f"{path.name}: feature {i} ({props.get('name', 'unnamed')})"
        kind = props.get("kind", "port_area")
        if kind not in TERMINAL_KINDS:
            raise ValueError(f"{label}: field 'kind': {kind!r} is not one of {TERMINAL_KINDS}")
        if not props.get("name"):
            raise ValueError(f"{label}: field 'name': empty")
        try:
            geometry = normalize_geometry(feat.get("geometry") or {})
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{label}: geometry: {exc}") from exc
        terminals.append({
            "id": str(props.get("id") or feat.get("id") or f"T{i}"),
            "name": props["name"],
            "port": props.get("port", ""),
            "country": props.get("country", ""),
            "kind": kind,
            "source": props.get("source", ""),
            "note": props.get("note", ""),
            "geometry": geometry,
            "bounds": geometry_bounds(geometry),
        })
    return terminals


def load_terminals(path: Optional[PathLike] = None) -> list[dict]:
    """The bundled terminal polygons (``resources/data/ports/terminals.geojson``)."""
    return read_terminals(Path(path) if path is not None else _bundled(TERMINALS_NAME))


def terminal_at(lat: ArrayLike, lon: ArrayLike, terminals: Iterable[dict]) -> np.ndarray:
    """Index into ``terminals`` of the polygon containing each point, -1 if none.

    Where polygons overlap the more specific kind wins (oil_terminal, then anchorage,
    then port_area), then the earlier one in the list.
    """
    terminals = list(terminals)
    qlat = np.atleast_1d(np.asarray(lat, dtype=float)).ravel()
    qlon = np.atleast_1d(np.asarray(lon, dtype=float)).ravel()
    out = np.full(qlat.size, -1, dtype=np.int64)
    order = sorted(range(len(terminals)), key=lambda i: (TERMINAL_KINDS.index(terminals[i]["kind"]), i))
    for i in order:
        free = np.flatnonzero(out < 0)
        if free.size == 0:
            break
        hit = points_in_polygon(qlat[free], qlon[free], terminals[i]["geometry"])
        out[free[hit]] = i
    return out
