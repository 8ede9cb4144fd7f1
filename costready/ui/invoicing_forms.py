"""What the invoicing screens share: date fields, today, field errors and lists of problems."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import _
from costready.problems import Problem
from costready.ui.widgets import FieldError, plain_label

if TYPE_CHECKING:
    from costready.app.workspace import Workspace
    from costready.invoicing.documents import VatGroup
    from costready.ui.document import ScenarioDocument

#: Dates on screen are UK dates.
DATE_FORMAT = "dd/MM/yyyy"
#: The earliest date an optional date field holds; it shows as its "none" text.
NO_DATE = QDate(2000, 1, 1)


def today() -> date:
    """Today's date (one place, so a test can fix the day)."""
    return date.today()


def day_text(day: date | None) -> str:
    """A date as shown on screen (23/11/2026), or "" for none."""
    return day.strftime("%d/%m/%Y") if day is not None else ""


def date_edit(value: date, name: str) -> QDateEdit:
    """A UK date field with a calendar, named for screen readers."""
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit


def optional_date_edit(value: date | None, name: str, none_text: str) -> QDateEdit:
    """A date field that may be left empty: its earliest date shows as `none_text`."""
    edit = date_edit(value or date(2000, 1, 1), name)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(none_text)
    if value is None:
        edit.setDate(NO_DATE)
    return edit


def date_of(edit: QDateEdit) -> date:
    """The date shown in `edit` (read field by field: PySide6 types QDate.toPython() as object)."""
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


def optional_date_of(edit: QDateEdit) -> date | None:
    """The date in an optional date field, None while it shows its "none" text."""
    return None if edit.date() == NO_DATE else date_of(edit)


def set_optional_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


def store_of(document: ScenarioDocument) -> Workspace | None:
    """The open workspace behind `document`, or None while only the start-up snapshot is here."""
    from costready.app.snapshot import StillOpening

    try:
        return document.store
    except StillOpening:
        return None


def problems_of(error: BaseException) -> list[Problem]:
    """The problems an app-layer refusal carries (one in words when it carries none)."""
    found = getattr(error, "problems", None)
    if found:
        return list(found)
    return [Problem("", str(error))]


def show_field_problems(
    problems: Sequence[Problem], errors: Mapping[str, FieldError], fallback: FieldError
) -> None:
    """Each problem under the field its path names (`lines[2].quantity` goes to `lines`),
    the rest together under `fallback`; every other field's error cleared."""
    shown: dict[FieldError, list[str]] = {}
    for problem in problems:
        head = problem.path.split(".")[0].split("[")[0]
        target = errors.get(problem.path) or errors.get(head) or fallback
        shown.setdefault(target, []).append(problem.message)
    for error in {*errors.values(), fallback}:
        if error in shown:
            error.show_error("\n".join(shown[error]))
        else:
            error.clear_error()


def field_box(widget: QWidget, name: str, path: str, errors: dict[str, FieldError]) -> QWidget:
    """`widget` (named `name` for screen readers) over its own error line, which `errors`
    keeps under `path` for show_field_problems: every invoicing dialog's field."""
    widget.setAccessibleName(name)
    error = FieldError()
    errors[path] = error
    box = QWidget()
    inner = QVBoxLayout(box)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.setSpacing(2)
    inner.addWidget(widget)
    inner.addWidget(error)
    return box


def add_field(
    form: QFormLayout,
    label: str,
    widget: QWidget,
    name: str,
    path: str,
    errors: dict[str, FieldError],
) -> None:
    """A row of `form`: `label` (its mnemonic moves to `widget`) beside the field_box."""
    box = field_box(widget, name, path, errors)
    text = QLabel(label)
    text.setBuddy(widget)
    form.addRow(text, box)


def add_payment_fields(
    form: QFormLayout, errors: dict[str, FieldError], amount_name: str, reference_hint: str
) -> tuple[QDateEdit, QLineEdit, QComboBox, QLineEdit]:
    """The rows of money received, added to `form`: the date (today), the amount (named
    `amount_name`), the method and the payer's reference (its placeholder `reference_hint`);
    their errors under date, amount, method and reference."""
    from costready.invoicing.payments import PAYMENT_METHOD_LABELS

    day = date_edit(today(), _("Payment date"))
    add_field(form, _("&Date received:"), day, _("Payment date"), "date", errors)
    amount = QLineEdit()
    add_field(form, _("&Amount (£):"), amount, amount_name, "amount", errors)
    method = QComboBox()
    for value, label in PAYMENT_METHOD_LABELS.items():
        method.addItem(_(label), value)
    add_field(form, _("&Method:"), method, _("Payment method"), "method", errors)
    reference = QLineEdit()
    reference.setPlaceholderText(reference_hint)
    add_field(form, _("&Reference:"), reference, _("Payment reference"), "reference", errors)
    return day, amount, method, reference


class ProblemsDialog(QDialog):
    """A list of problems (a CSV's rows, a billing run's skipped deliveries) to read and copy."""

    def __init__(
        self, title: str, intro: str, problems: Sequence[Problem], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        label = plain_label(intro)
        layout.addWidget(label)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Problems"))
        label.setBuddy(self.list)
        for problem in problems:
            self.list.addItem(
                f"{problem.path}: {problem.message}" if problem.path else problem.message
            )
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def confirm(parent: QWidget, title: str, question: str, yes: str) -> bool:
    """Ask `question`; True when the person presses `yes` (the default is No). Tests replace
    this at the boundary rather than clicking a modal box."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is accept


def vat_group_words(group: VatGroup) -> str:
    """A VAT group as the totals name it: "VAT at 20%", "Exempt", "Zero-rated (0%)"..."""
    from costready.rules_file import VAT_LABELS

    if group.category == "S":
        return _("VAT at {rate}%").format(rate=group.rate)
    return _(VAT_LABELS[group.treatment])


def stretch_first(view: QTableView) -> None:
    """The first column (a description, a name) takes the width the others leave."""
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class DocumentDialog(QDialog):
    """A dialog about one invoice or credit note (a payment, a credit note, a reminder): the
    document's view is read once, here; after it is accepted, `message` says what it did.
    `title` holds "{number}"."""

    def __init__(
        self, store: Workspace, doc_id: int, title: str, width: int, parent: QWidget | None
    ):
        super().__init__(parent)
        from costready.app import invoices

        self._store = store
        self.invoice_id = doc_id
        self.document_id: int | None = doc_id
        self.message = ""
        self.view = invoices.document_view(store, doc_id, today())
        self.number = self.view.document.number or _("Draft")
        self.setWindowTitle(title.format(number=self.number))
        self.setMinimumWidth(width)
