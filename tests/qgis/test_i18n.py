"""The dock in Korean and Russian: complete .ts files, compiled and installed like QGIS does."""
from __future__ import annotations

import os
import shutil
import subprocess  # nosec B404 - runs lrelease on our own files
import xml.etree.ElementTree as ET  # nosec B405 - our own tracked files

import pytest
from qgis.core import QgsSettings
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QPushButton

from support import REPO
from tanker_watch.plugin.gui.dock import TankerWatchDock
from tanker_watch.plugin.i18n import install_translator, remove_translator

LRELEASE = next((p for p in ("/usr/lib/qt5/bin/lrelease", "/usr/lib/x86_64-linux-gnu/qt5/bin/lrelease",
                             "/usr/lib/aarch64-linux-gnu/qt5/bin/lrelease", shutil.which("lrelease")) if p
                 and os.path.exists(p)), None)


def compiled(lang: str):
    ts = REPO / "i18n" / f"tanker_watch_{lang}.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        if LRELEASE is None:
            pytest.skip("lrelease (qttools5-dev-tools) is not installed and the .qm is missing or stale")
        subprocess.run([LRELEASE, "-silent", str(ts), "-qm", str(qm)], check=True)  # nosec B603
    return qm


@pytest.fixture
def ui_locale(qgis_app):
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    installed = []

    def use(lang: str):
        compiled(lang)
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", lang)
        translator = install_translator()
        assert translator is not None, f"no translator installed for {lang}"
        installed.append(translator)
        return translator

    yield use
    for translator in installed:
        remove_translator(translator)
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


@pytest.mark.parametrize("lang", ["ko", "ru"])
def test_every_message_is_translated(lang):
    root = ET.parse(REPO / "i18n" / f"tanker_watch_{lang}.ts").getroot()  # nosec B314
    messages = list(root.iter("message"))
    assert len(messages) > 100
    untranslated = [m.find("source").text for m in messages
                    if not (m.find("translation").text or "").strip()
                    or m.find("translation").get("type") in ("unfinished", "obsolete")]
    assert untranslated == []


def titles(dock) -> set[str]:
    return {box.title() for box in dock.findChildren(QgsCollapsibleGroupBox)}


def test_dock_in_korean(ui_locale):
    ui_locale("ko")
    dock = TankerWatchDock()
    try:
        assert {"데이터", "지역", "기간 및 필터", "가정", "결과"} <= titles(dock)
        buttons = {button.text() for button in dock.findChildren(QPushButton)}
        assert {"데모 데이터 불러오기", "다각형 그리기", "불러오기"} <= buttons
        assert dock.tankers_only.text() == "유조선만"
        assert dock.sanctioned_only.text() == "제재 대상 선박만"
        model = dock.trip_model
        headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
        assert "적재 상태" in headers and "운항" in headers
    finally:
        dock.deleteLater()


def test_dock_in_russian(ui_locale):
    ui_locale("ru")
    dock = TankerWatchDock()
    try:
        assert {"Данные", "Район", "Период и фильтры", "Допущения", "Результаты"} <= titles(dock)
        assert dock.tankers_only.text() == "Только танкеры"
        assert dock.sanctioned_only.text() == "Только санкционные суда"
    finally:
        dock.deleteLater()


def test_ts_files_cover_every_string_in_the_sources(tmp_path):
    """pylupdate5 over today's sources finds nothing the committed .ts files lack."""
    pylupdate = shutil.which("pylupdate5")
    if pylupdate is None:
        pytest.skip("pylupdate5 (pyqt5-dev-tools) is not installed")
    sources = sorted(str(p) for p in (REPO / "plugin").rglob("*.py")) + [str(REPO / "__init__.py")]
    fresh = tmp_path / "fresh.ts"
    subprocess.run([pylupdate, "-noobsolete", *sources, "-ts", str(fresh)], check=True,  # nosec B603
                   capture_output=True)
    wanted = {(ctx.find("name").text, m.find("source").text)
              for ctx in ET.parse(fresh).getroot().iter("context") for m in ctx.iter("message")}  # nosec B314
    for lang in ("ko", "ru"):
        root = ET.parse(REPO / "i18n" / f"tanker_watch_{lang}.ts").getroot()  # nosec B314
        have = {(ctx.find("name").text, m.find("source").text) for ctx in root.iter("context")
                for m in ctx.iter("message") if (m.find("translation").text or "").strip()}
        assert sorted(wanted - have) == [], f"run `make translations` and translate ({lang})"


def test_processing_names_in_korean(ui_locale, provider):
    ui_locale("ko")
    names = {a.name(): a.displayName() for a in provider.algorithms()}
    groups = {a.group() for a in provider.algorithms()}
    assert names["tripsinregion"] == "지역 내 운항 및 추정 물량"
    assert names["importais"] == "AIS 위치 가져오기 및 정제"
    assert "제재" in groups
