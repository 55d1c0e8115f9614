"""Sanctioned vessels: list readers, the normalised table, the offline snapshot and matching.

Readers (each returns the normalised table of :mod:`.table`, warnings in ``attrs``):

* OFAC SDN legacy CSV set and ``sdn.xml`` (:mod:`.ofac`);
* OpenSanctions ``maritime.csv`` and FtM ``entities.ftm.json``, including the UN 1718
  designated-vessels dataset, and the EU Official Journal transcriptions (:mod:`.opensanctions`);
* UK Sanctions List CSV (:mod:`.uk`).

The UN Security Council Consolidated List XML contains NO vessel records: ships designated
by the 1718 Committee are published only in a separate PDF. :func:`read_un_consolidated_xml`
parses the XML and returns zero vessels with a warning saying so.

Pure Python (pandas, numpy, standard library; optional requests, rapidfuzz, defusedxml):
never imports qgis or Qt.
"""

from __future__ import annotations

from .cache import (
    SOURCES,
    SourceSpec,
    UpdateRefusedError,
    UpdateResult,
    load_cached,
    read_meta,
    update_source,
)
from .imo import imo_is_valid, normalise_imo, parse_imo
from .matching import RAPIDFUZZ_AVAILABLE, match_vessels, normalise_name
from .ofac import is_dprk_programme, parse_remarks, read_sdn_csv, read_sdn_folder, read_sdn_xml
from .opensanctions import read_eu_journal_csv, read_ftm_entities, read_maritime_csv
from .snapshot import load_sanctions, load_snapshot, sanctions_label
from .table import SANCTIONS_COLUMNS, SANCTIONS_DTYPES, SanctionsFormatError, concat_tables, empty_table
from .uk import read_uk_csv
from .un import read_un_consolidated_xml
from .xmlsafe import XMLFormatError, XMLSecurityError, parse_xml

__all__ = [
    "SOURCES",
    "SourceSpec",
    "UpdateRefusedError",
    "UpdateResult",
    "load_cached",
    "read_meta",
    "update_source",
    "imo_is_valid",
    "normalise_imo",
    "parse_imo",
    "RAPIDFUZZ_AVAILABLE",
    "match_vessels",
    "normalise_name",
    "is_dprk_programme",
    "parse_remarks",
    "read_sdn_csv",
    "read_sdn_folder",
    "read_sdn_xml",
    "read_eu_journal_csv",
    "read_ftm_entities",
    "read_maritime_csv",
    "load_sanctions",
    "load_snapshot",
    "sanctions_label",
    "SANCTIONS_COLUMNS",
    "SANCTIONS_DTYPES",
    "SanctionsFormatError",
    "concat_tables",
    "empty_table",
    "read_uk_csv",
    "read_un_consolidated_xml",
    "XMLFormatError",
    "XMLSecurityError",
    "parse_xml",
]
