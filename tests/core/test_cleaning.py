"""Each cleaning rule on hand-built frames."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tanker_watch.plugin.core.cleaning import clean_positions, imo_check_ok
from tanker_watch.plugin.core.schema import POSITION_COLUMNS, POSITION_DTYPES, conform

T0 = pd.Timestamp("2024-03-07 00:00Z")


def frame(rows: list[dict]) -> pd.DataFrame:
    base = {"mmsi": "445123000", "lat": 42.75, "lon": 133.08, "source": "test"}
    out = []
    for i, r in enumerate(rows):
        row = dict(base, time=T0 + pd.Timedelta(minutes=10 * i))
        row.update(r)
        out.append(row)
    return conform(pd.DataFrame(out), POSITION_DTYPES)


def test_not_available_codes() -> None:
    df = frame([{"lat": 91.0}, {"lon": 181.0}, {"sog": 102.3, "cog": 360.0, "heading": 511.0},
                {"sog": 1023.0, "cog": 3600.0, "draught": 0.0, "imo": "0"},
                {"sog": 12.0, "cog": 90.0, "heading": 91.0, "draught": 5.5, "imo": "8660313"}])
    clean, rep = clean_positions(df)
    c = rep.counts
    assert c["lat_not_available"] == 1 and c["lon_not_available"] == 1
    assert c["sog_not_available"] == 2 and c["cog_not_available"] == 2
    assert c["heading_not_available"] == 1 and c["draught_not_available"] == 1
    assert c["imo_not_available"] == 1
    assert len(clean) == 3
    assert clean["sog"].isna().sum() == 2 and clean["cog"].isna().sum() == 2
    assert clean["heading"].notna().sum() == 1 and clean["draught"].notna().sum() == 1
    assert list(clean["imo"].astype(object).fillna("-")) == ["-", "-", "8660313"]
    assert "Dropped 1 positions with latitude 91 (not available)" in rep.lines()


def test_out_of_range_and_null_island() -> None:
    df = frame([{"lat": 95.0}, {"lon": -190.0}, {"lat": np.nan}, {"lat": 0.0, "lon": 0.0}, {}])
    clean, rep = clean_positions(df)
    assert rep.counts["position_out_of_range"] == 3 and rep.counts["null_island"] == 1
    assert len(clean) == 1


def test_mmsi_rules() -> None:
    df = frame([{"mmsi": "12345678"}, {"mmsi": "1234567890"}, {"mmsi": "000000000"},
                {"mmsi": "123456789"}, {"mmsi": "111111111"}, {"mmsi": "002570000"},
                {"mmsi": "970123456"}, {"mmsi": "445123000"}])
    clean, rep = clean_positions(df)
    assert rep.counts["mmsi_not_9_digits"] == 2
    assert rep.counts["mmsi_placeholder"] == 3
    assert rep.counts["non_ship_mmsi"] == 2  # coast station 00..., SART 970... are kept
    assert sorted(clean["mmsi"].astype(str)) == ["002570000", "445123000", "970123456"]


def test_missing_time_dropped() -> None:
    df = frame([{}, {"time": pd.NaT}])
    clean, rep = clean_positions(df)
    assert rep.counts["missing_time"] == 1 and len(clean) == 1


def test_duplicates_conflicts_and_order() -> None:
    t = T0 + pd.Timedelta(hours=1)
    df = frame([
        {"time": t, "sog": 5.0},
        {"time": t, "sog": 5.0, "source": "other file"},    # exact duplicate (source ignored)
        {"time": t, "lat": 42.751, "sog": 5.0},             # same time, other position
        {"time": T0},                                       # earlier than the row above: out of order
        {"mmsi": "273340060", "time": T0},
    ])
    clean, rep = clean_positions(df)
    assert rep.counts["exact_duplicates"] == 1
    assert rep.counts["same_time_conflict"] == 1
    assert rep.counts["out_of_order"] == 1
    assert list(clean["mmsi"].astype(str)) == ["273340060", "445123000", "445123000"]
    assert list(clean["time"]) == [T0, T0, t]
    assert clean.loc[2, "lat"] == pytest.approx(42.75)  # the first report was kept


def test_single_spoofed_jump_dropped_track_kept() -> None:
    # a vessel doing ~10 kn eastwards; one fix teleports 300 km away
    lons = 133.0 + np.arange(8) * 0.04
    rows = [{"lon": lo, "time": T0 + pd.Timedelta(minutes=10 * i)} for i, lo in enumerate(lons)]
    rows[4]["lat"] = 45.5
    clean, rep = clean_positions(frame(rows))
    assert rep.counts["impossible_jumps"] == 1
    assert len(clean) == 7 and (clean["lat"] == 42.75).all()


def test_two_separate_jumps_and_genuine_fast_segment() -> None:
    lons = 133.0 + np.arange(12) * 0.04
    rows = [{"lon": lo} for lo in lons]
    rows[3]["lat"] = 10.0
    rows[8]["lon"] = -120.0
    clean, rep = clean_positions(frame(rows))
    assert rep.counts["impossible_jumps"] == 2 and len(clean) == 10
    # a real relocation (both neighbours far apart too) is not "a single spoofed point"
    rows = [{"lon": 133.0}, {"lon": 133.01}, {"lon": 140.0}, {"lon": 140.01}]
    clean, rep = clean_positions(frame(rows))
    assert rep.counts["impossible_jumps"] == 0 and len(clean) == 4


def test_jump_across_antimeridian_is_not_a_jump() -> None:
    rows = [{"lon": 179.95}, {"lon": 179.99}, {"lon": -179.97}, {"lon": -179.93}]
    clean, rep = clean_positions(frame(rows))
    assert rep.counts["impossible_jumps"] == 0 and len(clean) == 4


def test_imo_check_digit() -> None:
    ok = imo_check_ok(pd.Series(["8660313", "9307839", "8660314", "123", None, "IMO8660313"]))
    assert list(ok) == [True, True, False, False, False, False]
    clean, rep = clean_positions(frame([{"imo": "8660314"}, {"imo": "8660313"}]))
    assert rep.counts["imo_bad_check_digit"] == 1
    assert list(clean["imo"].astype(object).fillna("-")) == ["-", "8660313"]


def test_parse_failures_and_report_lines() -> None:
    clean, rep = clean_positions(frame([{}]), parse_failures=7)
    assert rep.counts["parse_failures"] == 7
    assert rep.lines()[0] == "Read 1 positions; 1 remain after cleaning."
    assert any(line.startswith("7 values or lines could not be read") for line in rep.lines())


def test_input_untouched_and_schema_kept() -> None:
    df = frame([{"sog": 102.3}, {"lat": 91.0}])
    before = df.copy()
    clean, _ = clean_positions(df)
    pd.testing.assert_frame_equal(df, before)
    assert list(clean.columns) == POSITION_COLUMNS
    assert str(clean["time"].dtype) == "datetime64[ns, UTC]"
    assert str(clean["mmsi"].dtype) == "category"


def test_empty_frame() -> None:
    clean, rep = clean_positions(conform(pd.DataFrame(), POSITION_DTYPES))
    assert clean.empty and rep.output_rows == 0


def test_duplicate_not_next_to_its_original() -> None:
    t = T0 + pd.Timedelta(hours=1)
    df = frame([{"time": t, "sog": 5.0}, {"time": t, "sog": 6.0}, {"time": t, "sog": 5.0},
                {"time": t, "sog": 102.3}, {"time": t, "sog": np.nan}])
    clean, rep = clean_positions(df)
    # row 3 repeats row 1; row 5 equals row 4 once 102.3 (not available) is cleared
    assert rep.counts["exact_duplicates"] == 2
    assert rep.counts["same_time_conflict"] == 2
    assert len(clean) == 1 and clean.loc[0, "sog"] == pytest.approx(5.0)


def test_jumps_found_the_same_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    import tanker_watch.plugin.core.cleaning as cleaning
    rng = np.random.default_rng(3)
    lons = 133.0 + np.arange(60) * 0.04
    rows = [{"lon": lo} for lo in lons]
    for i in (3, 10, 11, 20, 21, 22, 40, 57):  # single, adjacent pairs and a run of three
        rows[i]["lat"] = 42.75 + rng.uniform(3, 5)
    rows += [{"mmsi": "273340060", "lon": lo} for lo in lons[:9]]
    rows[-5]["lon"] = -120.0
    df = frame(rows)
    expected, rep = clean_positions(df)
    assert rep.counts["impossible_jumps"] >= 4
    for block in (1, 2, 3, 5, 8):
        monkeypatch.setattr(cleaning, "_JUMP_BLOCK", block)
        got, rep2 = clean_positions(df)
        pd.testing.assert_frame_equal(got, expected)
        assert rep2.counts == rep.counts


def test_unsorted_mmsi_categories_sort_as_text() -> None:
    df = frame([{"mmsi": "445123000"}, {"mmsi": "273340060"}, {"mmsi": "002570000"}])
    df["mmsi"] = df["mmsi"].cat.reorder_categories(["445123000", "002570000", "273340060"])
    clean, _ = clean_positions(df)
    assert list(clean["mmsi"].astype(str)) == ["002570000", "273340060", "445123000"]


def test_output_is_compact_and_input_may_be_loose() -> None:
    loose = pd.DataFrame({"mmsi": ["445123000", "273340060", "123456789"],
                          "time": ["2024-03-07T00:00:00Z", "2024-03-07T00:10:00Z",
                                   "2024-03-07T00:20:00Z"],
                          "lat": [42.7, 42.8, 42.9], "lon": [133.0, 133.1, 133.2],
                          "imo": ["8660314", "9307839", "8660313"], "extra": [1, 2, 3]})
    before = loose.copy()
    clean, rep = clean_positions(loose)
    pd.testing.assert_frame_equal(loose, before)
    assert list(clean.columns) == POSITION_COLUMNS
    assert not any(str(clean[c].dtype) == "object" for c in clean.columns)
    assert list(clean["mmsi"].cat.categories) == ["273340060", "445123000"]  # placeholder gone
    assert list(clean["imo"].cat.categories) == ["9307839"]  # bad check digit cleared
    assert rep.counts["imo_bad_check_digit"] == 1 and rep.counts["mmsi_placeholder"] == 1
