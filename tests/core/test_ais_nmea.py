"""Raw NMEA logs: timestamps of every flavour, multi-part static messages, bad sentences."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tanker_watch.plugin.core.ais_readers import detect_format, read_ais
from tanker_watch.plugin.core.errors import AisFormatError

AIS = Path(__file__).resolve().parents[1] / "data" / "ais"


def _nmea(body: str) -> str:
    """A sentence with its correct checksum (body is between '!' and '*')."""
    cs = 0
    for ch in body:
        cs ^= ord(ch)
    return f"!{body}*{cs:02X}"


def test_dma_pghp_timestamps_and_bsvdm() -> None:
    path = AIS / "nmea_pghp_dma_2010-06-11_first400.txt"
    assert detect_format(path) == "nmea"
    res = read_ais(path)
    pos = res.positions
    assert res.format == "nmea" and res.issue_count == 0 and len(pos) > 100
    # line 1-2: $PGHP,1,2010,6,11,11,46,11,390,... then a type 4 (base station, ignored);
    # line 5-6: $PGHP ...,11,46,12,451 then !AIVDM type 3 from MMSI 258902000
    row = pos[pos["mmsi"] == "258902000"].iloc[0]
    assert row["time"] == pd.Timestamp("2010-06-11 11:46:12.451Z")
    assert pos["time"].notna().all()
    assert (pos["time"].dt.year == 2010).all()
    assert "212456000" in set(pos["mmsi"])  # from a !BSVDM sentence


def test_static_type5_forward_filled_and_backfilled() -> None:
    path = AIS / "nmea_pghp_dma_2010-06-11_first400.txt"
    pos = read_ais(path).positions
    named = pos.dropna(subset=["name"])
    assert len(named) > 0
    assert named["ship_type"].notna().any()


def test_uscg_trailing_unix_time() -> None:
    res = read_ais(AIS / "nmea_uscg_suffix_libais_first120.aivdm")
    pos = res.positions
    # !AIVDM,1,1,,A,15B4FT5000JRP>PE6E68Nbkl0PS5,0*70,b003669794,1272412827
    row = pos[pos["mmsi"] == "354490000"].iloc[0]
    assert row["time"] == pd.Timestamp(1272412827, unit="s", tz="UTC")
    assert row["lat"] == pytest.approx(36.873) and row["lon"] == pytest.approx(-76.348667)
    assert pos["time"].notna().all()


def test_uscg_extended_fields_use_last_unix_time() -> None:
    pos = read_ais(AIS / "nmea_uscg_nais_2012-01-01_typeexamples.nmea").positions
    # ...,0*30,d-080,S2118,t050056.00,T56.4837741,r003669946,1325394060,1325394001
    row = pos[pos["mmsi"] == "367033650"].iloc[0]
    assert row["time"] == pd.Timestamp(1325394001, unit="s", tz="UTC")


def test_tag_block_c_time_and_group_tag_multipart(tmp_path: Path) -> None:
    res = read_ais(AIS / "nmea_tagblock_orbcomm_2014-12-10.nmea")
    assert res.issue_count == 0
    pos = res.positions
    assert len(pos) == 3
    assert set(pos["time"]) == {pd.Timestamp(t, unit="s", tz="UTC")
                                for t in (1418172113, 1418171722, 1418171561)}
    # the type 5 split over two g: tag-block groups has MMSI 224... ? it is another vessel:
    # its static data must not leak onto 224651000, which broadcast none
    assert pos["name"].isna().all()


def test_multipart_static_applies_to_positions(tmp_path: Path) -> None:
    lines = (AIS / "nmea_tagblock_orbcomm_2014-12-10.nmea").read_text().splitlines()
    # put a position of the type-5 vessel (MMSI 219005012? decode to find) after the groups
    from pyais import decode
    msg = decode(lines[0].split("\\")[2], lines[2].split("\\")[2])
    mmsi = msg.mmsi
    from pyais.encode import encode_dict
    pos_sentence = encode_dict({"type": 1, "mmsi": mmsi, "lat": 10.5, "lon": 20.25,
                                "speed": 5.0, "course": 90.0, "heading": 91})[0]
    before = encode_dict({"type": 1, "mmsi": mmsi, "lat": 10.4, "lon": 20.2,
                          "speed": 5.0, "course": 90.0, "heading": 91})[0]
    text = "\n".join([f"\\c:1418160000*00\\{before}"] + lines
                     + [f"\\c:1418180000*00\\{pos_sentence}"]) + "\n"
    path = tmp_path / "log.nm4"
    path.write_text(text)
    res = read_ais(path)
    p = res.positions[res.positions["mmsi"] == f"{mmsi:09d}"].sort_values("time")
    assert len(p) == 2
    name = msg.shipname.strip("@ ")
    # static data received after a position backfills the name and ship type ...
    assert list(p["name"]) == [name, name]
    assert p["ship_type"].iloc[0] == int(msg.ship_type)
    # ... but never the draught
    assert pd.isna(p["draught"].iloc[0]) and p["draught"].iloc[1] == pytest.approx(msg.draught)


def test_no_timestamps_warns_and_counts() -> None:
    res = read_ais(AIS / "nmea_pyais_sample_first300.txt")
    pos = res.positions
    assert len(pos) > 100 and pos["time"].isna().all()
    warn = next(w for w in res.warnings if "no timestamps" in w)
    assert f"({len(pos)} positions without time)" in warn and "no tracks" in warn


def test_bad_checksum_and_orphans_are_reported_not_fatal(tmp_path: Path) -> None:
    good = _nmea("AIVDM,1,1,,A,15B4FT5000JRP>PE6E68Nbkl0PS5,0")
    corrupted = good[:-2] + ("00" if not good.endswith("00") else "11")
    part2 = _nmea("AIVDM,2,2,6,A,00000000008,2")
    part1 = _nmea("AIVDM,2,1,7,B,53@o0E000001Q0CG37U8u<Tp4q@D00000000000018330400000000000000,0")
    text = "\n".join([
        f"\\c:1418169601*00\\{good}",          # line 1: fine
        f"\\c:1418169602*00\\{corrupted}",     # line 2: bad checksum
        f"\\c:1418169603*00\\{part2}",         # line 3: second part without the first
        f"\\c:1418169604*00\\{part1}",         # line 4: first part, log ends before part 2
        "",
        "garbage line",                        # line 6: not a sentence
    ]) + "\n"
    path = tmp_path / "bad.nmea"
    path.write_text(text)
    res = read_ais(path)
    assert len(res.positions) == 1
    got = {(i.line, i.message.split(";")[0].split(" (")[0]) for i in res.issues}
    assert got == {(2, "bad NMEA checksum"), (3, "orphaned fragment 2 of a 2-part message"),
                   (4, "orphaned fragment 1 of a 2-part message"), (6, "not an AIS sentence")}
    assert all(i.file == "bad.nmea" for i in res.issues)
    assert any("1 sentences with a bad checksum" in w for w in res.warnings)


def test_only_bad_sentences_raise(tmp_path: Path) -> None:
    good = _nmea("AIVDM,1,1,,A,15B4FT5000JRP>PE6E68Nbkl0PS5,0")
    path = tmp_path / "allbad.nmea"
    path.write_text((good[:-2] + "00\n") * 3)
    with pytest.raises(AisFormatError, match="allbad.nmea: no AIS position.*line 1"):
        read_ais(path)


def test_tagblock_satellite_log(shared_dir: Path) -> None:
    path = shared_dir / "data/real/ais/nmea_tagblock_2021-11-01_aisdb.nm4"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    res = read_ais(path)
    pos = res.positions
    # first line: \s:42809,c:1635731889,... type 4 base station (ignored); third: type 1
    assert res.issue_count == 0
    assert pos["time"].min() >= pd.Timestamp("2021-11-01 01:50Z")
    assert pos["time"].max() <= pd.Timestamp("2021-11-01 02:10Z")
    assert pos["mmsi"].nunique() > 600
    assert pos["name"].notna().any()  # types 5 / 24 merged into positions
