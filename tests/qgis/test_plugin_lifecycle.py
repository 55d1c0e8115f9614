"""Load, start, unload and reload the plugin through classFactory with the test iface."""
from __future__ import annotations

import logging

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QToolBar

import tanker_watch


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def ours(main_window, kind):
    return [w for w in main_window.findChildren(kind) if w.objectName().startswith("TankerWatch")]


def test_start_registers_everything(qgis_app, iface):
    plugin = tanker_watch.classFactory(iface)
    plugin.initGui()
    try:
        main_window = iface.mainWindow()
        assert QgsApplication.processingRegistry().providerById("tankerwatch") is not None
        assert len(ours(main_window, QDockWidget)) == 1
        assert len(ours(main_window, QToolBar)) == 1
        assert iface.menu_actions[("&Tanker Watch", "TankerWatchDockAction")] == 1
        # The toolbar button toggles the dock.
        action = ours(main_window, QAction)[0]
        dock = ours(main_window, QDockWidget)[0]
        action.setChecked(True)
        assert dock.isVisibleTo(main_window)
        action.setChecked(False)
        assert not dock.isVisibleTo(main_window)
    finally:
        plugin.unload()


def test_unload_leaves_nothing_behind(qgis_app, iface):
    plugin = tanker_watch.classFactory(iface)
    plugin.initGui()
    plugin.unload()
    flush_deletes()
    main_window = iface.mainWindow()
    assert QgsApplication.processingRegistry().providerById("tankerwatch") is None
    assert ours(main_window, QDockWidget) == []
    assert ours(main_window, QToolBar) == []
    assert ours(main_window, QAction) == []
    assert iface.balance() == {}
    assert logging.getLogger("tanker_watch").handlers == []


def test_load_twice(qgis_app, iface):
    for _ in range(2):
        plugin = tanker_watch.classFactory(iface)
        plugin.initGui()
        assert QgsApplication.processingRegistry().providerById("tankerwatch") is not None
        plugin.unload()
        flush_deletes()
    assert QgsApplication.processingRegistry().providerById("tankerwatch") is None
    assert ours(iface.mainWindow(), QDockWidget) == []


def test_processing_only_start_without_gui(qgis_app):
    """qgis_process creates the plugin with iface None and calls initProcessing only."""
    plugin = tanker_watch.classFactory(None)
    plugin.initProcessing()
    try:
        provider = QgsApplication.processingRegistry().providerById("tankerwatch")
        assert provider is not None and provider.name() == "Tanker Watch"
        assert not provider.icon().isNull()
    finally:
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("tankerwatch") is None


def test_python_logging_reaches_qgis_log(qgis_app, iface):
    received = []

    def collect(message, tag, level):
        received.append((message, tag))

    QgsApplication.messageLog().messageReceived.connect(collect)
    plugin = tanker_watch.classFactory(iface)
    try:
        logging.getLogger("tanker_watch.plugin.core.test").warning("dark gap found")
        QCoreApplication.processEvents()
    finally:
        plugin.unload()
        QgsApplication.messageLog().messageReceived.disconnect(collect)
    assert any("dark gap found" in m and tag == "Tanker Watch" for m, tag in received)


def test_settings_are_typed_and_prefixed(qgis_app):
    from qgis.core import QgsSettings

    from tanker_watch.plugin import settings

    assert settings.DARK_GAP_HOURS.full_key == "tanker_watch/tracks/dark_gap_hours"
    settings.DARK_GAP_HOURS.set(18.5)
    try:
        assert settings.DARK_GAP_HOURS.value() == 18.5
        QgsSettings().setValue(settings.DARK_GAP_HOURS.full_key, "not a number")
        assert settings.DARK_GAP_HOURS.value() == 12.0
    finally:
        settings.DARK_GAP_HOURS.reset()
    assert settings.DARK_GAP_HOURS.value() == 12.0


def test_dock_loads_use_the_users_thresholds(qgis_app):
    from tanker_watch.plugin import settings
    from tanker_watch.plugin.gui.tasks import LoadRequest

    settings.DARK_GAP_HOURS.set(24.0)
    settings.MAX_SPEED_KNOTS.set(30.0)
    try:
        request = LoadRequest(ais_paths=["x.csv"])
        assert (request.pipeline.dark_gap_h, request.pipeline.max_speed_kn) == (24.0, 30.0)
    finally:
        settings.DARK_GAP_HOURS.reset()
        settings.MAX_SPEED_KNOTS.reset()
    assert LoadRequest().pipeline.dark_gap_h == 12.0
