"""Fixtures for tests that need QGIS (pytest-qgis provides ``qgis_iface``, ``qgis_app``)."""
from __future__ import annotations

from collections import Counter

import pytest


class RecordingIface:
    """The pytest-qgis test iface plus the menu/dock calls it lacks, counted.

    A plugin that leaves something behind shows up as a non-zero balance.
    """

    def __init__(self, iface) -> None:
        self._iface = iface
        self.menu_actions: Counter = Counter()
        self.docks: Counter = Counter()

    def __getattr__(self, name):
        return getattr(self._iface, name)

    def addPluginToMenu(self, menu, action):
        self.menu_actions[(menu, action.objectName())] += 1

    def removePluginMenu(self, menu, action):
        self.menu_actions[(menu, action.objectName())] -= 1

    def addDockWidget(self, area, dock):
        self.docks[dock.objectName()] += 1
        self._iface.mainWindow().addDockWidget(area, dock)

    def removeDockWidget(self, dock):
        self.docks[dock.objectName()] -= 1
        self._iface.mainWindow().removeDockWidget(dock)

    def balance(self) -> dict:
        return {k: v for k, v in {**self.menu_actions, **self.docks}.items() if v}


@pytest.fixture
def iface(qgis_iface) -> RecordingIface:
    return RecordingIface(qgis_iface)


@pytest.fixture
def provider(qgis_app, qgis_processing):
    """The plugin started as qgis_process starts it (no GUI), with Processing initialised."""
    from qgis.core import QgsApplication

    import tanker_watch

    plugin = tanker_watch.classFactory(None)
    plugin.initProcessing()
    yield QgsApplication.processingRegistry().providerById("tankerwatch")
    plugin.unload()
