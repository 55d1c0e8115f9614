"""plugin/core/http.py against a real local HTTP server (pytest-httpserver)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from werkzeug import Response

from tanker_watch.plugin.core.http import (
    BROWSER_USER_AGENT,
    DownloadCancelledError,
    DownloadError,
    download,
)
from tanker_watch.plugin.core.sanctions import read_sdn_xml
from tanker_watch.plugin.core.sanctions.xmlsafe import parse_xml

pytest.importorskip("pytest_httpserver")

OLD = b"previous good content\n"
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<sdnList><sdnEntry><lastName>&lol4;</lastName></sdnEntry></sdnList>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE sdnList [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sdnList><sdnEntry><uid>1</uid><lastName>&xxe;</lastName><sdnType>Vessel</sdnType></sdnEntry></sdnList>"""


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    path = tmp_path / "list.csv"
    path.write_bytes(OLD)
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def _assert_untouched(dest: Path) -> None:
    assert dest.read_bytes() == OLD
    assert _leftovers(dest.parent) == []


def test_download_updates_atomically(httpserver, dest):
    body = b"a,b\n1,2\n" * 1000
    httpserver.expect_request("/list.csv").respond_with_data(
        body,
        content_type="text/csv",
        headers={"ETag": '"v1"', "Last-Modified": "Fri, 03 May 2024 18:43:00 GMT"},
    )
    seen = []
    res = download(
        httpserver.url_for("/list.csv"),
        dest,
        progress=lambda n, total: seen.append((n, total)),
        chunk_size=1024,
        content_types=("text/csv",),
    )
    assert res.status == "updated" and res.bytes == len(body) and res.etag == '"v1"'
    assert res.last_modified == "Fri, 03 May 2024 18:43:00 GMT"
    assert dest.read_bytes() == body and _leftovers(dest.parent) == []
    assert seen[-1] == (len(body), len(body)) and len(seen) > 1
    req, _ = httpserver.log[0]
    assert "TankerWatch" in req.headers["User-Agent"]
    assert "If-None-Match" not in req.headers


def test_browser_user_agent_and_custom_headers(httpserver, dest):
    httpserver.expect_request(
        "/x", headers={"User-Agent": BROWSER_USER_AGENT, "X-Api-Key": "k"}
    ).respond_with_data("ok")
    assert (
        download(httpserver.url_for("/x"), dest, user_agent="browser", headers={"X-Api-Key": "k"}).status
        == "updated"
    )


def test_read_timeout_is_retried_then_fails_cleanly(httpserver, dest):
    def slow(_request):
        time.sleep(0.6)
        return Response("late", content_type="text/csv")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    sleeps = Sleeps()
    with pytest.raises(
        DownloadError, match=r"/slow failed after 2 attempt\(s\): the server did not answer in time"
    ):
        download(httpserver.url_for("/slow"), dest, timeout=(2, 0.2), retries=1, sleep=sleeps)
    assert sleeps == [1.0]
    _assert_untouched(dest)
    deadline = time.monotonic() + 5  # let the server finish the abandoned requests before the next test
    while len(httpserver.log) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.1)


def test_500_then_success(httpserver, dest):
    httpserver.expect_ordered_request("/l").respond_with_data("boom", status=500)
    httpserver.expect_ordered_request("/l").respond_with_data("boom", status=503)
    httpserver.expect_ordered_request("/l").respond_with_data("fresh", content_type="text/csv")
    sleeps = Sleeps()
    res = download(httpserver.url_for("/l"), dest, sleep=sleeps, backoff=0.5)
    assert res.status == "updated" and dest.read_bytes() == b"fresh"
    assert sleeps == [0.5, 1.0]  # exponential backoff


def test_500_forever_fails_with_status(httpserver, dest):
    httpserver.expect_request("/l").respond_with_data("boom", status=502)
    with pytest.raises(DownloadError) as err:
        download(httpserver.url_for("/l"), dest, sleep=Sleeps(), retries=2)
    assert err.value.status == 502 and "502" in str(err.value) and httpserver.url_for("/l") in str(err.value)
    assert len(httpserver.log) == 3
    _assert_untouched(dest)


def test_429_honours_retry_after_with_cap(httpserver, dest):
    httpserver.expect_ordered_request("/l").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request("/l").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3600"}
    )
    httpserver.expect_ordered_request("/l").respond_with_data("ok")
    sleeps = Sleeps()
    download(httpserver.url_for("/l"), dest, sleep=sleeps, max_wait=30)
    assert sleeps == [7.0, 30.0]


def test_304_keeps_cache(httpserver, dest):
    httpserver.expect_request(
        "/l", headers={"If-None-Match": '"v1"', "If-Modified-Since": "Fri, 03 May 2024 18:43:00 GMT"}
    ).respond_with_data("", status=304)
    res = download(httpserver.url_for("/l"), dest, etag='"v1"', last_modified="Fri, 03 May 2024 18:43:00 GMT")
    assert res.status == "not_modified" and res.bytes == 0 and res.etag == '"v1"'
    _assert_untouched(dest)


def test_no_conditional_headers_without_cached_file(httpserver, tmp_path):
    httpserver.expect_request("/l").respond_with_data("new")
    download(httpserver.url_for("/l"), tmp_path / "new.csv", etag='"v1"')
    req, _ = httpserver.log[0]
    assert "If-None-Match" not in req.headers


def test_truncated_body_is_an_error(httpserver, dest):
    def short(_request):
        resp = Response(b"only part of it", content_type="text/csv")
        resp.headers["Content-Length"] = "5000"
        return resp

    httpserver.expect_request("/t").respond_with_handler(short)
    with pytest.raises(DownloadError, match="truncated|broke off|did not answer"):
        download(httpserver.url_for("/t"), dest, timeout=(2, 1), retries=1, sleep=Sleeps())
    _assert_untouched(dest)


def test_wrong_content_type(httpserver, dest):
    httpserver.expect_request("/l").respond_with_data("<html>login</html>", content_type="text/html")
    with pytest.raises(DownloadError, match="expected content type text/csv.*text/html"):
        download(httpserver.url_for("/l"), dest, content_types=("text/csv",))
    _assert_untouched(dest)


@pytest.mark.parametrize(
    "payload, message",
    [
        (b"<sdnList><sdnEntry>not closed", "not well-formed"),
        (BOMB, "DTD or entities"),
        (XXE, "DTD or entities"),
    ],
)
def test_bad_xml_refused_by_validate(httpserver, dest, payload, message):
    httpserver.expect_request("/sdn.xml").respond_with_data(payload, content_type="application/xml")
    with pytest.raises(DownloadError, match=message) as err:
        download(httpserver.url_for("/sdn.xml"), dest, validate=read_sdn_xml)
    assert httpserver.url_for("/sdn.xml") in str(err.value)
    _assert_untouched(dest)


def test_validate_interrupt_leaves_cache(httpserver, dest):
    """A 'kill' during the write (KeyboardInterrupt from inside) leaves the old file and no temp file."""
    httpserver.expect_request("/l").respond_with_data("new content")

    def interrupted(path: Path) -> None:
        assert path.read_bytes() == b"new content" and path.parent == dest.parent
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        download(httpserver.url_for("/l"), dest, validate=interrupted)
    _assert_untouched(dest)


def test_cancel_mid_stream(httpserver, dest):
    httpserver.expect_request("/big").respond_with_data(b"x" * 200_000)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(DownloadCancelledError, match="cancelled"):
        download(httpserver.url_for("/big"), dest, cancel=cancel, chunk_size=1000)
    _assert_untouched(dest)


def test_max_bytes(httpserver, dest):
    httpserver.expect_request("/big").respond_with_data(b"x" * 10_000)
    with pytest.raises(DownloadError, match="limit 1000|more than 1000"):
        download(httpserver.url_for("/big"), dest, max_bytes=1000)
    _assert_untouched(dest)


def test_403_hint_and_no_secret_leak(httpserver, dest, caplog):
    httpserver.expect_request("/l").respond_with_data("denied", status=403)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(DownloadError) as err:
        download(httpserver.url_for("/l"), dest, headers={"Authorization": "ApiKey SECRET-123"})
    assert "browser" in str(err.value) and "SECRET-123" not in str(err.value)
    assert "SECRET-123" not in caplog.text
    _assert_untouched(dest)


def test_proxies_are_used(httpserver, dest, monkeypatch):
    for var in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(var, raising=False)
    httpserver.expect_request("/l").respond_with_data("direct")
    with pytest.raises(DownloadError, match="could not connect"):
        download(httpserver.url_for("/l"), dest, proxies={"http": "http://127.0.0.1:9"}, retries=0)
    assert len(httpserver.log) == 0
    _assert_untouched(dest)


def test_missing_folder(tmp_path):
    with pytest.raises(DownloadError, match="does not exist"):
        download("http://127.0.0.1:9/x", tmp_path / "nope" / "f.csv")


# --- the XML guard itself -------------------------------------------------------------------


@pytest.mark.parametrize("payload", [BOMB, XXE, BOMB.decode().encode("utf-16")])
def test_parse_xml_refuses_dtd(payload):
    from tanker_watch.plugin.core.sanctions import XMLSecurityError

    with pytest.raises(XMLSecurityError, match="refused"):
        parse_xml(payload, source="evil.xml")


def test_parse_xml_garbage_names_position():
    from tanker_watch.plugin.core.sanctions import XMLFormatError

    with pytest.raises(XMLFormatError, match=r"bad.xml: not well-formed XML at line 2"):
        parse_xml(b"<a>\n<b></a>", source="bad.xml")
