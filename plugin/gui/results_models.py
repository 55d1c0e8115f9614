"""Table models showing result frames (per vessel, per trip) in sortable ``QTableView`` s."""
from __future__ import annotations

import math
from typing import Any

import pandas as pd
from qgis.PyQt.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


# (frame column, header); the headers are marked for pylupdate5 and translated when shown
VESSEL_COLUMNS = [
    ("name", QT_TRANSLATE_NOOP("ResultsModels", "Vessel")), ("imo", QT_TRANSLATE_NOOP("ResultsModels", "IMO")),
    ("flag", QT_TRANSLATE_NOOP("ResultsModels", "Flag")), ("trips", QT_TRANSLATE_NOOP("ResultsModels", "Trips")),
    ("possible_trips", QT_TRANSLATE_NOOP("ResultsModels", "Possible")),
    ("laden_trips", QT_TRANSLATE_NOOP("ResultsModels", "Laden")),
    ("barrels", QT_TRANSLATE_NOOP("ResultsModels", "Barrels")),
    ("barrels_low", QT_TRANSLATE_NOOP("ResultsModels", "Low")),
    ("barrels_high", QT_TRANSLATE_NOOP("ResultsModels", "High")), ("dwt", QT_TRANSLATE_NOOP("ResultsModels", "DWT")),
    ("listed", QT_TRANSLATE_NOOP("ResultsModels", "Sanctioned")),
    ("lists", QT_TRANSLATE_NOOP("ResultsModels", "Lists")),
    ("mmsi", QT_TRANSLATE_NOOP("ResultsModels", "MMSI")),
]
TRIP_COLUMNS = [
    ("trip_id", QT_TRANSLATE_NOOP("ResultsModels", "Trip")), ("name", QT_TRANSLATE_NOOP("ResultsModels", "Vessel")),
    ("arrival", QT_TRANSLATE_NOOP("ResultsModels", "Arrival")),
    ("departure", QT_TRANSLATE_NOOP("ResultsModels", "Departure")),
    ("level", QT_TRANSLATE_NOOP("ResultsModels", "Level")), ("laden_state", QT_TRANSLATE_NOOP("ResultsModels", "Load")),
    ("barrels_central", QT_TRANSLATE_NOOP("ResultsModels", "Barrels")),
    ("ports", QT_TRANSLATE_NOOP("ResultsModels", "Ports")),
    ("listed", QT_TRANSLATE_NOOP("ResultsModels", "Sanctioned")),
    ("imo", QT_TRANSLATE_NOOP("ResultsModels", "IMO")), ("mmsi", QT_TRANSLATE_NOOP("ResultsModels", "MMSI")),
]

# coded values shown in words (trip level, laden state)
VALUE_LABELS = {
    "confirmed": QT_TRANSLATE_NOOP("ResultsModels", "confirmed"),
    "inferred": QT_TRANSLATE_NOOP("ResultsModels", "inferred"),
    "possible": QT_TRANSLATE_NOOP("ResultsModels", "possible"),
    "laden": QT_TRANSLATE_NOOP("ResultsModels", "laden"),
    "ballast": QT_TRANSLATE_NOOP("ResultsModels", "ballast"),
    "unknown": QT_TRANSLATE_NOOP("ResultsModels", "unknown"),
}
CODED_COLUMNS = ("level", "laden_state")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ResultsModels", text)


def vessel_columns() -> list[tuple[str, str]]:
    """(frame column, translated header) of the per-vessel table."""
    return [(column, _tr(header)) for column, header in VESSEL_COLUMNS]


def trip_columns() -> list[tuple[str, str]]:
    """(frame column, translated header) of the per-trip table."""
    return [(column, _tr(header)) for column, header in TRIP_COLUMNS]


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def display_text(value: Any) -> str:
    """A cell as text: whole numbers with separators, times in UTC to the minute, booleans as yes/no."""
    if _missing(value):
        return ""
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return QCoreApplication.translate("ResultsModels", "yes") if value else ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        return f"{float(value):,.0f}"
    if type(value).__name__.startswith("int"):
        return f"{int(value):,}" if abs(int(value)) >= 10000 else str(int(value))
    return str(value)


class FrameTableModel(QAbstractTableModel):
    """Read-only model over selected columns of a frame; the raw value is the sort key."""

    def __init__(self, columns: list[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._frame = pd.DataFrame(columns=[c for c, _ in columns])

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame.reindex(columns=[c for c, _ in self._columns]).reset_index(drop=True)
        self.endResetModel()

    def frame(self) -> pd.DataFrame:
        return self._frame

    def column_index(self, name: str) -> int:
        return [c for c, _ in self._columns].index(name)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._frame.iat[index.row(), index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if self._columns[index.column()][0] in CODED_COLUMNS and value in VALUE_LABELS:
                return _tr(VALUE_LABELS[value])
            return display_text(value)
        if role == SORT_ROLE:
            if _missing(value):
                return ""
            if isinstance(value, pd.Timestamp):
                return value.isoformat()
            if type(value).__name__.startswith(("int", "float", "bool")):
                return float(value)
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and type(value).__name__.startswith(("int", "float")):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][1]
        return None


def sortable(model: FrameTableModel, parent=None) -> QSortFilterProxyModel:
    """A proxy sorting ``model`` by raw values."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy
