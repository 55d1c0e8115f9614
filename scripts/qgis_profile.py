"""Install, remove or dev-link the plugin in a QGIS user profile.

The profile root is ``$QGIS_CUSTOM_CONFIG_PATH`` when set (as QGIS itself does), else
``~/.local/share/QGIS/QGIS3``; the profile is ``$QGIS_PROFILE`` or ``default``. Installing
also enables the plugin in the profile's ``QGIS/QGIS3.ini`` so QGIS and qgis_process load it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

PLUGIN = "tanker_watch"


def profile_dir() -> Path:
    root = os.environ.get("QGIS_CUSTOM_CONFIG_PATH") or str(Path.home() / ".local/share/QGIS/QGIS3")
    return Path(root) / "profiles" / os.environ.get("QGIS_PROFILE", "default")


def plugins_dir() -> Path:
    return profile_dir() / "python" / "plugins"


def set_enabled(enabled: bool) -> None:
    """Write ``[PythonPlugins] tanker_watch=true|false`` with Qt's own INI writer."""
    from qgis.PyQt.QtCore import QSettings

    ini = profile_dir() / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue(f"PythonPlugins/{PLUGIN}", enabled)
    settings.sync()


def _remove_existing(target: Path) -> None:
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.is_dir():
        shutil.rmtree(target)


def install(zip_path: Path) -> Path:
    target = plugins_dir() / PLUGIN
    target.parent.mkdir(parents=True, exist_ok=True)
    # Unpack beside the target first, so a broken zip never leaves a half-installed plugin.
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(tmp)  # nosec B202 - our own zip, validated by make package
        _remove_existing(target)
        Path(tmp, PLUGIN).rename(target)
    set_enabled(True)
    return target


def dev_link(source: Path) -> Path:
    target = plugins_dir() / PLUGIN
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_existing(target)
    target.symlink_to(source.resolve(), target_is_directory=True)
    set_enabled(True)
    return target


def uninstall() -> Path:
    target = plugins_dir() / PLUGIN
    _remove_existing(target)
    if (profile_dir() / "QGIS" / "QGIS3.ini").exists():
        set_enabled(False)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("install").add_argument("zip", type=Path)
    sub.add_parser("dev-link").add_argument("source", type=Path)
    sub.add_parser("uninstall")
    args = parser.parse_args()
    if args.command == "install":
        print(f"Installed into {install(args.zip)} (enabled)")
    elif args.command == "dev-link":
        print(f"Linked {dev_link(args.source)} -> {args.source.resolve()} (enabled)")
    else:
        print(f"Removed {uninstall()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
