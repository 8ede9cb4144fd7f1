"""Invoicing's files from the window: PDFs, e-invoices, statements, reminders, aged debt, CSVs.

Each one asks where to save through the window's one exporter (`ui/export.py`), proposing a
name ("INV-0004.pdf"), and writes through `app/invoice_files.py` off the GUI thread. What must
be fixed first (an e-invoice's missing Peppol id, say) is shown before any file is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from costready.i18n import _
from costready.ui.export import file_name
from costready.ui.invoicing_forms import problems_of, today

if TYPE_CHECKING:
    from costready.app.workspace import Workspace
    from costready.ui.export import PdfExporter

CSV_FILTER = "CSV (*.csv)"
XML_FILTER = "XML (*.xml)"


def warn(parent: QWidget, title: str, text: str) -> None:
    """A message the person must read (tests replace it)."""
    QMessageBox.warning(parent, title, text)


def inform(parent: QWidget, title: str, text: str) -> None:
    """A note the person should read (tests replace it)."""
    QMessageBox.information(parent, title, text)


def exporter_of(widget: QWidget) -> PdfExporter | None:
    """The exporter of the main window `widget` sits in (through dialogs), or None."""
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, QMainWindow) and hasattr(current, "pdf_exporter"):
            return current.pdf_exporter  # type: ignore[no-any-return]
        current = current.parentWidget()
    return None


def _export(
    widget: QWidget,
    title: str,
    suggested: str,
    write: Callable[[Path], None],
    file_filter: str = "",
    open_label: str = "",
) -> bool:
    exporter = exporter_of(widget)
    if exporter is None:
        return False
    return exporter.export(title, suggested, write, file_filter, open_label)


def save_document_pdf(widget: QWidget, store: Workspace, doc_id: int, number: str) -> bool:
    """The invoice or credit note as a PDF, named by its number."""
    from costready.app import invoice_files

    day = today()
    return _export(
        widget,
        _("Save {number} as PDF").format(number=number),
        f"{invoice_files.file_stem(number)}.pdf",
        lambda path: invoice_files.save_document_pdf(store, doc_id, path, day),
    )


def ubl_problems(store: Workspace, doc_id: int) -> list[str]:
    """What stops the e-invoice, in words (nothing: it can be exported)."""
    from costready.app import invoice_files
    from costready.reports.ubl import ubl_problems as problems

    data = invoice_files.document_data(store, doc_id, today())
    return [problem.message for problem in problems(data)]


def export_ubl(widget: QWidget, store: Workspace, doc_id: int, number: str) -> bool:
    """The e-invoice (UBL, Peppol BIS 3.0); when something is missing, say what and write
    nothing."""
    from costready.app import invoice_files

    missing = ubl_problems(store, doc_id)
    if missing:
        warn(
            widget,
            _("E-invoice not exported"),
            _("{number} cannot be sent as an e-invoice until these are fixed:").format(
                number=number
            )
            + "\n\n"
            + "\n".join(f"• {message}" for message in missing),
        )
        return False
    return _export(
        widget,
        _("Export {number} as an e-invoice").format(number=number),
        f"{invoice_files.file_stem(number)}.xml",
        lambda path: invoice_files.save_ubl(store, doc_id, path),
        _("E-invoice, UBL XML (*.xml)"),
        _("Open e-invoice"),
    )


def save_statement(widget: QWidget, store: Workspace, customer_id: int, name: str) -> bool:
    from costready.app import invoice_files

    day = today()
    return _export(
        widget,
        _("Save the statement for {customer}").format(customer=name),
        file_name(_("Statement"), name, day.isoformat()),
        lambda path: invoice_files.save_statement_pdf(store, customer_id, path, day),
    )


def save_reminder(
    widget: QWidget,
    store: Workspace,
    doc_id: int,
    number: str,
    level: str,
    reference_rate: Decimal | None,
) -> bool:
    """The reminder letter; once written, what it did about late payment is said."""
    from costready.app import invoice_files

    day = today()
    exporter = exporter_of(widget)
    if exporter is None:
        return False
    notes: list[str] = []

    def write(path: Path) -> None:
        note = invoice_files.save_reminder_pdf(store, doc_id, level, path, day, reference_rate)
        if note.message:
            notes.append(note.message)

    def done(_message: str) -> None:
        exporter.finished.disconnect(done)
        if notes:
            inform(widget, _("Reminder saved"), notes[0])

    started = exporter.export(
        _("Save a reminder for {number}").format(number=number),
        file_name(number, _("reminder"), level),
        write,
    )
    if started:
        exporter.finished.connect(done)
    return started


def save_aged_debt(widget: QWidget, store: Workspace, org_id: int, as_csv: bool) -> bool:
    from costready.app import invoice_files

    day = today()
    if as_csv:
        return _export(
            widget,
            _("Export the aged debt as CSV"),
            file_name(_("Aged debt"), day.isoformat(), extension="csv"),
            lambda path: invoice_files.save_aged_debt_csv(store, org_id, path, day),
            CSV_FILTER,
            _("Open spreadsheet"),
        )
    return _export(
        widget,
        _("Save the aged debt as PDF"),
        file_name(_("Aged debt"), day.isoformat()),
        lambda path: invoice_files.save_aged_debt_pdf(store, org_id, path, day),
    )


def save_invoices_csv(widget: QWidget, store: Workspace, org_id: int) -> bool:
    from costready.app import invoice_files

    return _export(
        widget,
        _("Export invoices and credit notes as CSV"),
        file_name(_("Invoices"), date.today().isoformat(), extension="csv"),
        lambda path: invoice_files.save_documents_csv(store, org_id, path),
        CSV_FILTER,
        _("Open spreadsheet"),
    )


def save_payments_csv(widget: QWidget, store: Workspace, org_id: int) -> bool:
    from costready.app import invoice_files

    return _export(
        widget,
        _("Export payments as CSV"),
        file_name(_("Payments"), date.today().isoformat(), extension="csv"),
        lambda path: invoice_files.save_payments_csv(store, org_id, path),
        CSV_FILTER,
        _("Open spreadsheet"),
    )


def refusal_text(error: BaseException) -> str:
    """An app-layer refusal's problems, one a line."""
    return "\n".join(problem.message for problem in problems_of(error))
