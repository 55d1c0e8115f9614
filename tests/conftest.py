"""Test set-up shared by every test.

The repository root *is* the plugin folder, so the package ``tanker_watch`` only exists under
that name once the folder is called ``tanker_watch``. We expose it through a symlink in a
throwaway directory put on ``sys.path``, so tests import exactly what QGIS imports.
"""
from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

import pytest

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import REPO, SHARED, TEST_DATA  # noqa: E402


def _expose_package() -> None:
    digest = hashlib.sha1(str(REPO).encode()).hexdigest()[:10]
    root = Path(tempfile.gettempdir()) / f"tanker_watch_pkgroot_{os.getuid()}_{digest}"
    root.mkdir(exist_ok=True)
    link = root / "tanker_watch"
    if link.is_symlink() and Path(os.readlink(link)) != REPO:
        link.unlink()
    if not link.exists():
        link.symlink_to(REPO, target_is_directory=True)
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))


_expose_package()


@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` beside the repository, or skip: a user's clone does not have it."""
    if not SHARED.is_dir():
        pytest.skip(f"reference folder {SHARED} is absent (only the developers' workplace has it)")
    return SHARED


@pytest.fixture
def test_data() -> Path:
    return TEST_DATA
