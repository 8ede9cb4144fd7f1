"""The cost build-up chart on screen: the PDFs' reportlab drawing rendered as SVG."""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QSize, QSizeF, Qt, QTimer
from PySide6.QtGui import QPalette, QResizeEvent, QShowEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedLayout, QWidget

from costready.costing.results import ScenarioResult
from costready.i18n import _
from costready.ui.fonts import load_fonts_named_in

_CLIP_PATH = re.compile(rb"<clipPath\b.*?</clipPath>\s*", re.DOTALL)
_CLIP_STYLE = re.compile(rb'\s*style="clip-path:\s*url\(#[^)]*\)"')


def for_screen(svg: bytes) -> bytes:
    """reportlab's SVG without its whole-drawing clip path.

    Qt SVG paints the clip path's rectangle as a black box instead of clipping with it; the clip
    is only the drawing's own bounds, so leaving it out changes nothing else.
    """
    return _CLIP_STYLE.sub(b"", _CLIP_PATH.sub(b"", svg))


PIXELS_PER_POINT = 1.5  # the chart's 8-point words show at 12 pixels, like the text around them
DEFAULT_WIDTH = 360
MIN_POINTS = 330.0  # narrower, and the legend runs into itself
MIN_HEIGHT = 60  # while it shows a message instead of a chart


class ChartWidget(QWidget):
    """Shows `cost_buildup_drawing(result, service_ids)` scaled to fit, keeping its proportions."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(_("Cost build-up chart"))
        self.svg = QSvgWidget(self)
        self.svg.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.svg.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # the chart is drawn for paper (black text), so it sits on white in any colour scheme
        paper = self.svg.palette()
        paper.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.white)
        self.svg.setPalette(paper)
        self.svg.setAutoFillBackground(True)
        self.message = QLabel(_("No chart to show"), self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self._layout = QStackedLayout(self)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.svg)
        self._size = QSize(480, 90)
        self._shown: tuple[ScenarioResult, list[str] | None, float] | None = None
        self._pending: tuple[ScenarioResult, list[str] | None] | None = None
        self.setMinimumHeight(MIN_HEIGHT)

    def show_chart(self, result: ScenarioResult | None, service_ids: list[str] | None) -> bool:
        """Draw `service_ids` of `result` (all when None); False when there is no chart.

        A hidden chart is drawn when it is first shown, after the page around it has painted:
        the chart needs reportlab, the slowest thing to load, and prices should not wait for it.
        """
        self._shown = None
        self._pending = None
        if result is not None and result.services and not self.isVisible():
            self._pending = (result, service_ids)
            return True
        if result is None or not result.services:
            return self._say(_("No chart to show until the scenario can be priced"))
        points = self._points_wide()
        try:
            # reportlab loads here, on first use, so the window opens without waiting for it
            from costready.reports.charts import cost_buildup_drawing, drawing_to_svg

            drawing = cost_buildup_drawing(result, service_ids, width=points)
            data = drawing_to_svg(drawing)
        except Exception as error:  # a chart must never take the prices page down with it
            from costready.ui.dialogs.error import plain_message

            reason = plain_message(error)
            return self._say(_("The chart could not be drawn: {error}").format(error=reason))
        screen = for_screen(data)
        load_fonts_named_in(screen)  # the PDFs' own face, loaded when a chart first needs it
        self.svg.load(QByteArray(screen))
        self._shown = (result, service_ids, points)
        self._size = QSizeF(drawing.width, drawing.height).toSize()  # Qt rounds pixels
        self.svg.setToolTip(self._describe(result, service_ids))
        self._layout.setCurrentWidget(self.svg)
        self._keep_readable()
        return self.svg.renderer().isValid()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending is not None:
            QTimer.singleShot(0, self, self._draw_pending)  # cancelled if the chart goes first

    def _draw_pending(self) -> None:
        if self._pending is not None and self.isVisible():
            self.show_chart(*self._pending)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # drawn again at the new width so its words keep their size instead of shrinking
        if self._shown is not None and abs(self._points_wide() - self._shown[2]) > 8:
            self.show_chart(self._shown[0], self._shown[1])
        elif self._shown is not None:
            self._keep_readable()

    def _keep_readable(self) -> None:
        """Never shorter than the drawing at its full width, so a layout short of room cannot
        shrink the words (the drawing keeps its proportions: less height, smaller text)."""
        height = self.heightForWidth(self.width() if self.isVisible() else DEFAULT_WIDTH)
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
        self.updateGeometry()

    def _points_wide(self) -> float:
        pixels = self.width() if self.isVisible() else DEFAULT_WIDTH
        return max(MIN_POINTS, pixels / PIXELS_PER_POINT)

    def clear(self) -> None:
        self._say(_("No chart to show"))

    @property
    def has_chart(self) -> bool:
        return self._layout.currentWidget() is self.svg and self.svg.renderer().isValid()

    def sizeHint(self) -> QSize:
        # modest, so the build-up beside it gets the room; it grows with the space it is given
        return QSize(DEFAULT_WIDTH, self.heightForWidth(DEFAULT_WIDTH))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(200))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self._size.width():
            return self._size.height()
        return QSizeF(width, width * self._size.height() / self._size.width()).toSize().height()

    def _say(self, text: str) -> bool:
        self.setMinimumHeight(MIN_HEIGHT)
        self.message.setText(text)
        self._layout.setCurrentWidget(self.message)
        self.svg.setToolTip("")
        return False

    def _describe(self, result: ScenarioResult, service_ids: list[str] | None) -> str:
        """The chart in words, for a tooltip and screen readers."""
        from costready.reports.charts import per_unit_parts
        from costready.ui.widgets import money_text

        lines = []
        for service in result.services:
            if service_ids is not None and service.id not in service_ids:
                continue
            staff, other, overheads, surplus = per_unit_parts(service)
            lines.append(
                _(
                    "{name}: direct staff {staff}, other direct {other}, overheads {overheads}, "
                    "surplus {surplus} a unit; price {price}"
                ).format(
                    name=service.name,
                    staff=money_text(staff),
                    other=money_text(other),
                    overheads=money_text(overheads),
                    surplus=money_text(surplus),
                    price=money_text(service.price),
                )
            )
        text = "\n".join(lines)
        self.setAccessibleDescription(text)
        return text
