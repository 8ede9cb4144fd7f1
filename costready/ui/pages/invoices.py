"""The Invoices page: every invoice and credit note (read lazily, a page at a time), filters,
a search box, and the aged-debt view as a second tab."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import N_, _, ngettext
from costready.invoicing.aged_debt import BUCKET_LABELS, AgedRow, Bucket, aged_totals
from costready.invoicing.documents import DOCUMENT_KIND_LABELS, DocumentKind
from costready.invoicing.listing import InvoiceRow, ListOrder, SortKey
from costready.invoicing.status import STATUS_LABELS, Status
from costready.ui.document import ScenarioDocument
from costready.ui.invoicing_forms import (
    day_text,
    optional_date_edit,
    optional_date_of,
    today,
)
from costready.ui.lazy_model import LazyRecordModel
from costready.ui.pages._invoicing_page import InvoicingPage
from costready.ui.pages._table_page import TablePage, fit_columns, fit_within
from costready.ui.sort_box import SortBox
from costready.ui.table_model import Column, ColumnKind, RecordTableModel
from costready.ui.tables import show_sort_arrow
from costready.ui.widgets import empty_state

#: how long the search box waits after the last key before it searches (ms)
SEARCH_DELAY = 250

if TYPE_CHECKING:  # storage loads when the page first reads
    from costready.app.invoices import InvoiceFilter


def _status_text(row: object) -> str:
    return _(STATUS_LABELS[row.status])  # type: ignore[attr-defined]


#: The customer's column: the one that gives way on a narrow screen.
CUSTOMER_COLUMN = 2


def invoice_columns() -> list[Column]:
    """The list's columns: money right-aligned; the status is a word (overdue is not a colour)."""
    return [
        Column("number", N_("Number"), lambda r: r.number),
        Column(
            "kind", N_("Kind"), lambda r: r.kind, display=lambda r: _(DOCUMENT_KIND_LABELS[r.kind])
        ),
        Column("customer", N_("Customer"), lambda r: r.customer_name),
        Column(
            "issued", N_("Issued"), lambda r: r.issue_date, display=lambda r: day_text(r.issue_date)
        ),
        # a credit note is not paid, so it has no due date to show
        Column("due", N_("Due"), lambda r: r.due_date, display=_due_text),
        Column("total", N_("Total"), lambda r: r.total, kind=ColumnKind.MONEY),
        Column("balance", N_("Balance"), lambda r: r.balance, kind=ColumnKind.MONEY),
        Column(
            "status",
            N_("Status"),
            lambda r: r.status,
            display=_status_text,
            tooltip=lambda r: (
                _("Overdue: past its due date with a balance to pay")
                if r.status is Status.OVERDUE
                else ""
            ),
        ),
    ]


def _bucket_of(bucket: Bucket) -> Callable[[AgedRow], Decimal]:
    return lambda row: row.buckets[bucket]


def aged_columns() -> list[Column]:
    """Customer, each bucket and the total, money right-aligned; the totals row in bold."""
    columns = [Column("customer", N_("Customer"), lambda r: r.name or _("Total"))]
    for bucket in Bucket:
        columns.append(
            Column(str(bucket), BUCKET_LABELS[bucket], _bucket_of(bucket), kind=ColumnKind.MONEY)
        )
    columns.append(
        Column("total", N_("Total"), lambda r: r.total, kind=ColumnKind.MONEY, bold=True)
    )
    return columns


def _due_text(row: InvoiceRow) -> str:
    return "" if row.kind == DocumentKind.CREDIT_NOTE else day_text(row.due_date)


class InvoicesPage(InvoicingPage):
    """Invoices and credit notes, newest first; the aged debt by customer."""

    key = "invoices"
    title = N_("Invoices")

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(document, parent)
        from costready.ui.widgets import page_header

        layout = QVBoxLayout(self)
        layout.addWidget(
            page_header(
                _("Invoices"),
                _("Invoices and credit notes, what is owed, and how long it has been owed."),
            )
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Invoices and aged debt"))
        self.tabs.addTab(self._build_list(), _("&Invoices"))
        self.tabs.addTab(self._build_aged(), _("&Aged debt"))
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.make_status())
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY)
        self._search_timer.timeout.connect(self.reload_list)
        self._filling = False
        # read when first shown (showEvent): building the page reads nothing twice

    # Building ------------------------------------------------------------------------------
    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        # the table first: the sort box below the filters reads its header's columns
        self.model = LazyRecordModel(invoice_columns(), parent=self)
        self.view: QTableView = TablePage.read_only_view(self.model, _("Invoices"))
        # columns fit the first rows, not every row read (fitting 200 cost 170 ms a showing)
        self.view.horizontalHeader().setResizeContentsPrecision(30)
        self.view.activated.connect(lambda _index: self.open_selected())
        self._sortable_header()
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        filters = QHBoxLayout()
        self.status_combo = QComboBox()
        self.status_combo.addItem(_("All"), None)
        for status, label in STATUS_LABELS.items():
            self.status_combo.addItem(_(label), status)
        self.customer_combo = QComboBox()
        self.customer_combo.setMinimumContentsLength(16)
        self.from_edit = optional_date_edit(None, _("Issued from"), _("Any"))
        self.to_edit = optional_date_edit(None, _("Issued to"), _("Any"))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Number or customer"))
        self.search_edit.setClearButtonEnabled(True)
        for label, widget, name in (
            (_("S&tatus:"), self.status_combo, _("Status filter")),
            (_("C&ustomer:"), self.customer_combo, _("Customer filter")),
            (_("Issued &from:"), self.from_edit, _("Issued from")),
            (_("t&o:"), self.to_edit, _("Issued to")),
        ):
            text = QLabel(label)
            text.setBuddy(widget)
            widget.setAccessibleName(name)
            filters.addWidget(text)
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        # the header's sort for the keyboard, on a line of its own so the page fits 1024 px
        self.sort_box = SortBox(self.view.horizontalHeader(), _("Drafts first, newest first"))
        sorting = QHBoxLayout()
        sorting.addWidget(self.sort_box)
        sorting.addStretch(1)
        layout.addLayout(sorting)
        self.status_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.customer_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.from_edit.dateChanged.connect(self._on_filter_changed)
        self.to_edit.dateChanged.connect(self._on_filter_changed)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.reload_list)

        self.new_action = self.action(_("New invoice…"), "add", self.new_invoice)
        self.open_action = self.action(_("Open…"), "edit", self.open_selected)
        self.pay_action = self.action(_("Record payment…"), "check", self.record_payment)
        self.credit_action = self.action(_("Credit note…"), "remove", self.credit_note)
        self.buttons: dict[str, QToolButton] = {}
        actions = [self.new_action, self.open_action, self.pay_action, self.credit_action]
        row = self.button_row(actions, self.buttons)
        search_label = QLabel(_("&Search:"))
        search_label.setBuddy(self.search_edit)
        self.search_edit.setAccessibleName(_("Search invoices"))
        self.search_edit.setMinimumWidth(240)
        row.addWidget(search_label)
        row.addWidget(self.search_edit)
        layout.addLayout(row)

        self.list_stack = QStackedWidget()
        self.empty = empty_state(
            _(
                "No invoices yet. Start one for a customer: its lines come from your adopted "
                "prices, or are typed in."
            ),
            _("New invoice…"),
            lambda: self.new_invoice(),
        )
        self.list_stack.addWidget(self.view)
        self.list_stack.addWidget(self.empty)
        layout.addWidget(self.list_stack, 1)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(_("Number of documents"))
        layout.addWidget(self.count_label)
        return box

    def _sortable_header(self) -> None:
        """A click on a column's header sorts by it (in SQL: the rows are read a page at a
        time), a second the other way, a third back to the usual order (drafts first, then
        the newest), which shows no indicator. The sort box (`SortBox`) moves the same
        indicator from the keyboard."""
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        show_sort_arrow(header)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(lambda _section, _order: self.reload_list())

    def current_order(self) -> ListOrder:
        """The order the header's sort indicator shows (the usual order when it shows none)."""
        header = self.view.horizontalHeader()
        section = header.sortIndicatorSection()
        if not 0 <= section < len(self.model.columns):
            return ListOrder()
        descending = header.sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
        return ListOrder(SortKey(self.model.columns[section].key), descending)

    def _build_aged(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        intro = QLabel(_("What each customer owes, by how many days it is past its due date."))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.aged_model = RecordTableModel(aged_columns(), parent=self)
        self.aged_view = TablePage.read_only_view(self.aged_model, _("Aged debt"))
        layout.addWidget(self.aged_view, 1)
        self.aged_pdf_action = self.action(_("Save as PDF…"), "export", self.aged_debt_pdf)
        self.aged_csv_action = self.action(_("Export CSV…"), "export", self.aged_debt_csv)
        self.aged_buttons: dict[str, QToolButton] = {}
        row = self.button_row([self.aged_pdf_action, self.aged_csv_action], self.aged_buttons)
        layout.addLayout(row)
        return box

    def primary_action(self) -> QAction | None:
        return self.new_action

    # Reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.store is None:
            return
        self._fill_customers()
        if self.tabs.currentIndex() == 0:
            self.reload_list()
        else:
            self.reload_aged()

    def _fill_customers(self) -> None:
        from costready.app import invoices

        store = self.store
        assert store is not None
        chosen = self.customer_combo.currentData()
        self._filling = True
        self.customer_combo.clear()
        self.customer_combo.addItem(_("All"), None)
        for customer in invoices.customers(store, self.organisation_id):
            self.customer_combo.addItem(customer.name, customer.id)
        self.customer_combo.setCurrentIndex(max(0, self.customer_combo.findData(chosen)))
        self._filling = False

    def current_filter(self) -> InvoiceFilter:
        from costready.app.invoices import InvoiceFilter

        return InvoiceFilter(
            status=self.status_combo.currentData(),
            customer_id=self.customer_combo.currentData(),
            date_from=optional_date_of(self.from_edit),
            date_to=optional_date_of(self.to_edit),
            text=self.search_edit.text().strip(),
        )

    def _on_filter_changed(self) -> None:
        if not self._filling:
            self.reload_list()

    def reload_list(self) -> None:
        """Count the documents the filters match and read the first page of them."""
        store = self.store
        if store is None:
            return
        from costready.app import invoices

        self._search_timer.stop()
        chosen = self.selected_id()
        filt, day, org = self.current_filter(), today(), self.organisation_id
        order = self.current_order()
        count = invoices.count_documents(store, org, filt, day)
        self.model.set_source(
            count,
            lambda offset, limit: invoices.document_rows(
                store, org, filt, day, offset, limit, order
            ),
        )
        if self.model.rows:
            fit_columns(self.view)
            # on a small screen the customer's name gives way, never the status
            fit_within(self.view, CUSTOMER_COLUMN)
        filtered = filt != type(filt)()
        self.list_stack.setCurrentWidget(self.view if count or filtered else self.empty)
        self.count_label.setText(
            ngettext("{n} document", "{n} documents", count).format(n=f"{count:,}")
        )
        self.select(chosen)
        self._update_actions()

    def reload_aged(self) -> None:
        store = self.store
        if store is None:
            return
        from costready.app import payments

        rows: list[AgedRow] = list(payments.aged_debtors(store, self.organisation_id, today()))
        self.aged_model.set_rows([*rows, aged_totals(rows)] if rows else [])
        fit_columns(self.aged_view)

    # Selection -----------------------------------------------------------------------------
    def selected_row(self) -> object | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return getattr(row, "id", None)

    def select(self, doc_id: int | None) -> None:
        """Select document `doc_id` if it is among the rows read so far."""
        if doc_id is None:
            return
        for row, item in enumerate(self.model.rows):
            if item.id == doc_id:
                self.view.selectRow(row)
                return

    def _update_actions(self) -> None:
        row = self.selected_row()
        is_invoice = row is not None and getattr(row, "kind", None) == "invoice"
        issued = row is not None and getattr(row, "status", None) is not Status.DRAFT
        self.open_action.setEnabled(row is not None)
        self.pay_action.setEnabled(is_invoice and issued)
        self.credit_action.setEnabled(is_invoice and issued)

    def _chosen_issued_invoice(self) -> int | None:
        """The issued invoice selected (a payment or a credit note goes against one), else
        None, having said so."""
        row = self.selected_row()
        if (
            row is None
            or getattr(row, "kind", None) != "invoice"
            or not self.pay_action.isEnabled()
        ):
            self.say(_("Choose an issued invoice in the list first."))
            return None
        return getattr(row, "id", None)

    # Doing ---------------------------------------------------------------------------------
    def new_invoice(self, customer_id: int | None = None) -> None:
        """Start a draft: choose the customer in the editor, which saves it as a draft."""
        store = self.store
        if store is None:
            return
        from costready.ui.dialogs.invoice_editor import InvoiceEditor

        dialog = InvoiceEditor(store, self.organisation_id, None, self, customer_id=customer_id)
        self.open_dialog(dialog, lambda: None)
        dialog.finished.connect(lambda _result: self._after_editor(dialog))

    def copy_selected(self) -> None:
        """A new draft like the invoice selected (its customer, lines at today's prices,
        references), opened in the editor."""
        row = self.selected_row()
        if row is None or getattr(row, "kind", None) != "invoice":
            self.say(_("Choose an invoice in the list first."))
            return
        self.copy_document(getattr(row, "id", 0), getattr(row, "number", ""))

    def copy_document(self, doc_id: int, number: str) -> None:
        store = self.store
        if store is None:
            return
        from costready.app import invoices

        copied = invoices.copy_as_draft(store, doc_id)
        self.refresh()
        self.select(copied.id)
        self.say(_("Copied {number} as a new draft").format(number=number))
        self.open_document(copied.id or 0)

    def open_selected(self) -> None:
        doc_id = self.selected_id()
        if doc_id is not None:
            self.open_document(doc_id)

    def open_document(self, doc_id: int) -> None:
        """The editor for a draft, the document's view (payments, credit) once issued."""
        store = self.store
        if store is None:
            return
        from costready.app import invoices

        view = invoices.document_view(store, doc_id, today())
        if view.document.is_issued:
            from costready.ui.dialogs.invoice_view import InvoiceViewDialog

            shown = InvoiceViewDialog(store, doc_id, self)
            self.open_dialog(shown, lambda: None)
            shown.finished.connect(lambda _result: self._after_editor(shown))
        else:
            from costready.ui.dialogs.invoice_editor import InvoiceEditor

            dialog = InvoiceEditor(store, self.organisation_id, view.document, self)
            self.open_dialog(dialog, lambda: None)
            dialog.finished.connect(lambda _result: self._after_editor(dialog))

    def _after_editor(self, dialog: QWidget) -> None:
        message = getattr(dialog, "message", "")
        doc_id = getattr(dialog, "document_id", None)
        self.refresh()
        self.select(doc_id)
        if message:
            self.say(message)
        if getattr(dialog, "copy_wanted", False) and doc_id is not None:
            self.copy_document(doc_id, getattr(dialog, "number", ""))

    def record_remittance(self) -> None:
        """One payment that pays several invoices (a remittance advice), for the customer of
        the document selected, if one is."""
        store = self.store
        if store is None:
            return
        from costready.app import invoices
        from costready.ui.dialogs.remittance import RemittanceDialog

        doc_id = self.selected_id()
        customer_id = invoices.document_view(store, doc_id, today()).customer.id if doc_id else None
        dialog = RemittanceDialog(store, self.organisation_id, customer_id, self)
        self.open_dialog(dialog, lambda: self._after_editor(dialog))

    def record_payment(self, doc_id: int | None = None) -> None:
        doc_id = doc_id if doc_id is not None else self._chosen_issued_invoice()
        store = self.store
        if doc_id is None or store is None:
            return
        from costready.ui.dialogs.payment import PaymentDialog

        dialog = PaymentDialog(store, doc_id, self)
        self.open_dialog(dialog, lambda: self._after_editor(dialog))

    def credit_note(self, doc_id: int | None = None) -> None:
        doc_id = doc_id if doc_id is not None else self._chosen_issued_invoice()
        store = self.store
        if doc_id is None or store is None:
            return
        from costready.ui.dialogs.credit_note import CreditNoteDialog

        dialog = CreditNoteDialog(store, doc_id, self)
        if dialog.nothing_left:  # said here, rather than a dialog with every line greyed
            self.say(
                _("Nothing is left to credit on {number}: credit notes cover all of it.").format(
                    number=dialog.number
                )
            )
            dialog.deleteLater()
            return
        self.open_dialog(dialog, lambda: self._after_editor(dialog))

    # Files ---------------------------------------------------------------------------------
    def _chosen_issued(self) -> tuple[int, str] | None:
        """The issued invoice or credit note selected (id, number), else None, having said
        so."""
        row = self.selected_row()
        if row is None or getattr(row, "status", None) is Status.DRAFT:
            self.say(_("Choose an issued invoice or credit note in the list first."))
            return None
        return getattr(row, "id", 0), getattr(row, "number", "")

    def save_pdf(self) -> None:
        chosen, store = self._chosen_issued(), self.store
        if chosen is not None and store is not None:
            from costready.ui import invoice_exports

            invoice_exports.save_document_pdf(self, store, *chosen)

    def export_ubl(self) -> None:
        chosen, store = self._chosen_issued(), self.store
        if chosen is not None and store is not None:
            from costready.ui import invoice_exports

            invoice_exports.export_ubl(self, store, *chosen)

    def reminder(self) -> None:
        """A reminder letter for the overdue invoice selected."""
        row, store = self.selected_row(), self.store
        if store is None:
            return
        if row is None or getattr(row, "status", None) is not Status.OVERDUE:
            self.say(_("Choose an overdue invoice in the list first."))
            return
        from costready.ui import invoice_exports
        from costready.ui.dialogs.reminder import ReminderDialog

        dialog = ReminderDialog(store, getattr(row, "id", 0), self)
        self.open_dialog(
            dialog,
            lambda: invoice_exports.save_reminder(
                self,
                store,
                dialog.invoice_id,
                dialog.number,
                dialog.level,
                dialog.reference_rate,
            ),
        )

    def invoices_csv(self) -> None:
        if self.store is not None:
            from costready.ui import invoice_exports

            invoice_exports.save_invoices_csv(self, self.store, self.organisation_id)

    def payments_csv(self) -> None:
        if self.store is not None:
            from costready.ui import invoice_exports

            invoice_exports.save_payments_csv(self, self.store, self.organisation_id)

    def aged_debt_pdf(self) -> None:
        if self.store is not None:
            from costready.ui import invoice_exports

            invoice_exports.save_aged_debt(self, self.store, self.organisation_id, as_csv=False)

    def aged_debt_csv(self) -> None:
        if self.store is not None:
            from costready.ui import invoice_exports

            invoice_exports.save_aged_debt(self, self.store, self.organisation_id, as_csv=True)
