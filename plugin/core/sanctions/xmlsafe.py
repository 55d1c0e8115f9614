"""Safe XML parsing for downloaded lists.

Downloaded XML is untrusted. Entity expansion ("billion laughs") and external entities
(XXE: reading local files or URLs through ``<!ENTITY x SYSTEM "file:///...">``) both need a
document type declaration, and no sanctions list uses one. So a document with
``<!DOCTYPE`` or ``<!ENTITY`` is refused outright, with ``defusedxml`` when it is installed
(``forbid_dtd=True``) and otherwise by a scan before the standard-library parser runs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # nosec B405
from typing import Optional

try:  # optional dependency; the standard-library path below is just as strict
    from defusedxml import DefusedXmlException as _DefusedError  # type: ignore[import-not-found]
    from defusedxml import ElementTree as _DefusedTree  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the machine
    _DefusedTree = None
    _DefusedError = None

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class XMLSecurityError(ValueError):
    """The document declares a DTD or entities and was refused unparsed."""


class XMLFormatError(ValueError):
    """The document is not well-formed XML."""


def _as_scannable(data: bytes) -> bytes:
    """Bytes in an ASCII-compatible encoding, so the DTD scan cannot be dodged by UTF-16/32."""
    head = data[:4]
    for bom, enc in (
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"\xff\xfe", "utf-16-le"),
    ):
        if head.startswith(bom):
            return data.decode(enc, errors="replace").encode("utf-8")
    if b"\x00" in data[:4]:
        for enc in ("utf-16-be", "utf-16-le", "utf-32-be", "utf-32-le"):
            try:
                return data.decode(enc).encode("utf-8")
            except UnicodeDecodeError:
                continue
    return data


def parse_xml(data: bytes, source: str = "XML document") -> ET.Element:
    """Parse ``data`` and return the root element.

    Raises :class:`XMLSecurityError` for documents with a DTD or entity declarations and
    :class:`XMLFormatError` (naming ``source``, line and column) for malformed XML.
    """
    if _DTD.search(_as_scannable(data)):
        raise XMLSecurityError(
            f"{source}: refused: the document declares a DTD or entities (<!DOCTYPE>/<!ENTITY>). "
            "Sanctions lists never do; such documents can expand to gigabytes ('billion laughs') "
            "or read local files (external entities), so they are not processed."
        )
    try:
        if _DefusedTree is not None:
            return _DefusedTree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        return ET.fromstring(data, parser=ET.XMLParser())  # nosec B314
    except ET.ParseError as exc:
        line, col = getattr(exc, "position", (None, None))
        where = f" at line {line}, column {col}" if line is not None else ""
        raise XMLFormatError(f"{source}: not well-formed XML{where} ({exc})") from exc
    except Exception as exc:  # defusedxml's own refusals
        if _DefusedError is not None and isinstance(exc, _DefusedError):
            raise XMLSecurityError(f"{source}: refused unsafe XML construct ({exc})") from exc
        raise


def local(tag: str) -> str:
    """Tag name without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1]


def child(elem: ET.Element, name: str) -> Optional[ET.Element]:
    """First direct child whose local name is ``name``, whatever its namespace."""
    for c in elem:
        if local(c.tag) == name:
            return c
    return None


def children(elem: Optional[ET.Element], name: str) -> list[ET.Element]:
    """Direct children whose local name is ``name``."""
    if elem is None:
        return []
    return [c for c in elem if local(c.tag) == name]


def text(elem: Optional[ET.Element], name: Optional[str] = None) -> Optional[str]:
    """Stripped text of ``elem`` (or of its child ``name``); None when empty or missing."""
    if elem is not None and name is not None:
        elem = child(elem, name)
    if elem is None or elem.text is None:
        return None
    value = elem.text.strip()
    return value or None
