"""Shared PDF building blocks: page templates, fonts, paragraph and table styles, safe text."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from babel.dates import format_date
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LongTable,
    PageTemplate,
    Paragraph,
    TableStyle,
)

from costready.files import write_atomically
from costready.i18n import _
from costready.money import (
    format_money,
    format_number,
    format_percent,
    format_quantity,
    is_whole,
)
from costready.reports import fonts

PathOrFile = str | Path | BinaryIO

fonts.register()
FONT = fonts.SANS
FONT_BOLD = fonts.SANS_BOLD
MARGIN = 18 * mm
PORTRAIT = A4
LANDSCAPE = landscape(A4)

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9A9A9A")
HEADER_FILL = colors.HexColor("#E8EEF4")
STRIPE_FILL = colors.HexColor("#F6F8FA")
NEGATIVE = colors.HexColor("#B00020")
WATERMARK = colors.Color(0.80, 0.12, 0.12, alpha=0.18)


def _style(name: str, **kwargs: object) -> ParagraphStyle:
    base: dict[str, object] = {"fontName": FONT, "fontSize": 9, "leading": 11.5, "textColor": INK}
    base.update(kwargs)
    return ParagraphStyle(name, **base)


STYLES: dict[str, ParagraphStyle] = {
    "title": _style("title", fontName=FONT_BOLD, fontSize=20, leading=24, spaceAfter=6),
    # keepWithNext: a heading never ends a page with its content on the next
    "h1": _style(
        "h1",
        fontName=FONT_BOLD,
        fontSize=14,
        leading=17,
        spaceBefore=10,
        spaceAfter=6,
        keepWithNext=1,
    ),
    "h2": _style(
        "h2",
        fontName=FONT_BOLD,
        fontSize=11,
        leading=14,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=1,
    ),
    "body": _style("body", spaceAfter=4),
    "small": _style("small", fontSize=8, leading=10, textColor=MUTED),
    "draft": _style("draft", fontName=FONT_BOLD, fontSize=12, leading=15, textColor=NEGATIVE),
    "cell": _style("cell", fontSize=8.5, leading=10.5),
    "cell_bold": _style("cell_bold", fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
    "cell_num": _style("cell_num", fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
    "head": _style("head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
    "head_num": _style(
        "head_num", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
    ),
}


def para(text: str, style: str = "body") -> Paragraph:
    """A Paragraph of plain text: the ONE way text reaches a Paragraph, so `&`, `<`, `>` in
    anything a person typed appear literally and never break the PDF. Line breaks are kept;
    characters the main font lacks are drawn in a fallback font; right-to-left text is joined
    and ordered for display; text past fonts.MAX_CHARS is shortened with a note."""
    chosen = STYLES[style]
    text = str(text)
    if fonts.reordered(text):
        return _RightToLeft.made(text, chosen)
    return Paragraph(fonts.markup(text, chosen.fontName), chosen)


class _RightToLeft(Paragraph):
    """A paragraph with Arabic or Hebrew in it: broken into lines in typed order when its width
    is known, then each line put in display order (fonts.visual), so a long text reads from its
    first words down. One that starts right to left is aligned right."""

    _typed: str | None = None
    _laid_for: float | None = None

    @classmethod
    def made(cls, text: str, style: ParagraphStyle) -> _RightToLeft:
        if fonts.starts_right_to_left(text) and style.alignment != TA_RIGHT:
            style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        paragraph = cls(fonts.markup(text, style.fontName), style)
        paragraph._typed = text
        return paragraph

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._typed is not None and availWidth != self._laid_for:
            self._laid_for = availWidth
            style = self.style
            room = availWidth - style.leftIndent - style.rightIndent
            lines = fonts.broken_for_display(self._typed, style.fontName, style.fontSize, room)
            Paragraph.__init__(self, fonts.markup(lines, style.fontName, cut=False), style)
        return super().wrap(availWidth, availHeight)


def cell(text: str, width: float, style: str = "cell") -> Paragraph | str:
    """A table cell: text that fits on one line in the main font is drawn as a plain string
    (fast, and never read as markup); anything else becomes a wrapping, escaped Paragraph."""
    font = STYLES[style]
    room = width - 8  # the table's left and right padding
    if len(text) < 400:  # no line of a page holds more
        text = unicodedata.normalize("NFC", text)  # ŵ typed as w + accent: one glyph
    if (
        "\n" not in text
        and len(text) < 400
        and fonts.is_plain(text, font.fontName)
        and stringWidth(text, font.fontName, font.fontSize) <= room
    ):
        return text
    return para(text, style)


@lru_cache(maxsize=4096)
def money(amount: Decimal, locale: str = "en_GB") -> str:
    """£1,234.50 in the organisation's locale (cached: big reports repeat the same amounts)."""
    return format_money(amount, locale=locale)


def day(value: date, locale: str = "en_GB") -> str:
    """A date as dd/mm/yyyy."""
    return format_date(value, format="dd/MM/yyyy", locale=locale)


def long_day(value: date, locale: str = "en_GB") -> str:
    """A date as '1 April 2026'."""
    return format_date(value, format="d MMMM yyyy", locale=locale)


def percent(value: Decimal, locale: str = "en_GB") -> str:
    """0.05 -> 5%, 0.125 -> 12.5%: at most two places, half-up (as the screen shows it)."""
    return format_percent(value, locale, places=2)


def number(value: Decimal, locale: str = "en_GB", places: int | None = None) -> str:
    """A quantity such as paid hours or headcount, in the one form every screen shows it: to
    the places the calculation used (922.5, not 922.50); or, given `places`, whole numbers
    without decimals and others to `places` places (a figure only read, never multiplied)."""
    if places is None:
        return format_quantity(value, locale)
    return format_number(value, locale=locale, places=0 if is_whole(value) else places)


def table(
    rows: Sequence[Sequence[Flowable | str]],
    col_widths: Sequence[float],
    numeric_from: int = 1,
    total_rows: Iterable[int] = (),
    extra: Sequence[tuple] = (),
) -> LongTable:
    """A table with a repeated shaded header row, light stripes, money columns right aligned
    (every column from `numeric_from`) and each row index in `total_rows` under a rule."""
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for row in range(2, len(rows), 2):
        style.append(("BACKGROUND", (0, row), (-1, row), STRIPE_FILL))
    for row in total_rows:
        style += [
            ("LINEABOVE", (0, row), (-1, row), 0.8, INK),
            ("FONT", (0, row), (-1, row), FONT_BOLD, 8.5),
            ("BACKGROUND", (0, row), (-1, row), colors.white),
        ]
    style += list(extra)
    cells = _cells(rows, col_widths, numeric_from, {0, *total_rows})
    # splitInRow: a row taller than a page (a long description) continues on the next page.
    result = LongTable(cells, colWidths=list(col_widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    result.setStyle(TableStyle(style))
    return result


def _cells(
    rows: Sequence[Sequence[Flowable | str]],
    col_widths: Sequence[float],
    numeric_from: int,
    bold_rows: set[int],
) -> list[list[Flowable | str]]:
    """The rows with each plain string that would not fit its column, or needs another font or
    right-to-left order, made a wrapping Paragraph in its row's and column's style."""
    cells: list[list[Flowable | str]] = []
    for index, row in enumerate(rows):
        bold = index in bold_rows
        out: list[Flowable | str] = []
        for column, value in enumerate(row):
            if isinstance(value, str) and value:
                numeric = column >= numeric_from
                style = (
                    ("head_num" if numeric else "head")
                    if bold
                    else ("cell_num" if numeric else "cell")
                )
                value = cell(value, col_widths[column], style)
            out.append(value)
        cells.append(out)
    return cells


class _NumberedCanvas(Canvas):
    """Holds every page until the end so each footer can say 'Page 2 of 5'."""

    footer_left = ""
    draft = False

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs["initialFontName"] = FONT  # else every page names Helvetica too
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        count = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(count)
            super().showPage()
        super().save()

    def _decorate(self, count: int) -> None:
        width, height = self._pagesize
        if self.draft:
            self.saveState()
            self.setFillColor(WATERMARK)
            self.translate(width / 2, height / 2)
            self.rotate(35)
            fonts.draw(self, 0, -40, _("DRAFT"), FONT_BOLD, 110, anchor="middle")
            self.restoreState()
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, 12 * mm, width - MARGIN, 12 * mm)
        self.setFillColor(MUTED)
        page = _("Page {page} of {count}").format(page=self._pageNumber, count=count)
        room = width - 2 * MARGIN - fonts.width(page, FONT, 8) - 12
        fonts.draw(self, MARGIN, 8 * mm, fonts.fit(self.footer_left, FONT, 8, room), FONT, 8)
        fonts.draw(self, width - MARGIN, 8 * mm, page, FONT, 8, anchor="end")
        self.restoreState()


def build(
    target: PathOrFile,
    story: list[Flowable],
    title: str,
    author: str,
    footer: str,
    draft: bool = False,
    on_first_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
) -> None:
    """Lay out `story` on A4 with a portrait and a landscape template ('portrait'/'landscape',
    switched with NextPageTemplate), a footer with page numbers and, for drafts, a watermark.

    A file named by its path is written whole or not at all (FileWriteError names it)."""
    if isinstance(target, str | Path):
        arguments = (story, title, author, footer, draft, on_first_page)
        write_atomically(target, lambda handle: build(handle, *arguments))
        return
    doc = BaseDocTemplate(
        target,
        pagesize=PORTRAIT,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        creator="CostReady",
    )
    doc.addPageTemplates([_template("portrait", PORTRAIT), _template("landscape", LANDSCAPE)])
    canvas_class = type("PageCanvas", (_NumberedCanvas,), {"footer_left": footer, "draft": draft})
    doc.build(story, canvasmaker=canvas_class)


def _template(name: str, size: tuple[float, float]) -> PageTemplate:
    width, height = size
    frame = Frame(
        MARGIN,
        MARGIN,
        width - 2 * MARGIN,
        height - 2 * MARGIN,
        id=f"{name}-frame",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def set_size(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.setPageSize(size)

    return PageTemplate(id=name, frames=[frame], pagesize=size, onPage=set_size)


def frame_width(size: tuple[float, float] = PORTRAIT) -> float:
    """The usable width of a page between the margins."""
    return size[0] - 2 * MARGIN
