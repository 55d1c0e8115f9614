"""The "Sanctioned vessels" view: listed vessels seen in the AIS data, at their last position."""
from __future__ import annotations

import pandas as pd

SEEN_COLUMNS = ["mmsi", "imo", "name", "lists", "programmes", "listed_name", "listed_imo", "match_reason",
                "score", "warnings", "last_seen", "lon", "lat", "positions"]


def listed_last_positions(positions: pd.DataFrame, vessels: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """One row per listed vessel of ``vessels`` (aligned with ``matches``) at its last AIS position.

    ``positions`` is a clean canonical positions frame; ``vessels`` has ``mmsi`` (and imo, name)
    as given to :func:`~.matching.match_vessels`.
    """
    listed = pd.concat([vessels[["mmsi"]].reset_index(drop=True), matches.reset_index(drop=True)], axis=1)
    listed = listed[listed["listed"]]
    if listed.empty or positions.empty:
        return pd.DataFrame(columns=SEEN_COLUMNS)
    mmsi = positions["mmsi"].astype(str)
    last = positions.assign(_mmsi=mmsi).groupby("_mmsi", sort=False).tail(1)
    last = last.assign(positions=last["_mmsi"].map(mmsi.value_counts()))
    last = last.rename(columns={"time": "last_seen"})[["_mmsi", "imo", "name", "last_seen", "lon", "lat",
                                                       "positions"]]
    last[["imo", "name"]] = last[["imo", "name"]].astype(object)
    merged = listed.merge(last, left_on="mmsi", right_on="_mmsi", how="inner")
    return merged[SEEN_COLUMNS].reset_index(drop=True)
