"""The invoicing screens one by one: customers, the invoice list's filters, the editor's
refusals, credit notes, deliveries (add, CSV import, bill a period) and the Invoices menu."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

from costready.invoicing.customers import Customer, CustomerKind, Funding
from costready.invoicing.documents import Document, DocumentKind, Line
from costready.invoicing.status import Status
from costready.money import format_money, line_net
from costready.rules_file import VatTreatment


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


@pytest.fixture
def council(workspace, invoicing_ids) -> Customer:
    from costready.app import invoices

    return invoices.save_customer(
        workspace,
        invoicing_ids[0],
        Customer("Northshire County Council", CustomerKind.LOCAL_AUTHORITY),
    )


def issued_invoice(workspace, org_id, customer, quantity="4") -> Document:
    from costready.app import invoices

    item = invoices.menu_lines(workspace, org_id, date.today())[0]
    draft = invoices.new_draft(workspace, org_id, customer.id)
    line = Line(item.name, Decimal(quantity), item.unit, item.unit_price, item.treatment)
    import dataclasses

    draft = invoices.save_draft(workspace, org_id, dataclasses.replace(draft, lines=(line,)))
    return invoices.issue(workspace, draft.id)


def test_customer_errors_name_their_field(qtbot, window):
    window.show_page("customers")
    page = window.pages["customers"]
    page.add()
    dialog = page.dialog
    qtbot.keyClicks(dialog.name_edit, "Acme Trust")
    qtbot.keyClicks(dialog.email_edit, "not-an-email")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors["email"].text().startswith("Email:")
    assert not dialog.errors["name"].has_error
    assert page.model.rows == ()


def test_a_gln_with_a_wrong_check_digit_is_refused_by_the_customer_form(qtbot, window):
    window.show_page("customers")
    page = window.pages["customers"]
    page.add()
    dialog = page.dialog
    qtbot.keyClicks(dialog.name_edit, "Acme Trust")
    qtbot.keyClicks(dialog.scheme_edit, "0088")
    qtbot.keyClicks(dialog.peppol_edit, "5012345678901")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors["peppol_id"].text().startswith("Peppol id:")
    assert "check digit" in dialog.errors["peppol_id"].text()
    assert page.model.rows == ()


def test_an_individual_shows_only_a_name_and_a_kind(qtbot, window, workspace, invoicing_ids):
    from costready.app import invoices

    invoices.save_customer(
        workspace,
        invoicing_ids[0],
        Customer(
            "Jane Example",
            CustomerKind.INDIVIDUAL,
            Funding.DIRECT_PAYMENT,
            billing_address="1 High Street",
            email="jane@example.org",
        ),
    )
    window.show_page("customers")
    model = window.pages["customers"].model
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    assert shown[0] == "Jane Example" and "Individual" in shown
    assert not any("High Street" in text or "@" in text for text in shown)


def test_delete_a_customer_after_confirming(qtbot, window, council, yes):
    window.show_page("customers")
    page = window.pages["customers"]
    page.refresh()
    page.view.selectRow(0)
    qtbot.mouseClick(page.buttons["remove"], Qt.MouseButton.LeftButton)
    assert "Northshire County Council" in yes[-1]
    assert page.model.rows == ()
    assert page.stack.currentWidget() is page.empty


def test_ctrl_shift_n_starts_a_new_invoice(qtbot, window, council):
    window.show_page("home")
    window.activateWindow()
    qtbot.keyClick(
        window.sidebar,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    page = window.pages["invoices"]
    qtbot.waitUntil(lambda: page.dialog is not None)
    assert window.current_page_key() == "invoices"
    assert page.dialog.customer_combo.currentText() == "Northshire County Council"
    page.dialog.reject()


def test_outside_the_scope_cannot_join_other_lines(qtbot, window, workspace, council):
    from costready.ui.dialogs.invoice_editor import InvoiceEditor

    draft = Document(DocumentKind.INVOICE, council.id, vat_registered=True)
    editor = InvoiceEditor(workspace, window.document.organisation_id, draft, window)
    qtbot.addWidget(editor)
    editor._add_line(Line("Lunch", Decimal(1), "meal", Decimal("5.00"), VatTreatment.STANDARD))
    editor._add_line(
        Line("Grant work", Decimal(1), "day", Decimal("90.00"), VatTreatment.OUTSIDE_SCOPE)
    )
    assert len(editor.lines_model.rows) == 1
    assert "outside-the-scope" in editor.errors["lines"].text()
    # changing a line's treatment to outside the scope is refused the same way
    index = editor.lines_model.index_of(0, "treatment")
    editor.add_free_line()
    assert not editor.lines_model.setData(index, VatTreatment.OUTSIDE_SCOPE)
    assert editor.lines_model.rows[0].treatment is VatTreatment.STANDARD


def test_filters_and_search_narrow_the_list(qtbot, window, workspace, council):
    from costready.app import invoices

    org_id = window.document.organisation_id
    first = issued_invoice(workspace, org_id, council)
    other = invoices.save_customer(workspace, org_id, Customer("Acme Trust"))
    issued_invoice(workspace, org_id, other)
    window.show_page("invoices")
    page = window.pages["invoices"]
    assert page.model.total == 2
    page.customer_combo.setCurrentIndex(page.customer_combo.findData(council.id))
    assert [row.number for row in page.model.rows] == [first.number]
    page.customer_combo.setCurrentIndex(0)
    qtbot.keyClicks(page.search_edit, "Acme")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.rows[0].customer_name == "Acme Trust"
    page.search_edit.clear()
    page.status_combo.setCurrentIndex(page.status_combo.findData(Status.PAID))
    assert page.model.total == 0
    assert page.count_label.text() == "0 documents"


def test_a_header_click_sorts_the_list_and_shows_the_indicator(qtbot, window, workspace, council):
    from PySide6.QtCore import QPoint

    from costready.app import invoices

    org_id = window.document.organisation_id
    first = issued_invoice(workspace, org_id, council, quantity="9")
    second = issued_invoice(
        workspace, org_id, invoices.save_customer(workspace, org_id, Customer("Acme Trust"))
    )
    window.show_page("invoices")
    page = window.pages["invoices"]
    header = page.view.horizontalHeader()

    def numbers():
        return [row.number for row in page.model.rows]

    def click(key):
        section = page.model.column_index(key)
        spot = QPoint(header.sectionViewportPosition(section) + 4, header.height() // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)

    assert numbers() == [second.number, first.number]  # usual order: the newest first
    assert header.sortIndicatorSection() == -1  # and no indicator for it
    click("number")
    assert numbers() == [first.number, second.number]
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == page.model.column_index("number")
    assert header.sortIndicatorOrder() is Qt.SortOrder.AscendingOrder
    click("number")
    assert numbers() == [second.number, first.number]
    assert header.sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
    click("total")  # the first is for 9 hours, the second 4
    assert numbers() == [second.number, first.number]
    assert header.sortIndicatorSection() == page.model.column_index("total")
    click("customer")
    assert [row.customer_name for row in page.model.rows] == ["Acme Trust", council.name]
    click("customer")
    click("customer")  # a third click: the usual order again, no indicator
    assert header.sortIndicatorSection() == -1
    assert numbers() == [second.number, first.number]


def test_the_sort_box_sorts_from_the_keyboard_and_shows_the_indicator(
    qtbot, window, workspace, council
):
    from costready.app import invoices

    org_id = window.document.organisation_id
    first = issued_invoice(workspace, org_id, council, quantity="9")
    acme = invoices.save_customer(workspace, org_id, Customer("Acme Trust"))
    second = issued_invoice(workspace, org_id, acme, quantity="2")
    window.show_page("invoices")
    page = window.pages["invoices"]
    header, box = page.view.horizontalHeader(), page.sort_box

    def numbers():
        return [row.number for row in page.model.rows]

    assert box.key_combo.currentText() == "Drafts first, newest first"
    assert not box.direction_combo.isEnabled()  # the usual order has no direction
    assert numbers() == [second.number, first.number]
    box.key_combo.setFocus()
    qtbot.waitUntil(box.key_combo.hasFocus)
    qtbot.keyClick(box.key_combo, Qt.Key.Key_T)  # "Total", found by its first letter
    assert box.key_combo.currentText() == "Total"
    assert numbers() == [second.number, first.number]  # 2 hours, then 9: ascending
    assert header.sortIndicatorSection() == page.model.column_index("total")
    assert header.sortIndicatorOrder() is Qt.SortOrder.AscendingOrder
    assert box.direction_combo.isEnabled()
    box.direction_combo.setFocus()
    qtbot.waitUntil(box.direction_combo.hasFocus)
    qtbot.keyClick(box.direction_combo, Qt.Key.Key_Down)
    assert box.direction_combo.currentText() == "Descending"
    assert numbers() == [first.number, second.number]
    assert header.sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
    assert header.sortIndicatorSection() == page.model.column_index("total")
    qtbot.keyClick(box.key_combo, Qt.Key.Key_Home)  # back to the usual order
    assert header.sortIndicatorSection() == -1
    assert numbers() == [second.number, first.number]


def test_a_header_click_moves_the_sort_box(qtbot, window, workspace, council):
    issued_invoice(workspace, window.document.organisation_id, council)
    window.show_page("invoices")
    page = window.pages["invoices"]
    header, box = page.view.horizontalHeader(), page.sort_box

    def click(key):
        section = page.model.column_index(key)
        spot = QPoint(header.sectionViewportPosition(section) + 4, header.height() // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)

    click("balance")
    assert box.key_combo.currentText() == "Balance"
    assert box.direction_combo.currentText() == "Ascending"
    click("balance")
    assert box.direction_combo.currentText() == "Descending"
    click("customer")
    assert box.key_combo.currentText() == "Customer"
    click("customer")
    click("customer")  # a third click: the usual order, and no direction to choose
    assert box.key_combo.currentText() == "Drafts first, newest first"
    assert not box.direction_combo.isEnabled()


def test_the_sort_box_comes_after_the_filters_in_the_tab_order(qtbot, window):
    window.show_page("invoices")
    page = window.pages["invoices"]
    chain, widget = [], page.status_combo
    while widget is not page.buttons[next(iter(page.buttons))] and len(chain) < 100:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert page.to_edit in chain or any(page.to_edit.isAncestorOf(w) for w in chain)
    assert page.sort_box.key_combo in chain
    assert chain.index(page.sort_box.key_combo) < chain.index(page.sort_box.direction_combo)


def test_a_whole_credit_note_credits_the_invoice(qtbot, window, workspace, council, yes):
    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.select(invoice.id)
    page.credit_note()
    dialog = page.dialog
    dialog.accept()
    assert dialog.errors["reason"].text().startswith("Reason:")
    qtbot.keyClicks(dialog.reason_edit, "Sessions cancelled by us")
    dialog.accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    statuses = {row.number: row.status for row in page.model.rows}
    assert statuses[invoice.number] is Status.CREDITED
    assert any(row.kind == DocumentKind.CREDIT_NOTE for row in page.model.rows)
    # a credit note is not paid: its Due cell is empty, the invoice's is not
    model = page.model
    due = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Due"
    )
    shown = {row.kind: model.index(i, due).data() for i, row in enumerate(model.rows)}
    assert shown[DocumentKind.CREDIT_NOTE] == "" and shown[DocumentKind.INVOICE] != ""


def test_a_part_credit_note_credits_a_quantity_of_a_line(qtbot, window, workspace, council, yes):
    from costready.app import invoices

    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    before = invoices.document_view(workspace, invoice.id, date.today())
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.select(invoice.id)
    page.credit_note()
    dialog = page.dialog
    (row,) = dialog.line_rows
    assert row.quantity_spin.text() == "4" and not dialog.lines_box.isEnabled()
    assert row.quantity_spin.maximum() == 4
    qtbot.waitExposed(dialog)
    # on the button itself: the radio stretches wider than its text
    at = QPoint(8, dialog.part_radio.height() // 2)
    qtbot.mouseClick(dialog.part_radio, Qt.MouseButton.LeftButton, pos=at)
    assert dialog.lines_box.isEnabled()
    row.quantity_spin.lineEdit().selectAll()
    qtbot.keyClicks(row.quantity_spin, "1.5")
    assert row.tick.isChecked()  # typing a quantity ticks the line
    assert row.quantity_spin.decimal_value() == Decimal("1.5")
    assert before.totals.vat == 0
    part = line_net(Decimal("1.5"), invoice.lines[0].unit_price)
    assert format_money(part) in dialog.total_label.text()
    assert row.net_label.text() == format_money(part)
    qtbot.keyClicks(dialog.reason_edit, "Hours not delivered")
    dialog.accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    after = invoices.document_view(workspace, invoice.id, date.today())
    assert after.credited == part
    assert after.balance == before.balance - part
    assert after.status is Status.PART_PAID


def test_the_credit_note_dialog_offers_what_is_left_on_each_line(
    qtbot, window, workspace, council, yes
):
    from costready.app import invoices
    from costready.invoicing.documents import part_credit_lines

    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    lines, _ = part_credit_lines(invoice, {0: Decimal("1.5")})
    invoices.credit(workspace, invoice.id, lines, "1.5 hours not delivered", date.today())
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.select(invoice.id)
    page.credit_note()
    dialog = page.dialog
    (row,) = dialog.line_rows
    unit = invoice.lines[0].unit
    assert row.left_label.text() == f"2.5 {unit}s"
    assert row.quantity_spin.text() == "2.5"
    assert row.quantity_spin.maximum() == 2.5  # the spin box stops at what is left
    assert dialog.whole_radio.text() == "Credit &all that is left"
    qtbot.keyClicks(dialog.reason_edit, "The rest")
    dialog.accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    after = invoices.document_view(workspace, invoice.id, date.today())
    assert after.status is Status.CREDITED and after.credited == after.totals.gross
    page.select(invoice.id)
    page.credit_note()  # nothing left: said, rather than a dialog with every line greyed
    assert page.dialog is None
    assert page.status.text().startswith(f"Nothing is left to credit on {invoice.number}")


def test_a_credit_a_penny_off_the_plain_working_says_why(qtbot, window, workspace, council, yes):
    import dataclasses

    from costready.app import invoices
    from costready.invoicing.documents import part_credit_lines
    from costready.rules_file import VatTreatment
    from costready.ui.dialogs.invoice_view import InvoiceViewDialog

    org_id = window.document.organisation_id
    draft = invoices.new_draft(workspace, org_id, council.id)
    line = Line("Support session", Decimal("4"), "hour", Decimal("25.25"), VatTreatment.EXEMPT)
    draft = invoices.save_draft(workspace, org_id, dataclasses.replace(draft, lines=(line,)))
    invoice = invoices.issue(workspace, draft.id)
    lines, _ = part_credit_lines(invoice, {0: Decimal("1.5")})
    invoices.credit(workspace, invoice.id, lines, "1.5 hours not delivered", date.today())
    rest = invoices.credit(workspace, invoice.id, None, "The rest", date.today())
    view = InvoiceViewDialog(workspace, rest.id)
    qtbot.addWidget(view)
    (said,) = [
        label
        for label in view.findChildren(QLabel)
        if label.accessibleName() == "Why a figure is a penny off"
    ]
    assert "Line 1: net £63.12, where 2.5 × £25.25 would give £63.13." in said.text()


def test_deliveries_add_import_and_bill(qtbot, window, workspace, council, tmp_path, yes):
    window.show_page("deliveries")
    page = window.pages["deliveries"]
    page.add()
    dialog = page.dialog
    dialog.quantity_edit.clear()
    qtbot.keyClicks(dialog.quantity_edit, "1.5")
    qtbot.keyClicks(dialog.person_edit, "P-017")
    dialog.accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert [d.quantity for d in page.model.rows] == [Decimal("1.5")]
    assert page.model.index(0, page.model.column_index("state")).data() == "Unbilled"

    bad = tmp_path / "bad.csv"
    bad.write_text("service,date,quantity,customer\nnope,2026-10-03,lots,Nobody\n")
    page.import_file(str(bad))
    problems = page.dialog
    assert problems.list.count() >= 2
    assert "row 2" in problems.list.item(0).text()
    problems.reject()
    assert len(page.model.rows) == 1  # nothing written

    day = page.model.rows[0].day
    from costready.ui.dialogs.delivery import BillPeriodDialog

    page.bill_period()
    bill = page.dialog
    assert isinstance(bill, BillPeriodDialog)
    from PySide6.QtCore import QDate

    bill.from_edit.setDate(QDate(day.year, day.month, 1))
    bill.to_edit.setDate(QDate(day.year, day.month, day.day))
    bill.accept()
    assert "1 invoice made" in bill.message
    assert bill.result_list.count() == 1
    bill.accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert page.model.index(0, page.model.column_index("state")).data() == "On a draft"


def test_a_draft_takes_no_payment_or_credit(qtbot, window, workspace, council):
    from costready.app import invoices

    draft = invoices.new_draft(workspace, window.document.organisation_id, council.id)
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.select(draft.id)
    assert not page.pay_action.isEnabled()
    window.invoice_actions.credit_note.trigger()
    assert page.dialog is None
    assert page.status.text() == "Choose an issued invoice in the list first."


def test_every_input_of_every_invoicing_dialog_is_named(qtbot, window, workspace, council):
    from tests.ui.test_accessibility import inputs_of, name_of

    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    unnamed: dict[str, list[str]] = {}
    checked = []

    def check(page):
        dialog = page.dialog
        checked.append(dialog.windowTitle())
        missing = [type(w).__name__ for w in inputs_of(dialog) if not name_of(w)]
        if missing:
            unnamed[dialog.windowTitle()] = missing
        dialog.done(0)

    window.show_page("invoices")
    page = window.pages["invoices"]
    page.new_invoice()
    check(page)
    page.select(invoice.id)
    for open_one in (
        page.open_selected,
        page.record_payment,
        page.record_remittance,
        page.credit_note,
    ):
        open_one()
        check(page)
    for key, opener in (("customers", "add"), ("deliveries", "add"), ("deliveries", "bill_period")):
        window.show_page(key)
        getattr(window.pages[key], opener)()
        check(window.pages[key])
    assert len(checked) == 8
    assert not unnamed


@pytest.mark.parametrize("key", ["invoices", "customers", "deliveries"])
def test_an_invoicing_page_can_be_the_first_screen(qtbot, tmp_path, key):
    """Built over the start-up snapshot (which holds no invoicing), the page waits, then shows
    the organisation's records once the workspace is open."""
    from costready.app import invoices
    from costready.app.adoption import adopt
    from costready.app.model_files import import_model
    from costready.app.opening import LAST_PAGE
    from costready.app.snapshot import write_snapshot
    from costready.costing.modelfile import load_model_file
    from costready.storage.workspace import Workspace
    from costready.ui.main_window import MainWindow
    from tests.conftest import EXAMPLE_MODEL

    url = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    with Workspace(url) as workspace:
        org_id, scenario_id = import_model(workspace, load_model_file(EXAMPLE_MODEL))
        adopt(workspace, scenario_id, date.today(), "Trustees", date.today(), despite_warnings=True)
        customer = invoices.save_customer(workspace, org_id, Customer("Acme Trust"))
        issued_invoice(workspace, org_id, customer)
        workspace.set_setting(None, LAST_PAGE, key)
        write_snapshot(workspace)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.workspace_loaded):
        assert window.open_workspace_url(url)
    assert window.current_page_key() == key
    page = window.pages[key]
    if key == "deliveries":
        assert page.stack.currentWidget() is page.empty
    else:
        assert len(page.model.rows) == 1
    window.close()


def test_no_invoices_yet_says_what_to_do(qtbot, window, council):
    window.show_page("invoices")
    page = window.pages["invoices"]
    assert page.list_stack.currentWidget() is page.empty
    button = page.empty.findChild(QPushButton)
    assert button is not None and button.text() == "New invoice…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.dialog is not None
    assert page.dialog.customer_combo.currentText() == "Northshire County Council"
    page.dialog.done(0)
    page.status_combo.setCurrentIndex(page.status_combo.findData(Status.PAID))
    assert page.list_stack.currentWidget() is page.view  # a filter that matches nothing


def test_switching_organisation_shows_its_own_customers(qtbot, window, workspace, council):
    from costready.app.sample import install_sample

    sample_id, _scenario = install_sample(workspace)
    window.show_page("customers")
    page = window.pages["customers"]
    assert [c.name for c in page.model.rows] == ["Northshire County Council"]
    window.show_organisation(sample_id)
    names = [c.name for c in page.model.rows]
    assert names and "Northshire County Council" not in names


def test_issue_is_refused_without_a_required_po_before_asking(
    qtbot, window, workspace, council, yes
):
    import dataclasses

    from costready.app import invoices

    org_id = window.document.organisation_id
    invoices.save_customer(workspace, org_id, dataclasses.replace(council, po_required=True))
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.new_invoice()
    editor = page.dialog
    editor.add_menu_line()
    editor.issue()
    assert yes == []  # nothing asked: the refusal comes first, by its field
    assert "Purchase order" in editor.errors["purchase_order"].text()
    assert editor.po_edit.placeholderText() == "Required by Northshire County Council"
    qtbot.keyClicks(editor.po_edit, "PO-7781")
    editor.issue()
    assert yes == ["Issue this invoice? It cannot be changed afterwards, only credited."]
    qtbot.waitUntil(lambda: page.dialog is None)
    assert page.model.rows[0].number.startswith("INV-")


def test_terms_column_says_what_a_default_means():
    # a council's default is the law's 30 days (rules file); others follow the organisation's
    from costready.rules_file import section_figure
    from costready.ui.pages.customers import customer_columns

    (terms,) = [c for c in customer_columns() if c.key == "terms"]
    days = section_figure("procurement", "prompt_payment_days").value
    council = Customer(name="Leeds", kind=CustomerKind.LOCAL_AUTHORITY)
    housing = Customer(name="Hillside", kind=CustomerKind.ORGANISATION)
    agreed = Customer(name="Hillside", kind=CustomerKind.ORGANISATION, payment_terms_days=14)
    assert terms.display(council) == f"{days} days (public body)"
    assert terms.display(housing) == "Your usual terms"
    assert terms.display(agreed) == "14 days"


def test_on_a_small_screen_the_status_column_still_shows(qtbot, window, workspace, council):
    # at 1024 x 600 a long customer name gives way (elided, with a tooltip), never the status
    from costready.app import invoices

    org_id = window.document.organisation_id
    long_name = Customer("The Very Long Named Integrated Care Board of Northshire and Districts")
    issued_invoice(workspace, org_id, invoices.save_customer(workspace, org_id, long_name))
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1024, 600))
    window.show_page("invoices")
    page = window.pages["invoices"]
    qtbot.waitUntil(page.view.isVisible)
    page.refresh()
    header = page.view.horizontalHeader()
    assert header.length() <= page.view.viewport().width()


def test_the_delivery_log_shows_every_column_beside_a_long_customer_name(qtbot, window, workspace):
    # in the usual window the customer's name gives way (elided, with a tooltip), never the
    # purchase order; at 1024 pixels the log's nine columns scroll sideways inside the table
    from costready.app import deliveries, invoices
    from costready.invoicing.billing import Delivery

    org_id = window.document.organisation_id
    long_name = Customer("The Very Long Named Integrated Care Board of Northshire and Districts")
    customer = invoices.save_customer(workspace, org_id, long_name)
    item = invoices.menu_lines(workspace, org_id, date.today())[0]
    delivered = Delivery(item.service_key, date.today(), Decimal("2"), customer.id or 0)
    deliveries.add_delivery(
        workspace, org_id, dataclasses.replace(delivered, purchase_order="PO-NORTH-000123")
    )
    window.show_page("deliveries")
    page = window.pages["deliveries"]
    qtbot.waitUntil(page.view.isVisible)
    page.refresh()
    assert page.view.horizontalHeader().length() <= page.view.viewport().width()


def test_copy_as_new_draft_from_the_invoice_opens_the_copy_in_the_editor(
    qtbot, window, workspace, council, yes
):
    from costready.ui.dialogs.invoice_editor import InvoiceEditor

    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.open_document(invoice.id)
    shown = page.dialog
    assert shown.copy_button.isEnabled()
    qtbot.mouseClick(shown.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, InvoiceEditor))
    editor = page.dialog
    assert editor.document_id not in (None, invoice.id)
    assert page.status.text() == f"Copied {invoice.number} as a new draft"
    rows = {row.id: row for row in page.model.rows}
    assert rows[editor.document_id].status is Status.DRAFT
    editor.reject()


def test_the_view_of_a_document_without_vat_shows_no_vat_column(
    qtbot, window, workspace, council, yes
):
    from costready.ui.dialogs.invoice_view import InvoiceViewDialog

    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    assert not invoice.vat_registered  # the sample is not VAT registered
    view = InvoiceViewDialog(workspace, invoice.id)
    qtbot.addWidget(view)
    (table,) = [t for t in view.findChildren(QTableView) if t.accessibleName() == "Lines"]
    model = table.model()
    hidden = [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(model.columnCount())
        if table.isColumnHidden(c)
    ]
    assert hidden == ["VAT"]


def test_a_remittance_pays_the_oldest_first_as_typed_and_can_be_split_by_hand(
    qtbot, window, workspace, council, yes
):
    from costready.app import invoices, payments

    org_id = window.document.organisation_id
    first = issued_invoice(workspace, org_id, council, quantity="2")
    second = issued_invoice(workspace, org_id, council, quantity="3")
    owed = [invoices.document_view(workspace, d.id, date.today()).balance for d in (first, second)]
    window.show_page("invoices")
    page = window.pages["invoices"]
    page.select(first.id)
    window.invoice_actions.record_remittance.trigger()
    dialog = page.dialog
    assert dialog.customer_combo.currentData() == council.id  # the selected invoice's customer
    assert [i.id for i in dialog.owed_invoices] == [first.id, second.id]
    qtbot.keyClicks(dialog.amount_edit, format(owed[0] + 10, "f"))
    # typed: the oldest is paid in full, the next takes the rest
    assert [e.text() for e in dialog.part_edits] == [format(owed[0], "f"), "10.00"]
    assert "to the customer's credit" in dialog.summary.text()
    # by hand: more than is owed on the second is refused, naming it, and nothing is recorded
    dialog.part_edits[1].clear()
    qtbot.keyClicks(dialog.part_edits[1], format(owed[1] + 1, "f"))
    dialog.accept()
    assert f"Against {second.number}: at most" in dialog.errors["allocations[1]"].text()
    assert payments.open_invoices(workspace, council.id, date.today())[0].balance == owed[0]
    # "Oldest first" puts the split back, and it is recorded
    qtbot.mouseClick(dialog.oldest_button, Qt.MouseButton.LeftButton)
    dialog.accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    assert page.status.text().startswith("Recorded")
    after = [invoices.document_view(workspace, d.id, date.today()) for d in (first, second)]
    assert after[0].status is Status.PAID and after[1].balance == owed[1] - 10


def test_the_customers_list_shows_what_each_owes_and_the_credit_each_holds(
    qtbot, window, workspace, council, yes
):
    from costready.app import invoices, payments
    from costready.invoicing.payments import Payment

    invoice = issued_invoice(workspace, window.document.organisation_id, council)
    owed = invoices.document_view(workspace, invoice.id, date.today()).balance
    payments.record_payment(workspace, invoice.id, Payment(date.today(), owed + 5))
    window.show_page("customers")
    page = window.pages["customers"]
    page.refresh()
    model = page.model
    row = next(i for i, c in enumerate(model.rows) if c.id == council.id)
    shown = {
        model.headerData(c, Qt.Orientation.Horizontal): model.index(row, c).data()
        for c in range(model.columnCount())
    }
    assert shown["Owed"] == format_money(Decimal(0))
    assert shown["Credit held"] == format_money(Decimal(5))
