"""Tanker Watch analytics: pure Python (pandas/numpy), never imports qgis.

The data model every module shares is documented in :mod:`.schema`.
"""
