"""Amber banners of warnings: figures that price but need a second look (pay below the legal
minimum, a price of £0.00), and a tax year the rules file lacks. Hidden when there are none."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from costready.costing.plausibility import tax_year_warning
from costready.i18n import _
from costready.ui.widgets import plain_label

if TYPE_CHECKING:
    from costready.ui.document import ScenarioDocument


class WarningBanner(QFrame):
    """A heading and one line per warning, selectable and read out whole by screen readers."""

    def __init__(self, heading: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("warningBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # the same amber as the problem banners: a warning, and the prices still stand
        self.setStyleSheet(
            "#warningBanner { border: 1px solid #d49a00; border-radius: 4px;"
            " background: rgba(230, 159, 0, 0.12); }"
        )
        self.setAccessibleName(_("Warnings"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.heading = QLabel(heading)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.heading.setWordWrap(True)
        self.label = plain_label(name=_("Warnings"))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        self._row = QHBoxLayout()
        self._row.addWidget(self.label, 1)
        self._buttons = QVBoxLayout()  # one button per page the warnings send the person to
        self._row.addLayout(self._buttons)
        layout.addLayout(self._row)
        self.messages: list[str] = []
        self.hide()

    def add_button(self, button: QPushButton) -> None:
        """A button beside the warnings (e.g. to the page where they are fixed)."""
        self._buttons.addWidget(button)

    def clear_buttons(self) -> None:
        """Remove the buttons added so far (they follow what the warnings are about)."""
        while (item := self._buttons.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.setParent(None)  # gone at once, not at the next turn of the event loop
                widget.deleteLater()

    def buttons(self) -> list[QPushButton]:
        """The buttons beside the warnings, top to bottom."""
        items = (self._buttons.itemAt(i) for i in range(self._buttons.count()))
        found = (item.widget() for item in items if item is not None)
        return [button for button in found if isinstance(button, QPushButton)]

    def show_warnings(self, messages: Sequence[str]) -> None:
        """Show `messages` one to a line, or hide when there are none."""
        self.messages = list(messages)
        self.label.setText("\n".join(f"• {message}" for message in self.messages))
        self.label.setAccessibleDescription(self.label.text())
        self.setVisible(bool(self.messages))


class TaxYearBanner(WarningBanner):
    """Shown on every page of a scenario whose tax year the rules file does not hold, not only
    in the status bar (issue 14, "Adoption dates")."""

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(_("This scenario's tax year is not in the rules file:"), parent)
        self.setAccessibleName(_("Tax year not in the rules file"))
        self._document = document
        document.changed.connect(self._on_document_changed)
        self._on_document_changed()

    def _on_document_changed(self) -> None:
        warning = tax_year_warning(self._document.scenario.tax_year)
        self.show_warnings([warning] if warning else [])
