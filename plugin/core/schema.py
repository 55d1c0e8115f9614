"""The canonical data model of Tanker Watch: every reader produces these frames.

Positions frame (one row per AIS position report, sorted by ``mmsi`` then ``time``):

========== =========================== ===============================================
column     dtype                       meaning
========== =========================== ===============================================
mmsi       category (str, 9 digits)    Maritime Mobile Service Identity; a string so
                                       leading zeros survive
time       datetime64[ns, UTC]         time of the report
lon, lat   float64                     WGS84 degrees
sog        float32                     speed over ground, knots (NaN = not available)
cog        float32                     course over ground, degrees (NaN = n/a)
heading    float32                     true heading, degrees (NaN = n/a)
nav_status Int8 (nullable)             AIS navigational status 0-15
draught    float32                     metres (NaN = n/a)
imo        category (str, 7 digits)    IMO number, NaN when unknown
name       category (str)              vessel name as broadcast
ship_type  Int16 (nullable)            AIS ship and cargo type (80-89 = tanker)
source     category (str)              file or feed the row came from
========== =========================== ===============================================

Vessels frame (one row per MMSI): see :data:`VESSEL_COLUMNS`.

Sightings frame (satellite or other non-AIS observations, one row per sighting),
read from CSV ``time_utc,lat,lon,imo,mmsi,name,state,source``: see
:data:`SIGHTING_COLUMNS`; ``state`` is one of :data:`SIGHTING_STATES`.
"""
from __future__ import annotations

import pandas as pd

POSITION_DTYPES: dict[str, str] = {
    "mmsi": "category",
    "time": "datetime64[ns, UTC]",
    "lon": "float64",
    "lat": "float64",
    "sog": "float32",
    "cog": "float32",
    "heading": "float32",
    "nav_status": "Int8",
    "draught": "float32",
    "imo": "category",
    "name": "category",
    "ship_type": "Int16",
    "source": "category",
}
POSITION_COLUMNS: list[str] = list(POSITION_DTYPES)

VESSEL_DTYPES: dict[str, str] = {
    "mmsi": "object",        # str
    "imo": "object",         # str or None: latest IMO broadcast
    "name": "object",        # latest name broadcast
    "names": "object",       # every name seen, oldest first, joined with "|"
    "ship_type": "Int16",    # latest non-null ship type
    "draught": "float32",    # latest non-null draught
    "first_seen": "datetime64[ns, UTC]",
    "last_seen": "datetime64[ns, UTC]",
    "positions": "int64",    # number of clean positions
}
VESSEL_COLUMNS: list[str] = list(VESSEL_DTYPES)

SIGHTING_DTYPES: dict[str, str] = {
    "time": "datetime64[ns, UTC]",
    "lat": "float64",
    "lon": "float64",
    "imo": "object",
    "mmsi": "object",
    "name": "object",
    "state": "object",       # laden / ballast / unknown
    "source": "object",
}
SIGHTING_COLUMNS: list[str] = list(SIGHTING_DTYPES)
SIGHTING_STATES: tuple[str, ...] = ("laden", "ballast", "unknown")

TANKER_SHIP_TYPES = range(80, 90)


def empty_positions() -> pd.DataFrame:
    """An empty positions frame with the canonical dtypes."""
    return conform(pd.DataFrame({c: [] for c in POSITION_COLUMNS}), POSITION_DTYPES)


def conform(frame: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    """Return ``frame`` with exactly the columns of ``dtypes``, in order, cast to them.

    Missing columns are added as all-missing. The result never shares data with ``frame``.
    """
    # Built one column at a time (each is copied once on insertion): a frame made from a
    # dict of columns would also copy every same-dtype group into one block, briefly
    # holding the data twice.
    out = pd.DataFrame(index=frame.index)
    n = len(frame)
    for col, dtype in dtypes.items():
        if col in frame.columns:
            values = frame[col]
        else:
            values = pd.Series([None] * n, index=frame.index, dtype=object)
        if dtype.startswith("datetime64"):
            values = pd.to_datetime(values, utc=True)
        out[col] = values.astype(dtype, copy=False)
        del values
    return out
