"""The advisor view: every organisation in the workspace with its readiness, overall and by area."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from costready.app.compliance import AdvisorRow
from costready.compliance.definitions import AREA_LABELS, Area
from costready.compliance.readiness import Readiness
from costready.i18n import N_, _
from costready.money import format_percent
from costready.ui.pages._table_page import TablePage
from costready.ui.table_model import Column, ColumnKind, RecordTableModel

HUNDRED = Decimal(100)


def readiness_cell(value: Readiness | None) -> str:
    """ "75%" for a table cell; "—" where nothing in the area applies."""
    if value is None or value.percent is None:
        return "—"
    return format_percent(value.percent / HUNDRED, places=0)


def readiness_words(value: Readiness | None) -> str:
    """The cell's tooltip and spoken text: "3 of 4 done"."""
    if value is None or value.percent is None:
        return _("nothing here applies")
    return _("{done} of {total} done").format(done=value.done, total=value.applicable)


def _percent(value: Readiness | None) -> Decimal | None:
    return None if value is None else value.percent


def _area_column(area: Area) -> Column:
    return Column(
        area.value,
        AREA_LABELS[area],
        lambda row: _percent(row.areas.get(area)),
        display=lambda row: readiness_cell(row.areas.get(area)),
        tooltip=lambda row: readiness_words(row.areas.get(area)),
        required=False,
    )


def advisor_columns() -> list[Column]:
    """Organisation, overall, one column per area, then the counts due soon and overdue."""
    return [
        Column("organisation", N_("Organisation"), lambda row: row.organisation.name),
        Column(
            "overall",
            N_("Overall"),
            lambda row: row.overall.percent,
            display=lambda row: readiness_cell(row.overall),
            tooltip=lambda row: readiness_words(row.overall),
            bold=True,
            required=False,
        ),
        *(_area_column(area) for area in Area),
        Column("due_soon", N_("Due soon"), lambda row: Decimal(row.due_soon), ColumnKind.NUMBER),
        Column("overdue", N_("Overdue"), lambda row: Decimal(row.overdue), ColumnKind.NUMBER),
    ]


class AdvisorDialog(QDialog):
    """A read-only table of each organisation's readiness by area, for an advisor."""

    def __init__(self, rows: Sequence[AdvisorRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Readiness of every organisation"))
        self.setAccessibleName(_("Readiness of every organisation"))
        self.resize(1200, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Done ÷ applicable for each organisation in this workspace, overall and by "
                "area; “—” where nothing in an area applies. Items due soon renew within 60 days."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.model = RecordTableModel(
            advisor_columns(), rows, label=lambda row: row.organisation.name, parent=self
        )
        self.table = TablePage.read_only_view(self.model, _("Readiness by organisation"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the Close button
        header = self.table.horizontalHeader()
        # every column fits its words (the organisation's name first of all); twelve areas
        # are wider than a small screen, so the table scrolls sideways rather than elide names
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        if not rows:
            layout.addWidget(QLabel(_("This workspace has no organisations yet.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
