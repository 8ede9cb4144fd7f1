"""Invoicing through the window: a customer, a draft from menu items, issue, a part payment,
and the status and aged debt changing; every dialog driven through its widgets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from costready.invoicing.status import Status


@pytest.fixture
def window(invoicing_window):
    """The window on an organisation with adopted prices and no invoicing yet."""
    return invoicing_window


@pytest.fixture
def yes(monkeypatch):
    """Every confirmation answered yes; the questions asked, recorded."""
    asked: list[str] = []

    def answer(_parent, _title, question, _yes):
        asked.append(question)
        return True

    for module in (
        "costready.ui.dialogs.invoice_editor",
        "costready.ui.dialogs.credit_note",
        "costready.ui.pages.customers",
        "costready.ui.pages.deliveries",
    ):
        monkeypatch.setattr(f"{module}.confirm", answer)
    return asked


def test_customer_draft_issue_part_payment(qtbot, window, yes):
    window.show_page("customers")
    customers = window.pages["customers"]
    qtbot.mouseClick(customers.buttons["add"], Qt.MouseButton.LeftButton)
    dialog = customers.dialog
    assert dialog is not None
    # a refusal names the field, under the field
    dialog.accept()
    assert "Name" in dialog.errors["name"].text()
    qtbot.keyClicks(dialog.name_edit, "Northshire County Council")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("local_authority"))
    dialog.po_check.setChecked(False)
    dialog.accept()
    assert customers.model.rows[0].name == "Northshire County Council"

    window.show_page("invoices")
    invoices = window.pages["invoices"]
    qtbot.mouseClick(invoices.buttons["add"], Qt.MouseButton.LeftButton)
    editor = invoices.dialog
    assert editor.customer_combo.currentText() == "Northshire County Council"
    editor.menu_combo.setCurrentIndex(0)
    qtbot.mouseClick(editor.add_menu_button, Qt.MouseButton.LeftButton)
    assert len(editor.lines_model.rows) == 1
    # a fractional quantity, typed in its cell
    index = editor.lines_model.index_of(0, "quantity")
    assert editor.lines_model.setData(index, "1.5")
    price = editor.lines_model.rows[0].unit_price
    assert editor.total_label.text().startswith("£")
    editor.issue()
    assert yes[-1] == "Issue this invoice? It cannot be changed afterwards, only credited."
    qtbot.waitUntil(lambda: invoices.dialog is None)
    row = invoices.model.rows[0]
    assert row.status is Status.ISSUED
    assert row.number != "Draft"
    total = row.total
    assert total >= price

    invoices.view.selectRow(0)
    invoices.record_payment()
    payment = invoices.dialog
    payment.amount_edit.clear()
    qtbot.keyClicks(payment.amount_edit, "10.00")
    payment.accept()
    qtbot.waitUntil(lambda: invoices.dialog is None)
    row = invoices.model.rows[0]
    assert row.status is Status.PART_PAID
    assert row.balance == total - Decimal("10.00")
    assert invoices.model.index_of(0, "status").data() == "Part paid"

    invoices.tabs.setCurrentIndex(1)
    aged = invoices.aged_model
    assert aged.rows[0].name == "Northshire County Council"
    assert aged.rows[-1].total == total - Decimal("10.00")
