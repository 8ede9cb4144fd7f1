"""The invoice editor: a draft's customer, dates, references and lines, its live totals, and
Save draft, Delete draft and Issue.

The totals are the domain's (`invoicing.documents.totals`), worked on the draft as it is on
screen; nothing here adds up money. The rules a line or a draft must keep (quantities, the
outside-the-scope mix) are the domain's too, and their messages are shown as they come.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from costready.app.errors import StorageError
from costready.i18n import N_, _
from costready.invoicing.documents import (
    Document,
    DocumentKind,
    Line,
    Totals,
    line_problems,
    mixed_scope_problems,
    totals,
    validate_document,
    vat_registered_at,
)
from costready.invoicing.errors import InvoicingError
from costready.money import format_money, format_number
from costready.problems import Problem
from costready.rules_file import VAT_LABELS, VatTreatment
from costready.ui.invoicing_forms import (
    confirm,
    date_edit,
    date_of,
    field_box,
    optional_date_edit,
    optional_date_of,
    problems_of,
    show_field_problems,
    stretch_first,
    today,
    vat_group_words,
)
from costready.ui.pages._table_page import TablePage, fit_columns
from costready.ui.table_model import Column, ColumnKind, EditRefused, RecordTableModel
from costready.ui.widgets import FieldError

if TYPE_CHECKING:
    from costready.app.workspace import Workspace

#: the question before issuing (the number is allocated at issue, so it cannot be named yet)
ISSUE_QUESTION = N_("Issue this invoice? It cannot be changed afterwards, only credited.")


def _vat_choices(_line: Any) -> list[tuple[str, VatTreatment]]:
    return [(_(label), treatment) for treatment, label in VAT_LABELS.items()]


def line_columns(net_of: Any) -> list[Column]:
    """A draft's line columns; `net_of(line)` is the line's net from the domain's totals."""
    return [
        Column(
            "description",
            N_("Description"),
            lambda line: line.description,
            set=lambda line, v: dataclasses.replace(line, description=v),
        ),
        Column(
            "quantity",
            N_("Quantity"),
            lambda line: line.quantity,
            kind=ColumnKind.NUMBER,
            set=lambda line, v: dataclasses.replace(line, quantity=v),
            display=lambda line: format_number(line.quantity),
            help=N_("May be fractional: 1.5 hours"),
        ),
        Column(
            "unit",
            N_("Unit"),
            lambda line: line.unit,
            set=lambda line, v: dataclasses.replace(line, unit=v),
            required=False,
        ),
        Column(
            "unit_price",
            N_("Unit price"),
            lambda line: line.unit_price,
            kind=ColumnKind.MONEY,
            set=lambda line, v: dataclasses.replace(line, unit_price=v),
        ),
        Column(
            "treatment",
            N_("VAT"),
            lambda line: line.treatment,
            kind=ColumnKind.CHOICE,
            set=lambda line, v: dataclasses.replace(line, treatment=VatTreatment(v)),
            choices=_vat_choices,
        ),
        Column("net", N_("Net"), net_of, kind=ColumnKind.MONEY),
    ]


class InvoiceEditor(QDialog):
    """Edit a draft invoice (or start one: `document` None). After it closes, `message` says
    what was done and `document_id` names the draft or the issued invoice."""

    def __init__(
        self,
        store: Workspace,
        organisation_id: int,
        document: Document | None,
        parent: QWidget | None = None,
        *,
        customer_id: int | None = None,
    ):
        super().__init__(parent)
        from costready.app import invoices

        self._store = store
        self._org_id = organisation_id
        self._saved: Document | None = document
        self.message = ""
        self.document_id: int | None = document.id if document else None
        self._dirty = document is None
        self.dialog: QDialog | None = None
        self.setWindowTitle(_("Draft invoice") if document else _("New invoice"))
        self.resize(900, 680)
        organisation = store.organisation(organisation_id)
        self._organisation = organisation
        self._customers = invoices.customers(store, organisation_id)
        self.errors: dict[str, FieldError] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_fields(document, customer_id))
        layout.addWidget(self._build_lines(), 1)
        bottom = QHBoxLayout()
        self.general_error = FieldError()
        bottom.addWidget(self.general_error, 1)
        bottom.addStretch(1)
        bottom.addWidget(self._build_totals())
        layout.addLayout(bottom)
        layout.addLayout(self._build_buttons())
        self._set_tab_order()
        self._menu = invoices.menu_lines(store, organisation_id, self.issue_edit_day())
        for item in self._menu:
            self.menu_combo.addItem(
                _("{name} — {price} per {unit}").format(
                    name=item.name, price=format_money(item.unit_price), unit=item.unit
                ),
                item.service_key,
            )
        self.add_menu_button.setEnabled(bool(self._menu))
        if not self._menu:
            self.menu_combo.addItem(_("No adopted prices yet"), None)
        self.lines_model.set_rows(document.lines if document else ())
        self._update_totals()
        self.customer_combo.setFocus()

    # Building ------------------------------------------------------------------------------
    def _field(
        self,
        form: QFormLayout | QGridLayout,
        label: str,
        widget: QWidget,
        name: str,
        path: str,
        at: tuple[int, int] | None = None,
    ) -> None:
        box = field_box(widget, name, path, self.errors)
        text = QLabel(label)
        text.setBuddy(widget)
        if isinstance(form, QFormLayout):
            form.addRow(text, box)
        else:
            assert at is not None
            form.addWidget(text, at[0], at[1])
            form.addWidget(box, at[0], at[1] + 1)

    def _build_fields(self, document: Document | None, customer_id: int | None) -> QGridLayout:
        grid = QGridLayout()
        self.customer_combo = QComboBox()
        for customer in self._customers:
            self.customer_combo.addItem(customer.name, customer.id)
        wanted = document.customer_id if document else customer_id
        self.customer_combo.setCurrentIndex(max(0, self.customer_combo.findData(wanted)))
        self._field(
            grid, _("&Customer:"), self.customer_combo, _("Customer"), "customer_id", (0, 0)
        )
        day = (document.issue_date if document else None) or today()
        self.issue_edit = date_edit(day, _("Issue date"))
        self._field(grid, _("&Issue date:"), self.issue_edit, _("Issue date"), "issue_date", (0, 2))
        self.due_edit = optional_date_edit(
            document.due_date if document else None, _("Due date"), _("From the payment terms")
        )
        self._field(grid, _("&Due date:"), self.due_edit, _("Due date"), "due_date", (1, 2))
        self.period_start_edit = optional_date_edit(
            document.period_start if document else None, _("Service period from"), _("None")
        )
        self._field(
            grid,
            _("Service &period from:"),
            self.period_start_edit,
            _("Service period from"),
            "period_start",
            (2, 0),
        )
        self.period_end_edit = optional_date_edit(
            document.period_end if document else None, _("Service period to"), _("None")
        )
        self._field(
            grid,
            _("Service period &to:"),
            self.period_end_edit,
            _("Service period to"),
            "period_end",
            (2, 2),
        )
        self.po_edit = QLineEdit(document.purchase_order if document else "")
        self._field(
            grid,
            _("Purchase &order:"),
            self.po_edit,
            _("Purchase order number"),
            "purchase_order",
            (1, 0),
        )
        self.reference_edit = QLineEdit(document.customer_reference if document else "")
        self._field(
            grid,
            _("Customer &reference:"),
            self.reference_edit,
            _("Customer reference"),
            "customer_reference",
            (3, 0),
        )
        self.notes_edit = QPlainTextEdit(document.notes if document else "")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 3)
        self._field(grid, _("&Notes:"), self.notes_edit, _("Notes"), "notes", (3, 2))
        for widget in (self.customer_combo,):
            widget.currentIndexChanged.connect(self._on_field_changed)
        for edit in (self.issue_edit, self.due_edit, self.period_start_edit, self.period_end_edit):
            edit.dateChanged.connect(self._on_field_changed)
        for line_edit in (self.po_edit, self.reference_edit):
            line_edit.textEdited.connect(self._on_field_changed)
        self.notes_edit.textChanged.connect(self._on_field_changed)
        self.errors["customer"] = self.errors["customer_id"]  # the app layer's name for it
        self.customer_combo.currentIndexChanged.connect(self._show_po_hint)
        self._show_po_hint()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    def _set_tab_order(self) -> None:
        # Tab goes along the rows as they are laid out
        order = [
            self.customer_combo,
            self.issue_edit,
            self.po_edit,
            self.due_edit,
            self.period_start_edit,
            self.period_end_edit,
            self.reference_edit,
            self.notes_edit,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _show_po_hint(self) -> None:
        """Say in the purchase-order field when the customer requires one."""
        chosen = next(
            (c for c in self._customers if c.id == self.customer_combo.currentData()), None
        )
        hint = (
            _("Required by {customer}").format(customer=chosen.name)
            if chosen is not None and chosen.po_required
            else ""
        )
        self.po_edit.setPlaceholderText(hint)
        self.po_edit.setAccessibleDescription(hint)

    def _build_lines(self) -> QGroupBox:
        box = QGroupBox(_("Lines"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        menu_label = QLabel(_("&Menu:"))
        self.menu_combo = QComboBox()
        self.menu_combo.setAccessibleName(_("Service from the menu"))
        menu_label.setBuddy(self.menu_combo)
        self.add_menu_button = QPushButton(_("&Add from menu"))
        self.add_menu_button.setAutoDefault(False)
        self.add_menu_button.clicked.connect(self.add_menu_line)
        self.add_free_button = QPushButton(_("Add &free-text line"))
        self.add_free_button.setAutoDefault(False)
        self.add_free_button.clicked.connect(self.add_free_line)
        self.remove_button = QPushButton(_("Re&move line"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_line)
        row.addWidget(menu_label)
        row.addWidget(self.menu_combo, 1)
        for button in (self.add_menu_button, self.add_free_button, self.remove_button):
            row.addWidget(button)
        layout.addLayout(row)
        self._totals: Totals | None = None
        self.lines_model = RecordTableModel(
            line_columns(self._net_of),
            committer=self._commit_lines,
            label=lambda line: line.description,
            validate=self._validate_lines,
            parent=self,
        )
        self.lines_model.edit_refused.connect(self._on_lines_edit_refused)
        self.lines_view: QTableView = TablePage.make_view(self.lines_model, _("Invoice lines"))
        layout.addWidget(self.lines_view, 1)
        error = FieldError()
        self.errors["lines"] = error
        layout.addWidget(error)
        return box

    def _build_totals(self) -> QWidget:
        box = QWidget()
        box.setMinimumWidth(260)
        box.setMaximumWidth(440)  # figures beside their words, at the right under the lines
        self.totals_form = QFormLayout(box)
        self.totals_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_label = QLabel()
        self.total_label.setAccessibleName(_("Total"))
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.delete_button = QPushButton(_("De&lete draft…"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_draft)
        self.delete_button.setEnabled(self._saved is not None)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        self.save_button = QPushButton(_("&Save draft"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_draft)
        self.issue_button = QPushButton(_("Iss&ue…"))
        self.issue_button.setAutoDefault(False)
        self.issue_button.clicked.connect(self.issue)
        self.close_button = QPushButton(_("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        for button in (self.save_button, self.issue_button, self.close_button):
            row.addWidget(button)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft)
        return row

    # The draft on screen -------------------------------------------------------------------
    def issue_edit_day(self) -> Any:
        return date_of(self.issue_edit)

    def draft(self) -> Document:
        """The draft as the fields and lines now say (not saved)."""
        base = self._saved or Document(
            DocumentKind.INVOICE,
            None,
            vat_registered=vat_registered_at(self._organisation, date_of(self.issue_edit)),
        )
        return dataclasses.replace(
            base,
            customer_id=self.customer_combo.currentData(),
            lines=tuple(self.lines_model.rows),
            issue_date=date_of(self.issue_edit),
            due_date=optional_date_of(self.due_edit),
            period_start=optional_date_of(self.period_start_edit),
            period_end=optional_date_of(self.period_end_edit),
            purchase_order=self.po_edit.text().strip(),
            customer_reference=self.reference_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def _net_of(self, line: Line) -> Decimal | None:
        if self._totals is None:
            return None
        rows = self.lines_model.rows
        index = next((i for i, row in enumerate(rows) if row is line), None)
        return self._totals.line_nets[index] if index is not None else line.net

    def _on_field_changed(self) -> None:
        self._dirty = True

    def _commit_lines(self, rows: tuple[Line, ...], _description: str) -> bool:
        self.lines_model.set_rows(rows)
        self._dirty = True
        self.errors["lines"].clear_error()
        self._update_totals()
        return True

    def _validate_lines(self, rows: tuple[Line, ...], row: int) -> None:
        """Refuse an edit that gives its line a new problem, or mixes outside-the-scope lines
        with others (the domain's words)."""
        path = f"lines[{row}]"
        before = {p.path for p in line_problems(self.lines_model.item(row), path)}
        new = [p for p in line_problems(rows[row], path) if p.path not in before]
        if new:
            raise EditRefused(new[0].message)
        mixed = mixed_scope_problems(dataclasses.replace(self.draft(), lines=rows))
        if mixed:
            raise EditRefused(mixed[0].message)

    def _on_lines_edit_refused(self, message: str) -> None:
        self.errors["lines"].show_error(message)

    def _update_totals(self) -> None:
        """Show the domain's totals of the draft as it is on screen."""
        draft = self.draft()
        figures = totals(draft)
        self._totals = figures
        self.lines_model.refresh()
        while self.totals_form.rowCount():
            self.totals_form.removeRow(0)
        self.total_label = QLabel(format_money(figures.gross))
        bold = QFont(self.total_label.font())
        bold.setBold(True)
        self.total_label.setFont(bold)
        self.total_label.setAccessibleName(_("Total"))
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        if draft.vat_registered:
            self._total_row(_("Net:"), format_money(figures.net), _("Net"))
            for group in figures.groups:
                words = _("{group} on {taxable}:").format(
                    group=vat_group_words(group), taxable=format_money(group.taxable)
                )
                self._total_row(words, format_money(group.vat), words.rstrip(":"))
        total_words = QLabel(_("Total:"))
        total_words.setFont(bold)
        self.totals_form.addRow(total_words, self.total_label)
        if self.lines_view.model().rowCount():
            fit_columns(self.lines_view)
            stretch_first(self.lines_view)

    def _total_row(self, words: str, amount: str, name: str) -> None:
        value = QLabel(amount)
        value.setAlignment(Qt.AlignmentFlag.AlignRight)
        value.setAccessibleName(name)
        self.totals_form.addRow(QLabel(words), value)

    # Lines ---------------------------------------------------------------------------------
    def add_menu_line(self) -> None:
        key = self.menu_combo.currentData()
        item = next((m for m in self._menu if m.service_key == key), None)
        if item is None:
            return
        line = Line(
            description=item.name,
            quantity=Decimal(1),
            unit=item.unit,
            unit_price=item.unit_price,
            treatment=item.treatment,
            service_key=item.service_key,
        )
        self._add_line(line)

    def add_free_line(self) -> None:
        treatment = VatTreatment.STANDARD if self.draft().vat_registered else VatTreatment.EXEMPT
        if self.lines_model.rows:
            treatment = self.lines_model.rows[-1].treatment
        self._add_line(Line(_("Description"), Decimal(1), "", Decimal(0), treatment))
        index = self.lines_model.index_of(len(self.lines_model.rows) - 1, "description")
        self.lines_view.setCurrentIndex(index)
        self.lines_view.edit(index)

    def _add_line(self, line: Line) -> None:
        rows = (*self.lines_model.rows, line)
        mixed = mixed_scope_problems(dataclasses.replace(self.draft(), lines=rows))
        if mixed:
            self.errors["lines"].show_error(mixed[0].message)
            return
        self._commit_lines(rows, "")
        self.lines_view.selectRow(len(rows) - 1)

    def remove_line(self) -> None:
        chosen = self.lines_view.selectionModel().selectedRows()
        if not chosen:
            return
        row = chosen[0].row()
        rows = tuple(line for i, line in enumerate(self.lines_model.rows) if i != row)
        self._commit_lines(rows, "")

    # Saving, deleting, issuing -------------------------------------------------------------
    def save_draft(self) -> bool:
        """Save the draft (a new one is made first); False with the problems shown."""
        from costready.app import invoices

        if self.customer_combo.currentData() is None:
            show_field_problems(
                [Problem("customer_id", _("Customer: add a customer first, then invoice them"))],
                self.errors,
                self.general_error,
            )
            return False
        try:
            if self._saved is None:
                self._saved = invoices.new_draft(
                    self._store, self._org_id, self.customer_combo.currentData()
                )
                self._adopt_defaults(self._saved)
            saved = invoices.save_draft(self._store, self._org_id, self.draft())
        except (InvoicingError, StorageError) as error:
            show_field_problems(problems_of(error), self.errors, self.general_error)
            return False
        self._saved = saved
        self.document_id = saved.id
        self._dirty = False
        self.delete_button.setEnabled(True)
        self.setWindowTitle(_("Draft invoice"))
        show_field_problems([], self.errors, self.general_error)
        self.message = _("Saved the draft invoice for {customer}").format(
            customer=self.customer_combo.currentText()
        )
        self._update_totals()
        return True

    def _adopt_defaults(self, draft: Document) -> None:
        """A new draft's defaults (its due date from the terms) where the fields are empty."""
        from costready.ui.invoicing_forms import set_optional_date

        if optional_date_of(self.due_edit) is None and draft.due_date is not None:
            set_optional_date(self.due_edit, draft.due_date)

    def delete_draft(self) -> None:
        from costready.app import invoices

        if self._saved is None or self._saved.id is None:
            return
        if not confirm(
            self,
            _("Delete draft"),
            _("Delete this draft invoice? Deliveries it billed become unbilled again."),
            _("Delete draft"),
        ):
            return
        try:
            invoices.delete_draft(self._store, self._saved.id)
        except (InvoicingError, StorageError) as error:
            show_field_problems(problems_of(error), self.errors, self.general_error)
            return
        self.message = _("Deleted the draft invoice")
        self.document_id = None
        self._dirty = False
        self.accept()

    def issue(self) -> None:
        """Save, ask, then issue: the number is allocated now; the dialog closes when done."""
        from costready.app import invoices

        if not self.save_draft():
            return
        assert self._saved is not None and self._saved.id is not None
        customer = next(c for c in self._customers if c.id == self._saved.customer_id)
        problems = validate_document(self._saved, customer)
        if problems:  # said before asking; the app layer checks again (and the sender's details)
            show_field_problems(problems, self.errors, self.general_error)
            return
        if not confirm(self, _("Issue invoice"), _(ISSUE_QUESTION), _("Issue invoice")):
            return
        try:
            issued = invoices.issue(self._store, self._saved.id, date_of(self.issue_edit))
        except (InvoicingError, StorageError) as error:
            show_field_problems(problems_of(error), self.errors, self.general_error)
            return
        self.document_id = issued.id
        self.message = _("Issued invoice {number}").format(number=issued.number)
        self._dirty = False
        self.accept()

    def reject(self) -> None:
        if (
            self._dirty
            and self.lines_model.rows
            and not confirm(
                self,
                _("Close without saving"),
                _("Close this invoice without saving your changes?"),
                _("Close without saving"),
            )
        ):
            return
        super().reject()
