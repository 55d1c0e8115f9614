"""The QGIS plugin repository's upload rules, checked on a plugin zip.

Used by ``scripts/package.py`` after building and by the tests on broken zips.
"""
from __future__ import annotations

import configparser
import re
import sys
import zipfile
from pathlib import Path

MAX_BYTES = 25 * 1024 * 1024
REQUIRED_METADATA = (
    "name", "description", "about", "version", "qgisMinimumVersion", "author", "email",
    "tracker", "repository", "homepage",
)
URL_FIELDS = ("tracker", "repository", "homepage")
FORBIDDEN_PARTS = ("__pycache__", ".git", "__MACOSX")
BINARY_SUFFIXES = (".pyc", ".pyo", ".so", ".dll", ".dylib", ".pyd", ".exe", ".bin", ".o", ".a",
                   ".class", ".jar", ".msi", ".app")
BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")


def check_zip(path: Path) -> list[str]:
    """Return every broken rule, in plain words (an empty list means the zip is acceptable)."""
    problems: list[str] = []
    path = Path(path)
    if not path.is_file():
        return [f"{path}: no such file"]
    if path.stat().st_size > MAX_BYTES:
        problems.append(f"{path.name} is {path.stat().st_size / 1e6:.1f} MB; the limit is 25 MB")
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        return problems + [f"{path.name} is not a valid zip file ({exc})"]
    with archive:
        names = archive.namelist()
        tops = {name.split("/", 1)[0] for name in names}
        if len(tops) != 1 or any("/" not in n for n in names if not n.endswith("/")):
            problems.append(f"the zip must hold exactly one top folder, found: {sorted(tops)}")
            return problems
        top = tops.pop()
        if not top.isidentifier():
            problems.append(f"top folder '{top}' is not a Python identifier")
        for required in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{top}/{required}" not in names:
                problems.append(f"{top}/{required} is missing")
        for name in names:
            parts = name.rstrip("/").split("/")
            if any(part in FORBIDDEN_PARTS for part in parts):
                problems.append(f"forbidden path in zip: {name}")
            elif name.lower().endswith(BINARY_SUFFIXES):
                problems.append(f"binary or compiled file in zip: {name}")
            elif not name.endswith("/") and archive.read(name)[:4].startswith(BINARY_MAGIC):
                problems.append(f"executable binary in zip: {name}")
        if f"{top}/metadata.txt" in names:
            text = archive.read(f"{top}/metadata.txt").decode("utf-8", errors="replace")
            problems.extend(check_metadata(text))
    return problems


def check_metadata(text: str) -> list[str]:
    """Rules on ``metadata.txt``: required fields present and non-empty, absolute URLs, SemVer."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep the case of keys such as qgisMinimumVersion
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        return [f"metadata.txt cannot be read: {exc}"]
    if not parser.has_section("general"):
        return ["metadata.txt has no [general] section"]
    general = parser["general"]
    problems = [f"metadata.txt: '{key}' is missing or empty"
                for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    for key in URL_FIELDS:
        value = general.get(key, "").strip()
        if value and not re.match(r"^https?://[^\s/]+\.[^\s]+", value):
            problems.append(f"metadata.txt: '{key}' must be an absolute http(s) URL, got '{value}'")
    version = general.get("version", "").strip()
    if version and not SEMVER.match(version):
        problems.append(f"metadata.txt: version '{version}' is not semantic (MAJOR.MINOR.PATCH)")
    if "supportsQt6" in general:
        problems.append("metadata.txt: 'supportsQt6' is deprecated; remove it")
    return problems


if __name__ == "__main__":
    found = check_zip(Path(sys.argv[1]))
    for problem in found:
        print(f"REJECTED: {problem}", file=sys.stderr)
    sys.exit(1 if found else 0)
