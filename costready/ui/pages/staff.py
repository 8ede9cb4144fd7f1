"""The Staff page (placeholder while the table is built)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QVBoxLayout, QWidget

from costready.i18n import N_, _
from costready.ui.document import ScenarioDocument
from costready.ui.widgets import page_header


class StaffPage(QWidget):
    """The Staff page."""

    key = "staff"
    title = N_("Staff")

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        layout.addWidget(page_header(_(self.title)))
        layout.addStretch(1)

    def primary_action(self) -> QAction | None:
        return None
