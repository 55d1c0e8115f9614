"""Sightings CSV: good rows load, bad rows are reported with line and field."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tanker_watch.plugin.core.errors import AisFormatError
from tanker_watch.plugin.core.schema import SIGHTING_COLUMNS
from tanker_watch.plugin.core.sightings import read_sightings

HEADER = "time_utc,lat,lon,imo,mmsi,name,state,source\n"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sightings.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_and_bad_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER +
                  "2024-03-07T10:00:00Z,42.75,133.08,8660313,,CHON MA SAN,Laden,Planet\n"   # 2 ok
                  "2024-03-08 11:00,42.76,133.07,,445123000,,BALLAST,\n"                   # 3 ok
                  "2024-03-09T10:00:00+09:00,42.7,133.0,,,YU SON,,Maxar\n"                 # 4 ok
                  "yesterday,42.7,133.0,8660313,,,laden,x\n"                               # 5 time
                  "2024-03-09,95,133.0,8660313,,,laden,x\n"                                # 6 lat
                  "2024-03-09,42.7,east,8660313,,,laden,x\n"                               # 7 lon
                  "2024-03-09,42.7,133.0,8660314,,,laden,x\n"                              # 8 imo
                  "2024-03-09,42.7,133.0,,44512300,,laden,x\n"                             # 9 mmsi
                  "2024-03-09,42.7,133.0,,,,laden,x\n"                                     # 10 none
                  "2024-03-09,42.7,133.0,8660313,,,full,x\n"                               # 11 state
                  "2024-03-09,42.7,133.0\n")                                               # 12 count
    frame, issues = read_sightings(path)
    assert list(frame.columns) == SIGHTING_COLUMNS and len(frame) == 3
    assert list(frame["state"]) == ["laden", "ballast", "unknown"]
    assert list(frame["source"]) == ["Planet", "sightings.csv", "Maxar"]
    assert frame["time"].iloc[2] == pd.Timestamp("2024-03-09 01:00Z")
    assert frame["time"].iloc[1] == pd.Timestamp("2024-03-08 11:00Z")  # naive = UTC
    assert [(i.line, i.field) for i in issues] == [
        (5, "time_utc"), (6, "lat"), (7, "lon"), (8, "imo"), (9, "mmsi"), (10, "imo"),
        (11, "state"), (12, None)]
    assert all(i.file == "sightings.csv" for i in issues)


def test_bad_header_and_empty(tmp_path: Path) -> None:
    with pytest.raises(AisFormatError, match="sightings.csv: line 1: sightings need"):
        read_sightings(_write(tmp_path, "when,where\n1,2\n"))
    with pytest.raises(AisFormatError, match="sightings.csv: the file is empty"):
        read_sightings(_write(tmp_path, ""))


def test_header_only_gives_empty_frame(tmp_path: Path) -> None:
    frame, issues = read_sightings(_write(tmp_path, HEADER))
    assert frame.empty and issues == [] and list(frame.columns) == SIGHTING_COLUMNS


def test_gzipped_file_and_identifier_spellings(tmp_path: Path) -> None:
    import gzip
    path = tmp_path / "sightings.csv.gz"
    path.write_bytes(gzip.compress((
        HEADER + "2024-03-07T10:00:00Z,42.75,133.08,IMO: 9074729,445000000.0,ÅSGARD,laden,\n"
        "2024-03-07T11:00:00Z,42.75,133.08,9074729.0,,,laden,\n").encode("utf-8")))
    frame, issues = read_sightings(path)
    assert issues == []
    assert list(frame["imo"]) == ["9074729", "9074729"]
    assert frame["mmsi"].iloc[0] == "445000000" and frame["name"].iloc[0] == "ÅSGARD"
