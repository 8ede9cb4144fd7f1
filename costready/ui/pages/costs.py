"""The Costs page (placeholder while the table is built)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QVBoxLayout, QWidget

from costready.i18n import N_, _
from costready.ui.document import ScenarioDocument
from costready.ui.widgets import page_header


class CostsPage(QWidget):
    """The Costs page."""

    key = "costs"
    title = N_("Costs")

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        layout.addWidget(page_header(_(self.title)))
        layout.addStretch(1)

    def primary_action(self) -> QAction | None:
        return None
