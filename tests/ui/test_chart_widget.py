"""The chart widget: the reportlab cost build-up drawn on screen as SVG."""

from __future__ import annotations

import pytest

from costready.costing.engine import price_scenario
from costready.ui.chart_widget import ChartWidget, for_screen

# The offscreen platform says this when a top-level widget is shown; it is not our warning.


@pytest.fixture
def result(example_model):
    return price_scenario(example_model.scenario)


@pytest.fixture
def chart(qtbot):
    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.resize(600, 200)
    widget.show()
    return widget


def test_draws_one_service(chart, result):
    assert chart.show_chart(result, ["home-support"])
    assert chart.has_chart
    assert chart.svg.isVisible()
    assert not chart.svg.renderer().defaultSize().isEmpty()
    assert "Home support" in chart.svg.toolTip()
    assert "£27.35" in chart.svg.toolTip()
    assert "Day activities" not in chart.svg.toolTip()


def test_draws_every_service_taller_than_one(chart, result):
    chart.show_chart(result, ["befriending"])
    one = chart.heightForWidth(600)
    assert chart.show_chart(result, None)
    assert chart.heightForWidth(600) > one
    assert "Befriending visit" in chart.svg.toolTip()


def test_says_why_there_is_no_chart(chart, result):
    chart.show_chart(result, None)
    assert not chart.show_chart(None, None)
    assert not chart.has_chart
    assert chart.message.isVisible()
    assert "priced" in chart.message.text()


def test_the_screen_svg_has_no_clip_box(result):
    from costready.reports.charts import cost_buildup_drawing, drawing_to_svg

    raw = drawing_to_svg(cost_buildup_drawing(result, None))
    shown = for_screen(raw)
    assert b"<clipPath" in raw  # what reportlab writes, which Qt SVG paints as a black box
    assert b"clipPath" not in shown and b"clip-path" not in shown
    assert shown.count(b"<rect") == raw.count(b"<rect") - 1


def test_the_pdfs_face_is_loaded_when_a_chart_first_needs_it(qtbot, result, monkeypatch):
    """Not at start-up: building the window loads no font; the first chart loads DejaVu Sans."""
    from PySide6.QtGui import QFontDatabase

    from costready.ui import fonts
    from costready.ui.main_window import MainWindow

    loaded: list[str] = []
    real = QFontDatabase.addApplicationFont

    def record(path: str) -> int:
        loaded.append(path.rsplit("/", 1)[-1])
        return real(path)

    monkeypatch.setattr(fonts, "_loaded", {})
    monkeypatch.setattr(QFontDatabase, "addApplicationFont", record)
    window = MainWindow()
    qtbot.addWidget(window)
    assert loaded == []
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.resize(600, 200)
    chart.show()
    assert chart.show_chart(result, ["home-support"])
    assert loaded == ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]
    assert "DejaVu Sans" in QFontDatabase.families()
    chart.show_chart(result, None)  # once is enough
    assert loaded == ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]
