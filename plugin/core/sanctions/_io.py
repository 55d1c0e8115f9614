"""Reading list files: gzip is detected by content, text decoded UTF-8 then cp1252."""

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


def read_text(path: PathLike) -> str:
    """The file as text: UTF-8 (BOM removed), else cp1252; a DOS end-of-file Ctrl-Z is dropped."""
    data = read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.rstrip("\x1a\r\n ") + "\n" if text.strip("\x1a\r\n ") else ""
