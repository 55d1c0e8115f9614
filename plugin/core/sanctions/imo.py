"""IMO ship numbers: normalisation and the check-digit test.

An IMO ship number has seven digits; the last is the check digit, equal to the sum of the
first six digits weighted 7, 6, 5, 4, 3, 2, modulo 10 (SOLAS XI-1/3, IMO Res. A.1117(30)).
Lists and AIS write it in many ways (``IMO 1234567``, ``IMO1234567``, ``IMO: 1234567``,
``1234567``, ``8660313.0``); :func:`normalise_imo` reduces them all to the seven digits.
A number that fails the check digit is kept as text and flagged, never dropped: lists do
contain typos, and a typo is exactly what an analyst needs to see.
"""

from __future__ import annotations

import math
import re
from typing import Optional

_WEIGHTS = (7, 6, 5, 4, 3, 2)
_PREFIX = re.compile(r"^\s*IMO\s*(?:NO\.?|NUMBER)?\s*[:#.]?\s*", re.IGNORECASE)
_FLOAT_ZERO = re.compile(r"^(\d+)\.0*$")


def normalise_imo(value: object) -> Optional[str]:
    """Return the IMO number in ``value`` as a digit string, or None when there is none.

    Accepts ints, floats (``8660313.0``) and strings with an ``IMO`` prefix, spaces or a
    colon. The result is not checked: use :func:`imo_is_valid`. Strings with no digits
    (``"Does not exist"``, ``"-0-"``, ``""``) and zero give None.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if math.isnan(value) or value <= 0 or not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int):
        return str(value) if value > 0 else None
    text = str(value).strip()
    if not text or text.lower() in {"nan", "none", "null", "-0-"}:
        return None
    text = _PREFIX.sub("", text)
    float_zero = _FLOAT_ZERO.match(text)
    if float_zero:
        text = float_zero.group(1)
    digits = re.sub(r"[\s\-]", "", text)
    if not digits or not digits.isdigit():
        return None
    if not digits.strip("0"):
        return None
    return digits


def imo_is_valid(imo: Optional[str]) -> bool:
    """True when ``imo`` is seven digits whose last one is the IMO check digit."""
    if imo is None or len(imo) != 7 or not imo.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(imo[:6], _WEIGHTS))
    return total % 10 == int(imo[6])


def parse_imo(value: object) -> tuple[Optional[str], Optional[bool]]:
    """Normalise ``value`` and test it: ``(imo, valid)``; ``(None, None)`` when absent."""
    imo = normalise_imo(value)
    if imo is None:
        return None, None
    return imo, imo_is_valid(imo)


def one_digit_variants(imo: str) -> list[str]:
    """Every string that differs from ``imo`` in exactly one digit (same length)."""
    out = []
    for i, ch in enumerate(imo):
        for d in "0123456789":
            if d != ch:
                out.append(imo[:i] + d + imo[i + 1 :])
    return out
