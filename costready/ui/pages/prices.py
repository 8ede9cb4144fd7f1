"""The Prices page: the menu of services with full costs and prices, and how each was built."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from costready.costing.price_lists import PriceList, coming
from costready.costing.reference_prices import homecare_comparisons
from costready.costing.results import UnpricedService
from costready.costing.vat import Supplier, charges_vat, threshold_note, vat_warnings
from costready.i18n import N_, _
from costready.problems import Problem
from costready.ui.chart_widget import ChartWidget
from costready.ui.document import ScenarioDocument
from costready.ui.prices.adopt import (
    AdoptDialog,
    Adoption,
    AdoptionRefused,
    AdoptionState,
    adoption_state,
)
from costready.ui.prices.breakdown import BuildupTree, SensitivityTable
from costready.ui.prices.price_lists import (
    PriceListsDialog,
    WithdrawalRefused,
    in_force_text,
    uk_date,
)
from costready.ui.prices.table import (
    COLUMN_KEYS,
    PricesTableModel,
    unpriced_names,
    unpriced_text,
)
from costready.ui.tables import TableView
from costready.ui.warning_banner import TaxYearBanner, WarningBanner
from costready.ui.widgets import as_typed, icon, money_text, page_header, plain_label

#: Where each part of a model is edited: the first part of a problem's path -> page key, label.
FIX_PAGES = {
    "scenario": ("organisation", N_("Go to Organisation")),
    "services": ("services", N_("Go to Services")),
    "staff": ("staff", N_("Go to Staff")),
    "costs": ("costs", N_("Go to Costs")),
    "overhead_pools": ("costs", N_("Go to Costs")),
    "bases": ("costs", N_("Go to Costs")),
}
MAX_PROBLEMS_SHOWN = 6
MAX_ROWS_SHOWN = 9  # then the table scrolls
WRAPPING_COLUMNS = ("surplus_rule", "service")  # text that may wrap when the page is narrow


def fix_page(problem: Problem) -> tuple[str, str] | None:
    """The page that fixes `problem` (page key, button text), from its path ("$.staff[1].time")."""
    head = problem.path.removeprefix("$.").split(".")[0].split("[")[0]
    found = FIX_PAGES.get(head)
    return (found[0], _(found[1])) if found else None


class ProblemBanner(QFrame):
    """Why the prices cannot be worked out: each problem in words, with a button to fix it."""

    navigate_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # a soft amber that reads on light and dark palettes alike
        self.setStyleSheet(
            "#problemBanner { border: 1px solid #d49a00; border-radius: 4px;"
            " background: rgba(230, 159, 0, 0.12); }"
        )
        self.setAccessibleName(_("Why there are no prices yet"))
        self._layout = QVBoxLayout(self)
        self.messages: list[str] = []

    def show_problems(self, problems: list[Problem], title: str = "") -> None:
        """List `problems` under `title` (by default: no prices can be worked out yet)."""
        while (item := self._layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
            elif (inner := item.layout()) is not None:
                _clear(inner)
        heading = QLabel(title or _("These prices cannot be worked out yet. Fix these first:"))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        self._layout.addWidget(heading)
        self.messages = [problem.message for problem in problems]
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            self._layout.addLayout(self._problem_row(problem))
        if len(problems) > MAX_PROBLEMS_SHOWN:
            more = len(problems) - MAX_PROBLEMS_SHOWN
            self._layout.addWidget(QLabel(_("…and {count} more").format(count=more)))

    def _problem_row(self, problem: Problem) -> QHBoxLayout:
        row = QHBoxLayout()
        text = plain_label("• " + problem.message)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(text, 1)
        target = fix_page(problem)
        if target is not None:
            page, label = target
            button = QPushButton(label)
            button.setAccessibleName(f"{label}: {problem.message}")
            button.clicked.connect(
                lambda _checked=False, key=page: self.navigate_requested.emit(key)
            )
            row.addWidget(button)
        return row


def _clear(layout: QLayout) -> None:
    """Empty `layout`, deleting the widgets it held."""
    while (item := layout.takeAt(0)) is not None:
        if (widget := item.widget()) is not None:
            widget.deleteLater()


class PricesPage(QWidget):
    """The Prices page: what each service costs in full, what to charge and how it was built."""

    key = "prices"
    title = N_("Prices")

    navigate_requested = Signal(str)  # a page key, from the problem banner's buttons
    prices_adopted = Signal(object)  # the PriceList just published

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.adopt_dialog: AdoptDialog | None = None
        self._selected_id: str | None = None
        self.last_message = ""
        self.price_lists_dialog: PriceListsDialog | None = None

        self._adopt_action = QAction(icon("check"), _("&Adopt these prices…"), self)
        self._adopt_action.setToolTip(_("Publish these prices as the price list from a date"))
        self._adopt_action.triggered.connect(self.adopt)

        self.banner = ProblemBanner()
        self.banner.navigate_requested.connect(self.navigate_requested)
        self.warning_banner = WarningBanner(
            _("Check these before adopting the prices (they are worked out all the same):")
        )
        self.empty_label = plain_label()
        # not VAT registered: the registration threshold beside the menu's taxable income
        self.vat_note = QLabel()
        self.vat_note.setWordWrap(True)
        self.vat_note.setTextFormat(Qt.TextFormat.PlainText)
        self.vat_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.vat_note.setAccessibleName(_("VAT registration"))
        self.vat_note.hide()
        self._charges_vat = True
        self.in_force_label = plain_label()

        self.model = PricesTableModel(self)
        self.table = self._make_table()
        self.detail_title = QLabel()
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.detail_title.font())
        bold.setBold(True)
        self.detail_title.setFont(bold)
        self.buildup = BuildupTree()
        self.sensitivity = SensitivityTable()
        self.chart = ChartWidget()
        self.working = plain_label(name=_("How the selected line was worked out"))
        self.working.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buildup.currentItemChanged.connect(self._on_buildup_current_item_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(
            page_header(
                _(self.title),
                _(
                    "What each service costs in full, what to charge, and the surplus it leaves. "
                    "Select a service to see how its price is built."
                ),
            )
        )
        layout.addWidget(TaxYearBanner(self.document))
        layout.addWidget(self.banner)
        layout.addWidget(self.warning_banner)
        layout.addLayout(self._action_row())
        self.changed_notice = self._changed_notice()
        layout.addWidget(self.changed_notice)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.vat_note)
        layout.addWidget(self.table)
        self.unpriced_label = plain_label(name=_("Services that cannot be priced"))
        self.unpriced_label.hide()
        layout.addWidget(self.unpriced_label)
        self.reference_note = QLabel()
        self.reference_note.setWordWrap(True)
        self.reference_note.setTextFormat(Qt.TextFormat.PlainText)
        self.reference_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reference_note.setAccessibleName(_("Reference prices"))
        self.reference_note.hide()
        layout.addWidget(self.reference_note)
        self.detail_panel = self._detail_panel()
        layout.addWidget(self.detail_panel, 1)
        self.no_detail = QWidget()  # keeps the table at the top while there is no build-up
        layout.addWidget(self.no_detail, 1)

        document.changed.connect(self.refresh)
        self.refresh()

    # --- building ------------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = TableView()
        table.setModel(self.model)
        table.setAccessibleName(_("Prices of services"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sized by _fit_columns
        header.setHighlightSections(False)
        table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        # the viewport, not the table: its width also changes when a scroll bar comes or goes
        table.viewport().installEventFilter(self)
        return table

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.in_force_label, 1)
        self.price_lists_button = QPushButton(_("&Price lists…"))
        self.price_lists_button.setAccessibleName(_("Price lists"))
        self.price_lists_button.clicked.connect(self.show_price_lists)
        row.addWidget(self.price_lists_button)
        self.adopt_button = QPushButton(self._adopt_action.icon(), self._adopt_action.text())
        self.adopt_button.setAccessibleName(_("Adopt these prices"))
        self.adopt_button.setToolTip(self._adopt_action.toolTip())
        self.adopt_button.setDefault(True)
        self.adopt_button.clicked.connect(self._adopt_action.trigger)
        self._adopt_action.enabledChanged.connect(self.adopt_button.setEnabled)
        row.addWidget(self.adopt_button)
        return row

    def _changed_notice(self) -> QFrame:
        """“These prices have changed since they were adopted…” with a button to adopt again."""
        notice = QFrame()
        notice.setObjectName("changedNotice")
        notice.setFrameShape(QFrame.Shape.StyledPanel)
        notice.setStyleSheet(
            "#changedNotice { border: 1px solid #d49a00; border-radius: 4px;"
            " background: rgba(230, 159, 0, 0.12); }"
        )
        row = QHBoxLayout(notice)
        row.setContentsMargins(10, 6, 10, 6)
        self.changed_label = plain_label(name=_("Prices changed since adoption"))
        row.addWidget(self.changed_label, 1)
        self.adopt_again_button = QPushButton(_("Adopt a&gain…"))
        self.adopt_again_button.setAccessibleName(_("Adopt these prices again"))
        self.adopt_again_button.clicked.connect(self._adopt_action.trigger)
        row.addWidget(self.adopt_again_button)
        notice.hide()
        return notice

    def _show_adoption(self) -> AdoptionState:
        """Say so when the adopted scenario no longer prices as its published list does."""
        try:
            state = adoption_state(self.document)
        except Exception:  # the page must still show prices if the history cannot be read
            state = AdoptionState(False, False, None)
        if state.changed and state.price_list is not None:
            self.changed_label.setText(
                _(
                    "These prices have changed since they were adopted (the price list from "
                    "{date}, approved by {who}). Invoices still use the published prices until "
                    "you adopt them again."
                ).format(
                    date=uk_date(state.price_list.effective_from), who=state.price_list.approved_by
                )
            )
        self.changed_notice.setVisible(state.changed)
        return state

    def _detail_panel(self) -> QWidget:
        panel = QWidget()
        outer = QVBoxLayout(panel)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.addWidget(self.detail_title)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        tree_column = QVBoxLayout(left)
        tree_column.setContentsMargins(0, 0, 0, 0)
        tree_column.addWidget(self.buildup, 1)
        tree_column.addWidget(self.working)
        split.addWidget(left)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(8, 0, 0, 0)
        column.addWidget(_caption(_("Price a unit, built up")))
        column.addWidget(self.chart)
        column.addWidget(_caption(_("If volumes change (same price, fixed costs stay)")))
        column.addWidget(self.sensitivity)
        column.addStretch(1)
        split.addWidget(side)
        # the chart's side gets nearly half, so its words are as large as the page's own
        split.setStretchFactor(0, 11)
        split.setStretchFactor(1, 9)
        split.setSizes([550, 450])
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)
        return panel

    # --- showing -------------------------------------------------------------------------------

    def primary_action(self) -> QAction | None:
        return self._adopt_action

    def refresh(self) -> None:
        """Show the document's current prices (called on every document change)."""
        result = self.document.result
        org = self.document.workspace.organisation(self.document.organisation_id)
        self._charges_vat = charges_vat(Supplier.of(org))
        self.model.set_result(
            result,
            [service.id for service in self.document.scenario.services],
            charges_vat=self._charges_vat,
        )
        self.table.setColumnHidden(COLUMN_KEYS.index("price_inc_vat"), not self._charges_vat)
        self._show_vat_note(org.locale)
        # the VAT warnings too: a treatment against the default changes what the list charges
        vat = vat_warnings(Supplier.of(org), self.document.scenario.services)
        self._show_warnings([*result.warnings, *vat] if result else [])
        self._show_reference_prices()
        self._adopt_action.setEnabled(result is not None)
        self.adopt_button.setEnabled(result is not None)
        if result is None:
            self.banner.show_problems(self.document.problems)
            self.banner.show()
            self.empty_label.setText(
                _(
                    "No prices to show: the costing has problems (listed above). "
                    "Prices appear here as soon as they are fixed."
                )
            )
            self.empty_label.show()
        elif result.unpriced:
            self.banner.show_problems(
                result.problems,
                _("Some services cannot be priced yet; the others are priced as usual. Fix these:"),
            )
            self.banner.show()
            self.empty_label.hide()
        else:
            self.banner.hide()
            self.empty_label.setVisible(not result.services)
            self.empty_label.setText(_("No services yet — add them on the Services page."))
        self._show_unpriced_line()
        self.detail_panel.setVisible(result is not None and bool(result.services))
        self.no_detail.setVisible(self.detail_panel.isHidden())
        self._fit_table()
        self._show_in_force()
        self._show_adoption()
        self._restore_selection()

    def _show_unpriced_line(self) -> None:
        """A line under the table naming the services marked "Cannot be priced"."""
        names = [service.name for service in self.model.unpriced]
        self.unpriced_label.setText(
            _("Cannot be priced, so left out of the totals: {names}.").format(
                names=", ".join(names)
            )
        )
        self.unpriced_label.setVisible(bool(names))

    def _show_warnings(self, warnings: list[Problem]) -> None:
        """The warnings, with one button to each page where one of them is fixed (pay on Staff,
        a price or a VAT treatment on Services...), in the order the warnings name them."""
        self.warning_banner.show_warnings([warning.message for warning in warnings])
        self.warning_banner.clear_buttons()
        targets = dict.fromkeys(t for t in map(fix_page, warnings) if t is not None)
        for page, label in targets:
            button = QPushButton(label)
            about = [w.message for w in warnings if fix_page(w) == (page, label)]
            button.setAccessibleName(f"{label}: {about[0]}" if len(about) == 1 else label)
            button.clicked.connect(
                lambda _checked=False, key=page: self.navigate_requested.emit(key)
            )
            self.warning_banner.add_button(button)

    def _show_reference_prices(self) -> None:
        """Hourly personal care beside the Homecare Association's minimum price, where held."""
        result = self.document.result
        lines = homecare_comparisons(self.document.scenario, result) if result else []
        self.reference_note.setText("\n".join(lines))
        self.reference_note.setVisible(bool(lines))

    def _show_vat_note(self, locale: str) -> None:
        """Not registered: the threshold and the menu's taxable income, a warning above it."""
        result = self.document.result
        if self._charges_vat or result is None:
            self.vat_note.hide()
            return
        income = {service.id: service.income for service in result.services}
        note = threshold_note(self.document.scenario.services, income, locale)
        self.vat_note.setText(note.text)
        self.vat_note.setProperty("above", note.above)
        self.vat_note.setStyleSheet(
            "QLabel { border: 1px solid #d49a00; border-radius: 4px; padding: 6px;"
            " background: #fff4d6; color: #3d2c00; }"
            if note.above
            else ""
        )
        self.vat_note.show()

    def _fit_table(self) -> None:
        """Fit the columns to the width and the rows to their text, then the table's height."""
        self._fit_columns()
        table = self.table
        table.resizeRowsToContents()
        rows = min(self.model.rowCount(), MAX_ROWS_SHOWN)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += (
            sum(table.rowHeight(row) for row in range(rows))
            or table.verticalHeader().defaultSectionSize()
        )
        if table.horizontalHeader().length() > table.viewport().width():
            height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(height)

    def _fit_columns(self) -> None:
        """Every column as wide as its contents; when that is too wide, the words wrap instead.

        Figures never wrap (a trustee compares them down a column); the service names and the
        surplus rule break between words so all twelve columns fit beside the sidebar.
        """
        table, header = self.table, self.table.horizontalHeader()
        table.resizeColumnsToContents()
        for key in WRAPPING_COLUMNS:
            # a wrapped column measures as already wrapped, so measure its text on one line
            column = COLUMN_KEYS.index(key)
            header.resizeSection(column, self._text_width(column, lambda text: [text]))
        spare = table.viewport().width() - header.length()
        # share the shortfall between the wrapping columns, none narrower than its longest word
        columns = [COLUMN_KEYS.index(key) for key in WRAPPING_COLUMNS]
        while spare < 0 and columns:
            cut = -(spare // len(columns))  # the shortfall shared, rounded up to whole pixels
            for column in list(columns):
                width = header.sectionSize(column)
                narrower = max(self._longest_word(column), width - cut)
                header.resizeSection(column, narrower)
                spare += width - narrower
                if narrower == self._longest_word(column):
                    columns.remove(column)
                if spare >= 0:
                    break
        if spare > 0:  # what is left over goes to the service names
            service = COLUMN_KEYS.index("service")
            header.resizeSection(service, header.sectionSize(service) + spare)

    def _longest_word(self, column: int) -> int:
        """The width a wrapping column needs so that no single word is cut."""
        return self._text_width(column, str.split)

    def _text_width(self, column: int, pieces: Callable[[str], list[str]]) -> int:
        """The widest of `pieces(text)` over the column's cells and header, with cell padding."""
        metrics = self.table.fontMetrics()
        texts = [
            str(self.model.index(row, column).data() or "") for row in range(self.model.rowCount())
        ]
        widths = [metrics.horizontalAdvance(piece) for text in texts for piece in pieces(text)]
        padding = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        header = self.table.horizontalHeader().sectionSizeFromContents(column).width()
        return max(max(widths, default=40) + padding, min(header, 60))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_table()  # the columns follow the table's own width, once it is known
        return super().eventFilter(watched, event)

    def selected_service_id(self) -> str | None:
        return self._selected_id

    def select_service(self, service_id: str) -> None:
        row = self.model.row_of(service_id)
        if row >= 0:
            self.table.selectRow(row)

    def _restore_selection(self) -> None:
        wanted = self._selected_id
        if self.model.row_of(wanted or "") < 0:
            wanted = self.model.services[0].id if self.model.services else None
        self._selected_id = None
        unpriced = self.model.unpriced_at(self.model.row_of(wanted or ""))
        if wanted is None:
            self._show_detail(None)
        elif unpriced is not None:
            self.select_service(wanted)
            self._show_unpriced_detail(unpriced)
        else:
            self.select_service(wanted)
            self._show_detail(wanted)

    def _on_table_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        service = self.model.service_at(rows[0].row()) if rows else None
        if service is not None:
            self._show_detail(service.id)
            return
        unpriced = self.model.unpriced_at(rows[0].row()) if rows else None
        if unpriced is not None:
            self._show_unpriced_detail(unpriced)

    def _show_detail(self, service_id: str | None) -> None:
        result = self.document.result
        if service_id is None or result is None:
            self._selected_id = None
            self.detail_title.setText(_("Select a service above to see how its price is built."))
            self.buildup.clear()
            self.working.clear()
            self.sensitivity.clear_rows()
            self.chart.clear()
            return
        self._selected_id = service_id
        service = result.service(service_id)
        self.detail_title.setText(
            _("How the price of {service} is built: {price} per {unit}").format(
                service=service.name, price=money_text(service.price), unit=service.unit
            )
        )
        self.buildup.show_service(
            self.document.scenario, result, service_id, charges_vat=self._charges_vat
        )
        self._on_buildup_current_item_changed(None, None)
        self.sensitivity.show_service(service)
        self.chart.show_chart(result, [service_id])

    def _show_unpriced_detail(self, service: UnpricedService) -> None:
        """A service that cannot be priced has no build-up: say why instead."""
        self._selected_id = service.id
        self.detail_title.setText(
            _("{service} cannot be priced: {reason}").format(
                service=service.name, reason=unpriced_text(service)
            )
        )
        self.buildup.clear()
        self.working.clear()
        self.sensitivity.clear_rows()
        self.chart.clear()

    def _on_buildup_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if current is None or not current.text(1):
            self.working.setText(_("Select a line to read in full how it was worked out."))
        else:
            self.working.setText(f"{current.text(0)}: {current.text(1)}")

    def _show_in_force(self) -> None:
        """Which price list is in force today, and the next one if one is waiting."""
        workspace, organisation_id = self.document.workspace, self.document.organisation_id
        today = date.today()
        try:
            current = workspace.current_price_list(organisation_id, today)
            later = coming(workspace.price_lists(organisation_id), today)
        except Exception:  # the page must still show prices if the history cannot be read
            current, later = None, []
        text = in_force_text(current) if current else _("No price list in force today.")
        if later:
            soonest = later[0]
            text += " " + _("The next takes effect on {date}.").format(
                date=uk_date(soonest.effective_from)
            )
        elif current is None:
            text = _("No price list adopted yet.")
        self.in_force_label.setText(text)

    # --- adopting ------------------------------------------------------------------------------

    def adopt(self) -> None:
        """Open the "Adopt these prices" dialog (refused while the scenario cannot be priced)."""
        result = self.document.result
        if result is None or not result.services:
            QMessageBox.information(
                self,
                _("Adopt these prices"),
                _(
                    "These prices cannot be adopted yet: the costing has problems. Fix the "
                    "problems listed on the Prices page first."
                ),
            )
            return
        if result.unpriced:
            QMessageBox.information(
                self,
                _("Adopt these prices"),
                as_typed(
                    _(
                        "A price list is published whole: these services cannot be priced yet, "
                        "so the prices cannot be adopted:\n{names}"
                    ).format(names=unpriced_names(result.unpriced))
                ),
            )
            return
        dialog = AdoptDialog(
            self.document.scenario.name,
            result.services,
            self._publish,
            parent=self,
            warnings=[w.message for w in result.warnings],
            period=(self.document.scenario.period_start, self.document.scenario.period_end),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # bound methods, not lambdas holding the dialog: a closure freed while Qt deletes the
        # dialog crashed PySide (accepted comes before finished)
        dialog.accepted.connect(self._on_adopt_dialog_accepted)
        dialog.finished.connect(self._forget_dialog)
        self.adopt_dialog = dialog
        dialog.open()

    def _on_adopt_dialog_accepted(self) -> None:
        if self.adopt_dialog is not None:
            self._on_adopted(self.adopt_dialog.price_list)

    def _forget_dialog(self, _result: int = 0) -> None:
        self.adopt_dialog = None

    def _publish(self, adoption: Adoption) -> PriceList:
        """Publish the scenario's prices as saved now (worked out afresh by the domain)."""
        from costready.app.adoption import UnconfirmedWarnings, adopt
        from costready.app.workspace import InvalidData, StorageError
        from costready.costing.results import CostingError

        try:
            return adopt(
                self.document.store,
                self.document.scenario_id,
                adoption.effective_from,
                adoption.approved_by,
                adoption.approved_on,
                adoption.note,
                despite_warnings=adoption.despite_warnings,
            )
        except UnconfirmedWarnings as unconfirmed:
            raise AdoptionRefused(
                {"": _("The prices now carry warnings; close this and adopt again to see them.")}
                | {"warnings": "\n".join(p.message for p in unconfirmed.problems)}
            ) from None
        except CostingError:
            raise AdoptionRefused(
                {"": _("The costing has problems; these prices cannot be adopted.")}
            ) from None
        except InvalidData as error:
            raise AdoptionRefused(
                {p.path.rsplit(".", 1)[-1]: p.message for p in error.problems}
            ) from error
        except StorageError as error:
            raise AdoptionRefused({"": str(error)}) from error

    def _on_adopted(self, price_list: PriceList | None) -> None:
        if price_list is None:
            return
        message = _("Prices adopted: {count} services from {date}, approved by {who}").format(
            count=len(price_list.prices),
            date=uk_date(price_list.effective_from),
            who=price_list.approved_by,
        )
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10000)
        self.last_message = message
        self._show_in_force()
        self._show_adoption()
        self.prices_adopted.emit(price_list)

    def _withdraw(self, price_list: PriceList) -> PriceList:
        """Withdraw a list still to take effect (the app layer decides whether it may be)."""
        from costready.app.price_lists import withdraw
        from costready.app.workspace import StorageError
        from costready.costing.results import CostingError

        try:
            withdrawn = withdraw(self.document.store, self.document.organisation_id, price_list.id)
        except CostingError as refused:
            raise WithdrawalRefused("\n".join(p.message for p in refused.problems)) from None
        except StorageError as error:
            raise WithdrawalRefused(str(error)) from error
        message = _("Price list from {date} withdrawn; it stays in the history.").format(
            date=uk_date(withdrawn.effective_from)
        )
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10000)
        self.last_message = message
        self._show_in_force()
        self._show_adoption()
        return withdrawn

    def show_price_lists(self) -> PriceListsDialog:
        """The history of price lists, the one in force today marked."""
        workspace = self.document.workspace
        organisation_id = self.document.organisation_id
        names = {service.id: service.name for service in self.document.scenario.services}
        dialog = PriceListsDialog(
            workspace.price_lists(organisation_id),
            workspace.current_price_list(organisation_id, date.today()),
            names,
            self,
            withdraw=self._withdraw,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.price_lists_dialog = dialog
        dialog.open()
        return dialog


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
