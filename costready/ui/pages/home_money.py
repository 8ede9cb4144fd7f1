"""Home's money tiles: what is owed, how many invoices are overdue, this month's invoicing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from costready.i18n import _, ngettext
from costready.money import format_money
from costready.ui.invoicing_forms import store_of, today
from costready.ui.widgets import action_button

if TYPE_CHECKING:
    from costready.ui.document import ScenarioDocument


class MoneyTile(QFrame):
    """One figure with its words under it."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"money_{name}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.figure = QLabel()
        font = QFont(self.figure.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.figure.setFont(font)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.figure)
        layout.addWidget(self.words)

    def show_figure(self, figure: str, words: str) -> None:
        self.figure.setText(figure)
        self.words.setText(words)
        self.figure.setAccessibleName(f"{words}: {figure}")


class MoneyTiles(QWidget):
    """Owed, overdue and this month's invoiced total, from the app layer (`money_tiles`)."""

    open_invoices = Signal()

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 8)
        self.owed = MoneyTile("owed")
        self.overdue = MoneyTile("overdue")
        self.invoiced = MoneyTile("invoiced")
        for tile in (self.owed, self.overdue, self.invoiced):
            row.addWidget(tile, 1)
        self.button = action_button(_("Open Invoices"), self.open_invoices.emit)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignBottom)
        self.hide()

    def refresh(self) -> None:
        """Read the figures again (hidden while only the start-up snapshot is open, and on a
        page left over from a workspace that has closed)."""
        store = store_of(self.document)
        if store is None:
            self.hide()
            return
        from costready.app.errors import StorageError
        from costready.app.invoices import money_tiles

        try:
            tiles = money_tiles(store, self.document.organisation_id, today())
        except StorageError:
            self.hide()
            return
        self.owed.show_figure(format_money(tiles.owed), _("owed to you"))
        self.overdue.show_figure(
            str(tiles.overdue_count),
            ngettext("invoice overdue", "invoices overdue", tiles.overdue_count),
        )
        self.invoiced.show_figure(format_money(tiles.invoiced_this_month), _("invoiced this month"))
        self.show()
