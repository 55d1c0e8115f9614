"""Reading list files: re-exports :mod:`..textio` for the list parsers."""

from __future__ import annotations

from ..textio import PathLike, read_bytes, read_text

__all__ = ["PathLike", "read_bytes", "read_text"]
