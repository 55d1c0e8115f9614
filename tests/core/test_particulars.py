"""Vessel particulars CSV and the sanctioned-vessels view."""
from __future__ import annotations

import pandas as pd
import pytest

from tanker_watch.plugin.core.errors import AisFormatError
from tanker_watch.plugin.core.particulars import looks_like_particulars, read_particulars
from tanker_watch.plugin.core.sanctions.seen import listed_last_positions


def test_read_particulars_normalises_and_reports(tmp_path):
    path = tmp_path / "vessels.csv"
    path.write_text(
        "MMSI,IMO,Vessel_Name,Flag,Ship_Type,DWT,notes\n"
        "4.45e8,IMO 8660313,CHON MA SAN,KP,80,3565,ok\n"
        "45000001,8660314,BAD IMO,KP,80,-5,\n"
        ",,,,,,nothing\n"
        "x12,,NAMED ONLY,,,,\n",
        encoding="utf-8",
    )
    vessels, issues = read_particulars(path)
    assert list(vessels["name"]) == ["CHON MA SAN", "BAD IMO", "NAMED ONLY"]
    assert vessels.loc[0, "mmsi"] == "445000000" and vessels.loc[0, "imo"] == "8660313"
    assert vessels.loc[1, "mmsi"] is None  # 8 digits: not an MMSI, not guessed
    assert vessels.loc[0, "dwt"] == 3565 and pd.isna(vessels.loc[1, "dwt"])
    text = [str(i) for i in issues]
    assert any("line 3, field imo" in t for t in text)
    assert any("line 3, field mmsi" in t for t in text)
    assert any("line 3, field dwt" in t for t in text)
    assert any("line 4" in t and "no mmsi, imo or name" in t for t in text)
    assert any("line 5, field mmsi" in t for t in text)


def test_particulars_need_an_identity_column(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text("colour,size\nred,1\n", encoding="utf-8")
    with pytest.raises(AisFormatError, match="v.csv"):
        read_particulars(path)


def test_particulars_detection():
    assert looks_like_particulars(["mmsi", "imo", "name", "dwt"])
    assert not looks_like_particulars(["MMSI", "BaseDateTime", "LAT", "LON"])
    assert not looks_like_particulars(["colour"])


def test_listed_last_positions():
    times = pd.to_datetime(["2024-03-07T00:00Z", "2024-03-08T00:00Z", "2024-03-07T00:00Z"], utc=True)
    positions = pd.DataFrame({
        "mmsi": pd.Categorical(["445000001", "445000001", "273000001"]),
        "time": times, "lon": [132.0, 133.0, 131.0], "lat": [42.0, 42.7, 43.0],
        "imo": pd.Categorical(["8660313", "8660313", None]),
        "name": pd.Categorical(["CHON MA SAN", "CHON MA SAN", "OTHER"]),
    })
    vessels = pd.DataFrame({"mmsi": ["445000001", "273000001"], "imo": ["8660313", None],
                            "name": ["CHON MA SAN", "OTHER"]})
    matches = pd.DataFrame({"listed": [True, False], "lists": ["OFAC SDN", ""], "programmes": ["DPRK4", ""],
                            "listed_name": ["CHON MA SAN", None], "listed_imo": ["8660313", None],
                            "match_reason": ["IMO 8660313 exact", ""], "score": [100, 0], "warnings": ["", ""]})
    seen = listed_last_positions(positions, vessels, matches)
    assert len(seen) == 1
    row = seen.iloc[0]
    assert (row["mmsi"], row["lon"], row["positions"]) == ("445000001", 133.0, 2)
    assert row["last_seen"] == times[1]


def test_cp1252_file_and_imo_spellings(tmp_path):
    path = tmp_path / "vessels.csv"
    text = ("mmsi,imo,name,flag\n"
            "445000000.0,IMO: 9074729,SÃO GONÇALO,KP\n"
            "445000001,9074729.0,ÅSGARD,KP\n")
    path.write_bytes(text.encode("cp1252") + b"\x1a")  # DOS end-of-file marker too
    vessels, issues = read_particulars(path)
    assert issues == []
    assert list(vessels["name"]) == ["SÃO GONÇALO", "ÅSGARD"]
    assert list(vessels["imo"]) == ["9074729", "9074729"]
    assert list(vessels["mmsi"]) == ["445000000", "445000001"]
