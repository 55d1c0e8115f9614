"""Sanctions algorithms: matching offline from the snapshot, updating through a real local server."""
from __future__ import annotations

from qgis.core import QgsApplication, QgsSettings

from support import TEST_DATA
from tanker_watch.plugin.core.sanctions import SOURCES


def test_match_vessel_list_offline(provider, tmp_path):
    from qgis import processing

    vessels = tmp_path / "vessels.csv"
    vessels.write_text(
        "mmsi,imo,name,flag,ship_type,dwt\n"
        "445111000,8660313,CHON MA SAN,KP,tanker,3565\n"     # listed by IMO
        "445222000,,CHONMASAN,KP,tanker,\n"                  # listed by name, spacing differs
        "273111222,9999995,INNOCENT TRADER,RU,tanker,5000\n"  # not listed; bad IMO check digit
        "273111333,,NOT A SHIP AT ALL,RU,tanker,abc\n",
        encoding="utf-8",
    )
    result = processing.run("tankerwatch:matchsanctions", {"INPUT": str(vessels), "OUTPUT": "memory:"})
    rows = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert result["LISTED"] == 2
    assert rows["CHON MA SAN"]["listed"] and "IMO 8660313" in rows["CHON MA SAN"]["match_reason"]
    assert "OFAC" in rows["CHON MA SAN"]["lists"]
    assert rows["CHONMASAN"]["listed"] and rows["CHONMASAN"]["score"] < 100
    assert not rows["NOT A SHIP AT ALL"]["listed"]
    assert "snapshot" in result["SNAPSHOT"]


def test_update_keeps_cache_when_server_fails(provider, httpserver, monkeypatch, tmp_path):
    from qgis import processing

    from tanker_watch.plugin import network

    monkeypatch.setattr(network, "sanctions_cache", lambda: tmp_path / "cache")
    spec = SOURCES["ofac_sdn"]
    monkeypatch.setitem(SOURCES, "ofac_sdn", type(spec)(**{**spec.__dict__,
                                                          "url": httpserver.url_for("/sdn.csv")}))
    httpserver.expect_request("/sdn.csv").respond_with_data("server broke", status=500)
    result = processing.run("tankerwatch:updatesanctions", {"SOURCES": [0]})
    assert result["FAILED"] == 1
    assert "previous data are kept" in result["STATUS"]
    assert not (tmp_path / "cache" / spec.filename).exists()


def test_proxy_comes_from_qgis_settings(qgis_app):
    from tanker_watch.plugin.network import qgis_proxies

    settings = QgsSettings()
    try:
        settings.setValue("proxy/proxyEnabled", True)
        settings.setValue("proxy/proxyHost", "proxy.example.org")
        settings.setValue("proxy/proxyPort", "3128")
        assert qgis_proxies() == {"http": "http://proxy.example.org:3128",
                                  "https": "http://proxy.example.org:3128"}
        settings.setValue("proxy/proxyEnabled", False)
        assert qgis_proxies() is None
    finally:
        for key in ("proxyEnabled", "proxyHost", "proxyPort"):
            settings.remove(f"proxy/{key}")


def test_update_sends_api_key_from_auth_manager(provider, httpserver, monkeypatch, tmp_path):
    """The key lives in QGIS's authentication manager; it reaches the server and never the output."""
    from qgis import processing
    from qgis.core import QgsAuthMethodConfig

    from tanker_watch.plugin import network

    auth = QgsApplication.authManager()
    if not auth.masterPasswordIsSet():
        auth.setMasterPassword("tanker-watch-tests", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("opensanctions test key")
    config.setConfig("username", "api")
    config.setConfig("password", "SECRET-KEY-123")
    assert auth.storeAuthenticationConfig(config)[0]
    monkeypatch.setattr(network, "sanctions_cache", lambda: tmp_path / "cache")
    from tanker_watch.plugin.processing.match_sanctions import UpdateSanctionsAlgorithm

    index = UpdateSanctionsAlgorithm.CHOICES.index("opensanctions_maritime")
    spec = SOURCES["opensanctions_maritime"]
    monkeypatch.setitem(SOURCES, "opensanctions_maritime",
                        type(spec)(**{**spec.__dict__, "url": httpserver.url_for("/maritime.csv")}))
    body = next(TEST_DATA.glob("sanctions/*maritime*.csv")).read_bytes()
    httpserver.expect_request("/maritime.csv", headers={"Authorization": "ApiKey SECRET-KEY-123"}) \
        .respond_with_data(body, content_type="text/csv")
    try:
        result = processing.run("tankerwatch:updatesanctions", {"SOURCES": [index], "AUTHCFG": config.id()})
    finally:
        auth.removeAuthenticationConfig(config.id())
    assert result["FAILED"] == 0, result["STATUS"]
    assert "SECRET-KEY-123" not in result["STATUS"]
    assert (tmp_path / "cache" / spec.filename).is_file()


def test_match_vessels_taken_from_ais(provider, tmp_path):
    from qgis import processing

    ais = tmp_path / "ais.csv"
    ais.write_text(
        "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,"
        "Draft,Cargo,TransceiverClass\n"
        "445111000,2024-03-07T00:00:00,42.7,133.0,0.1,0,511,CHON MA SAN,IMO8660313,,80,5,90,14,4.0,80,A\n"
        "445111000,2024-03-07T03:00:00,42.7,133.0,0.1,0,511,CHON MA SAN,IMO8660313,,80,5,90,14,6.0,80,A\n"
        "273000001,2024-03-07T00:00:00,43.1,131.9,9.0,90,90,PORT TUG,,,52,0,30,9,3.0,,A\n",
        encoding="utf-8",
    )
    result = processing.run("tankerwatch:matchsanctions", {"INPUT": str(ais), "OUTPUT": "memory:"})
    rows = {f["mmsi"]: f for f in result["OUTPUT"].getFeatures()}
    assert set(rows) == {"445111000", "273000001"}
    assert result["LISTED"] == 1 and rows["445111000"]["listed"] and not rows["273000001"]["listed"]
