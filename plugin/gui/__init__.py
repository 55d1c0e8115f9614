"""QGIS user interface: the dock panel, map tools and background tasks."""
