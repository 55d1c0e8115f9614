"""Cumulative barrels per calendar year against the UN cap, drawn with QPainter (no matplotlib).

One drawing routine, :func:`paint_cumulative_chart`, serves the dock (:class:`CumulativeChartWidget`)
and the report (:func:`render_cumulative_chart`).
"""
from __future__ import annotations

import math

import pandas as pd
from qgis.PyQt.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

BAND_COLOUR = QColor(214, 96, 77, 70)
LINE_COLOUR = QColor(178, 24, 43)
CAP_COLOUR = QColor(33, 102, 172)
GRID_COLOUR = QColor(225, 225, 225)
TEXT_COLOUR = QColor(40, 40, 40)


# Named "translate" so that pylupdate5 extracts the strings (it ignores other wrappers).
translate = QCoreApplication.translate


def nice_step(span: float, target_ticks: int = 5) -> float:
    """A 1/2/2.5/5 x 10^n step giving about ``target_ticks`` ticks over ``span``."""
    if span <= 0:
        return 1.0
    raw = span / target_ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _epoch_days(stamps: pd.Series) -> list[float]:
    values = pd.to_datetime(stamps, utc=True)
    return [(v - pd.Timestamp("1970-01-01", tz="UTC")).total_seconds() / 86400.0 for v in values]


def _step_points(xs: list[float], ys: list[float], x_end: float) -> list[tuple[float, float]]:
    """Points of a step line starting at 0 on the first x and held to ``x_end``."""
    points = [(xs[0], 0.0)]
    previous = 0.0
    for x, y in zip(xs, ys):
        points.append((x, previous))
        points.append((x, y))
        previous = y
    points.append((x_end, previous))
    return points


def paint_cumulative_chart(painter: QPainter, rect: QRectF, cumulative: pd.DataFrame | None, cap_bbl: int,
                           notice: str = "") -> None:
    """Draw the chart into ``rect``: per calendar year, the low-high band (shaded) and the
    central cumulative barrels (line) by departure date, and the cap as a dashed line."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(rect, QColor(255, 255, 255))
    base = max(6.0, min(rect.height() / 32.0, rect.width() / 80.0))
    font = QFont()
    font.setPointSizeF(base)
    bold = QFont(font)
    bold.setBold(True)
    bold.setPointSizeF(base * 1.1)
    painter.setFont(font)
    metrics_h = painter.fontMetrics().height()
    title_h = metrics_h * 1.6
    painter.setPen(TEXT_COLOUR)
    painter.setFont(bold)
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h),
                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                     translate("CumulativeChart",
                               "Estimated barrels delivered, cumulative per calendar year, vs the UN cap"))
    painter.setFont(font)
    notice_h = metrics_h * 1.3 if notice else 0.0
    left = rect.left() + painter.fontMetrics().horizontalAdvance("0,000,000") + metrics_h
    plot = QRectF(left, rect.top() + title_h, rect.right() - left - metrics_h,
                  rect.height() - title_h - metrics_h * 3.2 - notice_h)
    if notice:
        painter.setPen(LINE_COLOUR)
        painter.drawText(QRectF(rect.left(), rect.bottom() - notice_h, rect.width(), notice_h),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), notice)
        painter.setPen(TEXT_COLOUR)
    data = cumulative if cumulative is not None else pd.DataFrame()
    if plot.width() < 20 or plot.height() < 20:
        painter.restore()
        return
    if data.empty:
        painter.setPen(QPen(GRID_COLOUR))
        painter.drawRect(plot)
        painter.setPen(TEXT_COLOUR)
        painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter),
                         translate("CumulativeChart", "No counted trips: nothing to chart"))
        painter.restore()
        return

    data = data.sort_values("date")
    years = sorted(int(y) for y in data["year"].unique())
    year_start = {y: _epoch_days(pd.Series([pd.Timestamp(f"{y}-01-01", tz="UTC")]))[0] for y in years + [years[-1] + 1]}
    xs_all = _epoch_days(data["date"])
    x_min = min(xs_all) - 7.0 if len(years) == 1 else year_start[years[0]]
    x_max = max(xs_all) + 7.0 if len(years) == 1 else min(year_start[years[-1] + 1], max(xs_all) + 7.0)
    if x_max - x_min < 30:
        x_max = x_min + 30
    y_max = max(float(cap_bbl) * 1.15, float(data["cumulative_high"].max()) * 1.08, 1.0)
    step = nice_step(y_max)
    y_max = math.ceil(y_max / step) * step

    def px(x: float) -> float:
        return plot.left() + (x - x_min) / (x_max - x_min) * plot.width()

    def py(y: float) -> float:
        return plot.bottom() - y / y_max * plot.height()

    # grid and y axis
    tick = 0.0
    while tick <= y_max + 1e-9:
        painter.setPen(QPen(GRID_COLOUR, 1))
        painter.drawLine(QPointF(plot.left(), py(tick)), QPointF(plot.right(), py(tick)))
        painter.setPen(TEXT_COLOUR)
        painter.drawText(QRectF(rect.left(), py(tick) - metrics_h / 2, plot.left() - rect.left() - metrics_h * 0.4,
                                metrics_h), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         f"{tick:,.0f}")
        tick += step
    # x axis: month ticks
    month = pd.Timestamp(pd.Timestamp(x_min, unit="D", tz="UTC").strftime("%Y-%m-01"), tz="UTC")
    last_label_right = -1e9
    while True:
        x = _epoch_days(pd.Series([month]))[0]
        if x > x_max:
            break
        if x >= x_min:
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(px(x), plot.top()), QPointF(px(x), plot.bottom()))
            label = month.strftime("%b %Y") if month.month == 1 or last_label_right < 0 else month.strftime("%b")
            width = painter.fontMetrics().horizontalAdvance(label)
            if px(x) - width / 2 > last_label_right + metrics_h * 0.3:
                painter.setPen(TEXT_COLOUR)
                painter.drawText(QRectF(px(x) - width, plot.bottom() + metrics_h * 0.2, width * 2, metrics_h),
                                 int(Qt.AlignmentFlag.AlignHCenter), label)
                last_label_right = px(x) + width / 2
        month = month + pd.offsets.MonthBegin(1)
    painter.setPen(QPen(TEXT_COLOUR, 1))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))

    for year in years:
        rows = data[data["year"] == year]
        xs = _epoch_days(rows["date"])
        x_end = min(x_max, year_start[year + 1])
        low = _step_points(xs, rows["cumulative_low"].astype(float).tolist(), x_end)
        high = _step_points(xs, rows["cumulative_high"].astype(float).tolist(), x_end)
        central = _step_points(xs, rows["cumulative_central"].astype(float).tolist(), x_end)
        band = QPolygonF([QPointF(px(x), py(y)) for x, y in high] + [QPointF(px(x), py(y)) for x, y in reversed(low)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(BAND_COLOUR))
        painter.drawPolygon(band)
        path = QPainterPath(QPointF(px(central[0][0]), py(central[0][1])))
        for x, y in central[1:]:
            path.lineTo(QPointF(px(x), py(y)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(LINE_COLOUR, max(1.5, base / 4)))
        painter.drawPath(path)
        cap_pen = QPen(CAP_COLOUR, max(1.5, base / 4), Qt.PenStyle.DashLine)
        painter.setPen(cap_pen)
        cap_left = max(x_min, year_start[year])
        painter.drawLine(QPointF(px(cap_left), py(cap_bbl)), QPointF(px(x_end), py(cap_bbl)))
        painter.setPen(CAP_COLOUR)
        painter.drawText(QRectF(px(cap_left) + metrics_h * 0.3, py(cap_bbl) - metrics_h * 1.1,
                                px(x_end) - px(cap_left), metrics_h), int(Qt.AlignmentFlag.AlignLeft),
                         translate("CumulativeChart", "UN cap {year}: {cap} bbl").format(year=year, cap=f"{cap_bbl:,}"))
        final = rows.iloc[-1]
        painter.setPen(LINE_COLOUR)
        text = translate("CumulativeChart", "{year}: {central} bbl ({low} to {high})").format(
            year=year, central=f"{final['cumulative_central']:,.0f}", low=f"{final['cumulative_low']:,.0f}",
            high=f"{final['cumulative_high']:,.0f}")
        width = painter.fontMetrics().horizontalAdvance(text)
        text_x = min(px(x_end) - width - metrics_h * 0.3, max(plot.left() + metrics_h * 0.3, px(xs[-1]) - width))
        text_y = min(py(float(final["cumulative_high"])) - metrics_h * 1.2, plot.bottom() - metrics_h * 1.2)
        text_y = max(plot.top(), text_y)
        painter.drawText(QRectF(text_x, text_y, width + 2, metrics_h), int(Qt.AlignmentFlag.AlignLeft), text)

    # legend under the axis
    legend_y = plot.bottom() + metrics_h * 1.5
    x = plot.left()
    swatch = metrics_h * 1.4
    for kind, label in (("band", translate("CumulativeChart", "low-high range")),
                        ("line", translate("CumulativeChart", "central estimate")),
                        ("cap", translate("CumulativeChart", "UN cap (resolution 2397)"))):
        if kind == "band":
            painter.fillRect(QRectF(x, legend_y + metrics_h * 0.2, swatch, metrics_h * 0.6), BAND_COLOUR)
        else:
            pen = QPen(LINE_COLOUR if kind == "line" else CAP_COLOUR, max(1.5, base / 4),
                       Qt.PenStyle.SolidLine if kind == "line" else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, legend_y + metrics_h / 2), QPointF(x + swatch, legend_y + metrics_h / 2))
        painter.setPen(TEXT_COLOUR)
        width = painter.fontMetrics().horizontalAdvance(label)
        painter.drawText(QRectF(x + swatch + metrics_h * 0.3, legend_y, width + 2, metrics_h),
                         int(Qt.AlignmentFlag.AlignLeft), label)
        x += swatch + width + metrics_h * 1.5
    painter.restore()


def render_cumulative_chart(cumulative: pd.DataFrame | None, cap_bbl: int, size: QSize,
                            notice: str = "") -> QImage:
    """The chart as an image of ``size`` (for the report and exports)."""
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    try:
        paint_cumulative_chart(painter, QRectF(0, 0, size.width(), size.height()), cumulative, cap_bbl, notice)
    finally:
        painter.end()
    return image


class CumulativeChartWidget(QWidget):
    """The chart in the dock; call :meth:`set_data` after each analysis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cumulative: pd.DataFrame | None = None
        self._cap = 500_000
        self._notice = ""
        self.setMinimumSize(QSize(280, 180))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, cumulative: pd.DataFrame | None, cap_bbl: int, notice: str = "") -> None:
        """Show ``cumulative`` (``RegionResult.cumulative``) against ``cap_bbl``."""
        self._cumulative = None if cumulative is None else cumulative.copy()
        self._cap = int(cap_bbl)
        self._notice = notice
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API name
        painter = QPainter(self)
        try:
            paint_cumulative_chart(painter, QRectF(self.rect()), self._cumulative, self._cap, self._notice)
        finally:
            painter.end()
