#!/usr/bin/env python3
"""Build the bundled offline sanctions snapshot: resources/data/sanctions/snapshot.{csv,json}.

Inputs (defaults: the reference copies in ../shared/data/real/sanctions/):

* OFAC SDN ``sdn.csv`` (US government work, public domain);
* the EU Official Journal transcriptions of Council Regulations (EU) 2017/1509 (DPRK) and
  833/2014 (Russia, Annex XLII vessels), source files of the MIT-licensed OpenSanctions
  repository that transcribe EUR-Lex content (reuse allowed under Commission Decision
  2011/833/EU). OpenSanctions' published CC BY-NC datasets are NOT used.

Only vessel rows are kept. Usage::

    python scripts/build_sanctions_snapshot.py [--ofac PATH] [--eu-dprk PATH] [--eu-russia PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data" / "real" / "sanctions"


def _import_package():
    """Import the plugin package whatever the checkout folder is called."""
    root = Path(tempfile.mkdtemp(prefix="tw_build_"))
    (root / "tanker_watch").symlink_to(REPO, target_is_directory=True)
    sys.path.insert(0, str(root))
    from tanker_watch.plugin.core import sanctions  # noqa: E402
    from tanker_watch.plugin.core.sanctions import snapshot  # noqa: E402

    return sanctions, snapshot


SOURCES = {
    "ofac": {
        "title": "OFAC Specially Designated Nationals list, legacy sdn.csv",
        "retrieved": "2024-05-03",
        "origin": "https://www.treasury.gov/ofac/downloads/sdn.csv as scraped by "
        "github.com/jackdwyer/specially-designated-nationals-list, commit "
        "a5ec3c5ee4aae1b36ba24897a051787ea5429d30 (2024-05-03 18:43 UTC)",
        "url": "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV",
        "licence": "US government work, public domain (17 U.S.C. 105); OFAC states no redistribution terms.",
    },
    "eu_dprk": {
        "title": "Council Regulation (EU) 2017/1509 (DPRK), annexes, vessel entries",
        "retrieved": "2026-08-14",
        "origin": "github.com/opensanctions/opensanctions, datasets/eu/journal_sanctions/data/"
        "consolidated/32017R1509.csv, commit f33cff233ff4393a8c71784cfe280275727b52ca",
        "url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32017R1509",
        "licence": "Content of the EU Official Journal (EUR-Lex), reuse allowed under Commission "
        "Decision 2011/833/EU with acknowledgement of the source; transcription from "
        "a source file of the MIT-licensed OpenSanctions repository (MIT licence, "
        "(c) OpenSanctions Datenbanken GmbH). Not an OpenSanctions CC BY-NC dataset.",
    },
    "eu_russia": {
        "title": "Council Regulation (EU) No 833/2014 (Russia), Annex XLII vessels",
        "retrieved": "2026-08-14",
        "origin": "github.com/opensanctions/opensanctions, datasets/eu/journal_sanctions/data/"
        "consolidated/32014R0833.csv, commit f33cff233ff4393a8c71784cfe280275727b52ca",
        "url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32014R0833",
        "licence": "As for the EU DPRK file above (EUR-Lex reuse under Decision 2011/833/EU; MIT "
        "transcription).",
    },
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ofac", type=Path, default=SHARED / "ofac_sdn_2024-05-03.csv.gz")
    ap.add_argument("--eu-dprk", type=Path, default=SHARED / "eu_reg_2017-1509_dprk_opensanctions.csv")
    ap.add_argument(
        "--eu-russia", type=Path, default=SHARED / "eu_reg_833-2014_russia_annexes_opensanctions.csv.gz"
    )
    ap.add_argument("--out", type=Path, default=REPO / "resources" / "data" / "sanctions")
    args = ap.parse_args(argv)
    sanctions, snapshot = _import_package()
    tables = {
        "ofac": sanctions.read_sdn_csv(args.ofac, retrieved=SOURCES["ofac"]["retrieved"]),
        "eu_dprk": sanctions.read_eu_journal_csv(args.eu_dprk, retrieved=SOURCES["eu_dprk"]["retrieved"]),
        "eu_russia": sanctions.read_eu_journal_csv(
            args.eu_russia, retrieved=SOURCES["eu_russia"]["retrieved"]
        ),
    }
    for key, table in tables.items():
        for w in table.attrs.get("warnings", []):
            print(f"warning ({key}): {w}", file=sys.stderr)
    combined = sanctions.concat_tables(tables.values())
    args.out.mkdir(parents=True, exist_ok=True)
    tmp_csv = args.out / ".snapshot.csv.part"
    snapshot.write_snapshot_csv(combined, tmp_csv)
    meta = {
        "snapshot_date": max(s["retrieved"] for s in SOURCES.values()),
        "built": dt.date.today().isoformat(),
        "columns": list(combined.columns),
        "vessel_rows": int(len(combined)),
        "sources": {
            key: {
                **SOURCES[key],
                "list": str(tables[key]["list"].iloc[0]),
                "vessel_rows": int(len(tables[key])),
                "unique_imo": int(tables[key]["imo"].nunique()),
                "input_records": int(tables[key].attrs.get("records", 0)),
            }
            for key in SOURCES
        },
        "not_included": "OpenSanctions published datasets (CC BY-NC 4.0) and the UK Sanctions "
        "List are not bundled; users can download them into their cache. The UN "
        "consolidated list has no vessel records.",
    }
    tmp_json = args.out / ".snapshot.json.part"
    tmp_json.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp_csv, args.out / "snapshot.csv")
    os.replace(tmp_json, args.out / "snapshot.json")
    print(f"wrote {len(combined)} vessel rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
