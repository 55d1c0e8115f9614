"""The upload-rule validator rejects each kind of broken plugin zip, and accepts a good one."""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from support import REPO

sys.path.insert(0, str(REPO / "scripts"))
from zip_rules import check_metadata, check_zip  # noqa: E402

METADATA = (REPO / "metadata.txt").read_text(encoding="utf-8")
GOOD = {
    "tanker_watch/__init__.py": "def classFactory(iface):\n    pass\n",
    "tanker_watch/metadata.txt": METADATA,
    "tanker_watch/LICENSE": "GPL",
}


def make_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return path


def test_good_zip_passes(tmp_path):
    assert check_zip(make_zip(tmp_path / "ok.zip", GOOD)) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"tanker_watch/plugin/x.pyc": b"\x00"}, "binary or compiled file"),
        ({"tanker_watch/plugin/__pycache__/x.py": ""}, "forbidden path"),
        ({"tanker_watch/.git/config": ""}, "forbidden path"),
        ({"__MACOSX/tanker_watch/._x": ""}, "exactly one top folder"),
        ({"other/__init__.py": ""}, "exactly one top folder"),
        ({"tanker_watch/tool": b"\x7fELF\x02\x01"}, "executable binary"),
        ({"tanker_watch/lib.so": b"x"}, "binary or compiled file"),
    ],
)
def test_broken_zips_are_rejected(tmp_path, change, expected):
    problems = check_zip(make_zip(tmp_path / "bad.zip", {**GOOD, **change}))
    assert any(expected in p for p in problems), problems


def test_missing_license(tmp_path):
    files = {k: v for k, v in GOOD.items() if not k.endswith("LICENSE")}
    assert "tanker_watch/LICENSE is missing" in check_zip(make_zip(tmp_path / "bad.zip", files))


def test_licence_must_be_named_exactly(tmp_path):
    files = {k: v for k, v in GOOD.items() if not k.endswith("LICENSE")}
    files["tanker_watch/LICENSE.txt"] = "GPL"
    assert "tanker_watch/LICENSE is missing" in check_zip(make_zip(tmp_path / "bad.zip", files))


def test_top_folder_must_be_identifier(tmp_path):
    files = {k.replace("tanker_watch/", "tanker-watch/"): v for k, v in GOOD.items()}
    problems = check_zip(make_zip(tmp_path / "bad.zip", files))
    assert any("not a Python identifier" in p for p in problems)


def test_too_large(tmp_path):
    import os

    files = dict(GOOD)
    files["tanker_watch/resources/blob.dat"] = os.urandom(26 * 1024 * 1024)
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    assert any("limit is 25 MB" in p for p in check_zip(path))


def test_not_a_zip(tmp_path):
    path = tmp_path / "x.zip"
    path.write_bytes(b"garbage")
    assert "not a valid zip" in check_zip(path)[0]


def test_metadata_rules():
    assert check_metadata(METADATA) == []
    broken = METADATA.replace("tracker=https://", "tracker=").replace("email=", "x_email=")
    problems = check_metadata(broken)
    assert any("'email' is missing" in p for p in problems)
    assert any("'tracker' must be an absolute" in p for p in problems)
    assert any("not semantic" in p for p in check_metadata(METADATA.replace("version=0.1.0", "version=1.0")))
    assert any("supportsQt6" in p for p in check_metadata(METADATA + "supportsQt6=True\n"))


def test_project_metadata_fields():
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(METADATA)
    general = parser["general"]
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"
    assert general["hasProcessingProvider"] == "yes"
    assert general["experimental"] == "True"
    assert (REPO / general["icon"]).is_file()
    for word in ("estimate", "public domain", "CC BY-NC"):
        assert word.lower() in general["about"].lower()
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert general["version"] in changelog
