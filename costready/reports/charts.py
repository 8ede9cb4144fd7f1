"""The cost build-up chart: one reportlab drawing for the PDFs and, as SVG, for the screen."""

from __future__ import annotations

import math
from decimal import Decimal

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from costready.costing.results import ScenarioResult, ServiceResult
from costready.i18n import N_, _
from costready.money import format_money
from costready.reports import fonts

fonts.register()
FONT = fonts.SANS
FONT_BOLD = fonts.SANS_BOLD

#: Okabe-Ito colours: told apart with the common colour-vision deficiencies; each also differs
#: in lightness, so a greyscale print still separates neighbours.
SEGMENTS = (
    (N_("Direct staff"), colors.HexColor("#0072B2")),
    (N_("Other direct costs"), colors.HexColor("#56B4E9")),
    (N_("Overheads"), colors.HexColor("#E69F00")),
    (N_("Surplus"), colors.HexColor("#009E73")),
)

BAR = 14.0  # bar thickness in points
GAP = 8.0  # space between bars
LEGEND_HEIGHT = 22.0
AXIS_HEIGHT = 26.0
TOP = 6.0


def per_unit_parts(service: ServiceResult) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """Direct staff, other direct, overheads and surplus a unit; they add up to the price."""
    units = service.planned_units
    if units <= 0:
        return (Decimal(0),) * 4  # type: ignore[return-value]
    staff = service.direct_staff / units
    other = service.direct_other / units
    # overhead_total, not the per-line breakdown: reading that builds it, on every redraw.
    overheads = service.overhead_total / units
    # The surplus segment is what the price adds to the exact unit cost (rounding up included),
    # so the top of each bar is the published price.
    surplus = max(Decimal(0), service.price - (staff + other + overheads))
    return staff, other, overheads, surplus


def cost_buildup_drawing(
    result: ScenarioResult,
    service_ids: list[str] | None = None,
    width: float = 480,
    height: float | None = None,
    locale: str = "en_GB",
) -> Drawing:
    """A horizontal stacked bar per service of its unit price built up from direct staff, other
    direct costs, overheads and surplus (each a unit), with a legend and a £ axis.

    `height` defaults to what the bars need; a given height squeezes or spreads them.
    """
    services = _chosen(result, service_ids)
    if height is None:
        height = TOP + LEGEND_HEIGHT + AXIS_HEIGHT + max(1, len(services)) * (BAR + GAP)
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # else the PDF names Helvetica as the drawing's first font
    drawing.add(_legend(width, height))
    if not services:
        drawing.add(_text(4, height / 2, _("No services to show"), FONT, 9))
        return drawing
    # Geometry is drawn in floats (points on a page); the figures themselves stay Decimal.
    parts = [[float(p) for p in per_unit_parts(s)] for s in services]
    top_value = max((sum(p) for p in parts), default=0.0)
    step, ticks = _nice_axis(top_value)
    axis_max = step * ticks
    labels = [s.name for s in services]
    label_width = min(width * 0.32, max(fonts.width(x, FONT, 8) for x in labels) + 6)
    price_room = stringWidth(format_money(Decimal(axis_max), locale=locale), FONT_BOLD, 8) + 6
    left = label_width + 4
    plot_width = max(10.0, width - left - price_room)
    plot_top = height - TOP - LEGEND_HEIGHT
    slot = (plot_top - AXIS_HEIGHT) / len(services)
    thickness = min(BAR, slot * 0.7)
    scale = plot_width / axis_max

    plot = Group()
    _axis(plot, left, AXIS_HEIGHT, plot_top, scale, step, ticks, locale)
    for index, (service, values) in enumerate(zip(services, parts, strict=True)):
        y = plot_top - (index + 0.5) * slot - thickness / 2
        x = left
        for (_label, colour), value in zip(SEGMENTS, values, strict=True):
            length = value * scale
            if length > 0:
                plot.add(
                    Rect(
                        x,
                        y,
                        length,
                        thickness,
                        fillColor=colour,
                        strokeColor=colors.white,
                        strokeWidth=0.4,
                    )
                )
            x += length
        plot.add(
            _text(
                left - 4,
                y + thickness / 2 - 3,
                fonts.fit(service.name, FONT, 8, label_width - 4),
                FONT,
                8,
                anchor="end",
            )
        )
        plot.add(
            String(
                x + 3,
                y + thickness / 2 - 3,
                format_money(service.price, locale=locale),
                fontName=FONT_BOLD,
                fontSize=8,
            )
        )
    drawing.add(plot)
    return drawing


def drawing_to_svg(drawing: Drawing) -> bytes:
    """The drawing as SVG bytes, for QSvgWidget on screen (fonts named as the screen knows
    them; Qt finds a font for any character they lack)."""
    families = {name: dict(attrs) for name, attrs in fonts.SVG_FAMILIES.items()}
    return renderSVG.drawToString(drawing, fontHacks=families).encode("utf-8")


def _text(x: float, y: float, text: str, font: str, size: float, anchor: str = "start") -> Group:
    """One line of text as a String per font run (a fallback font where the main one has no
    glyph), anchored at x as String's textAnchor would anchor it."""
    runs = list(fonts.runs(fonts.visual(text), font))
    widths = [stringWidth(run, name, size) for name, run in runs]
    x -= {"start": 0.0, "middle": sum(widths) / 2, "end": sum(widths)}[anchor]
    group = Group()
    for (name, run), run_width in zip(runs, widths, strict=True):
        group.add(String(x, y, run, fontName=name, fontSize=size))
        x += run_width
    return group


def _chosen(result: ScenarioResult, service_ids: list[str] | None) -> list[ServiceResult]:
    if service_ids is None:
        return list(result.services)
    return [result.service(service_id) for service_id in service_ids]


def _legend(width: float, height: float) -> Group:
    group = Group()
    x, y = 0.0, height - TOP - 12
    for label, colour in SEGMENTS:
        text = _(label)
        group.add(Rect(x, y, 10, 10, fillColor=colour, strokeColor=None))
        group.add(_text(x + 14, y + 2, text, FONT, 8))
        x += 14 + fonts.width(text, FONT, 8) + 14
    return group


def _axis(
    plot: Group,
    left: float,
    bottom: float,
    top: float,
    scale: float,
    step: float,
    ticks: int,
    locale: str,
) -> None:
    axis_max = step * ticks
    grey = colors.HexColor("#BBBBBB")
    plot.add(Line(left, bottom, left, top, strokeColor=colors.HexColor("#555555"), strokeWidth=0.6))
    plot.add(
        Line(
            left,
            bottom,
            left + axis_max * scale,
            bottom,
            strokeColor=colors.HexColor("#555555"),
            strokeWidth=0.6,
        )
    )
    for i in range(ticks + 1):
        value = step * i
        x = left + value * scale
        plot.add(
            Line(
                x,
                bottom,
                x,
                top,
                strokeColor=grey,
                strokeWidth=0.3,
                strokeDashArray=[1, 2] if i else None,
            )
        )
        plot.add(
            String(
                x,
                bottom - 11,
                _tick_label(value, step, locale),
                fontName=FONT,
                fontSize=7.5,
                textAnchor="middle",
            )
        )


def _tick_label(value: float, step: float, locale: str) -> str:
    amount = Decimal(str(value))  # format_money rounds it to the penny (0.30000000000000004)
    if step >= 1:
        return format_money(amount, locale=locale).replace(".00", "")
    return format_money(amount, locale=locale)


def _nice_axis(top_value: float) -> tuple[float, int]:
    """A round tick step (1, 2, 2.5 or 5 x 10^n) and how many steps reach `top_value`."""
    if top_value <= 0:
        return 1.0, 1
    rough = top_value / 5
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)
    return step, math.ceil(top_value / step - 1e-9)
