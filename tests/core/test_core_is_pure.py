"""plugin/core must never import qgis or Qt: users reuse it in notebooks and scripts."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from support import REPO


def test_every_core_module_imports_without_qgis(tmp_path):
    script = textwrap.dedent(
        f"""
        import importlib, pkgutil, sys
        # Any attempt to import qgis or Qt now raises ImportError.
        for name in ("qgis", "PyQt5", "PyQt6", "sip"):
            sys.modules[name] = None
        sys.path.insert(0, {str(tmp_path)!r})
        import tanker_watch.plugin.core as core
        names = [m.name for m in pkgutil.walk_packages(core.__path__, core.__name__ + ".")]
        for name in names:
            importlib.import_module(name)
        leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("qgis", "PyQt5", "PyQt6")
                        and sys.modules[m] is not None)
        assert not leaked, leaked
        print(len(names))
        """
    )
    (tmp_path / "tanker_watch").symlink_to(REPO, target_is_directory=True)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 1  # the schema module at least


def test_blocking_really_blocks(tmp_path):
    """The check above would pass vacuously if blocking qgis did not work."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys; sys.modules['qgis'] = None; import qgis.core"],
        capture_output=True, text=True,
    )
    assert done.returncode != 0 and "ModuleNotFoundError" in done.stderr
