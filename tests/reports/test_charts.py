"""The cost build-up chart: the same drawing as PDF and as SVG."""

from __future__ import annotations

import io
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import replace
from decimal import Decimal

from pypdf import PdfReader
from reportlab.graphics import renderPDF

from costready.costing.results import LazyBreakdown
from costready.reports.charts import cost_buildup_drawing, drawing_to_svg, per_unit_parts
from tests.reports.builders import TEA, example_result, large_result

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def test_segments_a_unit_add_up_to_the_price() -> None:
    for service in example_result().services:
        parts = per_unit_parts(service)
        assert sum(parts) == service.price
        assert parts[0] == service.direct_staff / service.planned_units
        assert all(part >= 0 for part in parts)


def test_drawing_reads_overhead_total_and_never_builds_the_line_breakdown() -> None:
    def build() -> dict[str, Decimal]:
        raise AssertionError("the per-line breakdown was built for a chart")

    service = example_result().services[0]
    lazy = replace(service, overheads=LazyBreakdown(build))
    assert per_unit_parts(lazy)[2] == service.overhead_total / service.planned_units
    result = replace(example_result(), services=(lazy,))
    assert drawing_to_svg(cost_buildup_drawing(result)).startswith(b"<?xml")


def test_svg_is_well_formed_with_names_prices_legend_and_axis() -> None:
    svg = drawing_to_svg(cost_buildup_drawing(example_result()))
    texts = svg_texts(svg)
    assert TEA in texts
    assert "£27.35" in texts and "£16.50" in texts
    for label in ("Direct staff", "Other direct costs", "Overheads", "Surplus"):
        assert label in texts
    assert "£0" in texts and "£30" in texts


def test_the_same_drawing_renders_to_pdf() -> None:
    pdf = renderPDF.drawToString(cost_buildup_drawing(example_result()))
    assert pdf.startswith(b"%PDF")


def test_chosen_services_only() -> None:
    texts = svg_texts(drawing_to_svg(cost_buildup_drawing(example_result(), ["befriending"])))
    assert "Befriending visit" in texts
    assert "Home support" not in texts


def test_height_grows_with_services_unless_given() -> None:
    result = example_result()
    one = cost_buildup_drawing(result, ["home-support"])
    three = cost_buildup_drawing(result)
    fixed = cost_buildup_drawing(result, height=200)
    assert three.height > one.height
    assert fixed.height == 200


def test_no_services_and_no_units_do_not_break() -> None:
    result = example_result()
    empty = cost_buildup_drawing(result, [])
    assert "No services to show" in svg_texts(drawing_to_svg(empty))
    idle = replace(result, services=(replace(result.services[0], planned_units=Decimal(0)),))
    assert per_unit_parts(idle.services[0]) == (Decimal(0),) * 4
    assert drawing_to_svg(cost_buildup_drawing(idle)).startswith(b"<?xml")


def test_long_names_are_shortened_to_fit() -> None:
    _scenario, result = large_result(3)
    texts = svg_texts(drawing_to_svg(cost_buildup_drawing(result, width=300)))
    assert any(text.endswith("…") for text in texts)


def test_two_hundred_services_render() -> None:
    _scenario, result = large_result(200)
    svg = drawing_to_svg(cost_buildup_drawing(result))
    assert len(svg_texts(svg)) > 400  # a name and a price for each bar


def test_labels_in_every_script_use_the_pdf_fonts_and_fallbacks() -> None:
    name = "Gŵyl Tŷ 社区 🎉"
    result = example_result(name)
    drawing = cost_buildup_drawing(result)
    pdf = renderPDF.drawToString(drawing)
    assert b"Helvetica" not in pdf
    assert b"DejaVuSans" in pdf and b"DroidSansFallback" in pdf and b"Symbola" in pdf
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Gŵyl Tŷ" in text and "社区" in text and "🎉" in text


def test_svg_names_fonts_the_screen_knows_and_keeps_every_character() -> None:
    name = "Gŵyl Tŷ 社区 خدمة 🎉"
    svg = drawing_to_svg(cost_buildup_drawing(example_result(name)))
    root = ET.fromstring(svg)
    styles = " ".join(node.get("style", "") for node in root.iter(f"{SVG}text"))
    assert "font-family: DejaVu Sans" in styles and "CostReady-" not in styles
    assert "font-weight: bold" in styles  # the prices
    joined = unicodedata.normalize("NFKC", "".join(svg_texts(svg)))
    for part in ("Gŵyl Tŷ", "社区", "🎉", "ةمدخ"):  # Arabic drawn right to left
        assert part in joined
