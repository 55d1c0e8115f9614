"""Vessel summary built from positions."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from tanker_watch.plugin.core.ais_readers import read_ais
from tanker_watch.plugin.core.cleaning import clean_positions
from tanker_watch.plugin.core.schema import POSITION_DTYPES, VESSEL_COLUMNS, conform
from tanker_watch.plugin.core.vessels import vessels_from_positions

T0 = pd.Timestamp("2024-03-07 00:00Z")


def test_latest_static_and_name_history() -> None:
    rows = [
        dict(mmsi="445123000", time=T0, name="SONG HAE", imo="8660313", ship_type=80, draught=3.0),
        dict(mmsi="445123000", time=T0 + pd.Timedelta(hours=2), name="CHON MA SAN", imo=None,
             ship_type=None, draught=np.nan),
        dict(mmsi="445123000", time=T0 + pd.Timedelta(hours=1), name="SONG HAE", imo=None,
             ship_type=None, draught=5.5),
        dict(mmsi="273340060", time=T0, name=None, imo=None, ship_type=None, draught=np.nan),
    ]
    pos = conform(pd.DataFrame([dict(r, lat=42.7, lon=133.0) for r in rows]), POSITION_DTYPES)
    v = vessels_from_positions(pos).set_index("mmsi")
    assert list(vessels_from_positions(pos).columns) == VESSEL_COLUMNS
    a = v.loc["445123000"]
    assert a["name"] == "CHON MA SAN" and a["names"] == "SONG HAE|CHON MA SAN"
    assert a["imo"] == "8660313" and a["ship_type"] == 80 and a["draught"] == 5.5
    assert a["first_seen"] == T0 and a["last_seen"] == T0 + pd.Timedelta(hours=2)
    assert a["positions"] == 3
    b = v.loc["273340060"]
    assert b["name"] is None and b["names"] is None and pd.isna(b["ship_type"])


def test_on_real_marinecadastre_excerpt() -> None:
    path = Path(__file__).resolve().parents[1] / "data/ais/marinecadastre_2022-01-03_first300.csv"
    clean, _ = clean_positions(read_ais(path).positions)
    v = vessels_from_positions(clean)
    assert v["positions"].sum() == len(clean)
    assert v["mmsi"].is_unique and len(v) == clean["mmsi"].nunique()
    eagle = v[v["mmsi"] == "367379190"].iloc[0]
    assert eagle["name"] == "EAGLE" and eagle["imo"] == "8207721"


def test_empty() -> None:
    v = vessels_from_positions(conform(pd.DataFrame(), POSITION_DTYPES))
    assert v.empty and list(v.columns) == VESSEL_COLUMNS
