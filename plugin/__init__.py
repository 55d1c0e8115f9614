"""Tanker Watch plugin code: ``core`` (pure analytics) and the QGIS-side packages."""
