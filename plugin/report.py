"""The Tanker Watch print layout (one implementation for the dock, the demo and ``tankerwatch:exportreport``).

Page 1 (A4 landscape): map with legend, scale bar and north arrow, title, date, headline figures
with their ranges, the assumptions in plain words, data attribution and, for the demo, the
"simulated" notice. Page 2: the per-vessel table and the cumulative-barrels chart against the UN cap.
"""
from __future__ import annotations

import math
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont

from .chart import nice_step, render_cumulative_chart
from .core.pipeline import Dataset, RegionResult
from .frames import WGS84
from .output import KEY_PROPERTY, layer_key

MAP_KEYS = ("region", "trips", "sanctioned_vessels", "ports", "terminals", "tracks", "sightings")
BASEMAP_NAME = "Land (Natural Earth)"
PAGE_W, PAGE_H = 297.0, 210.0
MARGIN = 10.0
MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters


# Named "translate" so that pylupdate5 extracts the strings (it ignores other wrappers).
translate = QCoreApplication.translate


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont("Sans Serif")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _place(item, x: float, y: float, w: float, h: float, page: int = 0) -> None:
    item.attemptMove(QgsLayoutPoint(x, y, MM), page=page)
    item.attemptResize(QgsLayoutSize(w, h, MM))


def _label(layout: QgsPrintLayout, text: str, x: float, y: float, w: float, h: float, size: float = 9.0,
           bold: bool = False, colour: QColor | None = None, page: int = 0, item_id: str = "",
           html: bool = False) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setHAlign(Qt.AlignmentFlag.AlignLeft)
    if html:
        label.setMode(QgsLayoutItemLabel.Mode.ModeHtml)
    else:
        label.setFont(_font(size, bold))
        label.setFontColor(colour or QColor(30, 30, 30))
    label.setId(item_id)
    layout.addLayoutItem(label)
    _place(label, x, y, w, h, page)
    return label


def utm_crs(lon: float, lat: float) -> QgsCoordinateReferenceSystem:
    """The WGS84 UTM zone CRS containing (lon, lat): metric, so the scale bar is honest."""
    zone = min(60, max(1, int(math.floor((lon + 180.0) / 6.0)) + 1))
    return QgsCoordinateReferenceSystem(f"EPSG:{(32600 if lat >= 0 else 32700) + zone}")


def map_extent(region_wkt: str, layers: list[QgsVectorLayer], reach_deg: float = 4.0) -> QgsRectangle:
    """The region plus the tracks and sanctioned vessels near it (within ``reach_deg`` degrees), WGS84.

    Data far away (a global AIS file) would shrink the region to a dot, so it is cut off.
    """
    region = QgsGeometry.fromWkt(region_wkt).boundingBox()
    reach = QgsRectangle(region)
    reach.grow(max(reach_deg, region.width(), region.height()))
    extent = QgsRectangle(region)
    for layer in layers:
        if layer_key(layer) in ("tracks", "sanctioned_vessels", "trips") and layer.featureCount() > 0:
            layer.updateExtents()
            near = layer.extent().intersect(reach)
            if not near.isEmpty():
                extent.combineExtentWith(near)
    pad = max(extent.width(), extent.height()) * 0.06 or 0.05
    extent.grow(pad)
    return extent


def land_layer(project: QgsProject) -> QgsVectorLayer | None:
    """Natural Earth countries shipped with QGIS (public domain), light grey, or None if absent.

    Kept in ``project`` (outside the layer tree) so the layout can render it; reused by later reports.
    """
    for layer in project.mapLayers().values():
        if layer_key(layer) == "report_land":
            return layer
    path = Path(QgsApplication.pkgDataPath()) / "resources" / "data" / "world_map.gpkg"
    if not path.exists():
        return None
    layer = QgsVectorLayer(f"{path}|layername=countries", BASEMAP_NAME, "ogr")
    if not layer.isValid():
        return None
    layer.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "236,233,226,255", "outline_color": "180,175,165,255", "outline_width": "0.2"}))
    layer.setCustomProperty(KEY_PROPERTY, "report_land")
    return layer if project.addMapLayer(layer, False) is not None else None


def _headline_text(result: RegionResult) -> str:
    h = result.headline()
    lines = [
        translate("Report", "{trips} trips into the region (confirmed or inferred), {laden} of them leaving laden; "
            "{possible} possible trips listed but not counted.").format(
            trips=h["trips"], laden=h["laden_trips"], possible=h["possible_trips"]),
        translate("Report", "{vessels} vessels made these trips.").format(vessels=h["vessels"]),
        translate("Report", "Estimated volume: about {central} barrels (range {low} to {high}).").format(
            central=f"{h['barrels']:,}", low=f"{h['barrels_low']:,}", high=f"{h['barrels_high']:,}"),
    ]
    for year, share in h["cap_share_by_year"].items():
        text = translate("Report", "{year}: {central:.0%} of the UN annual cap of {cap} barrels "
                                   "(range {low:.0%} to {high:.0%}).")
        lines.append(text.format(year=year, central=share["central"], low=share["low"], high=share["high"],
                                 cap=f"{result.assumptions.un_cap_bbl:,}"))
    return "\n".join("\u2022 " + line for line in lines)


def _period_text(result: RegionResult) -> str:
    first, last = result.trips_period()
    if first is None:
        return translate("Report", "no trips")
    first, last = first.strftime("%d %b %Y"), last.strftime("%d %b %Y")
    return translate("Report", "Trips from {first} to {last}").format(first=first, last=last)


def attribution_text(dataset: Dataset) -> str:
    """Where the map's and report's data come from."""
    return translate("Report",
                     "Data: vessel positions from the AIS data loaded; ports from the NGA World Port Index "
                     "(Pub. 150, public domain); sanctions from the US OFAC SDN list (public domain) and the EU "
                     "Official Journal (vessel annexes of Reg. 2017/1509, which transposes the UN 1718 designations, "
                     "and Reg. 833/2014) ({label}). Land: Natural Earth (public domain). Made with QGIS and "
                     "Tanker Watch.").format(label=dataset.sanctions_label())


def _vessel_table(layout: QgsPrintLayout, result: RegionResult, y: float, height: float) -> QgsLayoutItemManualTable:
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    headers = [translate("Report", "Vessel"), translate("Report", "IMO"), translate("Report", "Flag"),
               translate("Report", "DWT (t)"), translate("Report", "Trips"), translate("Report", "Laden"),
               translate("Report", "Possible"), translate("Report", "Barrels low"),
               translate("Report", "Barrels central"), translate("Report", "Barrels high"),
               translate("Report", "Sanctions lists")]
    widths = [40, 18, 22, 18, 12, 12, 14, 22, 26, 22, 71]
    columns = []
    for header, width in zip(headers, widths):
        column = QgsLayoutTableColumn(header)
        column.setWidth(width)
        columns.append(column)
    table.setHeaders(columns)
    table.setIncludeTableHeader(True)
    table.setColumnWidths(widths)
    vessels = result.vessels.sort_values(["barrels", "trips"], ascending=False) if len(result.vessels) else \
        result.vessels
    rows = []

    def text(value) -> str:
        return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)

    def number(value) -> str:
        return "" if value is None or pd.isna(value) else f"{float(value):,.0f}"

    for v in vessels.itertuples():
        dwt = number(v.dwt) + (" *" if bool(v.dwt_assumed) and not pd.isna(v.dwt_assumed) else "")
        rows.append([QgsTableCell(c) for c in (
            text(v.name), text(v.imo), text(v.flag), dwt, str(int(v.trips)), str(int(v.laden_trips)),
            str(int(v.possible_trips)), number(v.barrels_low), number(v.barrels), number(v.barrels_high),
            text(v.lists).replace("|", ", "))])
    if not rows:
        rows = [[QgsTableCell(translate("Report", "No vessel made a trip into the region"))] + [QgsTableCell("")] * 10]
    table.setTableContents(rows)
    row_h = 5.0
    needed = 8 + row_h * (len(rows) + 1)
    font = _font(8.0 if needed <= height else 6.5)
    table.setContentTextFormat(QgsTextFormat.fromQFont(font))
    table.setHeaderTextFormat(QgsTextFormat.fromQFont(_font(8.0, True)))
    table.setCellMargin(0.8)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor(170, 170, 170))
    frame = QgsLayoutFrame(layout, table)
    _place(frame, MARGIN, y, PAGE_W - 2 * MARGIN, height, page=1)
    table.addFrame(frame)
    frame.setId("vessel_table")
    return table


def build_layout(project: QgsProject, dataset: Dataset, result: RegionResult, layers: list[QgsVectorLayer], *,
                 title: str, notice: str = "", region_wkt: str, chart_path: Path | None = None,
                 name: str = "Tanker Watch report") -> QgsPrintLayout:
    """Build the two-page report layout and add it to ``project``'s layout manager (replacing a
    layout called ``name``). ``layers`` are the plugin's layers (in ``project``); the chart image is
    saved to ``chart_path`` (default: a temporary PNG) and shown on page 2."""
    manager = project.layoutManager()
    old = manager.layoutByName(name)
    if old is not None:
        manager.removeLayout(old)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 page
    layout.setName(name)
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    page2 = QgsLayoutItemPage(layout)
    page2.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    layout.pageCollection().addPage(page2)

    by_key = {layer_key(layer): layer for layer in layers}
    map_layers = [by_key[k] for k in MAP_KEYS if k in by_key]
    land = land_layer(project)

    generated = datetime.now(timezone.utc).strftime("%d %b %Y %H:%M UTC")
    red = QColor(178, 24, 43)
    y = 7.0
    _label(layout, title, MARGIN, y, PAGE_W - 2 * MARGIN, 10, 17, True, item_id="title")
    y += 10.5
    _label(layout, translate("Report", "{period}. Report made {date}. Volumes are ESTIMATES with ranges.").format(
        period=_period_text(result), date=generated), MARGIN, y, PAGE_W - 2 * MARGIN, 5, 9, item_id="subtitle")
    y += 5.5
    if notice:
        _label(layout, notice.upper(), MARGIN, y, PAGE_W - 2 * MARGIN, 5.5, 10, True, red, item_id="notice")
        y += 6.5

    map_w, map_bottom = 185.0, PAGE_H - 19.0
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    layout.addLayoutItem(map_item)
    _place(map_item, MARGIN, y, map_w, map_bottom - y)
    extent = map_extent(region_wkt, layers)
    crs = utm_crs(extent.center().x(), extent.center().y())
    map_item.setCrs(crs)
    map_item.setLayers(map_layers + ([land] if land is not None else []))
    map_item.setBackgroundColor(QColor(214, 230, 242))
    map_item.setFrameEnabled(True)
    transform = QgsCoordinateTransform(WGS84, crs, project)
    projected = transform.transformBoundingBox(extent)
    # a new item's extent is empty (zoomToExtent alone gives NaN); setExtent also resizes the item
    map_item.setExtent(projected)
    _place(map_item, MARGIN, y, map_w, map_bottom - y)
    map_item.zoomToExtent(projected)

    scale = QgsLayoutItemScaleBar(layout)
    scale.setId("scalebar")
    scale.setLinkedMap(map_item)
    scale.setStyle("Single Box")
    scale.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    scale.setUnitLabel("km")
    scale.setNumberOfSegments(2)
    scale.setNumberOfSegmentsLeft(0)
    # a round segment length about a tenth of the map's width (default fixed-size segments)
    scale.setUnitsPerSegment(nice_step(map_item.extent().width() / 1000.0 / 10.0, 1))
    scale.setBackgroundEnabled(True)
    scale.setBackgroundColor(QColor(255, 255, 255, 210))
    layout.addLayoutItem(scale)
    scale.setHeight(2.5)
    scale.setTextFormat(QgsTextFormat.fromQFont(_font(7)))
    scale.attemptMove(QgsLayoutPoint(MARGIN + 3, map_bottom - 13, MM))
    scale.resizeToMinimumWidth()

    arrow = QgsLayoutItemPicture(layout)
    arrow.setId("north_arrow")
    svg = next((str(Path(p) / "arrows" / "NorthArrow_02.svg") for p in QgsApplication.svgPaths()
                if (Path(p) / "arrows" / "NorthArrow_02.svg").exists()), "")
    arrow.setPicturePath(svg)
    arrow.setLinkedMap(map_item)
    arrow.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    arrow.setBackgroundEnabled(True)
    arrow.setBackgroundColor(QColor(255, 255, 255, 210))
    layout.addLayoutItem(arrow)
    _place(arrow, MARGIN + map_w - 13, y + 3, 10, 14)

    side_x = MARGIN + map_w + 5
    side_w = PAGE_W - MARGIN - side_x
    _label(layout, translate("Report", "Headline figures"), side_x, y, side_w, 5, 10.5, True, item_id="headline_title")
    headline = _headline_text(result)
    _label(layout, headline, side_x, y + 5.5, side_w, 34, 8.5, item_id="headline")
    ay = y + 41
    _label(layout, translate("Report", "Assumptions (estimates, not facts)"), side_x, ay, side_w, 5, 10.5, True,
           item_id="assumptions_title")
    assumptions = "\n".join("\u2022 " + line for line in result.assumptions.describe())
    _label(layout, assumptions, side_x, ay + 5.5, side_w, map_bottom - ay - 5.5, 7,
           item_id="assumptions")

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(translate("Report", "Legend"))
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.clear()
    for layer in map_layers:
        root.addLayer(layer)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(2.8)
    legend.setStyleFont(QgsLegendStyle.Style.Title, _font(8.5, True))
    legend.setStyleFont(QgsLegendStyle.Style.Subgroup, _font(7, True))
    legend.setStyleFont(QgsLegendStyle.Style.SymbolLabel, _font(6.5))
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setBackgroundEnabled(True)
    legend.setBackgroundColor(QColor(255, 255, 255, 225))
    legend.setFrameEnabled(True)
    legend.setResizeToContents(True)
    layout.addLayoutItem(legend)
    # anchored at the map's lower right corner (open sea in the demo); it grows up and left to fit
    legend.setReferencePoint(QgsLayoutItem.ReferencePoint.LowerRight)
    legend.attemptMove(QgsLayoutPoint(MARGIN + map_w - 1.5, map_bottom - 1.5, MM))
    legend.updateLegend()
    legend.adjustBoxSize()

    _label(layout, attribution_text(dataset), MARGIN, map_bottom + 1.5, PAGE_W - 2 * MARGIN, 8, 6.5,
           colour=QColor(90, 90, 90), item_id="attribution")

    # page 2: vessels and chart
    _label(layout, translate("Report", "Vessels with trips into the region"), MARGIN, 7, PAGE_W - 2 * MARGIN, 7, 13,
           True, page=1,
           item_id="table_title")
    note = translate("Report", "Barrels are estimates (see the assumptions on page 1). "
                               "* DWT unknown: {dwt:,.0f} t assumed.").format(
        dwt=result.assumptions.default_dwt)
    if notice:
        note = notice.upper() + ". " + note
    _label(layout, note, MARGIN, 14.5, PAGE_W - 2 * MARGIN, 5, 8, colour=red if notice else None, page=1,
           item_id="table_note")
    n_rows = max(1, len(result.vessels))
    table_h = min(100.0, 4 + 4.2 * (n_rows + 1))
    _vessel_table(layout, result, 21, table_h)

    chart_y = 21 + table_h + 4
    chart_h = PAGE_H - MARGIN - chart_y
    chart_w = min(PAGE_W - 2 * MARGIN, chart_h * 2.6)
    if chart_path is None:
        chart_path = Path(tempfile.mkdtemp(prefix="tanker_watch_")) / "cumulative_chart.png"
    chart_path = Path(chart_path)
    chart_path.parent.mkdir(parents=True, exist_ok=True)
    image = render_cumulative_chart(result.cumulative, result.assumptions.un_cap_bbl,
                                    QSize(int(chart_w * 10), int(chart_h * 10)), notice)
    if not image.save(str(chart_path), "PNG"):
        raise OSError(f"{chart_path}: could not save the chart image")
    chart = QgsLayoutItemPicture(layout)
    chart.setId("chart")
    chart.setPicturePath(str(chart_path))
    chart.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(chart)
    _place(chart, (PAGE_W - chart_w) / 2, chart_y, chart_w, chart_h, page=1)

    manager.addLayout(layout)
    return layout


def export_pdf(layout: QgsPrintLayout, path: Path) -> Path:
    """Every page of ``layout`` as one PDF (replacing ``path``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    result = QgsLayoutExporter(layout).exportToPdf(str(path), settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise OSError(f"{path}: PDF export failed ({result})")
    return path


def export_png(layout: QgsPrintLayout, path: Path, dpi: int = 150) -> Path:
    """Page 1 of ``layout`` as a PNG at ``dpi`` (replacing ``path``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.pages = [0]
    settings.exportMetadata = False  # GDAL cannot update a PNG in place (it only logs an error)
    result = QgsLayoutExporter(layout).exportToImage(str(path), settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise OSError(f"{path}: PNG export failed ({result})")
    # with a page list the exporter still suffixes nothing for a single page; be sure
    if not path.exists():
        suffixed = path.with_name(f"{path.stem}_1{path.suffix}")
        if suffixed.exists():
            suffixed.replace(path)
    return path
