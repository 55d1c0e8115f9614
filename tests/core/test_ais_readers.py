"""Reading real AIS excerpts of every supported layout, plain and compressed."""
from __future__ import annotations

import gzip
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from tanker_watch.plugin.core.ais_readers import (
    detect_format,
    guess_mapping,
    positions_from_frame,
    read_ais,
    read_ais_many,
)
from tanker_watch.plugin.core.errors import AisFormatError, Cancelled
from tanker_watch.plugin.core.schema import POSITION_COLUMNS, POSITION_DTYPES

AIS = Path(__file__).resolve().parents[1] / "data" / "ais"
MC = AIS / "marinecadastre_2022-01-03_first300.csv"


def _check_schema(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == POSITION_COLUMNS
    for col, dtype in POSITION_DTYPES.items():
        assert str(frame[col].dtype) == dtype or (dtype == "category"
                                                  and str(frame[col].dtype) == "category"), col


def test_marinecadastre_csv_values_and_schema() -> None:
    res = read_ais(MC)
    assert res.format == "marinecadastre"
    assert len(res.positions) == 300 and res.issue_count == 0
    _check_schema(res.positions)
    first = res.positions.iloc[1]  # 367379190,2022-01-03T00:00:00,30.3706,-88.56408,...,EAGLE,IMO8207721
    assert first["mmsi"] == "367379190"
    assert first["time"] == pd.Timestamp("2022-01-03T00:00:00Z")
    assert first["lat"] == pytest.approx(30.3706) and first["lon"] == pytest.approx(-88.56408)
    assert first["imo"] == "8207721" and first["name"] == "EAGLE"
    assert first["ship_type"] == 31 and first["nav_status"] == 0
    assert first["draught"] == pytest.approx(3.3)
    assert (res.positions["source"] == MC.name).all()
    assert any("no time zone" in w for w in res.warnings)


def test_gzip_and_zip_detected_by_content(tmp_path: Path) -> None:
    plain = read_ais(MC).positions
    gz = tmp_path / "no_extension"
    shutil.copy(AIS / "marinecadastre_2022-01-03_first300.csv.gz", gz)
    zipped = tmp_path / "data.bin"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(MC, "AIS_2022_01_03.csv")
    for path in (gz, zipped):
        assert detect_format(path) == "marinecadastre"
        got = read_ais(path).positions
        pd.testing.assert_frame_equal(got.drop(columns="source"), plain.drop(columns="source"))


def test_zip_with_several_members_warns(tmp_path: Path) -> None:
    zipped = tmp_path / "two.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.write(MC, "a.csv")
        zf.write(AIS / "dma_aisdk_2018-02-08_sample10.csv", "b.csv")
    res = read_ais(zipped)
    assert len(res.positions) == 300
    assert any("only a.csv was read" in w for w in res.warnings)


def test_dma_csv_dayfirst_text_status_and_index_column() -> None:
    res = read_ais(AIS / "dma_aisdk_2018-02-08_sample10.csv")
    assert res.format == "dma" and res.issue_count == 0
    pos = res.positions
    assert len(pos) == 10
    assert pos["time"].min() == pd.Timestamp("2018-02-08 00:00:00Z")  # 08/02 is 8 February
    assert pos["time"].max() == pd.Timestamp("2018-02-08 00:00:02Z")
    row = pos.iloc[1]  # 244678000, At anchor, SOG 0.2, COG 162.7, heading 227
    assert row["mmsi"] == "244678000" and row["nav_status"] == 1
    assert row["sog"] == pytest.approx(0.2) and row["heading"] == 227
    assert pos.iloc[3]["nav_status"] == 9  # "Reserved for future amendment [HSC]"
    assert pos["imo"].isna().all()  # "Unknown"


def test_dma_semicolon_decimal_comma_and_text_ship_type(tmp_path: Path) -> None:
    path = tmp_path / "aisdk.csv"
    path.write_text(
        "# Timestamp;Type of mobile;MMSI;Latitude;Longitude;Navigational status;SOG;COG;"
        "Heading;IMO;Name;Ship type;Draught\n"
        "13/03/2024 10:00:00;Class A;445123000;42,75;133,08;Moored;0,1;12,5;90;IMO 8660313;"
        "CHON MA SAN;Tanker;5,4\n", encoding="utf-8")
    res = read_ais(path)
    row = res.positions.iloc[0]
    assert res.format == "dma"
    assert row["lat"] == pytest.approx(42.75) and row["draught"] == pytest.approx(5.4)
    assert row["ship_type"] == 80 and row["nav_status"] == 5 and row["imo"] == "8660313"
    assert row["time"] == pd.Timestamp("2024-03-13 10:00Z")
    assert any("';'" in w for w in res.warnings)


def test_vendor_satellite_csv_uses_guessed_mapping(shared_dir: Path) -> None:
    path = shared_dir / "data/real/ais/orbcomm_style_decoded_2021-07-01_sample2498_aisdb.csv.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert detect_format(path) == "csv"
    res = read_ais(path)
    assert res.issue_count == 0
    pos = res.positions
    # 2498 rows: 2372 positions of types 1/3/18/19/27 plus 31 type-5 and 33 type-24 statics
    assert len(pos) == 1062 + 206 + 85 + 41 + 978
    first = pos.iloc[0]  # "432905000","1",...,"20210701_185151",...,-103.63687, 8.87747666667
    assert first["mmsi"] == "432905000"
    assert first["time"] == pd.Timestamp("2021-07-01 18:51:51Z")
    assert first["lon"] == pytest.approx(-103.63687) and first["lat"] == pytest.approx(8.87747666667)
    assert any("message types other than" in w for w in res.warnings)


def test_guess_mapping_common_names() -> None:
    m = guess_mapping(["MMSI", "Message_ID", "Time(YYYYMMDD_HHMMSS)", "Latitude", "Longitude",
                       "SOG", "COG", "Heading", "Vessel_Name", "IMO", "Ship_Type",
                       "Navigational_status", "Draught"])
    assert m == {"mmsi": "MMSI", "time": "Time(YYYYMMDD_HHMMSS)", "lat": "Latitude",
                 "lon": "Longitude", "sog": "SOG", "cog": "COG", "heading": "Heading",
                 "nav_status": "Navigational_status", "draught": "Draught", "imo": "IMO",
                 "name": "Vessel_Name", "ship_type": "Ship_Type", "msg_type": "Message_ID"}
    m = guess_mapping(["ship", "ts", "lng", "lat", "speed", "course", "draft", "shipname"])
    assert m["lon"] == "lng" and m["sog"] == "speed" and m["cog"] == "course"
    assert m["draught"] == "draft" and m["name"] == "shipname" and "mmsi" not in m


def test_user_mapping_overrides_guess(tmp_path: Path) -> None:
    path = tmp_path / "custom.csv"
    path.write_text("ship,ts,y,x,lat\n"
                    "273340060,2024-03-07 10:00:00+09:00,42.75,133.08,999\n", encoding="utf-8")
    with pytest.raises(AisFormatError, match="custom.csv.*mmsi"):
        read_ais(path)
    res = read_ais(path, mapping={"mmsi": "ship", "time": "ts", "lat": "y", "lon": "x"})
    row = res.positions.iloc[0]
    assert row["lat"] == pytest.approx(42.75) and row["lon"] == pytest.approx(133.08)
    assert row["time"] == pd.Timestamp("2024-03-07 01:00:00Z")  # +09:00 converted to UTC
    assert not any("no time zone" in w for w in res.warnings)
    with pytest.raises(AisFormatError, match="custom.csv.*nosuch"):
        read_ais(path, mapping={"mmsi": "nosuch"})


def test_positions_from_frame_attribute_table() -> None:
    table = pd.DataFrame({"MMSI": [445123000.0, 4.45e8, None], "Timestamp": [
        "05/07/2017 19:00:00", "05/07/2017 19:01:00", "05/07/2017 19:02:00"],
        "x": [11.8, 11.81, 11.82], "y": [57.7, 57.71, 57.72], "ShipType": ["Tanker", "Tanker", ""]})
    res = positions_from_frame(table, {"mmsi": "MMSI", "time": "Timestamp", "lon": "x",
                                       "lat": "y", "ship_type": "ShipType"}, "layer ais_dk_cpa")
    assert list(res.positions["mmsi"]) == ["445123000", "445000000"]
    assert res.positions["time"].iloc[0] == pd.Timestamp("2017-07-05 19:00Z")
    assert list(res.positions["ship_type"]) == [80, 80]
    assert res.issue_count == 1 and res.issues[0].line == 3 and res.issues[0].field == "mmsi"
    assert res.issues[0].file == "layer ais_dk_cpa"


def test_progress_and_cancel() -> None:
    seen: list[float] = []
    read_ais(MC, progress=seen.append)
    assert seen and seen[-1] == 100.0 and all(0 <= p <= 100 for p in seen)
    assert seen == sorted(seen)
    with pytest.raises(Cancelled):
        read_ais(MC, cancel=lambda: True)


def test_cancel_nmea(monkeypatch: pytest.MonkeyPatch) -> None:
    import tanker_watch.plugin.core.ais_nmea as nmea
    monkeypatch.setattr(nmea, "_CHECK_EVERY", 10)
    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(Cancelled):
        read_ais(AIS / "nmea_pghp_dma_2010-06-11_first400.txt", cancel=cancel)
    assert len(calls) == 3


def test_chunked_reading_spans_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tanker_watch.plugin.core.ais_csv as ais_csv
    monkeypatch.setattr(ais_csv, "CHUNK_ROWS", 7)
    lines = MC.read_text().splitlines()
    lines[200] = lines[200].replace("2022-01-03T", "2022-13-03T")  # file line 201
    path = tmp_path / "mc.csv"
    path.write_text("\n".join(lines) + "\n")
    res = read_ais(path)
    assert len(res.positions) == 299
    assert [(i.line, i.field) for i in res.issues] == [(201, "time")]


def test_read_many_concatenates_and_reports_unreadable(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    res = read_ais_many([MC, AIS / "dma_aisdk_2018-02-08_sample10.csv", empty])
    assert len(res.positions) == 310
    assert set(res.positions["source"]) == {MC.name, "dma_aisdk_2018-02-08_sample10.csv"}
    assert res.format == "mixed"
    assert res.issue_count == 1 and "empty.csv" in res.issues[0].message
    assert str(res.positions["mmsi"].dtype) == "category"
    with pytest.raises(AisFormatError, match="empty.csv"):
        read_ais_many([empty])


def test_gzip_roundtrip_nmea(tmp_path: Path) -> None:
    src = AIS / "nmea_pghp_dma_2010-06-11_first400.txt"
    gz = tmp_path / "stream.dat"
    gz.write_bytes(gzip.compress(src.read_bytes()))
    assert detect_format(gz) == "nmea"
    a, b = read_ais(src).positions, read_ais(gz).positions
    pd.testing.assert_frame_equal(a.drop(columns="source"), b.drop(columns="source"))


def test_chunks_give_the_same_frame_as_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    import tanker_watch.plugin.core.ais_csv as ais_csv
    whole = read_ais(MC).positions
    monkeypatch.setattr(ais_csv, "CHUNK_ROWS", 7)  # 43 chunks, each with its own vessels
    chunked = read_ais(MC).positions
    pd.testing.assert_frame_equal(chunked, whole)
    for col in ("mmsi", "imo", "name"):  # compact categoricals, categories sorted and used
        cat = chunked[col].cat
        assert cat.codes.dtype.itemsize <= 2
        assert list(cat.categories) == sorted(chunked[col].dropna().unique())


def test_csv_static_rows_fill_positions_across_chunks(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import tanker_watch.plugin.core.ais_csv as ais_csv
    path = tmp_path / "vendor.csv"
    path.write_text(
        "mmsi,timestamp,lat,lon,name,imo,ship_type,draught\n"
        "445123000,2024-03-07 10:00:00,42.75,133.08,,,,\n"          # before any static: back-filled
        "273340060,2024-03-07 10:00:00,,,VOSTOK,IMO 9307839,80,11.2\n"  # static only (no position)
        "273340060,2024-03-07 10:05:00,42.70,133.00,,,,\n"
        "445123000,2024-03-07 10:10:00,,,CHON MA SAN,8660313,80,5.4\n"
        "445123000,2024-03-07 10:20:00,42.76,133.09,,,,\n"
        "273340060,2024-03-07 09:00:00,42.60,132.90,,,,\n"          # earlier than its static row
        "445123000,2024-03-07 10:30:00,42.77,133.10,,,,6.0\n",
        encoding="utf-8")
    whole = read_ais(path)
    monkeypatch.setattr(ais_csv, "CHUNK_ROWS", 2)
    res = read_ais(path)
    pd.testing.assert_frame_equal(res.positions, whole.positions)
    pos = res.positions
    assert res.issue_count == 0
    assert list(pos["mmsi"]) == ["445123000", "273340060", "445123000", "273340060", "445123000"]
    assert list(pos["name"]) == ["CHON MA SAN", "VOSTOK", "CHON MA SAN", "VOSTOK", "CHON MA SAN"]
    assert list(pos["imo"]) == ["8660313", "9307839", "8660313", "9307839", "8660313"]
    assert list(pos["ship_type"]) == [80] * 5
    # draught is only carried forward in time, never back
    draught = pos["draught"].tolist()
    assert pd.isna(draught[0]) and pd.isna(draught[3])
    assert draught[1] == pytest.approx(11.2) and draught[2] == pytest.approx(5.4)
    assert draught[4] == pytest.approx(6.0)


def test_no_unused_categories_after_static_rows_and_many_files() -> None:
    # the NMEA log has vessels that sent only static reports: they must not linger as
    # categories (a groupby on the column would give them empty groups)
    nmea = AIS / "nmea_pghp_dma_2010-06-11_first400.txt"
    for pos in (read_ais(nmea).positions, read_ais_many([MC, nmea]).positions):
        for col in ("mmsi", "imo", "name"):
            assert list(pos[col].cat.categories) == sorted(pos[col].dropna().unique()), col


def _us_dated_csv(tmp_path: Path, days: range) -> Path:
    rows = ["MMSI,BaseDateTime,LAT,LON"]
    for day in days:
        rows += [f"445000000,01/{day:02d}/2024 {h:02d}:00:00,42.7,133.0" for h in (0, 12)]
    path = tmp_path / "us_dates.csv"
    path.write_text("\n".join(rows) + "\n")
    return path


def test_month_first_dates_decided_late_apply_to_the_whole_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tanker_watch.plugin.core.ais_csv as ais_csv
    monkeypatch.setattr(ais_csv, "CHUNK_ROWS", 4)  # the first chunks hold only 01/01..01/12
    res = read_ais(_us_dated_csv(tmp_path, range(1, 20)))
    times = res.positions["time"]
    assert times.min() == pd.Timestamp("2024-01-01 00:00", tz="UTC")
    assert times.max() == pd.Timestamp("2024-01-19 12:00", tz="UTC")
    assert (times.dt.month == 1).all() and sorted(times.dt.day.unique()) == list(range(1, 20))
    assert not any("ambiguous" in w for w in res.warnings)


def test_all_ambiguous_slash_dates_read_day_first_with_a_warning(tmp_path: Path) -> None:
    res = read_ais(_us_dated_csv(tmp_path, range(1, 13)))
    assert res.positions["time"].max() == pd.Timestamp("2024-12-01 12:00", tz="UTC")
    assert any("ambiguous" in w and "us_dates.csv" in w for w in res.warnings)
