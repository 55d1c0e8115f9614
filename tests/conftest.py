"""Test set-up shared by every test.

The repository root *is* the plugin folder, so the package ``tanker_watch`` only exists under
that name once the folder is called ``tanker_watch``. We expose it through a symlink in a
throwaway directory put on ``sys.path``, so tests import exactly what QGIS imports.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import REPO, SHARED, TEST_DATA  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from pkgroot import expose_package  # noqa: E402

expose_package(REPO)


@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` beside the repository, or skip: a user's clone does not have it."""
    if not SHARED.is_dir():
        pytest.skip(f"reference folder {SHARED} is absent (only the developers' workplace has it)")
    return SHARED


@pytest.fixture
def test_data() -> Path:
    return TEST_DATA
