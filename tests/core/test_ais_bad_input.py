"""Every kind of bad AIS input: clear messages naming file, line and field; good rows load."""
from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest

from tanker_watch.plugin.core.ais_readers import detect_format, read_ais
from tanker_watch.plugin.core.errors import AisFormatError

AIS = Path(__file__).resolve().parents[1] / "data" / "ais"
MC = AIS / "marinecadastre_2022-01-03_first300.csv"
HEADER = ("MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,"
          "Status,Length,Width,Draft,Cargo,TransceiverClass")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "empty.csv", "")
    with pytest.raises(AisFormatError, match="empty.csv.*empty"):
        read_ais(path)
    with pytest.raises(AisFormatError, match="blank.csv.*empty"):
        read_ais(_write(tmp_path, "blank.csv", "\n\n  \n"))


def test_header_only(tmp_path: Path) -> None:
    with pytest.raises(AisFormatError, match="header.csv.*header but no data rows"):
        read_ais(_write(tmp_path, "header.csv", HEADER + "\n"))


def test_semicolon_delimiter_is_detected(tmp_path: Path) -> None:
    text = MC.read_text().replace(",", ";")
    res = read_ais(_write(tmp_path, "semi.csv", text))
    assert len(res.positions) == 300 and res.format == "marinecadastre"
    assert any("';'" in w and "semi.csv" in w for w in res.warnings)


def test_no_delimiter_at_all(tmp_path: Path) -> None:
    with pytest.raises(AisFormatError, match=r"words.txt: line 1: no column delimiter"):
        read_ais(_write(tmp_path, "words.txt", "hello world\nsecond line\n"))


def test_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.csv"
    path.write_bytes(bytes(range(256)) * 50)
    with pytest.raises(AisFormatError, match="garbage.csv: binary content"):
        read_ais(path)
    with pytest.raises(AisFormatError, match="garbage.csv"):
        detect_format(path)


def test_unknown_layout_without_mapping(tmp_path: Path) -> None:
    path = _write(tmp_path, "odd.csv", "a,b,c\n1,2,3\n")
    with pytest.raises(AisFormatError, match=r"odd.csv: unknown CSV layout.*mmsi, time, lat, lon"):
        read_ais(path)


def test_truncated_gzip_reads_what_it_can(tmp_path: Path) -> None:
    data = gzip.compress(MC.read_bytes())
    path = tmp_path / "cut.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    res = read_ais(path)
    assert 50 < len(res.positions) < 300
    full = read_ais(MC).positions
    n = len(res.positions) - 1  # the line cut by the truncation may be incomplete
    pd.testing.assert_frame_equal(res.positions.drop(columns="source").iloc[:n].astype(str),
                                  full.drop(columns="source").iloc[:n].astype(str))
    trunc = [i for i in res.issues if "truncated" in i.message]
    assert trunc and trunc[0].file == "cut.csv.gz" and trunc[0].line is None
    assert any("truncated" in w and "cut.csv.gz" in w for w in res.warnings)


def test_row_level_failures_name_line_and_field(tmp_path: Path) -> None:
    lines = MC.read_text().splitlines()
    lines[3] = lines[3].replace("34.12723", "34.1x723")                     # line 4: bad LAT
    lines[5] = lines[5].replace("2022-01-03T00:00:", "2022-01-03T25:00:")   # line 6: bad date
    lines[7] = lines[7] + ",EXTRA,FIELDS"                                    # line 8: 19 fields
    lines[9] = lines[9].replace(",4.8,", ",fast,", 1)                        # line 10: bad SOG
    lines[11] = ""                                                           # line 12: blank
    lines[13] = "abc" + lines[13][9:]                                        # line 14: bad MMSI
    path = _write(tmp_path, "dirty.csv", "\n".join(lines) + "\n")
    res = read_ais(path)
    found = {(i.line, i.field) for i in res.issues}
    assert found == {(4, "lat"), (6, "time"), (8, None), (10, "sog"), (14, "mmsi")}
    assert all(i.file == "dirty.csv" for i in res.issues)
    assert res.issue_count == 5
    # bad SOG keeps its row (SOG missing); the other four bad rows and the blank line go
    assert len(res.positions) == 300 - 1 - 4
    sog_row = res.positions[res.positions["mmsi"] == lines[9].split(",")[0]]
    assert sog_row["sog"].isna().any()
    bad_lat = next(i for i in res.issues if i.field == "lat")
    assert "34.1x723" in bad_lat.message and "dirty.csv, line 4, field lat" in str(bad_lat)


def test_issue_list_is_capped_but_all_counted(tmp_path: Path) -> None:
    rows = [HEADER] + [f"{367000000 + i},2022-01-03T00:00:00,bad,-70.1,,,,,,,,,,,,,A"
                       for i in range(1500)] + ["367999999,2022-01-03T00:00:00,42.1,-70.1,,,,,,,,,,,,,A"]
    res = read_ais(_write(tmp_path, "many.csv", "\n".join(rows)))
    assert res.issue_count == 1500 and len(res.issues) == 1000
    assert len(res.positions) == 1


def test_nothing_usable_raises_with_first_problem(tmp_path: Path) -> None:
    rows = [HEADER, "367000000,yesterday,42.1,-70.1,,,,,,,,,,,,,A"]
    with pytest.raises(AisFormatError, match=r"allbad.csv: no usable rows.*line 2, field time"):
        read_ais(_write(tmp_path, "allbad.csv", "\n".join(rows)))


def test_mixed_time_formats_and_zones(tmp_path: Path) -> None:
    text = ("mmsi,timestamp,lat,lon\n"
            "273340060,2024-03-07T10:00:00Z,42.7,133.0\n"
            "273340060,2024-03-07 19:30:00+09:00,42.7,133.0\n"
            "273340060,07/03/2024 11:00:00,42.7,133.0\n"
            "273340060,1709809200,42.7,133.0\n"
            "273340060,2024-03-07T12:00:00,42.7,133.0\n"
            "273340060,March 7 2024 13:00,42.7,133.0\n")
    res = read_ais(_write(tmp_path, "mixed.csv", text))
    assert res.issue_count == 0
    assert list(res.positions["time"]) == [pd.Timestamp(x, tz="UTC") for x in (
        "2024-03-07 10:00", "2024-03-07 10:30", "2024-03-07 11:00", "2024-03-07 11:00",
        "2024-03-07 12:00", "2024-03-07 13:00")]
    naive = next(w for w in res.warnings if "no time zone" in w)
    assert naive.startswith("mixed.csv: 3 timestamps")


def test_mmsi_as_float_and_non_ascii_names(tmp_path: Path) -> None:
    text = ("MMSI,BaseDateTime,LAT,LON,VesselName\n"
            "4.45e8,2024-03-07T10:00:00,42.7,133.0,ЧОН МА САН\n"
            "445123000.0,2024-03-07T10:00:00,42.7,133.0,Ærø Ship ü\n"
            "002579999,2024-03-07T10:00:00,42.7,133.0,千山\n")
    res = read_ais(_write(tmp_path, "float.csv", text))
    assert list(res.positions["mmsi"]) == ["445000000", "445123000", "002579999"]
    assert list(res.positions["name"]) == ["ЧОН МА САН", "Ærø Ship ü", "千山"]


def test_latin1_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("MMSI,BaseDateTime,LAT,LON,VesselName\n"
                     "219000000,2024-03-07T10:00:00,55.7,12.6,ÆRØ\n".encode("cp1252"))
    assert list(read_ais(path).positions["name"]) == ["ÆRØ"]


def test_nothing_the_user_had_is_modified(tmp_path: Path) -> None:
    path = _write(tmp_path, "keep.csv", MC.read_text())
    before = path.read_bytes()
    read_ais(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.csv"]
