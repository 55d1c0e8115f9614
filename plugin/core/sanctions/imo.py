"""IMO ship numbers for sanctions matching; normalisation lives in :mod:`..ids`.

A number that fails the check digit is kept as text and flagged, never dropped: lists do
contain typos, and a typo is exactly what an analyst needs to see.
"""

from __future__ import annotations

from ..ids import imo_is_valid, normalise_imo, parse_imo

__all__ = ["imo_is_valid", "normalise_imo", "one_digit_variants", "parse_imo"]


def one_digit_variants(imo: str) -> list[str]:
    """Every string that differs from ``imo`` in exactly one digit (same length)."""
    out = []
    for i, ch in enumerate(imo):
        for d in "0123456789":
            if d != ch:
                out.append(imo[:i] + d + imo[i + 1 :])
    return out
