"""Reading small text files: gzip detected by content, UTF-8 then cp1252, DOS Ctrl-Z dropped."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Union

PathLike = Union[str, Path]


def read_bytes(path: PathLike) -> bytes:
    """The file's bytes, gunzipped when it is a gzip file (whatever its name)."""
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise ValueError(f"{path}: damaged gzip file ({exc})") from exc
    return data


def decode_text(data: bytes) -> str:
    """Bytes as text: UTF-8 (BOM removed), else cp1252; a DOS end-of-file Ctrl-Z is dropped.

    Line ends are left as they are (a csv reader or json parser handles them).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    end = len(text.rstrip("\x1a\r\n "))
    if not end:
        return ""
    return text[:end] + text[end:].replace("\x1a", "")


def read_text(path: PathLike) -> str:
    """The file as text (see :func:`read_bytes` and :func:`decode_text`)."""
    return decode_text(read_bytes(path))
