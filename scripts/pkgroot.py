"""Make a checkout importable as the package ``tanker_watch`` (the name QGIS gives the plugin folder).

The repository root *is* the plugin folder, so its folder name is not ``tanker_watch``; a symlink
with that name in a per-user, per-checkout temporary folder is put on ``sys.path`` instead.
Used by the tests, the demo and the screenshot script.
"""
from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def expose_package(repo: Path = REPO) -> Path:
    """Put ``<tmp>/tanker_watch_pkgroot_<uid>_<hash>/tanker_watch -> repo`` on ``sys.path``; return the root."""
    digest = hashlib.sha1(str(repo).encode()).hexdigest()[:10]  # nosec B324 - a folder name, not security
    root = Path(tempfile.gettempdir()) / f"tanker_watch_pkgroot_{os.getuid()}_{digest}"
    root.mkdir(exist_ok=True)
    link = root / "tanker_watch"
    if link.is_symlink() and Path(os.readlink(link)) != repo:
        link.unlink()
    if not link.exists():
        link.symlink_to(repo, target_is_directory=True)
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return root
