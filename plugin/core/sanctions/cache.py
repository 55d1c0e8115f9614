"""Downloadable list sources and the safe cache update.

:func:`update_source` downloads one list with :func:`...http.download`, parses the
temporary file with the list's reader, refuses it when the schema is broken, when it has
no vessels or when the vessel count collapsed (below ``min_ratio`` of the cached count,
50 % by default: a half-empty export is far likelier than half the fleet being delisted),
and only then replaces the cached file. ``<source_id>.meta.json`` beside it records the
URL, ETag, Last-Modified, retrieval time, vessel count and sha256, and feeds the next
conditional GET. Nothing already cached is ever overwritten by a bad download.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Union

import pandas as pd

from ..http import DownloadError, download
from .ofac import SDN_CSV_URL, read_sdn_csv
from .opensanctions import MARITIME_URL, read_maritime_csv
from .uk import UK_CSV_URL, read_uk_csv

PathLike = Union[str, Path]
TEXT_TYPES = (
    "text/",
    "application/csv",
    "application/octet-stream",
    "binary/octet-stream",
    "application/vnd.ms-excel",
)


@dataclass(frozen=True)
class SourceSpec:
    """One downloadable list."""

    source_id: str
    title: str
    list_label: str
    url: str
    filename: str
    parse: Callable[..., pd.DataFrame]
    licence: str
    content_types: Optional[tuple[str, ...]] = TEXT_TYPES
    user_agent: Optional[str] = None
    notes: str = ""
    accepts_key: bool = False  # send the user's API key, if any, as "Authorization: ApiKey <key>"


SOURCES: dict[str, SourceSpec] = {
    s.source_id: s
    for s in [
        SourceSpec(
            "ofac_sdn",
            "OFAC Specially Designated Nationals list (sdn.csv)",
            "OFAC SDN",
            SDN_CSV_URL,
            "ofac_sdn.csv",
            read_sdn_csv,
            "US government work (public domain); OFAC states no redistribution terms.",
            user_agent="browser",
            notes="OFAC's list service refuses non-browser User-Agents since 2026.",
        ),
        SourceSpec(
            "opensanctions_maritime",
            "OpenSanctions maritime export (maritime.csv)",
            "OpenSanctions",
            MARITIME_URL,
            "opensanctions_maritime.csv",
            read_maritime_csv,
            "CC BY-NC 4.0: non-commercial use only; businesses need a licence from OpenSanctions. "
            "Not bundled with the plugin.",
            accepts_key=True,
        ),
        SourceSpec(
            "uk_sanctions_list",
            "UK Sanctions List (FCDO) CSV",
            "UK Sanctions List",
            UK_CSV_URL,
            "uk_sanctions_list.csv",
            read_uk_csv,
            "Open Government Licence v3.0.",
        ),
    ]
}


class UpdateRefusedError(DownloadError):
    """The download worked but its content failed the sanity checks; the cache is kept."""


@dataclass
class UpdateResult:
    source_id: str
    status: str  # "updated" or "not_modified"
    path: Path
    count: int
    meta: dict = field(default_factory=dict)


def meta_path(cache_dir: PathLike, source_id: str) -> Path:
    return Path(cache_dir) / f"{source_id}.meta.json"


def read_meta(cache_dir: PathLike, source_id: str) -> dict:
    """The cached metadata of a source, ``{}`` when absent or unreadable."""
    try:
        return json.loads(meta_path(cache_dir, source_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_json_atomic(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def update_source(
    source_id: str,
    cache_dir: PathLike,
    *,
    sources: Optional[dict[str, SourceSpec]] = None,
    min_ratio: float = 0.5,
    now: Optional[Callable[[], dt.datetime]] = None,
    **download_kwargs,
) -> UpdateResult:
    """Download, check and cache one list; see the module docstring.

    ``download_kwargs`` go to :func:`download` (``session``, ``proxies``, ``headers``,
    ``sleep``, ``progress``, ``cancel``, ``timeout``...). Raises :class:`UpdateRefusedError` when
    the new file fails the checks and :class:`DownloadError` when the download fails; in
    both cases the cached file and its metadata are untouched.
    """
    registry = sources if sources is not None else SOURCES
    if source_id not in registry:
        raise KeyError(f"unknown sanctions source {source_id!r}; known: {', '.join(sorted(registry))}")
    spec = registry[source_id]
    cache = Path(cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    dest = cache / spec.filename
    old = read_meta(cache, source_id) if dest.exists() else {}
    old_count = int(old.get("count") or 0)
    parsed: dict[str, pd.DataFrame] = {}

    def validate(tmp: Path) -> None:
        try:
            table = spec.parse(tmp)
        except Exception as exc:
            raise UpdateRefusedError(
                f"{spec.title} from {spec.url} could not be read, cache kept: {exc}", url=spec.url
            ) from exc
        if len(table) == 0:
            raise UpdateRefusedError(
                f"{spec.title} from {spec.url} holds no vessels; cache kept", url=spec.url
            )
        if old_count and len(table) < min_ratio * old_count:
            raise UpdateRefusedError(
                f"{spec.title} from {spec.url} has {len(table)} vessels against {old_count} in the cache "
                f"(below {min_ratio:.0%}); this looks like a broken export, so the cache was kept",
                url=spec.url,
            )
        parsed["table"] = table

    kwargs = {"content_types": spec.content_types, "user_agent": spec.user_agent}
    kwargs.update(download_kwargs)
    result = download(
        spec.url,
        dest,
        etag=old.get("etag"),
        last_modified=old.get("last_modified"),
        validate=validate,
        **kwargs,
    )
    stamp = (now or (lambda: dt.datetime.now(dt.timezone.utc)))().isoformat()
    if result.status == "not_modified":
        meta = {**old, "checked": stamp}
        _write_json_atomic(meta_path(cache, source_id), meta)
        return UpdateResult(source_id, "not_modified", dest, old_count, meta)
    table = parsed["table"]
    meta = {
        "source_id": source_id,
        "title": spec.title,
        "list": spec.list_label,
        "url": spec.url,
        "file": spec.filename,
        "etag": result.etag,
        "last_modified": result.last_modified,
        "retrieved": stamp,
        "checked": stamp,
        "count": int(len(table)),
        "bytes": result.bytes,
        "sha256": _sha256(dest),
        "licence": spec.licence,
        "records": table.attrs.get("records"),
        "warnings": list(table.attrs.get("warnings", []))[:50],
    }
    _write_json_atomic(meta_path(cache, source_id), meta)
    return UpdateResult(source_id, "updated", dest, int(len(table)), meta)


def load_cached(
    cache_dir: PathLike,
    source_ids: Optional[Iterable[str]] = None,
    sources: Optional[dict[str, SourceSpec]] = None,
) -> list[tuple[SourceSpec, pd.DataFrame, dict]]:
    """Parse every cached list: ``[(spec, table, meta)]``; ``retrieved`` comes from the meta."""
    registry = sources if sources is not None else SOURCES
    out = []
    for sid in source_ids or registry:
        spec = registry[sid]
        path = Path(cache_dir) / spec.filename
        if not path.exists():
            continue
        meta = read_meta(cache_dir, sid)
        table = spec.parse(path, retrieved=meta.get("retrieved"))
        out.append((spec, table, meta))
    return out
