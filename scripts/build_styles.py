"""Regenerate the committed ``*.qml`` styles from QGIS renderers (a developer tool, not used at run time).

Run from the repository root::

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/build_styles.py

The plugin only loads the resulting .qml files (``plugin/styles.py``); edit here, rerun, commit both.
"""
from __future__ import annotations

import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerLineSymbolLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRuleBasedLabeling,
    QgsRuleBasedRenderer,
    QgsSimpleMarkerSymbolLayer,
    QgsSimpleMarkerSymbolLayerBase,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsTemplatedLineSymbolLayerBase,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

HERE = Path(__file__).resolve().parents[1] / "resources" / "styles"

# A stable colour per vessel: the MMSI's digits spread round the hue circle (137 deg ~ golden angle).
VESSEL_COLOUR = ("color_hsv((coalesce(to_int(regexp_replace(\"mmsi\", '[^0-9]', '')), 0) * 137) % 360, "
                 "85, 80)")
LADEN = "'178,24,43,255'"     # dark red
BALLAST = "'33,102,172,255'"  # blue
UNKNOWN = "'140,140,140,255'"
TRIP_COLOUR = (f"CASE WHEN \"laden_state\" = 'laden' THEN {LADEN} WHEN \"laden_state\" = 'ballast' "
               f"THEN {BALLAST} ELSE {UNKNOWN} END")
# a call leaves laden when the AIS draught rose by at least 0.5 m during it (as core/calls.py counts)
CALL_COLOUR = (f"CASE WHEN \"draught_out\" - \"draught_in\" >= 0.5 THEN {LADEN} "
               f"WHEN \"draught_out\" - \"draught_in\" <= -0.5 THEN {BALLAST} ELSE {UNKNOWN} END")
SIGHTING_COLOUR = (f"CASE WHEN \"state\" = 'laden' THEN {LADEN} WHEN \"state\" = 'ballast' THEN {BALLAST} "
                   f"ELSE {UNKNOWN} END")
CATEGORIES = (QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling
              | QgsMapLayer.StyleCategory.Rendering)


def text_format(size: float = 8.0, bold: bool = False, colour: str = "#202020") -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont("Sans Serif")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255, 220))
    fmt.setBuffer(buffer)
    return fmt


def label_settings(expression: str, max_scale_denominator: float, size: float = 8.0,
                   bold: bool = False, colour: str = "#202020") -> QgsPalLayerSettings:
    """Point labels around the symbol, shown only when zoomed in beyond 1:``max_scale_denominator``."""
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.placement = QgsPalLayerSettings.Placement.AroundPoint
    settings.dist = 1.0
    settings.setFormat(text_format(size, bold, colour))
    settings.scaleVisibility = max_scale_denominator > 0
    settings.minimumScale = max_scale_denominator
    settings.maximumScale = 0
    return settings


def marker(shape: str, fill: str, stroke: str, size: float, stroke_width: float = 0.3) -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple({"name": shape, "color": fill, "outline_color": stroke,
                                         "size": str(size), "outline_width": str(stroke_width)})


def fill_colour(symbol, expression: str) -> None:
    symbol.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.Property.PropertyFillColor,
                                                 QgsProperty.fromExpression(expression))


def rules(*children: tuple) -> QgsRuleBasedRenderer:
    """``children``: (label, filter, symbol[, max scale denominator]) tuples."""
    root = QgsRuleBasedRenderer.Rule(None)
    for child in children:
        label, expression, symbol = child[:3]
        minimum = child[3] if len(child) > 3 else 0
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, minimum, expression, label))
    return QgsRuleBasedRenderer(root)


def save(uri: str, name: str, renderer, labeling=None) -> Path:
    layer = QgsVectorLayer(uri, name, "memory")
    layer.setRenderer(renderer)
    if labeling is not None:
        layer.setLabeling(labeling)
        layer.setLabelsEnabled(True)
    path = HERE / f"{name}.qml"
    message, ok = layer.saveNamedStyle(str(path), CATEGORIES)
    if not ok:
        raise OSError(f"{path}: {message}")
    return path


def ports() -> Path:
    symbol = marker("circle", "30,30,30,255", "255,255,255,255", 1.6, 0.2)
    symbol.setDataDefinedSize(QgsProperty.fromExpression("1.0 + 0.7 * coalesce(\"harbor_rank\", 1)"))
    root = QgsRuleBasedLabeling.Rule(None)
    # large ports are named from country scale, every port only at regional scale
    root.appendChild(QgsRuleBasedLabeling.Rule(label_settings("\"name\"", 20_000_000, 8.5, True),
                                               0, 0, "\"harbor_rank\" >= 3", "Large and medium ports"))
    root.appendChild(QgsRuleBasedLabeling.Rule(label_settings("\"name\"", 5_000_000, 7.5),
                                               0, 0, "coalesce(\"harbor_rank\", 0) < 3", "Other ports"))
    return save("Point?crs=EPSG:4326&field=name:string&field=harbor_rank:integer", "ports",
                QgsSingleSymbolRenderer(symbol), QgsRuleBasedLabeling(root))


def terminals() -> Path:
    symbol = QgsFillSymbol.createSimple({"color": "166,97,26,50", "outline_color": "120,60,10,255",
                                         "outline_width": "0.4", "outline_style": "solid"})
    return save("Polygon?crs=EPSG:4326&field=name:string", "terminals", QgsSingleSymbolRenderer(symbol),
                QgsVectorLayerSimpleLabeling(label_settings("\"name\"", 2_000_000, 8, True, "#8a3b00")))


def sanctioned_vessels() -> Path:
    un = marker("diamond", "215,25,28,255", "80,0,0,255", 4.2, 0.4)
    other = marker("diamond", "253,174,97,255", "140,70,0,255", 3.8, 0.4)
    # "lists" is the "|"-joined list labels, e.g. "UN 1718|OFAC SDN"
    is_un = "coalesce(regexp_match(\"lists\", '(^|[|])UN( |$|[|])'), 0) > 0"
    renderer = rules(("UN 1718 listed", is_un, un),
                     ("Listed (OFAC / EU / UK / other)", f"NOT ({is_un})", other))
    label = ("coalesce(\"name\", 'MMSI ' || \"mmsi\") || CASE WHEN \"imo\" IS NOT NULL AND \"imo\" <> '' "
             "THEN ' (IMO ' || \"imo\" || ')' ELSE '' END")
    return save("Point?crs=EPSG:4326&field=mmsi:string&field=imo:string&field=name:string&field=lists:string",
                "sanctioned_vessels", renderer,
                QgsVectorLayerSimpleLabeling(label_settings(label, 0, 8.5, True, "#7a0000")))


def tracks() -> Path:
    observed = QgsLineSymbol.createSimple({"line_color": "0,0,0,255", "line_width": "0.45"})
    observed.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.Property.PropertyStrokeColor,
                                                   QgsProperty.fromExpression(VESSEL_COLOUR))
    dark = QgsLineSymbol.createSimple({"line_color": "60,60,60,255", "line_width": "0.6",
                                       "line_style": "dash", "capstyle": "flat"})
    arrows = QgsLineSymbol()
    arrows.deleteSymbolLayer(0)
    head = QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayerBase.Shape.ArrowHeadFilled, 3.2)
    head.setStrokeColor(QColor(255, 255, 255))
    head.setStrokeWidth(0.2)
    head.setDataDefinedProperty(QgsSymbolLayer.Property.PropertyFillColor,
                                QgsProperty.fromExpression(VESSEL_COLOUR))
    line_of_heads = QgsMarkerLineSymbolLayer(True, 30.0)
    line_of_heads.setPlacement(QgsTemplatedLineSymbolLayerBase.Placement.Interval)
    line_of_heads.setSubSymbol(QgsMarkerSymbol([head]))
    arrows.appendSymbolLayer(line_of_heads)
    renderer = rules(("Observed track", "\"kind\" = 'observed'", observed),
                     ("Dark (AIS off, straight connector)", "\"kind\" = 'dark'", dark),
                     ("Direction (zoomed in)", "\"kind\" = 'observed'", arrows, 3_000_000))
    return save("LineString?crs=EPSG:4326&field=mmsi:string&field=kind:string", "tracks", renderer)


def dark_gaps() -> Path:
    symbol = marker("circle", "255,255,255,0", "40,40,40,255", 3.0, 0.6)
    return save("Point?crs=EPSG:4326&field=duration_h:double", "dark_gaps", QgsSingleSymbolRenderer(symbol))


def _levels(colour: str, shape: str) -> QgsRuleBasedRenderer:
    confirmed = marker(shape, "0,0,0,255", "20,20,20,255", 3.6, 0.4)
    inferred = marker(shape, "0,0,0,255", "255,255,255,255", 2.8, 0.3)
    possible = marker(shape, "255,255,255,0", "0,0,0,255", 3.0, 0.5)
    for symbol in (confirmed, inferred):
        fill_colour(symbol, colour)
    possible.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.Property.PropertyStrokeColor,
                                                   QgsProperty.fromExpression(colour))
    return rules(("Confirmed", "\"level\" = 'confirmed'", confirmed),
                 ("Inferred", "\"level\" = 'inferred'", inferred),
                 ("Possible (not counted)", "coalesce(\"level\", '') NOT IN ('confirmed', 'inferred')", possible))


def port_calls() -> Path:
    return save("Point?crs=EPSG:4326&field=level:string&field=draught_in:double&field=draught_out:double",
                "port_calls", _levels(CALL_COLOUR, "circle"))


def trips() -> Path:
    return save("Point?crs=EPSG:4326&field=level:string&field=laden_state:string", "trips",
                _levels(TRIP_COLOUR, "square"))


def sightings() -> Path:
    symbol = marker("star", "0,0,0,255", "255,255,255,255", 4.5, 0.3)
    fill_colour(symbol, SIGHTING_COLOUR)
    return save("Point?crs=EPSG:4326&field=state:string", "sightings", QgsSingleSymbolRenderer(symbol))


def region() -> Path:
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": "230,85,13,255", "outline_width": "1.0"})
    return save("Polygon?crs=EPSG:4326", "region", QgsSingleSymbolRenderer(symbol))


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    for build in (ports, terminals, sanctioned_vessels, tracks, dark_gaps, port_calls, trips, sightings, region):
        print(build())
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
