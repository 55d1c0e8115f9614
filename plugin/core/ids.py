"""Vessel identifiers: IMO numbers and MMSIs, normalised the same way everywhere.

An IMO ship number has seven digits; the last is the check digit, equal to the sum of the
first six digits weighted 7, 6, 5, 4, 3, 2, modulo 10 (SOLAS XI-1/3, IMO Res. A.1117(30)).
Lists and AIS write it in many ways (``IMO 1234567``, ``IMO1234567``, ``IMO: 1234567``,
``1234567``, ``8660313.0``); :func:`normalise_imo` reduces them all to the digits.
An MMSI has nine digits; numeric exports write it as ``445000000.0`` or ``4.45e8``.
"""

from __future__ import annotations

import math
import re
from typing import Optional

import numpy as np
import pandas as pd

IMO_WEIGHTS = (7, 6, 5, 4, 3, 2)
_IMO_PREFIX = re.compile(r"^\s*IMO\s*(?:NO\.?|NUMBER)?\s*[:#.]?\s*", re.IGNORECASE)
_MMSI_PREFIX = re.compile(r"^\s*MMSI\s*[:#.]?\s*", re.IGNORECASE)
_NULL_TEXT = frozenset({"nan", "none", "null", "-0-", "na", "n/a", "-"})


def id_digits(value: object) -> Optional[str]:
    """The non-negative integer in ``value`` as digits; None when empty or a null token.

    Accepts ints, integral floats and strings such as ``"445000000"``, ``"445000000.0"``
    or ``"4.45e8"``; digit strings keep their leading zeros. Raises ValueError otherwise.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return None
        if value < 0 or not float(value).is_integer():
            raise ValueError(f"not a whole number: {value!r}")
        return str(int(value))
    if isinstance(value, (int, np.integer)):
        if value < 0:
            raise ValueError(f"negative: {value!r}")
        return str(int(value))
    text = str(value).strip()
    if not text or text.lower() in _NULL_TEXT:
        return None
    if text.isdigit():
        return text
    num = float(text)  # raises ValueError for anything that is not a number
    if not math.isfinite(num) or num < 0 or not num.is_integer():
        raise ValueError(f"not a whole number: {text!r}")
    return str(int(num))


def normalise_imo(value: object) -> Optional[str]:
    """Return the IMO number in ``value`` as a digit string, or None when there is none.

    Accepts ints, floats (``8660313.0``) and strings with an ``IMO`` prefix, spaces, dashes
    or a colon. The result is not checked: use :func:`imo_is_valid`. Values with no number
    (``"Does not exist"``, ``"-0-"``, ``""``) and zero give None.
    """
    if isinstance(value, str):
        value = re.sub(r"[\s\-]", "", _IMO_PREFIX.sub("", value)) or None
    try:
        digits = id_digits(value)
    except ValueError:
        return None
    if digits is None or not digits.strip("0"):
        return None
    return digits


def imo_is_valid(imo: Optional[str]) -> bool:
    """True when ``imo`` is seven digits whose last one is the IMO check digit."""
    if imo is None or len(imo) != 7 or not imo.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(imo[:6], IMO_WEIGHTS))
    return total % 10 == int(imo[6])


def parse_imo(value: object) -> tuple[Optional[str], Optional[bool]]:
    """Normalise ``value`` and test it: ``(imo, valid)``; ``(None, None)`` when absent."""
    imo = normalise_imo(value)
    if imo is None:
        return None, None
    return imo, imo_is_valid(imo)


def imo_check_ok(imo: pd.Series) -> np.ndarray:
    """Vectorised :func:`imo_is_valid`: True where ``imo`` (strings) passes the check digit."""
    s = imo.astype(object).where(imo.notna(), "").astype(str)
    ok = s.str.fullmatch(r"\d{7}").to_numpy(dtype=bool)
    digits = np.zeros((len(s), 7), dtype=np.int64)
    if ok.any():
        arr = np.frombuffer("".join(s[ok]).encode("ascii"), dtype=np.uint8).reshape(-1, 7) - 48
        digits[ok] = arr
    weighted = (digits[:, :6] * np.array(IMO_WEIGHTS)).sum(axis=1) % 10
    return ok & (weighted == digits[:, 6])


def normalise_mmsi(value: object) -> Optional[str]:
    """MMSI as a 9-digit string (``273340060``); None for anything else.

    Not padded: ``45000001`` may be a group MMSI that lost its zero or a typo, and ship
    MMSIs (2xx-7xx) never start with zero, so guessing would only invent identities.
    """
    if isinstance(value, str):
        value = _MMSI_PREFIX.sub("", value).replace(" ", "")
    try:
        digits = id_digits(value)
    except ValueError:
        return None
    if digits is None or len(digits) != 9 or not digits.strip("0"):
        return None
    return digits
