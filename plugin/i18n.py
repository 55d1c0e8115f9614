"""Installing the plugin's Qt translator for the QGIS user interface language."""
from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .paths import I18N


def ui_language() -> str:
    """Two-letter language code of the QGIS user interface (e.g. ``"ko"``)."""
    settings = QgsSettings()
    locale = ""
    if str(settings.value("locale/overrideFlag", False)).lower() in ("true", "1"):
        locale = str(settings.value("locale/userLocale", "") or "")
    if not locale:
        locale = QLocale.system().name()
    return locale[:2]


def install_translator() -> QTranslator | None:
    """Load ``i18n/tanker_watch_<lang>.qm`` if it exists; return the translator to remove later."""
    qm = I18N / f"tanker_watch_{ui_language()}.qm"
    if not qm.is_file():
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
