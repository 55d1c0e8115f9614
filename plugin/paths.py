"""Where the plugin's files live (icons, styles, bundled data, translations)."""
from __future__ import annotations

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parents[1]
RESOURCES = PLUGIN_DIR / "resources"
ICON = RESOURCES / "icons" / "tanker_watch.svg"
I18N = PLUGIN_DIR / "i18n"
