"""Invoicing's files from the window (PDF, e-invoice, reminder, statement, aged debt, CSVs),
the invoicing settings dialog, the profile fields invoices need, and the customer's credit."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from costready.invoicing.customers import Customer, CustomerKind
from costready.invoicing.documents import Document, Line
from costready.invoicing.payments import Payment, PaymentMethod
from costready.invoicing.status import Status


@pytest.fixture
def window(invoicing_window):
    return invoicing_window


@pytest.fixture
def council(workspace, invoicing_ids) -> Customer:
    from costready.app import invoices

    return invoices.save_customer(
        workspace,
        invoicing_ids[0],
        Customer("Northshire County Council", CustomerKind.LOCAL_AUTHORITY),
    )


@pytest.fixture
def saved(monkeypatch, tmp_path):
    """Save dialogs answer with a file in tmp_path named as proposed; the names proposed,
    recorded."""
    proposed: list[str] = []

    def answer(_parent, _title, suggested, _filter):
        name = suggested.replace("\\", "/").rsplit("/", 1)[-1]
        proposed.append(name)
        return str(tmp_path / name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return proposed


@pytest.fixture
def told(monkeypatch):
    """Warnings and notes recorded instead of shown."""
    from costready.ui import invoice_exports

    said: list[tuple[str, str]] = []
    monkeypatch.setattr(invoice_exports, "warn", lambda _p, title, text: said.append((title, text)))
    monkeypatch.setattr(
        invoice_exports, "inform", lambda _p, title, text: said.append((title, text))
    )
    return said


def issued_invoice(workspace, org_id, customer, quantity="4", days_ago=0) -> Document:
    from costready.app import invoices

    item = invoices.menu_lines(workspace, org_id, date.today())[0]
    draft = invoices.new_draft(workspace, org_id, customer.id)
    line = Line(item.name, Decimal(quantity), item.unit, item.unit_price, item.treatment)
    draft = invoices.save_draft(workspace, org_id, dataclasses.replace(draft, lines=(line,)))
    return invoices.issue(workspace, draft.id, date.today() - timedelta(days=days_ago))


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_the_export_actions_are_on(window):
    actions = window.invoice_actions
    for action in (actions.export_pdf, actions.export_ubl, actions.export_csv):
        assert action.isEnabled()
        assert "Coming" not in action.toolTip()


def test_save_an_invoice_pdf_from_its_view(qtbot, window, workspace, council, saved, tmp_path):
    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.open_document(invoice.id)
    view = page.dialog
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert saved == [f"{invoice.number}.pdf"]
    text = pdf_text(tmp_path / saved[0])
    assert invoice.number in text and "Northshire County Council" in text


def test_an_e_invoice_missing_pieces_names_them_and_writes_nothing(
    qtbot, window, workspace, council, saved, told, tmp_path
):
    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.refresh()
    page.select(invoice.id)
    window.invoice_actions.export_ubl.trigger()
    assert saved == []  # nothing asked, nothing written
    title, text = told[-1]
    assert title == "E-invoice not exported"
    assert invoice.number in text and "Peppol" in text
    assert not list(tmp_path.glob("*.xml"))


def test_invoices_and_payments_csv_from_the_menu(
    qtbot, window, workspace, council, saved, tmp_path
):
    from costready.app import payments

    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    payments.record_payment(
        workspace,
        invoice.id,
        Payment(date.today(), Decimal("10.00"), PaymentMethod.BANK_TRANSFER, "BACS 1", invoice.id),
    )
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        window.invoice_actions.export_csv.trigger()
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        window.invoice_actions.payments_csv.trigger()
    assert all(name.endswith(".csv") for name in saved)
    assert invoice.number in (tmp_path / saved[0]).read_text(encoding="utf-8-sig")
    assert "BACS 1" in (tmp_path / saved[1]).read_text(encoding="utf-8-sig")


def test_aged_debt_as_pdf_and_csv(qtbot, window, workspace, council, saved, tmp_path):
    issued_invoice(workspace, window.document.organisation_id, council, days_ago=70)
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        page.aged_pdf_action.trigger()
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        page.aged_csv_action.trigger()
    assert saved[0].startswith("Aged debt") and saved[0].endswith(".pdf")
    assert "Northshire" in pdf_text(tmp_path / saved[0])
    assert "Northshire County Council" in (tmp_path / saved[1]).read_text(encoding="utf-8-sig")


def test_customer_statement_from_the_customers_page(
    qtbot, window, workspace, council, saved, tmp_path
):
    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    window.show_page("customers")
    page = window.pages["customers"]
    page.refresh()
    page.view.selectRow(0)
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        qtbot.mouseClick(page.buttons["export"], Qt.MouseButton.LeftButton)
    assert saved[0].startswith("Statement Northshire County Council")
    assert invoice.number in pdf_text(tmp_path / saved[0])


def test_a_reminder_for_an_overdue_invoice(qtbot, window, workspace, council, saved, tmp_path):
    invoice = issued_invoice(workspace, window.document.organisation_id, council, days_ago=70)
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.refresh()
    page.select(invoice.id)
    assert page.selected_row().status is Status.OVERDUE
    window.invoice_actions.reminder.trigger()
    dialog = page.dialog
    assert not dialog.asks_rate  # late payment is not charged: no rate to ask for
    dialog.level_combo.setCurrentIndex(2)
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        dialog.accept()
    assert saved == [f"{invoice.number} reminder final.pdf"]
    assert "Final reminder" in pdf_text(tmp_path / saved[0])


def test_a_reminder_asks_for_the_rate_only_when_it_can_charge_and_has_none(
    qtbot, window, workspace, council, monkeypatch
):
    from costready.app import invoices
    from costready.invoicing import late_payment
    from costready.ui.dialogs.reminder import ReminderDialog

    org_id = window.document.organisation_id
    invoice = issued_invoice(workspace, org_id, council, days_ago=70)
    invoices.save_invoicing_settings(
        workspace, org_id, invoices.InvoicingSettings(charge_late_payment=True)
    )
    monkeypatch.setattr(late_payment, "reference_rate_for", lambda _day: None)
    dialog = ReminderDialog(workspace, invoice.id)
    qtbot.addWidget(dialog)
    assert dialog.asks_rate
    qtbot.keyClicks(dialog.rate_edit, "lots")
    dialog.accept()
    assert dialog.rate_error.text().startswith("Base rate:")
    dialog.rate_edit.setText("4.25")
    dialog.accept()
    assert dialog.reference_rate == Decimal("0.0425")


def test_settings_refuse_bad_bank_details_by_field_then_save(qtbot, window, workspace):
    from costready.app import invoices

    window.invoice_actions.settings.trigger()
    dialog = window.invoice_actions.settings_dialog
    qtbot.keyClicks(dialog.account_name_edit, "Riverside Hub")
    qtbot.keyClicks(dialog.sort_code_edit, "12-34")
    qtbot.keyClicks(dialog.account_number_edit, "12345678")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors["bank.sort_code"].text().startswith("Sort code:")
    dialog.sort_code_edit.setText("12-34-56")
    dialog.provider_combo.setCurrentIndex(1)  # PayPal.Me
    dialog.provider_combo.activated.emit(1)
    assert dialog.sample_label.text() == "https://paypal.me/YourHandle/123.45"
    dialog.template_edit.setText("http://example.org/{amount}")
    assert "https://" in dialog.sample_label.text()
    dialog.template_edit.setText("https://pay.example.org/{invoice_number}")
    dialog.late_check.setChecked(True)
    dialog.accept()
    assert not dialog.isVisible()
    kept = invoices.invoicing_settings(workspace, window.document.organisation_id)
    assert kept.bank is not None and kept.bank.sort_code == "123456"
    assert kept.link_template == "https://pay.example.org/{invoice_number}"
    assert kept.charge_late_payment


def test_yearly_numbering_is_fixed_once_an_invoice_is_issued(qtbot, window, workspace, council):
    from costready.ui.dialogs.invoicing_settings import InvoicingSettingsDialog

    org_id = window.document.organisation_id
    before = InvoicingSettingsDialog(workspace, org_id)
    qtbot.addWidget(before)
    assert before.yearly_check.isEnabled()
    issued_invoice(workspace, org_id, council)
    after = InvoicingSettingsDialog(workspace, org_id)
    qtbot.addWidget(after)
    assert not after.yearly_check.isEnabled()


def test_the_profile_holds_what_a_company_invoice_needs(qtbot, window, workspace):
    window.show_page("organisation")
    page = window.pages["organisation"]
    org_id = window.document.organisation_id
    details = page.invoice_details
    assert details.office_edit.accessibleName() == "Registered office"
    details.office_edit.setPlainText("1 Mill Lane\nLeeds LS1 1AA")
    details.place_combo.setCurrentIndex(details.place_combo.findData("Scotland"))
    details.place_combo.activated.emit(details.place_combo.currentIndex())
    saved = workspace.organisation(org_id)
    assert saved.place_of_registration == "Scotland"
    assert saved.registered_office == "1 Mill Lane\nLeeds LS1 1AA"
    page.document.undo_stack.undo()
    assert workspace.organisation(org_id).place_of_registration == ""
    assert details.place_combo.currentData() == ""


def test_an_overpayment_becomes_credit_set_against_the_next_invoice(
    qtbot, window, workspace, council
):
    from costready.app import invoices, payments

    org_id = window.document.organisation_id
    first = issued_invoice(workspace, org_id, council, quantity="1")
    total = invoices.document_view(workspace, first.id, date.today()).totals.gross
    payments.record_payment(
        workspace,
        first.id,
        Payment(date.today(), total + Decimal("5.00"), PaymentMethod.BANK_TRANSFER, "", first.id),
    )
    second = issued_invoice(workspace, org_id, council, quantity="1")
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.record_payment(second.id)
    dialog = page.dialog
    assert dialog.credit_button.isVisible() and "£5.00" in dialog.credit_button.text()
    qtbot.mouseClick(dialog.credit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)
    view = invoices.document_view(workspace, second.id, date.today())
    assert view.balance == total - Decimal("5.00")
    assert payments.customer_credit(workspace, council.id) == 0


def test_refund_a_customers_credit(qtbot, window, workspace, council, monkeypatch):
    from costready.app import payments
    from costready.ui.pages import customers

    org_id = window.document.organisation_id
    invoice = issued_invoice(workspace, org_id, council, quantity="1")
    payments.record_payment(
        workspace,
        invoice.id,
        Payment(date.today(), Decimal("9999.00"), PaymentMethod.CHEQUE, "", invoice.id),
    )
    credit = payments.customer_credit(workspace, council.id)
    monkeypatch.setattr(customers, "ask_amount", lambda *_args: str(credit + 1))
    window.show_page("customers")
    page = window.pages["customers"]
    page.refresh()
    page.view.selectRow(0)
    page.refund_action.trigger()
    assert page.error.text().startswith("Amount:")
    monkeypatch.setattr(customers, "ask_amount", lambda *_args: "100.00")
    page.refund_action.trigger()
    assert payments.customer_credit(workspace, council.id) == credit - Decimal("100.00")


def test_settings_show_the_saved_provider_and_sort_code(qtbot, workspace, invoicing_ids):
    from costready.app import invoices
    from costready.invoicing.bank import BankDetails
    from costready.ui.dialogs.invoicing_settings import InvoicingSettingsDialog

    org_id = invoicing_ids[0]
    invoices.save_invoicing_settings(
        workspace,
        org_id,
        invoices.InvoicingSettings(
            bank=BankDetails("Hub", "608371", "31926819"),
            link_template="https://paypal.me/Hub/{amount}",
        ),
    )
    dialog = InvoicingSettingsDialog(workspace, org_id)
    qtbot.addWidget(dialog)
    assert dialog.provider_combo.currentText() == "PayPal.Me"
    assert dialog.sort_code_edit.text() == "60-83-71"
    assert dialog.sample_label.text() == "https://paypal.me/Hub/123.45"


def test_settings_refuse_a_gln_with_a_wrong_check_digit(qtbot, workspace, invoicing_ids):
    from costready.app import invoices
    from costready.ui.dialogs.invoicing_settings import InvoicingSettingsDialog

    org_id = invoicing_ids[0]
    before = invoices.invoicing_settings(workspace, org_id)
    dialog = InvoicingSettingsDialog(workspace, org_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.peppol_scheme_edit, "0088")
    qtbot.keyClicks(dialog.peppol_id_edit, "5012345678901")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors["peppol_id"].text().startswith("Peppol id:")
    assert "check digit" in dialog.errors["peppol_id"].text()
    assert invoices.invoicing_settings(workspace, org_id) == before
