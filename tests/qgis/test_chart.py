"""The cumulative barrels chart (QPainter), for the dock and the report."""
from __future__ import annotations

import pandas as pd
import pytest

from tanker_watch.plugin.chart import nice_step


def _cumulative(dates: list[str], barrels: list[float]) -> pd.DataFrame:
    frame = pd.DataFrame({"date": pd.to_datetime(dates, utc=True), "barrels_central": barrels})
    frame["barrels_low"] = frame["barrels_central"] / 3
    frame["barrels_high"] = frame["barrels_central"] * 1.3
    frame["year"] = frame["date"].dt.year
    for kind in ("low", "central", "high"):
        frame[f"cumulative_{kind}"] = frame.groupby("year")[f"barrels_{kind}"].cumsum()
    frame["share_central"] = frame["cumulative_central"] / 500_000
    return frame


def _colours(image) -> dict:
    """Counts of a few colour classes over a grid of pixels."""
    counts = {"red": 0, "blue": 0, "non_white": 0}
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            r, g, b = colour.red(), colour.green(), colour.blue()
            if (r, g, b) != (255, 255, 255):
                counts["non_white"] += 1
            if r > 150 and g < 60 and b < 80:
                counts["red"] += 1
            if b > 140 and r < 80:
                counts["blue"] += 1
    return counts


@pytest.mark.parametrize("span, step", [(1_000_000, 200_000), (575_000, 200_000), (450_000, 100_000), (7, 2), (0, 1.0)])
def test_nice_step(span, step):
    assert nice_step(span) == step


def test_chart_renders_line_band_and_cap(qgis_app):
    from qgis.PyQt.QtCore import QSize

    from tanker_watch.plugin.chart import render_cumulative_chart

    data = _cumulative(["2024-03-09", "2024-05-01", "2024-07-01", "2024-10-01"], [20_000, 150_000, 200_000, 250_000])
    image = render_cumulative_chart(data, 500_000, QSize(900, 450), "Simulated demo data based on public reporting")
    assert (image.width(), image.height()) == (900, 450)
    counts = _colours(image)
    assert counts["red"] > 200, "central line and notice missing"
    assert counts["blue"] > 100, "cap line missing"
    assert counts["non_white"] > 0.05 * (450 * 225)


def test_chart_empty_data_says_so(qgis_app):
    from qgis.PyQt.QtCore import QSize

    from tanker_watch.plugin.chart import render_cumulative_chart

    empty = render_cumulative_chart(pd.DataFrame(), 500_000, QSize(600, 300))
    none = render_cumulative_chart(None, 500_000, QSize(600, 300))
    assert _colours(empty)["non_white"] > 100  # title and message
    assert _colours(empty)["blue"] == 0 and _colours(none)["blue"] == 0  # no cap line without data


def test_chart_multi_year_resets_each_year(qgis_app):
    """Two years: the cap is drawn once per year and the plot spans both."""
    from qgis.PyQt.QtCore import QSize

    from tanker_watch.plugin.chart import render_cumulative_chart

    one = _cumulative(["2024-03-09", "2024-10-01"], [300_000, 300_000])
    two = _cumulative(["2023-03-09", "2023-10-01", "2024-03-09", "2024-10-01"], [300_000, 300_000, 300_000, 300_000])
    assert list(two.groupby("year")["cumulative_central"].max()) == [600_000, 600_000]
    a = render_cumulative_chart(one, 500_000, QSize(1000, 400))
    b = render_cumulative_chart(two, 500_000, QSize(1000, 400))
    assert _colours(b)["red"] > _colours(a)["red"] * 1.3  # two staircases, two year labels


def test_chart_widget_paints(qgis_app):
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QImage

    from tanker_watch.plugin.chart import CumulativeChartWidget

    widget = CumulativeChartWidget()
    widget.resize(QSize(500, 300))
    widget.set_data(_cumulative(["2024-03-09", "2024-06-01"], [100_000, 450_000]), 500_000, "notice")
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    widget.render(image)
    assert _colours(image)["blue"] > 50
    widget.set_data(None, 500_000)
    widget.render(image)
