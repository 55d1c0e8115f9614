"""update_source: download, sanity checks and the cache, against a local HTTP server."""

from __future__ import annotations

import json
import socket
from dataclasses import replace
from pathlib import Path

import pytest

from tanker_watch.plugin.core.http import DownloadError
from tanker_watch.plugin.core.sanctions import (
    SOURCES,
    UpdateRefusedError,
    load_sanctions,
    load_snapshot,
    update_source,
)
from tanker_watch.plugin.core.sanctions.imo import imo_is_valid

pytest.importorskip("pytest_httpserver")


def _valid_imos(n: int) -> list[str]:
    out, base = [], 900000
    while len(out) < n:
        digits = str(base)
        check = sum(int(d) * w for d, w in zip(digits, (7, 6, 5, 4, 3, 2))) % 10
        imo = digits + str(check)
        assert imo_is_valid(imo)
        out.append(imo)
        base += 1
    return out


def sdn_csv(n_vessels: int) -> bytes:
    """A synthetic sdn.csv in the real layout (CRLF, -0- nulls, Ctrl-Z) with n vessels + 1 entity."""
    lines = ['1,"SOME BANK",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ']
    for i, imo in enumerate(_valid_imos(n_vessels), start=2):
        lines.append(
            f'{i},"TEST SHIP {i}","vessel","DPRK4",-0- ,-0- ,"Tanker",-0- ,-0- ,"Togo",-0- ,'
            f'"Vessel Registration Identification IMO {imo}."'
        )
    return ("\r\n".join(lines) + "\r\n\x1a").encode()


@pytest.fixture
def sources(httpserver):
    spec = replace(SOURCES["ofac_sdn"], url=httpserver.url_for("/SDN.CSV"))
    return {"ofac_sdn": spec}


def _files(cache: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(cache.iterdir())}


def test_update_then_not_modified(httpserver, tmp_path, sources):
    cache = tmp_path / "cache"
    httpserver.expect_ordered_request("/SDN.CSV").respond_with_data(
        sdn_csv(20), content_type="text/csv", headers={"ETag": '"e1"'}
    )
    httpserver.expect_ordered_request("/SDN.CSV", headers={"If-None-Match": '"e1"'}).respond_with_data(
        "", status=304
    )
    res = update_source("ofac_sdn", cache, sources=sources)
    assert res.status == "updated" and res.count == 20
    meta = json.loads((cache / "ofac_sdn.meta.json").read_text())
    assert (
        meta["etag"] == '"e1"' and meta["count"] == 20 and meta["records"] == 21 and len(meta["sha256"]) == 64
    )
    assert "public domain" in meta["licence"]
    req, _ = httpserver.log[0]
    assert "Mozilla/5.0" in req.headers["User-Agent"]  # OFAC blocks non-browser agents
    res2 = update_source("ofac_sdn", cache, sources=sources)
    assert res2.status == "not_modified" and res2.count == 20
    assert sorted(p.name for p in cache.iterdir()) == ["ofac_sdn.csv", "ofac_sdn.meta.json"]


def test_list_shrinking_by_90_percent_is_refused(httpserver, tmp_path, sources):
    cache = tmp_path / "cache"
    httpserver.expect_ordered_request("/SDN.CSV").respond_with_data(sdn_csv(20), content_type="text/csv")
    httpserver.expect_ordered_request("/SDN.CSV").respond_with_data(sdn_csv(2), content_type="text/csv")
    update_source("ofac_sdn", cache, sources=sources)
    before = _files(cache)
    with pytest.raises(UpdateRefusedError, match="2 vessels against 20 in the cache"):
        update_source("ofac_sdn", cache, sources=sources)
    assert _files(cache) == before  # old list and metadata intact, no temp file


def test_broken_schema_refused(httpserver, tmp_path, sources):
    cache = tmp_path / "cache"
    httpserver.expect_ordered_request("/SDN.CSV").respond_with_data(sdn_csv(5), content_type="text/csv")
    httpserver.expect_ordered_request("/SDN.CSV").respond_with_data(
        "name,imo\nX,1\n", content_type="text/csv"
    )
    update_source("ofac_sdn", cache, sources=sources)
    before = _files(cache)
    with pytest.raises(UpdateRefusedError, match="could not be read, cache kept.*12 OFAC SDN columns"):
        update_source("ofac_sdn", cache, sources=sources)
    assert _files(cache) == before


def test_empty_list_refused_even_without_cache(httpserver, tmp_path, sources):
    httpserver.expect_request("/SDN.CSV").respond_with_data(sdn_csv(0), content_type="text/csv")
    with pytest.raises(UpdateRefusedError, match="no vessels"):
        update_source("ofac_sdn", tmp_path, sources=sources)
    assert list(tmp_path.iterdir()) == []


def test_server_error_keeps_cache(httpserver, tmp_path, sources):
    httpserver.expect_ordered_request("/SDN.CSV").respond_with_data(sdn_csv(5), content_type="text/csv")
    update_source("ofac_sdn", tmp_path, sources=sources)
    before = _files(tmp_path)
    httpserver.expect_request("/SDN.CSV").respond_with_data("down", status=503)
    with pytest.raises(DownloadError, match="503"):
        update_source("ofac_sdn", tmp_path, sources=sources, sleep=lambda s: None, retries=1)
    assert _files(tmp_path) == before


def test_unknown_source(tmp_path):
    with pytest.raises(KeyError, match="unknown sanctions source"):
        update_source("nope", tmp_path)


def test_cache_replaces_snapshot_list(httpserver, tmp_path, sources):
    httpserver.expect_request("/SDN.CSV").respond_with_data(sdn_csv(12), content_type="text/csv")
    update_source("ofac_sdn", tmp_path, sources=sources)
    table = load_sanctions(tmp_path, sources=sources)
    assert (table["list"] == "OFAC SDN").sum() == 12
    assert table.attrs["origin"]["OFAC SDN"]["from"] == "cache"
    assert table.attrs["origin"]["EU 833/2014"] == {
        "from": "snapshot",
        "retrieved": "2026-08-14",
        "count": 633,
    }
    assert table["retrieved"].notna().all()


def test_snapshot_loads_offline(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the snapshot must load without network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    table = load_snapshot()
    meta = table.attrs["snapshot"]
    counts = table["list"].value_counts().to_dict()
    assert counts == {"OFAC SDN": 851, "EU 833/2014": 633, "EU 2017/1509": 75}
    assert {s["list"]: s["vessel_rows"] for s in meta["sources"].values()} == counts
    assert "public domain" in meta["sources"]["ofac"]["licence"]
    assert "2011/833/EU" in meta["sources"]["eu_dprk"]["licence"]
    chon = table[(table["imo"] == "8660313") & (table["list"] == "OFAC SDN")].iloc[0]
    assert chon["listed_name"] == "CHON MA SAN" and chon["programme"] == "DPRK4"
    assert table["retrieved"].notna().all()
    assert load_sanctions(None).shape == table.shape


def test_snapshot_is_rebuilt_identically(shared_dir, tmp_path):
    """scripts/build_sanctions_snapshot.py reproduces the bundled CSV from shared/."""
    import importlib.util

    repo = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "build_snapshot", repo / "scripts" / "build_sanctions_snapshot.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--out", str(tmp_path)]) == 0
    bundled = repo / "resources" / "data" / "sanctions" / "snapshot.csv"
    assert (tmp_path / "snapshot.csv").read_bytes() == bundled.read_bytes()
