"""Writing the plugin's layers to a GeoPackage and loading them into the project's "Tanker Watch" group."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsFields,
    QgsLayerTreeGroup,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from .frames import WGS84

GROUP_NAME = "Tanker Watch"
KEY_PROPERTY = "tanker_watch/layer_key"
LAYER_KEYS: tuple[str, ...] = ("ports", "terminals", "sanctioned_vessels", "tracks", "dark_gaps", "port_calls",
                               "trips", "sightings", "region")


def output_gpkg_path(project: QgsProject | None = None) -> Path:
    """Where the plugin writes its layers.

    ``<project folder>/tanker_watch/tanker_watch.gpkg`` when the project has been saved; for an
    unsaved project ``<QGIS profile folder>/tanker_watch/unsaved_project.gpkg``, which the next
    unsaved project's run overwrites layer by layer (save the project to keep its results).
    """
    project = project or QgsProject.instance()
    home = project.absolutePath() if project.fileName() else ""
    if home:
        return Path(home) / "tanker_watch" / "tanker_watch.gpkg"
    return Path(QgsApplication.qgisSettingsDirPath()) / "tanker_watch" / "unsaved_project.gpkg"


def write_layer(gpkg: Path, name: str, fields: QgsFields, geometry_type: QgsWkbTypes.Type,
                features_writer: Callable[[QgsFeatureSink], int],
                crs: QgsCoordinateReferenceSystem = WGS84, spatial_index: bool = True) -> QgsVectorLayer:
    """Write layer ``name`` of ``gpkg`` (created with its folder if missing) and return it loaded.

    An existing layer of that name is replaced; the file's other layers are kept.
    ``features_writer(sink)`` adds the features (e.g. :func:`frames.add_point_features`) and
    returns how many it wrote. ``spatial_index=False`` skips the R-tree, which costs about two
    thirds of the time for a million points (~20 of ~27 s); worth it only for layers that are
    exported rather than browsed on the map. The layer gets the custom property ``tanker_watch/layer_key`` =
    ``name``, which :func:`add_to_project` uses to replace a previous run's layer.
    """
    gpkg = Path(gpkg)
    gpkg.parent.mkdir(parents=True, exist_ok=True)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.fileEncoding = "UTF-8"
    options.layerOptions = [f"SPATIAL_INDEX={'YES' if spatial_index else 'NO'}"]
    options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
                                    if gpkg.exists()
                                    else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
    writer = QgsVectorFileWriter.create(str(gpkg), fields, geometry_type, crs,
                                        QgsProject.instance().transformContext(), options)
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        message = writer.errorMessage()
        del writer
        raise OSError(f"{gpkg}: cannot write layer '{name}': {message}")
    try:
        features_writer(writer)
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise OSError(f"{gpkg}: writing layer '{name}' failed: {writer.errorMessage()}")
    finally:
        # the GeoPackage is only complete (transaction committed, file closed) once the writer is gone
        writer.flushBuffer()
        del writer
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    if not layer.isValid():
        raise OSError(f"{gpkg}: layer '{name}' was written but cannot be opened")
    layer.setCustomProperty(KEY_PROPERTY, name)
    return layer


def layer_key(layer) -> str | None:
    """The plugin's key of ``layer`` (``tracks``, ...) or None for a layer the plugin did not make."""
    value = layer.customProperty(KEY_PROPERTY)
    return str(value) if value else None


def output_group(project: QgsProject | None = None, group_name: str = GROUP_NAME) -> QgsLayerTreeGroup:
    """The project's layer-tree group for the plugin's layers, created at the top when missing."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.findGroup(group_name)
    if group is None:
        group = root.insertGroup(0, group_name)
    return group


def add_to_project(layers: Sequence[QgsVectorLayer], group_name: str = GROUP_NAME,
                   project: QgsProject | None = None) -> None:
    """Add ``layers`` to the project in the group ``group_name`` (top of the tree), in the given order.

    A layer already in the project with the same ``tanker_watch/layer_key`` (wherever the user
    moved it) is removed first, so re-running replaces results instead of duplicating them.
    Layers without a key are simply added.
    """
    project = project or QgsProject.instance()
    keys = {layer_key(layer) for layer in layers} - {None}
    new_ids = {layer.id() for layer in layers}
    stale = [layer.id() for layer in project.mapLayers().values()
             if layer.id() not in new_ids and layer_key(layer) in keys]
    if stale:
        project.removeMapLayers(stale)
    group = output_group(project, group_name)
    for position, layer in enumerate(layers):
        if project.mapLayer(layer.id()) is None and project.addMapLayer(layer, False) is None:
            raise RuntimeError(f"Layer '{layer.name()}' could not be added to the project")
        node = group.findLayer(layer.id())
        if node is None:
            group.insertLayer(position, layer)
