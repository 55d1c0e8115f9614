"""Read AIS files of any supported layout into the canonical positions frame.

The format is detected from the content (never the file name), compression from magic
bytes: gzip, zip (first data member), bzip2 and xz.
"""
from __future__ import annotations

import bz2
import gzip
import io
import lzma
import re
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Callable, Optional, Union

import pandas as pd

from .ais_csv import (
    REQUIRED_FIELDS,
    CsvLayout,
    concat_positions,
    guess_mapping,
    normalise_column_name,
    positions_from_frame,
    read_csv_file,
    sniff_csv,
)
from .errors import AisFormatError, Cancelled, IssueLog, ParseIssue, ReadResult
from .schema import empty_positions

__all__ = ["read_ais", "read_ais_many", "guess_mapping", "detect_format", "positions_from_frame",
           "ReadResult", "ParseIssue", "AisFormatError", "Cancelled"]

PathLike = Union[str, Path]
Progress = Optional[Callable[[float], None]]
Cancel = Optional[Callable[[], bool]]

_SAMPLE_BYTES = 64 * 1024
_NMEA_RE = re.compile(r"(^|\\)\s*!?[A-Z]{2}VD[MO],|^\$PGHP,|[!][A-Z]{2}VD[MO],\d")
_DECOMPRESS_ERRORS = (EOFError, zlib.error, OSError, zipfile.BadZipFile, lzma.LZMAError)


class _Counting(io.RawIOBase):
    """Counts the bytes read from the file on disk (for progress)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        n = self.raw.readinto(b)
        self.count += n or 0
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()


class _Guarded(io.RawIOBase):
    """Turns a decompression failure (truncated or corrupt archive) into end of data."""

    def __init__(self, inner: BinaryIO, on_error: Callable[[str], None], closers: list) -> None:
        self.inner = inner
        self._read = getattr(inner, "read1", inner.read)
        self.on_error = on_error
        self.closers = closers
        self.failed = False

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        if self.failed:
            return 0
        try:  # read1: one decompressed block, so data before a truncation is not lost
            data = self._read(len(b))
        except _DECOMPRESS_ERRORS as exc:
            self.failed = True
            self.on_error(str(exc) or type(exc).__name__)
            return 0
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        for c in self.closers:
            c.close()
        super().close()


class Source:
    """One input file; :meth:`open` gives a fresh decompressed binary stream each time."""

    def __init__(self, path: PathLike) -> None:
        self.path = Path(path)
        self.name = self.path.name
        if not self.path.is_file():
            raise AisFormatError(f"{self.path}: no such file")
        with open(self.path, "rb") as fh:
            magic = fh.read(6)
        self.size = self.path.stat().st_size
        if magic[:2] == b"\x1f\x8b":
            self.compression = "gzip"
        elif magic[:4] == b"PK\x03\x04":
            self.compression = "zip"
        elif magic[:3] == b"BZh":
            self.compression = "bz2"
        elif magic[:6] == b"\xfd7zXZ\x00":
            self.compression = "xz"
        elif magic[:4] == b"\x28\xb5\x2f\xfd":
            raise AisFormatError(f"{self.name}: Zstandard-compressed files are not supported; "
                                 "decompress it first (e.g. with `zstd -d`)")
        else:
            self.compression = ""
        self.member: Optional[str] = None
        self.warnings: list[str] = []
        self.errors: list[str] = []
        self._progress: Callable[[], float] = lambda: 0.0
        if self.compression == "zip":
            try:
                with zipfile.ZipFile(self.path) as zf:
                    members = [i for i in zf.infolist() if not i.is_dir()
                               and not i.filename.startswith("__MACOSX/")]
            except zipfile.BadZipFile as exc:
                raise AisFormatError(f"{self.name}: damaged zip archive ({exc})") from exc
            if not members:
                raise AisFormatError(f"{self.name}: the zip archive is empty")
            self.member = members[0].filename
            self.member_size = members[0].file_size
            if len(members) > 1:
                self.warnings.append(
                    f"{self.name}: the archive holds {len(members)} files; only "
                    f"{self.member} was read (read the others separately)")

    def _error(self, message: str) -> None:
        if message not in self.errors:
            self.errors.append(message)

    def open(self) -> BinaryIO:
        self.errors = []
        if self.compression == "zip":
            zf = zipfile.ZipFile(self.path)  # needs a seekable file; progress from the member
            counted = _Counting(zf.open(self.member))  # type: ignore[arg-type]
            total = max(self.member_size, 1)
            self._progress = lambda: counted.count / total
            guarded = _Guarded(counted, self._error, [counted, zf])
        else:
            raw = _Counting(open(self.path, "rb"))  # noqa: SIM115 - closed by the wrapper
            opener = {"gzip": lambda f: gzip.GzipFile(fileobj=f, mode="rb"),
                      "bz2": lambda f: bz2.BZ2File(f), "xz": lambda f: lzma.LZMAFile(f),
                      "": lambda f: f}[self.compression]
            inner = opener(raw)
            self._progress = lambda: raw.count / max(self.size, 1)
            guarded = _Guarded(inner, self._error, [inner, raw])
        return io.BufferedReader(guarded, buffer_size=1 << 20)  # type: ignore[return-value]

    def fraction(self) -> float:
        return min(self._progress(), 1.0)

    def sample(self) -> bytes:
        with self.open() as stream:
            return stream.read(_SAMPLE_BYTES)


def _decode_sample(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of a sample; binary garbage raises AisFormatError."""
    if not data.strip():
        raise AisFormatError(f"{name}: the file is empty")
    control = sum(1 for b in data if b < 9 or 13 < b < 32 and b != 27)
    if b"\x00" in data or control > 0.01 * len(data):
        raise AisFormatError(f"{name}: binary content, not a CSV or NMEA text file "
                             "(or a compression format that is not supported)")
    try:
        return data.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:  # a character cut by the sample boundary
            return data[: exc.start].decode("utf-8-sig"), "utf-8-sig"
        return data.decode("cp1252", errors="replace"), "cp1252"


def _classify(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")][:60]
    if lines:
        nmea = sum(1 for ln in lines if _NMEA_RE.search(ln))
        if nmea and nmea >= 0.3 * len(lines):
            return "nmea"
    return "csv"


def _csv_format(columns: list[str]) -> str:
    norm = {normalise_column_name(c) for c in columns}
    if {"mmsi", "basedatetime", "lat", "lon"} <= norm:
        return "marinecadastre"
    if {"timestamp", "typeofmobile", "mmsi"} <= norm:
        return "dma"
    return "csv"


def _inspect(source: Source) -> tuple[str, str, str]:
    text, encoding = _decode_sample(source.sample(), source.name)
    return _classify(text), text, encoding


def detect_format(path: PathLike) -> str:
    """One of "marinecadastre", "dma", "nmea", "csv" (from content, after decompression)."""
    source = Source(path)
    kind, text, encoding = _inspect(source)
    if kind == "nmea":
        return "nmea"
    return _csv_format(sniff_csv(text, source.name, encoding).columns)


def read_ais(path: PathLike, mapping: Optional[dict[str, str]] = None,
             progress: Progress = None, cancel: Cancel = None) -> ReadResult:
    """Read one AIS file (CSV of any layout or raw NMEA, optionally compressed).

    ``mapping`` (canonical -> source column) overrides the guessed CSV column mapping.
    Raises :class:`AisFormatError` only when nothing can be read.
    """
    source = Source(path)
    kind, text, encoding = _inspect(source)
    if kind == "nmea":
        from .ais_nmea import read_nmea_stream
        result = read_nmea_stream(source.open, source.fraction, source.name, progress, cancel)
    else:
        layout = sniff_csv(text, source.name, encoding)
        fmt = _csv_format(layout.columns)
        result = _read_csv(source, layout, fmt, mapping, progress, cancel)
    result.warnings[:0] = source.warnings
    if source.errors:
        what = {"zip": "zip member", "": "file"}.get(source.compression,
                                                      f"{source.compression} stream")
        for err in source.errors:
            result.issues.insert(0, ParseIssue(
                source.name, None, None,
                f"the {what} is truncated or damaged ({err}); the rows before the damage "
                "were read"))
            result.issue_count += 1
        result.warnings.append(f"{source.name}: the {what} is truncated or damaged; "
                               "only the part before the damage was read.")
    return result


def _read_csv(source: Source, layout: CsvLayout, fmt: str, mapping: Optional[dict[str, str]],
              progress: Progress, cancel: Cancel) -> ReadResult:
    final = guess_mapping(layout.columns)
    if mapping:
        unknown = [v for v in mapping.values() if v and v not in layout.columns]
        if unknown:
            raise AisFormatError(f"{source.name}: the mapping names column(s) not in the file: "
                                 f"{', '.join(unknown)}; the header has {', '.join(layout.columns)}")
        final.update({k: v for k, v in mapping.items() if v})
        final = {k: v for k, v in final.items() if k not in mapping or mapping[k]}
    missing = [c for c in REQUIRED_FIELDS if c not in final]
    if missing:
        raise AisFormatError(
            f"{source.name}: unknown CSV layout: no column found for {', '.join(missing)} "
            f"(header: {', '.join(layout.columns)}); pass a column mapping")
    return read_csv_file(source.open, source.fraction, source.name, layout, final, fmt,
                         progress, cancel)


def read_ais_many(paths: Iterable[PathLike], mapping: Optional[dict[str, str]] = None,
                  progress: Progress = None, cancel: Cancel = None) -> ReadResult:
    """Read several files and concatenate them; a file that cannot be read at all is
    reported as an issue and the others still load (unless none loads)."""
    paths = list(paths)
    frames: list[pd.DataFrame] = []
    log = IssueLog()
    warnings: list[str] = []
    formats: list[str] = []
    errors: list[str] = []
    for i, path in enumerate(paths):
        def sub(p: float, i: int = i) -> None:
            if progress is not None:
                progress((i + p / 100.0) * 100.0 / len(paths))
        try:
            res = read_ais(path, mapping, sub, cancel)
        except AisFormatError as exc:
            log.add(Path(path).name, None, None, str(exc))
            errors.append(str(exc))
            continue
        frames.append(res.positions)
        formats.append(res.format)
        warnings.extend(res.warnings)
        for issue in res.issues:
            log.add(issue.file, issue.line, issue.field, issue.message)
        log.count += res.issue_count - len(res.issues)
    if not frames:
        raise AisFormatError("; ".join(errors) if errors else "no files given")
    if len(frames) == 1:
        positions = frames[0]
    else:
        positions = concat_positions(frames) if sum(map(len, frames)) else empty_positions()
        frames.clear()
    fmt = formats[0] if len(set(formats)) == 1 else "mixed"
    return ReadResult(positions, log.issues, log.count, fmt, warnings)
