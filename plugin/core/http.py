"""The one small HTTP layer of Tanker Watch (``requests``), used for list downloads.

:func:`download` fetches one URL into a file safely: connect/read timeouts, retries with
exponential backoff on connection errors, timeouts, truncated bodies, 429 and 5xx
(honouring ``Retry-After``, capped), conditional GET (``ETag``/``Last-Modified``; 304 keeps
the cached file), streaming to a temporary file in the destination folder, a
Content-Length check, an optional content-type check and a ``validate`` callback, and only
then an atomic ``os.replace``. On any failure the previous file is untouched and the
temporary file removed. Request headers (which may carry API keys) are never logged or put
in error messages. ``requests`` is imported lazily so the plugin loads without it.
"""

from __future__ import annotations

import email.utils
import logging
import os
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Literal, Optional, Union

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "TankerWatch-QGIS-plugin/0.1 (+https://github.com/tanker-watch/tanker_watch)"
# Some servers (OFAC's list service behind a WAF, since 2026) refuse non-browser agents.
BROWSER_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/124.0 Safari/537.36"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class DownloadError(RuntimeError):
    """A download failed; the message says why in plain words and names the URL."""

    def __init__(self, message: str, *, url: str, status: Optional[int] = None):
        super().__init__(message)
        self.url = url
        self.status = status


class DownloadCancelledError(DownloadError):
    """The caller's ``cancel`` callback asked to stop."""


@dataclass(frozen=True)
class DownloadResult:
    status: Literal["updated", "not_modified"]
    path: Path
    etag: Optional[str]
    last_modified: Optional[str]
    bytes: int
    content_type: Optional[str] = None


class _RetryableError(Exception):
    def __init__(self, message: str, wait: Optional[float] = None, status: Optional[int] = None):
        super().__init__(message)
        self.wait = wait
        self.status = status


def _retry_after(value: Optional[str], now: Callable[[], float] = time.time) -> Optional[float]:
    """Seconds asked by a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now())


def _remove(path: Optional[str]) -> None:
    if path:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def download(
    url: str,
    dest: Union[str, Path],
    *,
    session=None,
    timeout: tuple[float, float] = (5, 60),
    retries: int = 3,
    backoff: float = 1.0,
    max_wait: float = 60.0,
    sleep: Callable[[float], None] = time.sleep,
    headers: Optional[Mapping[str, str]] = None,
    user_agent: Optional[str] = None,
    etag: Optional[str] = None,
    last_modified: Optional[str] = None,
    progress: Optional[Callable[[int, Optional[int]], None]] = None,
    cancel: Optional[Callable[[], bool]] = None,
    max_bytes: Optional[int] = None,
    content_types: Optional[Iterable[str]] = None,
    validate: Optional[Callable[[Path], None]] = None,
    proxies: Optional[Mapping[str, str]] = None,
    chunk_size: int = 1 << 16,
) -> DownloadResult:
    """Download ``url`` to ``dest`` atomically; see the module docstring.

    ``retries`` extra attempts follow the first, waiting ``backoff * 2**(n-1)`` seconds
    or the server's ``Retry-After``, never more than ``max_wait``; ``sleep`` is injectable
    for tests. ``user_agent="browser"`` sends a browser-like User-Agent. ``etag`` /
    ``last_modified`` are sent as ``If-None-Match``/``If-Modified-Since`` only when ``dest``
    exists; a 304 returns ``status="not_modified"``. ``content_types``: accepted
    media-type prefixes (e.g. ``("text/csv", "text/plain")``). ``validate(tmp_path)`` must
    raise to reject the file. ``progress(received, total_or_None)`` is called per chunk and
    ``cancel()`` returning True stops the download. Raises :class:`DownloadError`.
    """
    try:
        import requests
    except ImportError as exc:  # pragma: no cover - requests ships with QGIS
        raise DownloadError(
            f"cannot download {url}: the Python package 'requests' is not installed", url=url
        ) from exc
    dest = Path(dest)
    if not dest.parent.is_dir():
        raise DownloadError(f"cannot download {url}: folder {dest.parent} does not exist", url=url)
    req_headers = {
        "User-Agent": BROWSER_USER_AGENT if user_agent == "browser" else (user_agent or DEFAULT_USER_AGENT)
    }
    req_headers.update(headers or {})
    if dest.exists():
        if etag:
            req_headers["If-None-Match"] = etag
        if last_modified:
            req_headers["If-Modified-Since"] = last_modified
    accepted = tuple(t.lower() for t in content_types) if content_types else None
    own_session = session is None
    sess = requests.Session() if own_session else session
    attempt = 0
    try:
        while True:
            attempt += 1
            try:
                return _attempt(
                    sess,
                    url,
                    dest,
                    req_headers,
                    timeout,
                    proxies,
                    accepted,
                    max_bytes,
                    progress,
                    cancel,
                    validate,
                    chunk_size,
                    requests,
                )
            except _RetryableError as exc:
                if attempt > retries:
                    raise DownloadError(
                        f"download of {url} failed after {attempt} attempt(s): {exc}",
                        url=url,
                        status=exc.status,
                    ) from None
                wait = backoff * (2 ** (attempt - 1))
                if exc.wait is not None:
                    wait = max(wait, exc.wait)
                wait = min(wait, max_wait)
                log.info("download of %s: %s; retrying in %.1f s", url, exc, wait)
                sleep(wait)
    finally:
        if own_session:
            sess.close()


def _attempt(
    sess,
    url: str,
    dest: Path,
    headers: dict,
    timeout,
    proxies,
    accepted,
    max_bytes,
    progress,
    cancel,
    validate,
    chunk_size: int,
    requests,
) -> DownloadResult:
    try:
        resp = sess.get(url, headers=headers, timeout=timeout, stream=True, proxies=proxies)
    except requests.exceptions.Timeout as exc:
        raise _RetryableError(f"the server did not answer in time ({type(exc).__name__})") from None
    except requests.exceptions.ConnectionError:
        raise _RetryableError("could not connect to the server") from None
    except requests.exceptions.RequestException as exc:
        raise DownloadError(f"download of {url} failed: {type(exc).__name__}", url=url) from None
    with resp:
        status = resp.status_code
        if status == 304:
            return DownloadResult(
                "not_modified",
                dest,
                resp.headers.get("ETag") or headers.get("If-None-Match"),
                resp.headers.get("Last-Modified") or headers.get("If-Modified-Since"),
                0,
                resp.headers.get("Content-Type"),
            )
        if status in RETRY_STATUSES:
            raise _RetryableError(
                f"the server answered {status} {resp.reason or ''}".strip(),
                wait=_retry_after(resp.headers.get("Retry-After")),
                status=status,
            )
        if status >= 400 or status < 200:
            hint = ""
            if status == 403:
                hint = (
                    " (the server refused the request; some, like OFAC's, block non-browser"
                    " clients: try the browser User-Agent option)"
                )
            elif status in (401, 407):
                hint = " (credentials or an API key are missing or wrong)"
            raise DownloadError(
                f"download of {url} failed: the server answered {status} {resp.reason or ''}{hint}".rstrip(),
                url=url,
                status=status,
            )
        ctype = resp.headers.get("Content-Type")
        if accepted is not None:
            media = (ctype or "").split(";")[0].strip().lower()
            if not any(media.startswith(a) for a in accepted):
                raise DownloadError(
                    f"download of {url} failed: expected content type "
                    f"{' or '.join(accepted)}, the server sent {ctype or 'none'} "
                    "(often an error or login page)",
                    url=url,
                    status=status,
                )
        length = resp.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        encoded = resp.headers.get("Content-Encoding", "identity").lower() not in ("", "identity")
        if max_bytes is not None and total is not None and not encoded and total > max_bytes:
            raise DownloadError(
                f"download of {url} refused: {total} bytes announced, limit {max_bytes}",
                url=url,
                status=status,
            )
        fd, tmp = tempfile.mkstemp(dir=str(dest.parent), prefix=f".{dest.name}.", suffix=".part")
        try:
            received = 0
            with os.fdopen(fd, "wb") as fh:
                try:
                    for chunk in resp.iter_content(chunk_size=chunk_size):
                        if cancel is not None and cancel():
                            raise DownloadCancelledError(f"download of {url} cancelled", url=url)
                        if not chunk:
                            continue
                        fh.write(chunk)
                        received += len(chunk)
                        if max_bytes is not None and received > max_bytes:
                            raise DownloadError(
                                f"download of {url} stopped: more than {max_bytes} bytes",
                                url=url,
                                status=status,
                            )
                        if progress is not None:
                            progress(received, total)
                except (
                    requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ConnectionError,
                    requests.exceptions.Timeout,
                ) as exc:
                    raise _RetryableError(
                        f"the transfer broke off after {received} bytes ({type(exc).__name__})"
                    ) from None
                fh.flush()
                os.fsync(fh.fileno())
            if total is not None and not encoded and received != total:
                raise _RetryableError(f"the body was truncated: {received} of {total} bytes received")
            if validate is not None:
                try:
                    validate(Path(tmp))
                except DownloadError:
                    raise
                except Exception as exc:
                    raise DownloadError(
                        f"the file downloaded from {url} was rejected: {exc}", url=url, status=status
                    ) from exc
            os.replace(tmp, dest)
            tmp = None
        finally:
            _remove(tmp)  # reached with a path only on failure, including KeyboardInterrupt
        return DownloadResult(
            "updated", dest, resp.headers.get("ETag"), resp.headers.get("Last-Modified"), received, ctype
        )
