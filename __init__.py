"""Tanker Watch QGIS plugin entry point."""


def classFactory(iface):  # noqa: N802 (name fixed by QGIS)
    """Return the plugin instance QGIS asks for; ``iface`` is None under qgis_process."""
    from .plugin.main import TankerWatchPlugin

    return TankerWatchPlugin(iface)
