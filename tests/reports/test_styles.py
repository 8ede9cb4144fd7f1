"""The shared PDF helpers: typed text stays literal, dates and amounts in UK form."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from pypdf import PdfReader
from reportlab.platypus import Paragraph

from costready.reports import styles

AWKWARD = 'Tea & <Cake> "club" </para> <b>not bold'


def test_para_keeps_markup_characters_literal() -> None:
    assert styles.para(AWKWARD).getPlainText() == AWKWARD


def test_para_keeps_line_breaks() -> None:
    paragraph = styles.para("The Old Chapel\n12 Mill Lane")
    assert "<br/>" in paragraph.text
    assert "Mill Lane" in paragraph.getPlainText()


def test_cell_is_a_plain_string_when_it_fits_else_an_escaped_paragraph() -> None:
    assert styles.cell("Tea & <Cake>", 200) == "Tea & <Cake>"
    wrapped = styles.cell(AWKWARD * 3, 60)
    assert isinstance(wrapped, Paragraph)
    assert wrapped.getPlainText() == AWKWARD * 3


def test_formats_are_british() -> None:
    assert styles.day(date(2026, 4, 1)) == "01/04/2026"
    assert styles.long_day(date(2026, 4, 1)) == "1 April 2026"
    assert styles.money(Decimal("1234.5")) == "£1,234.50"
    assert styles.percent(Decimal("0.125")) == "12.5%"
    assert styles.number(Decimal("900")) == "900"
    assert styles.number(Decimal("4446.624")) == "4,446.624"  # the places a sum used
    assert styles.number(Decimal("922.50")) == "922.5"  # one quantity, one form


def test_built_document_carries_typed_text_and_page_numbers() -> None:
    buffer = io.BytesIO()
    story = [styles.para(AWKWARD * 40, "body")]
    styles.build(buffer, story, title="T", author="A", footer="Foot & <note>", draft=True)
    buffer.seek(0)
    text = " ".join(PdfReader(buffer).pages[0].extract_text().split())
    assert AWKWARD.split(" <b>")[0] in text
    assert "Foot & <note>" in text
    assert "Page 1 of 1" in text
    assert "DRAFT" in text
