"""Exporting an analysis: trips and vessels tables (CSV or GeoPackage) and the summary dictionary.

Every exported table carries a ``data_notice`` column (blank for real data, "Simulated demo data
based on public reporting" for the demo) so a CSV taken out of context still says what it is.
"""
from __future__ import annotations

import json
import math
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from qgis.core import QgsWkbTypes

from .core.pipeline import VESSEL_SUMMARY_COLUMNS, Dataset, RegionResult
from .frames import add_point_features, add_table_features, fields_for
from .layers import TRIP_FIELDS
from .output import write_layer

TRIP_EXPORT_COLUMNS = TRIP_FIELDS + ["lon", "lat"]
SUMMARY_KEYS = ("trips", "possible_trips", "laden_trips", "vessels", "barrels_low", "barrels", "barrels_high",
                "cap_share_by_year", "assumptions", "data_notice", "period", "region", "sanctions_data",
                "generated_utc")


def _table(frame: pd.DataFrame, columns: list[str], notice: str) -> pd.DataFrame:
    """``frame[columns]`` plus the ``data_notice`` column (missing values stay missing: blank in CSV, NULL in QGIS)."""
    return frame.reindex(columns=columns).assign(data_notice=notice)


def _paths(folder_or_paths, fmt: str) -> dict[str, Path]:
    if isinstance(folder_or_paths, dict):
        return {key: Path(folder_or_paths[key]) for key in ("trips", "vessels")}
    folder = Path(folder_or_paths)
    if fmt == "gpkg":
        return {"trips": folder / "tables.gpkg", "vessels": folder / "tables.gpkg"}
    return {"trips": folder / "trips.csv", "vessels": folder / "vessels.csv"}


def export_tables(result: RegionResult, folder_or_paths, fmt: str = "csv", notice: str = "") -> dict[str, Path]:
    """Write the trips and vessels tables; returns their paths by name.

    ``folder_or_paths`` is a folder (``trips.csv``/``vessels.csv``, or ``tables.gpkg`` with layers
    ``trips`` (points at the first call) and ``vessels``) or a dict with keys ``trips``, ``vessels``.
    Existing files of those names are replaced (GeoPackage: only those layers).
    """
    if fmt not in ("csv", "gpkg"):
        raise ValueError(f"export format must be 'csv' or 'gpkg', not {fmt!r}")
    paths = _paths(folder_or_paths, fmt)
    trips = _table(result.trips, TRIP_EXPORT_COLUMNS, notice)
    vessels = _table(result.vessels, VESSEL_SUMMARY_COLUMNS, notice)
    for path in paths.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        trips.to_csv(paths["trips"], index=False, date_format="%Y-%m-%dT%H:%M:%SZ", float_format="%.6g")
        vessels.to_csv(paths["vessels"], index=False, float_format="%.6g")
        return paths
    trip_columns = [c for c in trips.columns if c not in ("lon", "lat")]
    trip_fields = fields_for(trips, trip_columns)
    write_layer(paths["trips"], "trips", trip_fields, QgsWkbTypes.Type.Point,
                lambda sink: add_point_features(sink, trip_fields, trips))
    vessel_fields = fields_for(vessels, list(vessels.columns))
    write_layer(paths["vessels"], "vessels", vessel_fields, QgsWkbTypes.Type.NoGeometry,
                lambda sink: add_table_features(sink, vessel_fields, vessels), spatial_index=False)
    return paths


def _iso(stamp) -> str | None:
    if stamp is None or (isinstance(stamp, float) and math.isnan(stamp)) or pd.isna(stamp):
        return None
    return pd.Timestamp(stamp).strftime("%Y-%m-%dT%H:%M:%SZ")


def summary_dict(dataset: Dataset, result: RegionResult, notice: str = "", region_wkt: str = "",
                 start=None, end=None) -> dict:
    """The headline figures with their context, as written to ``summary.json``.

    ``period`` is the requested ``start``/``end`` when given, else the first arrival and last
    departure of the counted trips.
    """
    summary = dict(result.headline())
    summary["cap_share_by_year"] = {str(year): {k: round(float(v), 4) for k, v in shares.items()}
                                    for year, shares in summary["cap_share_by_year"].items()}
    for key in ("trips", "possible_trips", "laden_trips", "vessels", "barrels_low", "barrels", "barrels_high"):
        summary[key] = int(summary[key])
    first, last = result.trips_period()
    first, last = start if start is not None else first, end if end is not None else last
    summary["period"] = {"start": _iso(first), "end": _iso(last)}
    summary["region"] = region_wkt
    summary["assumptions"] = list(result.assumptions.describe())
    summary["un_cap_bbl"] = int(result.assumptions.un_cap_bbl)
    summary["sanctions_data"] = dataset.sanctions_label()
    summary["data_notice"] = notice
    summary["generated_utc"] = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return summary


def write_summary(summary: dict, path: Path) -> Path:
    """``summary`` as indented JSON (UTF-8)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
