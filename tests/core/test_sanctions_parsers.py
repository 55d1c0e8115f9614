"""List readers: real OFAC/EU/UN files from shared/, small fixtures in tests/data/sanctions."""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest

from tanker_watch.plugin.core.sanctions import (
    SANCTIONS_COLUMNS,
    SANCTIONS_DTYPES,
    SanctionsFormatError,
    imo_is_valid,
    is_dprk_programme,
    normalise_imo,
    parse_imo,
    parse_remarks,
    read_eu_journal_csv,
    read_ftm_entities,
    read_maritime_csv,
    read_sdn_csv,
    read_sdn_folder,
    read_sdn_xml,
    read_uk_csv,
    read_un_consolidated_xml,
)
from tanker_watch.plugin.core.sanctions.opensanctions import split_bracketed_names


def _row(table: pd.DataFrame, imo: str) -> pd.Series:
    rows = table[table["imo"] == imo]
    assert len(rows) >= 1, f"IMO {imo} not found"
    return rows.iloc[0]


def _check_schema(table: pd.DataFrame) -> None:
    assert list(table.columns) == SANCTIONS_COLUMNS
    for col, dtype in SANCTIONS_DTYPES.items():
        assert str(table[col].dtype) == dtype, col


# --- IMO -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "IMO 8660313",
        "IMO8660313",
        "IMO: 8660313",
        "8660313",
        8660313,
        8660313.0,
        "8660313.0",
        " imo 8660313 ",
        "IMO No. 8660313",
    ],
)
def test_imo_forms_normalise(raw):
    assert normalise_imo(raw) == "8660313"


@pytest.mark.parametrize("raw", [None, "", "-0-", "Does not exist", float("nan"), 0, "0000000", "IMO"])
def test_imo_absent(raw):
    assert parse_imo(raw) == (None, None)


def test_imo_check_digit():
    assert imo_is_valid("8660313") and imo_is_valid("9187629") and imo_is_valid("9000003")
    assert not imo_is_valid("8660314")
    assert not imo_is_valid("8814881")
    assert not imo_is_valid("15411") and not imo_is_valid("866031")
    assert parse_imo("IMO 8660314") == ("8660314", False)  # kept, flagged


# --- OFAC legacy CSV ----------------------------------------------------------------------


def test_remarks_extraction():
    facts = parse_remarks(
        "Former Vessel Flag Malta; alt. Former Vessel Flag None Identified; "
        "Vessel Registration Identification IMO 9187629; MMSI 572469210; "
        "f.k.a. 'ALPHA'; a.k.a. 'BETA'; Linked To: NATIONAL IRANIAN TANKER COMPANY."
    )
    assert facts["imo"] == "9187629" and facts["mmsi"] == "572469210"
    assert facts["former_names"] == ["ALPHA"] and facts["aliases"] == ["BETA"]
    assert facts["former_flags"] == ["Malta"]
    assert parse_remarks("Identification Number IMO 9339301; MMSI 636013272.")["imo"] == "9339301"
    assert parse_remarks("-0- ")["imo"] is None


def test_sdn_excerpt(test_data: Path):
    table = read_sdn_csv(test_data / "sanctions" / "ofac_sdn_2024-05-03_excerpt.csv")
    _check_schema(table)
    assert table.attrs["records"] == 8  # 6 vessels + 2 non-vessels, Ctrl-Z line ignored
    assert len(table) == 6
    chon = _row(table, "8660313")
    assert chon["listed_name"] == "CHON MA SAN" and chon["programme"] == "DPRK4"
    assert chon["flag"] == "Democratic People's Republic of Korea" and bool(chon["imo_valid"])
    artavil = _row(table, "9187629")
    assert artavil["mmsi"] == "572469210" and artavil["former_names"] == "ALPHA"
    assert artavil["tonnage"] == 99144 and artavil["gross_tonnage"] == 56068
    ebano = _row(table, "7406784")
    assert ebano["former_names"] == "ANA I|SAND SWAN"
    bonu = table[table["listed_name"] == "BONU 5"].iloc[0]
    assert bonu["imo"] == "15411" and not bool(bonu["imo_valid"])  # national number, kept but flagged
    mar_azul = table[table["listed_name"] == "MAR AZUL"].iloc[0]
    assert mar_azul["imo"] is None and pd.isna(mar_azul["imo_valid"])


def test_sdn_bad_rows_reported(tmp_path: Path, test_data: Path):
    good = (test_data / "sanctions" / "ofac_sdn_2024-05-03_excerpt.csv").read_bytes()
    bad = tmp_path / "sdn.csv"
    bad.write_bytes(b'1,"BROKEN","vessel"\r\n' + good)
    table = read_sdn_csv(bad)
    assert len(table) == 6
    assert any("sdn.csv line 1" in w and "expected 12 fields" in w for w in table.attrs["warnings"])


def test_sdn_wrong_file_refused(tmp_path: Path):
    f = tmp_path / "sdn.csv"
    f.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(SanctionsFormatError, match="12 OFAC SDN columns"):
        read_sdn_csv(f)


def test_real_sdn_2024(shared_dir: Path):
    table = read_sdn_csv(shared_dir / "data/real/sanctions/ofac_sdn_2024-05-03.csv.gz")
    assert table.attrs["records"] == 14965
    assert len(table) == 851
    chon = _row(table, "8660313")
    assert chon["listed_name"] == "CHON MA SAN" and is_dprk_programme(chon["programme"])
    programmes = table["programme"].str.split("|").explode()
    assert (programmes == "RUSSIA-EO14024").sum() >= 222
    assert (programmes == "DPRK4").sum() == 65 and (programmes == "DPRK").sum() == 29
    assert table["imo_valid"].sum() >= 840
    assert table["mmsi"].notna().sum() > 100
    assert table["listing_date"].isna().all()  # the legacy CSV has no listing dates


def test_real_watchman_2021_joins_alt_and_comments(shared_dir: Path):
    table = read_sdn_folder(shared_dir / "data/real/sanctions/ofac_2021-07_watchman_bench")
    assert table.attrs["records"] == 8976 and len(table) == 406
    artavil = _row(table, "9187629")
    # ABADAN and SHONA only exist in alt.csv (fka rows); ALPHA only in Remarks
    assert artavil["former_names"].split("|") == ["ABADAN", "SHONA", "ALPHA"]
    assert table["former_names"].str.len().gt(0).sum() >= 75  # 81 vessels have former names


def test_comments_overflow_is_appended(tmp_path: Path):
    (tmp_path / "sdn.csv").write_text(
        '7,"OVERFLOW SHIP","vessel","DPRK3",-0- ,-0- ,"Tanker",-0- ,-0- ,"Togo",-0- ,'
        '"Linked To: X; Vessel Registration Identification IMO 90"\r\n\x1a',
        encoding="utf-8",
    )
    (tmp_path / "sdn_comments.csv").write_text('7,"00003; MMSI 671234500."\r\n\x1a', encoding="utf-8")
    (tmp_path / "alt.csv").write_text('7,1,"fka","OLD OVERFLOW",-0- \r\n', encoding="utf-8")
    table = read_sdn_folder(tmp_path)
    row = table.iloc[0]
    assert row["imo"] == "9000003" and row["mmsi"] == "671234500" and row["former_names"] == "OLD OVERFLOW"


# --- OFAC sdn.xml -------------------------------------------------------------------------


def test_sdn_xml_fixture(test_data: Path):
    # hand-written fixture that follows the documented sdn.xml schema (see its comment)
    table = read_sdn_xml(test_data / "sanctions" / "sdn_sample.xml")
    _check_schema(table)
    assert len(table) == 3 and table.attrs["records"] == 4
    assert table.attrs["publish_date"] == "05/03/2024" and table.attrs["record_count"] == "4"
    assert _row(table, "8660313")["programme"] == "DPRK4"
    artavil = _row(table, "9187629")
    assert artavil["mmsi"] == "572469210" and artavil["former_names"] == "ABADAN|SHONA|ALPHA"
    assert artavil["vessel_type"] == "Crude/Oil Products Tanker" and artavil["tonnage"] == 99144
    star = _row(table, "9000003")
    assert star["programme"] == "DPRK3|DPRK-NKSPEA" and star["aliases"] == "STAR EXAMPLE"
    assert is_dprk_programme(star["programme"]) and not is_dprk_programme("IRAN|IFSR")


def test_sdn_xml_gzipped(tmp_path: Path, test_data: Path):
    gz = tmp_path / "sdn.xml.gz"
    gz.write_bytes(gzip.compress((test_data / "sanctions" / "sdn_sample.xml").read_bytes()))
    assert len(read_sdn_xml(gz)) == 3


# --- EU journal transcriptions ------------------------------------------------------------


def test_bracketed_names():
    assert split_bracketed_names("Chong Bong (Greenlight) (Blue Nouvelle)") == (
        "Chong Bong",
        ["Greenlight", "Blue Nouvelle"],
    )
    assert split_bracketed_names("KOTI") == ("KOTI", [])


def test_real_eu_dprk(shared_dir: Path):
    table = read_eu_journal_csv(shared_dir / "data/real/sanctions/eu_reg_2017-1509_dprk_opensanctions.csv")
    _check_schema(table)
    assert len(table) == 75 and set(table["list"]) == {"EU 2017/1509"}
    chol = _row(table, "8606173")
    assert chol["listed_name"] == "Chol Ryong" and chol["former_names"] == "Ryong Gun Bong"
    assert chol["listing_date"] == pd.Timestamp("2016-03-02", tz="UTC")
    chon = table[table["imo"] == "8660313"]
    assert len(chon) == 2  # Annex XIV.A asset freeze and XIV.B transport ban
    assert _row(table, "9562233")["mmsi"] == "620233000"
    assert table["imo"].isna().sum() == 1  # MIN NING DE YOU 078: "Does not exist"


def test_real_eu_russia(shared_dir: Path):
    table = read_eu_journal_csv(
        shared_dir / "data/real/sanctions/eu_reg_833-2014_russia_annexes_opensanctions.csv.gz"
    )
    assert len(table) == 633 and table["imo"].notna().all() and table["imo_valid"].all()
    assert set(table["list"]) == {"EU 833/2014"} and table["programme"].str.contains("Annex XLII").all()
    assert table["listing_date"].min() == pd.Timestamp("2024-06-25", tz="UTC")
    assert table["former_names"].str.len().gt(0).any()


def test_eu_missing_columns(tmp_path: Path):
    f = tmp_path / "eu.csv"
    f.write_text("celex,name\n1,x\n")
    with pytest.raises(SanctionsFormatError, match="missing column"):
        read_eu_journal_csv(f)


# --- OpenSanctions ------------------------------------------------------------------------


def test_ftm_entities(test_data: Path):
    table = read_ftm_entities(test_data / "sanctions" / "opensanctions_entities_synthetic.ftm.json")
    _check_schema(table)
    assert len(table) == 2 and table.attrs["skipped_non_targets"] == 1
    assert any("line 6" in w for w in table.attrs["warnings"])
    star = _row(table, "9000003")
    assert star["former_names"] == "OLD STAR" and star["mmsi"] == "000000001"
    assert star["programme"] == "DPRK3" and star["listing_date"] == pd.Timestamp("2023-11-30", tz="UTC")
    assert star["tonnage"] == 105000 and star["gross_tonnage"] == 58000 and star["flag"] == "pa"
    un = _row(table, "8660313")
    assert un["list"] == "UN 1718" and un["programme"] == "un_1718_vessels"


def test_maritime_csv(test_data: Path):
    table = read_maritime_csv(test_data / "sanctions" / "opensanctions_maritime_synthetic.csv")
    assert len(table) == 2  # the ORGANIZATION row is not a vessel
    star = _row(table, "9000003")
    assert star["aliases"] == "OLD STAR|STAR, THE" and star["programme"] == "gb_fcdo_sanctions|us_ofac_sdn"


def test_maritime_schema_broken(tmp_path: Path):
    f = tmp_path / "maritime.csv"
    f.write_text("<html><body>Service unavailable</body></html>\n")
    with pytest.raises(SanctionsFormatError, match="missing column"):
        read_maritime_csv(f)


# --- UK -----------------------------------------------------------------------------------


def test_uk_synthetic(test_data: Path):
    # synthetic, built from the documented layout (no real UK list file was available)
    table = read_uk_csv(test_data / "sanctions" / "uk_sanctions_list_synthetic.csv")
    _check_schema(table)
    assert table.attrs["report_date"] == "12-Feb-2026"
    assert len(table) == 3  # 4 ship name rows grouped into 3 ships; the entity row is skipped
    star = _row(table, "9000003")
    assert star["listed_name"] == "EXAMPLE STAR" and star["aliases"] == "OLD STAR"
    assert star["listing_date"] == pd.Timestamp("2025-01-15", tz="UTC") and star["tonnage"] == 58000
    assert star["programme"] == "Russia" and star["flag"] == "Gabon"


def test_uk_not_a_uk_file(tmp_path: Path):
    f = tmp_path / "uk.csv"
    f.write_text("Report Date: x\nfoo,bar\n")
    with pytest.raises(SanctionsFormatError, match="Unique ID"):
        read_uk_csv(f)


# --- UN -----------------------------------------------------------------------------------


def test_real_un_has_no_vessels(shared_dir: Path):
    with pytest.warns(UserWarning, match="no vessel records"):
        table = read_un_consolidated_xml(
            shared_dir / "data/real/sanctions/un_sc_consolidated_2026-02-27.xml.gz"
        )
    assert len(table) == 0 and list(table.columns) == SANCTIONS_COLUMNS
    assert table.attrs["individuals"] == 730 and table.attrs["entities"] == 273
