"""Raw NMEA 0183 AIS logs (``!AIVDM``/``!AIVDO``/``!BSVDM``...) decoded with pyais.

Timestamps come from, in order: an NMEA 4 tag block ``c:`` field, a USCG trailing unix
time (``...,0*70,b003669794,1272412827``), or a preceding Danish ``$PGHP`` line.
Static messages (types 5, 24, and the static part of 19) are merged into the positions
of the same MMSI by :func:`ais_csv.merge_static`.
"""
from __future__ import annotations

import calendar
import io
import re
from datetime import datetime, timezone
from typing import BinaryIO, Callable, Optional

import numpy as np
import pandas as pd

from .ais_csv import POSITION_MSG_TYPES, finalize
from .errors import AisFormatError, Cancelled, IssueLog, ReadResult

try:
    from pyais import decode as _pyais_decode
except ImportError:  # pragma: no cover - pyais is a declared dependency
    _pyais_decode = None

_UNIX_MIN, _UNIX_MAX = 315_532_800, 4_102_444_800  # 1980 .. 2100
_TAG_RE = re.compile(r"^\\([^\\]*)\\")
_CHECK_EVERY = 20_000
_MAX_PENDING = 1000  # open multi-part messages before the oldest is declared orphaned


def _checksum_ok(body: str, given: str) -> bool:
    value = 0
    for ch in body:
        value ^= ord(ch)
    try:
        return value == int(given, 16)
    except ValueError:
        return False


def _unix(value: str) -> Optional[int]:
    """Unix time (s or ms) -> integer milliseconds, None if implausible."""
    try:
        t = float(value)
    except ValueError:
        return None
    if t > 1e11:  # already milliseconds
        t /= 1000.0
    return int(round(t * 1000)) if _UNIX_MIN <= t <= _UNIX_MAX else None


def _trailer_time(trailer: str) -> Optional[int]:
    """Last integer field after the checksum that looks like a unix time (USCG style)."""
    for fld in reversed(trailer.split(",")):
        fld = fld.strip()
        if fld.isdigit():
            t = _unix(fld)
            if t is not None:
                return t
    return None


def _pghp_time(line: str) -> Optional[int]:
    """``$PGHP,1,YYYY,M,D,h,m,s,ms,...`` -> integer unix milliseconds."""
    parts = line.split("*")[0].split(",")
    try:
        y, mo, d, h, mi, s, ms = (int(p) for p in parts[2:9])
        whole = datetime(y, mo, d, h, mi, s, tzinfo=timezone.utc)
    except (ValueError, IndexError):
        return None
    return calendar.timegm(whole.timetuple()) * 1000 + ms


def _text(value: object) -> Optional[str]:
    if not isinstance(value, str):
        return None
    value = value.replace("@", " ").strip()
    return value or None


class _Collector:
    """Column lists of decoded reports (positions and static rows)."""

    COLS = ("mmsi", "time", "lat", "lon", "sog", "cog", "heading", "nav_status",
            "draught", "imo", "name", "ship_type", "_static", "_line")

    def __init__(self) -> None:
        self.data: dict[str, list] = {c: [] for c in self.COLS}
        self.other_types = 0

    def add(self, msg: object, t: Optional[int], line: int) -> None:
        mtype = msg.msg_type  # type: ignore[attr-defined]
        g = msg.__getattribute__
        row: dict[str, object]
        if mtype in POSITION_MSG_TYPES:
            sog, cog = g("speed"), g("course")
            heading = g("heading") if mtype != 27 else None
            if mtype == 27:  # long-range: 63 kn and 511 deg are "not available"
                sog = None if sog == 63 else sog
                cog = None if cog == 511 else cog
            status = g("status") if mtype in (1, 2, 3, 27) else None
            row = {"lat": g("lat"), "lon": g("lon"), "sog": sog, "cog": cog, "heading": heading,
                   "nav_status": int(status) if status is not None else None, "_static": False}
            if mtype == 19:
                row.update(name=_text(g("shipname")), ship_type=int(g("ship_type")))
        elif mtype == 5:
            imo = g("imo")
            row = {"name": _text(g("shipname")), "imo": str(imo) if imo is not None else None,
                   "ship_type": int(g("ship_type")), "draught": g("draught"), "_static": True}
        elif mtype == 24:
            if g("partno") == 0:
                row = {"name": _text(g("shipname")), "_static": True}
            else:
                row = {"ship_type": int(g("ship_type")), "_static": True}
        else:
            self.other_types += 1
            return
        row["mmsi"] = f"{int(g('mmsi')):09d}"
        row["time"] = t
        row["_line"] = line
        for c in self.COLS:
            self.data[c].append(row.get(c))

    def frame(self) -> pd.DataFrame:
        d = self.data
        frame = pd.DataFrame({
            "mmsi": pd.Series(d["mmsi"], dtype=object),
            "time": pd.to_datetime(pd.Series(d["time"], dtype="Int64"), unit="ms", utc=True),
            **{c: pd.Series(d[c], dtype="float64") for c in
               ("lat", "lon", "sog", "cog", "heading", "draught")},
            "nav_status": pd.Series(d["nav_status"], dtype=object),
            "ship_type": pd.Series(d["ship_type"], dtype=object),
            "imo": pd.Series(d["imo"], dtype=object),
            "name": pd.Series(d["name"], dtype=object),
            "_static": np.asarray(d["_static"], dtype=bool),
            "_line": np.asarray(d["_line"], dtype="int64"),
        })
        # type 5/24/19 without a position have NaN lat/lon by construction
        return frame


def read_nmea_stream(open_stream: Callable[[], BinaryIO], fraction: Callable[[], float],
                     file: str, progress: Optional[Callable[[float], None]] = None,
                     cancel: Optional[Callable[[], bool]] = None) -> ReadResult:
    """Decode a whole NMEA log; bad sentences are reported, never fatal."""
    if _pyais_decode is None:  # pragma: no cover
        raise AisFormatError(f"{file}: reading NMEA needs the Python package 'pyais'")
    log = IssueLog()
    out = _Collector()
    pending: dict[tuple, dict] = {}  # multi-part messages being assembled
    pghp_time: Optional[int] = None
    bad_checksums = orphans = undecodable = 0
    sentences = 0

    def orphan(entry: dict, why: str) -> None:
        nonlocal orphans
        for num in sorted(entry["parts"]):
            orphans += 1
            log.add(file, entry["parts"][num][1], None,
                    f"orphaned fragment {num} of a {entry['total']}-part message ({why})")

    def emit(sentence_list: list[str], t: Optional[int], line: int) -> None:
        nonlocal undecodable
        try:
            msg = _pyais_decode(*sentence_list)
            out.add(msg, t, line)
        except Exception as exc:  # noqa: BLE001 - pyais raises many kinds on bad payloads
            undecodable += 1
            log.add(file, line, None, f"cannot decode AIS payload: {exc}")

    with open_stream() as stream:
        text = io.TextIOWrapper(stream, encoding="ascii", errors="replace", newline=None)
        for lineno, raw in enumerate(text, start=1):
            if lineno % _CHECK_EVERY == 0:
                if cancel is not None and cancel():
                    raise Cancelled(f"reading {file} was cancelled")
                if progress is not None:
                    progress(min(99.0, 100.0 * fraction()))
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("$PGHP"):
                pghp_time = _pghp_time(line)
                if pghp_time is None:
                    log.add(file, lineno, "time", "unreadable $PGHP timestamp line")
                continue
            tags: dict[str, str] = {}
            m = _TAG_RE.match(line)
            if m:
                for item in m.group(1).split("*")[0].split(","):
                    key, _, value = item.partition(":")
                    tags[key] = value
                line = line[m.end():]
            start = line.find("!")
            if start < 0:
                if line.startswith("$"):
                    continue  # other NMEA sentences (GPS etc.) are not AIS
                log.add(file, lineno, None, "not an AIS sentence")
                continue
            sentence = line[start:]
            star = sentence.find("*")
            if star < 0:
                log.add(file, lineno, None, "AIS sentence without checksum")
                continue
            body, given, trailer = sentence[1:star], sentence[star + 1:star + 3], sentence[star + 3:]
            sentences += 1
            if not _checksum_ok(body, given):
                bad_checksums += 1
                log.add(file, lineno, None, "bad NMEA checksum; sentence skipped")
                continue
            fields = body.split(",")
            if len(fields) < 7 or not fields[0].endswith(("VDM", "VDO")):
                log.add(file, lineno, None, "not a VDM/VDO sentence")
                continue
            if not fields[5]:
                log.add(file, lineno, None, "empty AIS payload")
                continue
            t = _unix(tags["c"]) if "c" in tags else None
            if t is None and trailer:
                t = _trailer_time(trailer)
            if t is None and pghp_time is not None:
                t = pghp_time
            clean = sentence[: star + 3]
            try:
                total, num = int(fields[1]), int(fields[2])
            except ValueError:
                log.add(file, lineno, None, "bad fragment count/number")
                continue
            if total == 1:
                pghp_time = None
                emit([clean], t, lineno)
                continue
            group = tags.get("g", "")
            key = (("g", group.split("-")[-1]) if group
                   else ("s", fields[3], fields[4], total))
            entry = pending.get(key)
            if num == 1:
                pghp_time = None
                if entry is not None:
                    orphan(pending.pop(key), "the next message started before it was complete")
                pending[key] = {"total": total, "parts": {1: (clean, lineno)}, "time": t}
                if len(pending) > _MAX_PENDING:
                    oldest = next(iter(pending))
                    orphan(pending.pop(oldest), "never completed")
                continue
            if entry is None or entry["total"] != total or num in entry["parts"] \
                    or num - 1 not in entry["parts"]:
                orphans += 1
                log.add(file, lineno, None,
                        f"orphaned fragment {num} of a {total}-part message (no earlier parts)")
                continue
            entry["parts"][num] = (clean, lineno)
            if entry["time"] is None:
                entry["time"] = t
            if len(entry["parts"]) == total:
                del pending[key]
                parts = [entry["parts"][i][0] for i in range(1, total + 1)]
                emit(parts, entry["time"], entry["parts"][1][1])
    for entry in list(pending.values()):
        orphan(entry, "the log ended before it was complete")
    if sentences == 0:
        raise AisFormatError(f"{file}: no AIS sentences found")
    frame = out.frame()
    positions = finalize([frame], file)
    if positions.empty and not (~frame["_static"]).any() and log.count:
        raise AisFormatError(f"{file}: no AIS position could be decoded "
                             f"({log.count} problems, e.g. {log.issues[0] if log.issues else ''})")
    warnings: list[str] = []
    n_pos = len(positions)
    missing_t = int(positions["time"].isna().sum())
    if n_pos and missing_t == n_pos:
        warnings.append(f"{file}: the log has no timestamps ({missing_t} positions without time); "
                        "positions can be mapped but no tracks, trips or gaps can be made.")
    elif missing_t:
        warnings.append(f"{file}: {missing_t} positions have no timestamp.")
    if bad_checksums:
        warnings.append(f"{file}: {bad_checksums} sentences with a bad checksum were skipped.")
    if orphans:
        warnings.append(f"{file}: {orphans} fragments of multi-part messages were incomplete.")
    if undecodable:
        warnings.append(f"{file}: {undecodable} messages could not be decoded.")
    if out.other_types:
        warnings.append(f"{file}: {out.other_types} messages of types other than position "
                        "(1-3, 18, 19, 27) and static data (5, 24) were ignored.")
    if progress is not None:
        progress(100.0)
    return ReadResult(positions, log.issues, log.count, "nmea", warnings)
