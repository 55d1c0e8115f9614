"""The Tanker Watch dock panel: data, region, period and filters, assumptions, results."""
from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Optional

import pandas as pd
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsExpression,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import (
    QgsCollapsibleGroupBox,
    QgsDateTimeEdit,
    QgsDockWidget,
    QgsDoubleSpinBox,
    QgsFileWidget,
    QgsMapLayerComboBox,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..chart import CumulativeChartWidget
from ..core.pipeline import Dataset, RegionResult, analyse_region
from ..core.volumes import BBL_PER_TONNE, Assumptions
from ..export import export_tables
from ..frames import layer_to_frame
from ..layers import dataset_layers, region_layers
from ..output import add_to_project, layer_key, output_gpkg_path
from ..region import RegionBand, load_region, save_region
from ..report import build_layout, export_pdf, export_png
from .region_tool import PolygonRegionTool, RectangleRegionTool, region_from_selection
from .results_models import FrameTableModel, sortable, trip_columns, vessel_columns
from .tasks import LoadDatasetTask, LoadRequest, prepare_demo

LOG = logging.getLogger(__name__)
DOCK_OBJECT_NAME = "TankerWatchDock"
MAX_CONTENT_WIDTH = 420
RECOMPUTE_DELAY_MS = 150
DEMO_DIR = Path(__file__).resolve().parents[2] / "resources" / "data" / "demo"


def demo_folder() -> Path:
    """The bundled demo files when present, else a folder in the QGIS profile to generate them into."""
    from .tasks import demo_files_present

    if demo_files_present(DEMO_DIR):
        return DEMO_DIR
    return Path(QgsApplication.qgisSettingsDirPath()) / "tanker_watch" / "demo_2024"


class TankerWatchDock(QgsDockWidget):
    """Dock panel hosting data loading, the region, filters and results.

    Loading runs in a :class:`LoadDatasetTask`; every later change (region, period, filters,
    assumptions) re-runs the fast ``analyse_region`` synchronously after a short debounce.
    """

    def __init__(self, parent: QWidget | None = None, iface=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setWindowTitle(self.tr("Tanker Watch"))
        self.setObjectName(DOCK_OBJECT_NAME)
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.dataset: Optional[Dataset] = None
        self.result: Optional[RegionResult] = None
        self.region: Optional[QgsGeometry] = None
        self.notice = ""
        self.task: Optional[LoadDatasetTask] = None
        self.band: Optional[RegionBand] = None
        self.polygon_tool: Optional[PolygonRegionTool] = None
        self.rectangle_tool: Optional[RectangleRegionTool] = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.recompute)

        body = QWidget()
        body.setMaximumWidth(MAX_CONTENT_WIDTH)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.notice_label = QLabel(body)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("QLabel { background: #fff3cd; color: #5c4400; padding: 4px; }")
        self.notice_label.hide()
        layout.addWidget(self.notice_label)
        self.data_group = self._data_group(body)
        self.filters_group = self._filters_group(body)
        layout.addWidget(self.data_group)
        layout.addWidget(self._region_group(body))
        layout.addWidget(self.filters_group)
        layout.addWidget(self._assumptions_group(body))
        layout.addWidget(self._results_group(body))
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(body)
        self.setWidget(scroll)
        if iface is not None:
            canvas = iface.mapCanvas()
            self.band = RegionBand(canvas)
            self.polygon_tool = PolygonRegionTool(canvas)
            self.rectangle_tool = RectangleRegionTool(canvas)
            self.polygon_tool.regionDrawn.connect(self.set_region)
            self.rectangle_tool.regionDrawn.connect(self.set_region)
        for button in (self.polygon_button, self.rectangle_button):
            button.setEnabled(iface is not None)
        self._set_analysis_enabled(False)

    # ------------------------------------------------------------------ building
    def _group(self, title: str, parent: QWidget) -> QgsCollapsibleGroupBox:
        group = QgsCollapsibleGroupBox(title, parent)
        group.setSaveCollapsedState(False)
        return group

    def _data_group(self, parent: QWidget) -> QgsCollapsibleGroupBox:
        group = self._group(self.tr("Data"), parent)
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.ais_files = QgsFileWidget(group)
        self.ais_files.setStorageMode(QgsFileWidget.StorageMode.GetMultipleFiles)
        self.ais_files.setFilter(self.tr("AIS data (*.csv *.csv.gz *.gz *.zip *.nmea *.txt *.log);;All files (*)"))
        self.ais_files.setToolTip(self.tr("One or more AIS files (CSV, NMEA), or pick a point layer below"))
        form.addRow(self.tr("AIS files"), self.ais_files)
        self.layer_combo = QgsMapLayerComboBox(group)
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setLayer(None)
        form.addRow(self.tr("or point layer"), self.layer_combo)
        self.sightings_file = QgsFileWidget(group)
        self.sightings_file.setFilter(self.tr("CSV files (*.csv);;All files (*)"))
        form.addRow(self.tr("Sightings (optional)"), self.sightings_file)
        self.particulars_file = QgsFileWidget(group)
        self.particulars_file.setFilter(self.tr("CSV files (*.csv);;All files (*)"))
        form.addRow(self.tr("Vessel particulars (optional)"), self.particulars_file)
        buttons = QHBoxLayout()
        self.load_button = QPushButton(self.tr("Load"), group)
        self.load_button.clicked.connect(self.load_from_inputs)
        self.demo_button = QPushButton(self.tr("Load demo data"), group)
        self.demo_button.setToolTip(self.tr("Simulated tanker traffic at Vostochny, 2024, based on public reporting"))
        self.demo_button.clicked.connect(self.load_demo)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.demo_button)
        form.addRow(buttons)
        self.data_summary = QLabel(self.tr("No data loaded."), group)
        self.data_summary.setWordWrap(True)
        form.addRow(self.data_summary)
        return group

    def _region_group(self, parent: QWidget) -> QgsCollapsibleGroupBox:
        group = self._group(self.tr("Region"), parent)
        box = QVBoxLayout(group)
        row = QHBoxLayout()
        self.polygon_button = QPushButton(self.tr("Draw polygon"), group)
        self.polygon_button.setToolTip(self.tr("Click the vertices; right-click or double-click to finish"))
        self.polygon_button.clicked.connect(lambda: self._activate(self.polygon_tool))
        self.rectangle_button = QPushButton(self.tr("Draw rectangle"), group)
        self.rectangle_button.setToolTip(self.tr("Press, drag and release on the map"))
        self.rectangle_button.clicked.connect(lambda: self._activate(self.rectangle_tool))
        row.addWidget(self.polygon_button)
        row.addWidget(self.rectangle_button)
        box.addLayout(row)
        self.selection_button = QPushButton(self.tr("Use selected polygons of the active layer"), group)
        self.selection_button.clicked.connect(self.region_from_active_selection)
        box.addWidget(self.selection_button)
        self.region_label = QLabel(self.tr("No region yet: draw one on the map."), group)
        self.region_label.setWordWrap(True)
        box.addWidget(self.region_label)
        return group

    def _filters_group(self, parent: QWidget) -> QgsCollapsibleGroupBox:
        group = self._group(self.tr("Period and filters"), parent)
        form = QFormLayout(group)
        self.start_edit = QgsDateTimeEdit(group)
        self.end_edit = QgsDateTimeEdit(group)
        for edit in (self.start_edit, self.end_edit):
            edit.setAllowNull(False)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setTimeSpec(Qt.TimeSpec.UTC)
            edit.dateTimeChanged.connect(self.schedule_recompute)
        form.addRow(self.tr("From (UTC)"), self.start_edit)
        form.addRow(self.tr("To (UTC)"), self.end_edit)
        self.tankers_only = QCheckBox(self.tr("Tankers only"), group)
        self.tankers_only.setChecked(True)
        self.sanctioned_only = QCheckBox(self.tr("Sanctioned vessels only"), group)
        for box in (self.tankers_only, self.sanctioned_only):
            box.toggled.connect(self.schedule_recompute)
        form.addRow(self.tankers_only)
        form.addRow(self.sanctioned_only)
        self.flag_filter = QLineEdit(group)
        self.flag_filter.setPlaceholderText(self.tr("e.g. KP, SL (empty: all)"))
        self.flag_filter.setToolTip(self.tr("Flag states (two-letter codes), separated by commas"))
        self.flag_filter.textChanged.connect(self.schedule_recompute)
        form.addRow(self.tr("Flags"), self.flag_filter)
        return group

    def _assumptions_group(self, parent: QWidget) -> QgsCollapsibleGroupBox:
        group = self._group(self.tr("Assumptions"), parent)
        form = QFormLayout(group)
        defaults = Assumptions()
        self.product_combo = QComboBox(group)
        for product, bbl in BBL_PER_TONNE.items():
            self.product_combo.addItem(self.tr("{product} ({bbl:g} bbl/t)").format(
                product=self._product_name(product), bbl=bbl), product)
        self.product_combo.currentIndexChanged.connect(self.schedule_recompute)
        form.addRow(self.tr("Product"), self.product_combo)
        self.fill_spin = QgsDoubleSpinBox(group)
        # the central fill must stay between the low (1/3) and high (98 %) fills
        self.fill_spin.setRange(round(defaults.fill_low, 2) + 0.01, defaults.fill_high)
        self.fill_spin.setSingleStep(0.01)
        self.fill_spin.setDecimals(2)
        self.fill_spin.setClearValue(defaults.fill_central)
        self.fill_spin.setValue(defaults.fill_central)
        self.fill_spin.setToolTip(self.tr("Share of the cargo capacity filled on a laden trip (central estimate)"))
        self.fill_spin.valueChanged.connect(self.schedule_recompute)
        form.addRow(self.tr("Fill factor"), self.fill_spin)
        self.cargo_spin = QgsDoubleSpinBox(group)
        self.cargo_spin.setRange(0.5, 1.0)
        self.cargo_spin.setSingleStep(0.01)
        self.cargo_spin.setDecimals(2)
        self.cargo_spin.setClearValue(defaults.cargo_share)
        self.cargo_spin.setValue(defaults.cargo_share)
        self.cargo_spin.setToolTip(self.tr("Share of the deadweight that is cargo (the rest is fuel, water, stores)"))
        self.cargo_spin.valueChanged.connect(self.schedule_recompute)
        form.addRow(self.tr("Cargo share of DWT"), self.cargo_spin)
        return group

    def _results_group(self, parent: QWidget) -> QgsCollapsibleGroupBox:
        group = self._group(self.tr("Results"), parent)
        box = QVBoxLayout(group)
        self.headline_label = QLabel(self.tr("Load data and draw a region to see results."), group)
        self.headline_label.setWordWrap(True)
        self.headline_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.headline_label)
        self.tabs = QTabWidget(group)
        self.vessel_model = FrameTableModel(vessel_columns(), self)
        self.vessel_proxy = sortable(self.vessel_model, self)
        self.vessel_view = self._table(self.vessel_proxy, group)
        self.vessel_view.selectionModel().selectionChanged.connect(self._vessel_selected)
        self.trip_model = FrameTableModel(trip_columns(), self)
        self.trip_proxy = sortable(self.trip_model, self)
        self.trip_view = self._table(self.trip_proxy, group)
        self.trip_view.selectionModel().selectionChanged.connect(self._trip_selected)
        # largest first until the user sorts otherwise
        self.vessel_view.sortByColumn(self.vessel_model.column_index("barrels"), Qt.SortOrder.DescendingOrder)
        self.trip_view.sortByColumn(self.trip_model.column_index("arrival"), Qt.SortOrder.AscendingOrder)
        self.chart = CumulativeChartWidget(group)
        self.tabs.addTab(self.vessel_view, self.tr("Vessels"))
        self.tabs.addTab(self.trip_view, self.tr("Trips"))
        self.tabs.addTab(self.chart, self.tr("Chart"))
        box.addWidget(self.tabs)
        self.assumptions_label = QLabel(group)
        self.assumptions_label.setWordWrap(True)
        box.addWidget(self.assumptions_label)
        row = QHBoxLayout()
        self.export_pdf_button = QPushButton(self.tr("Export report"), group)
        self.export_tables_button = QPushButton(self.tr("Export tables"), group)
        self.export_pdf_button.setToolTip(self.tr("The map and report as PDF, or page 1 as a PNG image"))
        self.export_tables_button.setToolTip(self.tr("The trips and vessels tables as CSV or GeoPackage"))
        for button in (self.export_pdf_button, self.export_tables_button):
            button.setEnabled(False)
            row.addWidget(button)
        self.export_pdf_button.clicked.connect(self._ask_report)
        self.export_tables_button.clicked.connect(self._ask_tables)
        box.addLayout(row)
        return group

    def _table(self, model, parent: QWidget) -> QTableView:
        view = QTableView(parent)
        view.setModel(model)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.setMinimumHeight(180)
        view.setAlternatingRowColors(True)
        return view

    def _product_name(self, product: str) -> str:
        names = {"diesel": self.tr("diesel"), "gasoil": self.tr("gasoil"), "gasoline": self.tr("gasoline"),
                 "kerosene": self.tr("kerosene"), "fuel_oil": self.tr("fuel oil"), "crude": self.tr("crude oil"),
                 "lpg": self.tr("LPG")}
        return names.get(product, product)

    # ------------------------------------------------------------------ loading
    def load_from_inputs(self) -> None:
        """Load the AIS files (or the chosen point layer) with the optional sightings/particulars."""
        paths = QgsFileWidget.splitFilePaths(self.ais_files.filePath())
        request = LoadRequest(ais_paths=[p for p in paths if p], sightings=self.sightings_file.filePath() or None,
                              particulars=self.particulars_file.filePath() or None)
        layer = self.layer_combo.currentLayer()
        if not request.ais_paths and isinstance(layer, QgsVectorLayer):
            # features are read here, on the main thread; the parsing runs in the task
            request.layer_frame = layer_to_frame(layer)
            request.layer_name = layer.name()
        if not request.ais_paths and request.layer_frame is None:
            self._message(self.tr("Choose AIS files or a point layer first."), Qgis.MessageLevel.Warning)
            return
        self.start_load(request)

    def load_demo(self) -> None:
        """Load the simulated 2024 Vostochny data (generated on first use)."""
        self.start_load(prepare_demo(demo_folder()))

    def start_load(self, request: LoadRequest) -> LoadDatasetTask:
        """Start loading in the background; results arrive in :meth:`_loaded`."""
        if self.task is not None:
            self.task.cancel()
        self.load_button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.data_summary.setText(self.tr("Loading... (progress and cancel in the task manager)"))
        task = LoadDatasetTask(request, lambda dataset, error: self._loaded(task, request, dataset, error))
        self.task = task
        QgsApplication.taskManager().addTask(task)
        return task

    def _loaded(self, task: LoadDatasetTask, request: LoadRequest, dataset: Optional[Dataset], error: str) -> None:
        if task is not self.task:  # a load the user replaced by a newer one
            return
        self.task = None
        self.load_button.setEnabled(True)
        self.demo_button.setEnabled(True)
        if dataset is None:
            self.data_summary.setText(self.tr("Loading failed or was cancelled: {error}").format(error=error))
            self._message(self.tr("Tanker Watch could not load the data: {error}").format(error=error),
                          Qgis.MessageLevel.Critical)
            return
        self.dataset = dataset
        self.notice = self.tr("Simulated demo data based on public reporting.") if request.demo_folder else ""
        self.notice_label.setText(self.notice)
        self.notice_label.setVisible(bool(self.notice))
        self._show_summary(dataset)
        self._set_period(dataset)
        try:
            add_to_project(dataset_layers(dataset, output_gpkg_path(), self.notice))
        except Exception as exc:  # noqa: BLE001 - shown to the user, details in the log
            LOG.exception("Writing the layers failed")
            self._message(self.tr("The layers could not be written: {error}").format(error=exc),
                          Qgis.MessageLevel.Critical)
        self._set_analysis_enabled(True)
        self.recompute()

    def _show_summary(self, dataset: Dataset) -> None:
        lines = list(dataset.read_warnings) + list(dataset.cleaning.lines())
        if dataset.read_issue_count:
            lines.append(self.tr("{n} rows could not be read (details in the log).").format(
                n=f"{dataset.read_issue_count:,}"))
            for issue in dataset.read_issues[:20]:
                LOG.warning("%s", issue)
        for issue in dataset.input_issues[:20]:
            LOG.warning("%s", issue)
        if dataset.input_issues:
            lines.append(self.tr("{n} problems in the sightings/particulars files (details in the log).").format(
                n=len(dataset.input_issues)))
        lines.append(dataset.sanctions_label())
        self.data_summary.setText("\n".join(lines))

    def _set_period(self, dataset: Dataset) -> None:
        times = dataset.positions["time"]
        if times.empty:
            return
        for edit, stamp in ((self.start_edit, times.min()), (self.end_edit, times.max())):
            edit.blockSignals(True)
            edit.setDateTime(QDateTime(QDate(stamp.year, stamp.month, stamp.day), QTime(0, 0), Qt.TimeSpec.UTC))
            edit.blockSignals(False)

    def _set_analysis_enabled(self, enabled: bool) -> None:
        for widget in (self.start_edit, self.end_edit, self.tankers_only, self.sanctioned_only, self.flag_filter,
                       self.product_combo, self.fill_spin, self.cargo_spin):
            widget.setEnabled(enabled)

    # ------------------------------------------------------------------ region
    def _activate(self, tool) -> None:
        if self.iface is not None and tool is not None:
            self.iface.mapCanvas().setMapTool(tool)

    def region_from_active_selection(self) -> None:
        layer = self.iface.activeLayer() if self.iface is not None else None
        geometry = region_from_selection(layer) if isinstance(layer, QgsVectorLayer) else None
        if geometry is None:
            self._message(self.tr("Select one or more polygons of the active layer first."),
                          Qgis.MessageLevel.Warning)
            return
        self.set_region(geometry)

    def set_region(self, geometry: QgsGeometry, save: bool = True) -> None:
        """Use ``geometry`` (EPSG:4326 polygon) as the region: show it, keep it in the project, analyse."""
        self.region = QgsGeometry(geometry)
        if self.band is not None:
            self.band.show(self.region)
        if save:
            save_region(QgsProject.instance(), self.region)
        box = self.region.boundingBox()
        self.region_label.setText(self.tr("Region set: {w:.3f}-{e:.3f} E, {s:.3f}-{n:.3f} N").format(
            w=box.xMinimum(), e=box.xMaximum(), s=box.yMinimum(), n=box.yMaximum()))
        if self.iface is not None:
            self.iface.mapCanvas().unsetMapTool(self.polygon_tool)
            self.iface.mapCanvas().unsetMapTool(self.rectangle_tool)
        self.recompute()

    def restore_region(self) -> None:
        """Show the region stored in the (just read) project, or forget the old one."""
        geometry = load_region(QgsProject.instance())
        if geometry is None:
            self.region = None
            if self.band is not None:
                self.band.clear()
            self.region_label.setText(self.tr("No region yet: draw one on the map."))
        else:
            self.set_region(geometry, save=False)

    # ------------------------------------------------------------------ analysis
    def schedule_recompute(self, *_args) -> None:
        self._timer.start()

    def assumptions(self) -> Assumptions:
        defaults = Assumptions()
        return dataclasses.replace(defaults, product=self.product_combo.currentData() or defaults.product,
                                   fill_central=round(self.fill_spin.value(), 4),
                                   cargo_share=round(self.cargo_spin.value(), 4))

    def _period(self) -> tuple[Optional[pd.Timestamp], Optional[pd.Timestamp]]:
        start = self.start_edit.dateTime().date()
        end = self.end_edit.dateTime().date()
        return (pd.Timestamp(start.toString("yyyy-MM-dd"), tz="UTC"),
                pd.Timestamp(end.toString("yyyy-MM-dd") + "T23:59:59", tz="UTC"))

    def recompute(self) -> Optional[RegionResult]:
        """Analyse the region now with the current period, filters and assumptions."""
        self._timer.stop()
        if self.dataset is None or self.region is None:
            return None
        start, end = self._period()
        flags = [f.strip().upper() for f in self.flag_filter.text().replace(";", ",").split(",") if f.strip()]
        try:
            result = analyse_region(self.dataset, self.region.asWkt(7), start=start, end=end,
                                    tankers_only=self.tankers_only.isChecked(),
                                    sanctioned_only=self.sanctioned_only.isChecked(), flags=flags or None,
                                    assumptions=self.assumptions())
        except Exception as exc:  # noqa: BLE001 - shown to the user, details in the log
            LOG.exception("The region analysis failed")
            self._message(self.tr("The analysis failed: {error}").format(error=exc), Qgis.MessageLevel.Critical)
            return None
        self.result = result
        self._show_result(result)
        try:
            add_to_project(region_layers(result, self.region.asWkt(7), output_gpkg_path(), self.notice))
        except Exception as exc:  # noqa: BLE001
            LOG.exception("Writing the trips layer failed")
            self._message(self.tr("The trips layer could not be written: {error}").format(error=exc),
                          Qgis.MessageLevel.Critical)
        return result

    def _show_result(self, result: RegionResult) -> None:
        head = result.headline()
        lines = [
            self.tr("<b>{trips}</b> trips (confirmed and inferred), <b>{laden}</b> left laden; "
                    "{possible} possible trips not counted.").format(
                trips=head["trips"], laden=head["laden_trips"], possible=head["possible_trips"]),
            self.tr("<b>{vessels}</b> vessels.").format(vessels=head["vessels"]),
            self.tr("Estimated barrels: <b>{central}</b> (range {low} to {high}).").format(
                central=f"{head['barrels']:,}", low=f"{head['barrels_low']:,}", high=f"{head['barrels_high']:,}"),
        ]
        for year, share in sorted(head["cap_share_by_year"].items()):
            lines.append(self.tr("{year}: {central:.0%} of the UN annual cap (range {low:.0%} to {high:.0%}).").format(
                year=year, central=share["central"], low=share["low"], high=share["high"]))
        if self.notice:
            lines.insert(0, f"<i>{self.notice}</i>")
        self.headline_label.setText("<br>".join(lines))
        self.assumptions_label.setText(self.tr("Assumptions:") + " " + " ".join(result.assumptions.describe()))
        self.vessel_model.set_frame(result.vessels)
        self.trip_model.set_frame(result.trips)
        for view in (self.vessel_view, self.trip_view):
            view.resizeColumnsToContents()
        for button in (self.export_pdf_button, self.export_tables_button):
            button.setEnabled(True)
        self.chart.set_data(result.cumulative, result.assumptions.un_cap_bbl, self.notice)

    # ------------------------------------------------------------------ selection on the map
    def trips_layer(self) -> Optional[QgsVectorLayer]:
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer_key(layer) == "trips":
                return layer
        return None

    def _selected_values(self, view: QTableView, model: FrameTableModel, column: str) -> list:
        rows = {self._source_row(view, index) for index in view.selectionModel().selectedRows()}
        frame = model.frame()
        return [frame[column].iat[row] for row in sorted(rows) if row is not None]

    @staticmethod
    def _source_row(view: QTableView, index) -> Optional[int]:
        source = view.model().mapToSource(index)
        return source.row() if source.isValid() else None

    def _trip_selected(self, *_args) -> None:
        self.select_on_map("trip_id", self._selected_values(self.trip_view, self.trip_model, "trip_id"))

    def _vessel_selected(self, *_args) -> None:
        self.select_on_map("mmsi", self._selected_values(self.vessel_view, self.vessel_model, "mmsi"))

    def select_on_map(self, field: str, values: list) -> None:
        """Select the trips whose ``field`` is in ``values`` on the trips layer and zoom to them."""
        layer = self.trips_layer()
        if layer is None:
            return
        if not values:
            layer.removeSelection()
            return
        quoted = ", ".join(QgsExpression.quotedValue(v if isinstance(v, str) else int(v)) for v in values)
        layer.selectByExpression(f"{QgsExpression.quotedColumnRef(field)} IN ({quoted})")
        if self.iface is not None and layer.selectedFeatureCount():
            canvas = self.iface.mapCanvas()
            box = layer.boundingBoxOfSelected()
            transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(),
                                               QgsProject.instance())
            box = transform.transformBoundingBox(box)
            box.grow(max(box.width(), box.height(), 0.05 * canvas.extent().width()) * 0.5)
            canvas.setExtent(box)
            canvas.refresh()

    # ------------------------------------------------------------------ export
    def _ask_tables(self) -> None:
        csv_filter, gpkg_filter = self.tr("CSV files in a folder (*.csv)"), self.tr("GeoPackage (*.gpkg)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the trips and vessels tables"), "",
                                                   f"{csv_filter};;{gpkg_filter}")
        if not path:
            return
        if chosen == gpkg_filter or path.lower().endswith(".gpkg"):
            target = Path(path if path.lower().endswith(".gpkg") else path + ".gpkg")
            self.export_tables_to({"trips": target, "vessels": target}, "gpkg")
        else:
            self.export_tables_to(Path(path).parent if Path(path).suffix else Path(path), "csv")

    def _ask_report(self) -> None:
        pdf_filter, png_filter = self.tr("PDF report (*.pdf)"), self.tr("PNG map, page 1 (*.png)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Save the report as"), "",
                                                   f"{pdf_filter};;{png_filter}")
        if not path:
            return
        suffix = ".png" if chosen == png_filter or path.lower().endswith(".png") else ".pdf"
        self.export_report_to(Path(path if path.lower().endswith(suffix) else path + suffix))

    def export_tables_to(self, target: Path | dict, fmt: str = "csv") -> dict:
        """Write the trips and vessels tables of the current result (see :func:`export.export_tables`)."""
        try:
            paths = export_tables(self.result, target, fmt, self.notice)
        except Exception as exc:  # noqa: BLE001
            LOG.exception("Exporting the tables failed")
            self._message(self.tr("The tables could not be exported: {error}").format(error=exc),
                          Qgis.MessageLevel.Critical)
            return {}
        self._message(self.tr("Tables written to {folder}").format(
            folder=", ".join(sorted({str(p) for p in paths.values()}))), Qgis.MessageLevel.Success)
        return paths

    def export_report_to(self, path: Path) -> Optional[Path]:
        """Build the print layout of the current result (added to the project, editable in the layout
        designer) and export it: a PDF report, or page 1 as PNG when ``path`` ends in ``.png``."""
        project = QgsProject.instance()
        layers = [layer for layer in project.mapLayers().values()
                  if isinstance(layer, QgsVectorLayer) and layer_key(layer)]
        try:
            layout = build_layout(project, self.dataset, self.result, layers, title=self.tr("Tanker Watch report"),
                                  notice=self.notice, region_wkt=self.region.asWkt(7))
            done = export_png(layout, path) if path.suffix.lower() == ".png" else export_pdf(layout, path)
        except Exception as exc:  # noqa: BLE001
            LOG.exception("Exporting the report failed")
            self._message(self.tr("The report could not be exported: {error}").format(error=exc),
                          Qgis.MessageLevel.Critical)
            return None
        self._message(self.tr("Report written to {path}").format(path=path), Qgis.MessageLevel.Success)
        return done

    # ------------------------------------------------------------------ helpers
    def _message(self, text: str, level: Qgis.MessageLevel) -> None:
        LOG.log(logging.ERROR if level == Qgis.MessageLevel.Critical else
                logging.INFO if level == Qgis.MessageLevel.Success else logging.WARNING, "%s", text)
        if self.iface is not None:
            duration = 0 if level == Qgis.MessageLevel.Critical else 8
            self.iface.messageBar().pushMessage(self.tr("Tanker Watch"), text, level, duration)

    def cleanup(self) -> None:
        """Remove the canvas items and map tools (plugin unload)."""
        self._timer.stop()
        if self.task is not None:
            self.task.cancel()
        if self.iface is not None:
            canvas = self.iface.mapCanvas()
            for tool in (self.polygon_tool, self.rectangle_tool):
                if tool is not None:
                    canvas.unsetMapTool(tool)
                    tool.remove()
        if self.band is not None:
            self.band.remove()
        self.band = self.polygon_tool = self.rectangle_tool = None
