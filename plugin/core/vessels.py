"""One row per MMSI summarising the (clean) positions frame."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .schema import VESSEL_DTYPES, conform


def _int16(values: np.ndarray) -> pd.arrays.IntegerArray:
    missing = np.isnan(values)
    return pd.arrays.IntegerArray(np.where(missing, 0, values).astype("int16"), missing)


def vessels_from_positions(positions: pd.DataFrame) -> pd.DataFrame:
    """Latest IMO/name/ship type/draught per MMSI, every name seen, first/last time, count."""
    if positions.empty:
        return conform(pd.DataFrame(), VESSEL_DTYPES)
    df = pd.DataFrame({
        "mmsi": positions["mmsi"].astype(str).to_numpy(),
        "time": positions["time"].to_numpy(),
        "imo": positions["imo"].astype(object).to_numpy(),
        "name": positions["name"].astype(object).to_numpy(),
        "ship_type": positions["ship_type"].astype("Float64").to_numpy(dtype="float64",
                                                                     na_value=np.nan),
        "draught": positions["draught"].astype("float64").to_numpy(),
    })
    df = df.sort_values(["mmsi", "time"], kind="mergesort", na_position="first")
    g = df.groupby("mmsi", sort=True)
    latest = g[["imo", "name", "ship_type", "draught"]].last()  # last non-null per column
    named = df.dropna(subset=["name"]).drop_duplicates(["mmsi", "name"], keep="first")
    names = named.groupby("mmsi", sort=True)["name"].agg("|".join)
    out = pd.DataFrame({
        "mmsi": latest.index.to_numpy(),
        "imo": latest["imo"].to_numpy(),
        "name": latest["name"].to_numpy(),
        "names": names.reindex(latest.index).to_numpy(),
        "ship_type": _int16(latest["ship_type"].to_numpy(dtype="float64")),
        "draught": latest["draught"].to_numpy(),
        "first_seen": g["time"].min().to_numpy(),
        "last_seen": g["time"].max().to_numpy(),
        "positions": g.size().to_numpy(),
    })
    for col in ("imo", "name", "names"):
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    return conform(out, VESSEL_DTYPES)
