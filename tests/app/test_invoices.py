"""Invoicing use cases: drafts, issue, the list and statuses in SQL, payments and customer
credit, credit notes, aged debt, money tiles, deliveries and billing a period."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from costready.app import deliveries as deliveries_app
from costready.app import invoices, payments
from costready.costing.price_lists import PublishedService
from costready.invoicing.aged_debt import Bucket
from costready.invoicing.bank import BankDetails
from costready.invoicing.billing import Delivery
from costready.invoicing.customers import Customer
from costready.invoicing.documents import DocumentKind, Line, part_credit_lines
from costready.invoicing.errors import InvoicingError
from costready.invoicing.listing import InvoiceFilter, ListOrder, SortKey
from costready.invoicing.payments import Payment
from costready.invoicing.settings import InvoicingSettings
from costready.invoicing.status import Status
from costready.organisation import LegalForm
from costready.rules_file import VatTreatment
from costready.storage.workspace import Workspace
from tests.storage import invoicing_data as data
from tests.storage.conftest import full_scenario

D = Decimal
OCT1 = date(2026, 10, 1)


def _issued(ws: Workspace, org_id: int, customer_id: int, day: date = OCT1) -> int:
    draft = invoices.new_draft(ws, org_id, customer_id)
    draft = invoices.save_draft(ws, org_id, dataclasses.replace(draft, lines=data.lines()))
    return invoices.issue(ws, draft.id or 0, day).id or 0


@pytest.fixture
def org_id(workspace: Workspace) -> int:
    return data.organisation(workspace)


@pytest.fixture
def council_id(workspace: Workspace, org_id: int) -> int:
    return data.council(workspace, org_id)


def test_settings_round_trip_and_refuse_bad_values(workspace: Workspace, org_id: int) -> None:
    assert invoices.invoicing_settings(workspace, org_id) == InvoicingSettings()
    chosen = InvoicingSettings(
        bank=BankDetails("Riverside Support", "12 34 56", "1234-5678"),
        link_template="https://paypal.me/Riverside/{amount}",
        default_terms_days=14,
        yearly_numbers=True,
        terms_text="Payment within 14 days",
    )
    invoices.save_invoicing_settings(workspace, org_id, chosen)
    saved = invoices.invoicing_settings(workspace, org_id)
    assert saved.bank == BankDetails("Riverside Support", "123456", "12345678")
    assert dataclasses.replace(saved, bank=chosen.bank) == chosen
    with pytest.raises(InvoicingError) as refused:
        invoices.save_invoicing_settings(
            workspace, org_id, InvoicingSettings(link_template="http://x.example/{amount}")
        )
    assert refused.value.problems[0].path == "payment_link"


def test_a_bad_gln_is_refused_on_save_yet_a_stored_one_still_loads(
    workspace: Workspace, org_id: int
) -> None:
    from costready.storage.models_invoicing import CustomerRow

    gln = Customer("Acme Trust", peppol_scheme="0088", peppol_id="5012345678901")
    with pytest.raises(InvoicingError) as refused:
        invoices.save_customer(workspace, org_id, gln)
    assert [p.path for p in refused.value.problems] == ["peppol_id"]
    assert invoices.customers(workspace, org_id) == []  # nothing saved
    with pytest.raises(InvoicingError):
        invoices.save_invoicing_settings(
            workspace, org_id, InvoicingSettings(peppol_scheme="0088", peppol_id="5012345678901")
        )
    assert invoices.invoicing_settings(workspace, org_id) == InvoicingSettings()
    # a GLN saved before the check (or typed elsewhere) is read as it is, to be corrected
    saved = invoices.save_customer(
        workspace, org_id, dataclasses.replace(gln, peppol_scheme="", peppol_id="")
    )
    with workspace.writing() as uow:
        row = uow.session.get(CustomerRow, saved.id)
        assert row is not None
        row.peppol_scheme, row.peppol_id = "0088", "5012345678901"
    [loaded] = invoices.customers(workspace, org_id)
    assert loaded.peppol_id == "5012345678901"


def test_numbering_stays_as_chosen_once_an_invoice_is_issued(
    workspace: Workspace, org_id: int, council_id: int
) -> None:
    _issued(workspace, org_id, council_id)
    with pytest.raises(InvoicingError) as refused:
        invoices.save_invoicing_settings(workspace, org_id, InvoicingSettings(yearly_numbers=True))
    assert [p.path for p in refused.value.problems] == ["yearly_numbers"]
    assert not invoices.invoicing_settings(workspace, org_id).yearly_numbers
    # everything else can still change
    invoices.save_invoicing_settings(workspace, org_id, InvoicingSettings(default_terms_days=14))
    assert invoices.invoicing_settings(workspace, org_id).default_terms_days == 14


def test_draft_issue_and_view(workspace: Workspace, org_id: int, council_id: int) -> None:
    draft = invoices.new_draft(workspace, org_id, council_id)
    assert draft.id is not None and draft.number is None
    assert draft.due_date is not None and draft.issue_date is not None
    assert (draft.due_date - draft.issue_date).days == 30  # a public body: 30 days
    draft = invoices.save_draft(workspace, org_id, dataclasses.replace(draft, lines=data.lines()))
    issued = invoices.issue(workspace, draft.id or 0, OCT1)
    assert issued.number == "INV-0001" and issued.issue_date == OCT1
    assert issued.due_date == date(2026, 10, 31)
    view = invoices.document_view(workspace, issued.id or 0, OCT1)
    assert view.totals.gross == D("257.49") and view.balance == D("257.49")
    assert view.status is Status.ISSUED and view.customer.id == council_id
    with pytest.raises(InvoicingError, match="INV-0001 is issued"):
        invoices.save_draft(workspace, org_id, dataclasses.replace(issued, notes="x"))
    with pytest.raises(InvoicingError, match="INV-0001 is issued"):
        invoices.delete_draft(workspace, issued.id or 0)


def test_issue_refuses_what_must_be_fixed(workspace: Workspace, org_id: int) -> None:
    customer_id = data.council(workspace, org_id, po_required=True)
    draft = invoices.new_draft(workspace, org_id, customer_id)
    with pytest.raises(InvoicingError) as refused:
        invoices.issue(workspace, draft.id or 0, OCT1)
    assert {p.path for p in refused.value.problems} == {"lines", "purchase_order"}
    org = workspace.organisation(org_id)
    workspace.save_organisation(
        dataclasses.replace(org, legal_form=LegalForm.CIC, company_number="01234567")
    )
    draft = invoices.save_draft(
        workspace,
        org_id,
        dataclasses.replace(draft, lines=data.lines(), purchase_order="PO-1"),
    )
    with pytest.raises(InvoicingError) as refused:
        invoices.issue(workspace, draft.id or 0, OCT1)
    assert {p.path for p in refused.value.problems} == {
        "place_of_registration",
        "registered_office",
    }
    assert invoices.document_view(workspace, draft.id or 0, OCT1).document.number is None


def test_yearly_numbers_and_credit_notes_have_their_own_series(
    workspace: Workspace, org_id: int, council_id: int
) -> None:
    invoices.save_invoicing_settings(workspace, org_id, InvoicingSettings(yearly_numbers=True))
    first = _issued(workspace, org_id, council_id)
    note = invoices.credit(workspace, first, None, "Cancelled", OCT1)
    assert note.number == "CN-2026-0001" and note.kind is DocumentKind.CREDIT_NOTE
    assert note.credits_number == "INV-2026-0001"
    second = invoices.document_view(workspace, _issued(workspace, org_id, council_id), OCT1)
    assert second.document.number == "INV-2026-0002"


def test_list_rows_statuses_and_filters_in_sql(
    workspace: Workspace, org_id: int, council_id: int
) -> None:
    other = data.person(workspace, org_id)
    paid = _issued(workspace, org_id, council_id)
    part = _issued(workspace, org_id, council_id)
    overdue = _issued(workspace, org_id, other, date(2026, 8, 1))
    credited = _issued(workspace, org_id, council_id)
    draft = invoices.new_draft(workspace, org_id, council_id)
    payments.record_payment(workspace, paid, Payment(OCT1, D("257.49")))
    payments.record_payment(workspace, part, Payment(OCT1, D("100")))
    note = invoices.credit(workspace, credited, None, "Duplicate", OCT1)
    today = date(2026, 10, 15)
    rows = invoices.document_rows(workspace, org_id, InvoiceFilter(), today, 0, 50)
    by_id = {row.id: row for row in rows}
    assert rows[0].id == draft.id and rows[0].number == "Draft"
    assert by_id[paid].status is Status.PAID and by_id[paid].balance == 0
    assert by_id[part].status is Status.PART_PAID and by_id[part].balance == D("157.49")
    assert by_id[overdue].status is Status.OVERDUE
    assert by_id[credited].status is Status.CREDITED
    assert by_id[note.id or 0].status is Status.ISSUED and by_id[note.id or 0].balance == 0
    assert invoices.count_documents(workspace, org_id, InvoiceFilter(), today) == 6
    only = InvoiceFilter(status=Status.OVERDUE)
    assert [r.id for r in invoices.document_rows(workspace, org_id, only, today, 0, 50)] == [
        overdue
    ]
    assert invoices.count_documents(workspace, org_id, InvoiceFilter(customer_id=other), today) == 1
    found = invoices.document_rows(workspace, org_id, InvoiceFilter(text="inv-0002"), today, 0, 9)
    assert [r.id for r in found] == [part]
    page = invoices.document_rows(workspace, org_id, InvoiceFilter(), today, 2, 2)
    assert [r.id for r in page] == [r.id for r in rows[2:4]]
    for wanted in Status:  # every status filter agrees with the unfiltered rows, page by page
        filt = InvoiceFilter(status=wanted)
        expected = [r.id for r in rows if r.status is wanted]
        assert [r.id for r in invoices.document_rows(workspace, org_id, filt, today, 0, 50)] == (
            expected
        )
        assert invoices.count_documents(workspace, org_id, filt, today) == len(expected)
        second = invoices.document_rows(workspace, org_id, filt, today, 1, 1)
        assert [r.id for r in second] == expected[1:2]


def test_list_sorts_by_each_column_in_sql(
    workspace: Workspace, org_id: int, council_id: int
) -> None:
    other = data.person(workspace, org_id)
    paid = _issued(workspace, org_id, council_id, date(2026, 9, 1))
    part = _issued(workspace, org_id, other, date(2026, 10, 1))
    overdue = _issued(workspace, org_id, other, date(2026, 8, 1))
    draft = invoices.new_draft(workspace, org_id, council_id).id or 0
    payments.record_payment(workspace, paid, Payment(OCT1, D("257.49")))
    payments.record_payment(workspace, part, Payment(OCT1, D("100")))
    today = date(2026, 10, 15)
    everything = invoices.document_rows(workspace, org_id, InvoiceFilter(), today, 0, 50)

    def ids(key: SortKey, descending: bool = False, filt: InvoiceFilter | None = None) -> list[int]:
        order, filt = ListOrder(key, descending), filt or InvoiceFilter()
        return [r.id for r in invoices.document_rows(workspace, org_id, filt, today, 0, 9, order)]

    # numbers INV-0001..3 in issue order; the draft has none, so comes last either way
    assert ids(SortKey.NUMBER) == [paid, part, overdue, draft]
    assert ids(SortKey.NUMBER, descending=True) == [overdue, part, paid, draft]
    assert ids(SortKey.ISSUED) == [overdue, paid, part, draft]
    assert ids(SortKey.ISSUED, descending=True) == [draft, part, paid, overdue]
    names = [r.customer_name.casefold() for r in everything]
    by_name = [r.id for r in sorted(everything, key=lambda r: (r.customer_name.casefold(), r.id))]
    assert ids(SortKey.CUSTOMER) == by_name and len(set(names)) == 2
    balances = {r.id: r.balance for r in everything}
    assert ids(SortKey.BALANCE) == sorted(balances, key=lambda i: (balances[i], i))
    assert ids(SortKey.BALANCE, descending=True)[-1] == paid  # nothing left to pay
    # by status rank: draft, issued, part paid, paid, overdue, credited
    assert ids(SortKey.STATUS) == [draft, part, paid, overdue]
    assert ids(SortKey.STATUS, descending=True) == [overdue, paid, part, draft]
    # a sort keeps the filters, and pages follow it
    assert ids(SortKey.ISSUED, filt=InvoiceFilter(customer_id=other)) == [overdue, part]
    unpaid = InvoiceFilter(status=Status.OVERDUE)
    assert ids(SortKey.TOTAL, filt=unpaid) == [overdue]
    second = invoices.document_rows(
        workspace, org_id, InvoiceFilter(), today, 1, 2, ListOrder(SortKey.NUMBER)
    )
    assert [r.id for r in second] == [part, overdue]
    assert second[0] == next(r for r in everything if r.id == part)  # the same row, in full


def test_overpayment_becomes_credit_that_can_be_applied_or_refunded(
    workspace: Workspace, org_id: int, council_id: int
) -> None:
    first = _issued(workspace, org_id, council_id)
    result = payments.record_payment(workspace, first, Payment(OCT1, D("300.00"), reference="B1"))
    assert result == payments.PaymentResult(D("257.49"), D("42.51"))
    assert payments.customer_credit(workspace, council_id) == D("42.51")
    second = _issued(workspace, org_id, council_id)
    assert payments.apply_credit(workspace, council_id, second) == D("42.51")
    view = invoices.document_view(workspace, second, OCT1)
    assert view.paid == D("42.51") and view.balance == D("214.98")
    assert payments.customer_credit(workspace, council_id) == 0
    payments.record_payment(workspace, second, Payment(OCT1, D("224.98")))
    payments.refund_credit(workspace, council_id, D("4"), OCT1, "refund")
    assert payments.customer_credit(workspace, council_id) == D("6.00")
    with pytest.raises(InvoicingError) as refused:
        payments.refund_credit(workspace, council_id, D("7"), OCT1, "too much")
    assert refused.value.problems[0].path == "amount"
    with pytest.raises(InvoicingError) as bad:
        payments.record_payment(workspace, second, Payment(OCT1, D("0")))
    assert bad.value.problems[0].path == "amount"


def test_credit_notes_never_exceed_what_is_left(
    workspace: Workspace, org_id: int, council_id: int
) -> None:
    invoice_id = _issued(workspace, org_id, council_id)
    part = (Line("Home support", D("2"), "hour", D("25.00"), VatTreatment.EXEMPT),)
    invoices.credit(workspace, invoice_id, part, "Two hours not delivered", OCT1)
    view = invoices.document_view(workspace, invoice_id, OCT1)
    assert view.credited == D("50.00") and view.balance == D("207.49")
    assert view.status is Status.PART_PAID and len(view.credit_notes) == 1
    too_much = (Line("Home support", D("9"), "hour", D("25.00"), VatTreatment.EXEMPT),)
    with pytest.raises(InvoicingError) as refused:
        invoices.credit(workspace, invoice_id, too_much, "Too much", OCT1)
    assert refused.value.problems[0].path == "lines"
    rest = invoices.credit(workspace, invoice_id, None, "The rest", OCT1)
    assert invoices.document_view(workspace, rest.id or 0, OCT1).totals.gross == D("207.49")
    assert invoices.document_view(workspace, invoice_id, OCT1).status is Status.CREDITED


def test_a_part_credit_of_part_of_a_line(
    workspace: Workspace, org_id: int, council_id: int
) -> None:
    draft = invoices.new_draft(workspace, org_id, council_id)
    draft = invoices.save_draft(
        workspace, org_id, dataclasses.replace(draft, lines=data.lines(hours="4"))
    )
    invoice = invoices.issue(workspace, draft.id or 0, OCT1)  # 4 h at £25 + £7.49 lunch
    invoice_id = invoice.id or 0
    lines, problems = part_credit_lines(invoice, {0: D("1.5")})
    assert problems == []
    note = invoices.credit(workspace, invoice_id, lines, "1.5 hours not delivered", OCT1)
    assert [line.quantity for line in note.lines] == [D("1.5")]
    view = invoices.document_view(workspace, invoice_id, OCT1)
    assert view.credited == D("37.50") and view.balance == D("69.99")
    # 2.5 hours are left: all 4 hours again would be more than is left to credit
    lines, problems = part_credit_lines(invoice, {0: D("4"), 1: D("1.5")})
    assert problems == []
    with pytest.raises(InvoicingError) as refused:
        invoices.credit(workspace, invoice_id, lines, "Too much", OCT1)
    messages = [problem.message for problem in refused.value.problems]
    assert [problem.path for problem in refused.value.problems] == ["lines", "lines"]
    assert messages[0] == "Line 1 (Home support): 2.5 hours left to credit, 4 asked"
    assert "(£69.99)" in messages[1]  # the total's check stays
    assert invoices.document_view(workspace, invoice_id, OCT1).credited == D("37.50")
    lines, _ = part_credit_lines(invoice, {0: D("2.5"), 1: D("1.5")})
    invoices.credit(workspace, invoice_id, lines, "The rest", OCT1)
    assert invoices.document_view(workspace, invoice_id, OCT1).status is Status.CREDITED


def test_crediting_a_paid_invoice_gives_the_customer_credit(
    workspace: Workspace, org_id: int, council_id: int
) -> None:
    invoice_id = _issued(workspace, org_id, council_id)
    payments.record_payment(workspace, invoice_id, Payment(OCT1, D("257.49")))
    invoices.credit(workspace, invoice_id, None, "Cancelled after payment", OCT1)
    assert payments.customer_credit(workspace, council_id) == D("257.49")


def test_aged_debt_and_money_tiles(workspace: Workspace, org_id: int, council_id: int) -> None:
    current = _issued(workspace, org_id, council_id, date(2026, 10, 1))  # due 31 Oct
    late = _issued(workspace, org_id, council_id, date(2026, 8, 1))  # due 31 Aug: 45 days
    payments.record_payment(workspace, late, Payment(OCT1, D("57.49")))
    today = date(2026, 10, 15)
    (row,) = payments.aged_debtors(workspace, org_id, today)
    assert row.customer_id == council_id and row.total == D("457.49")
    assert row.buckets[Bucket.CURRENT] == D("257.49")
    assert row.buckets[Bucket.DAYS_31_60] == D("200.00")
    tiles = invoices.money_tiles(workspace, org_id, today)
    assert tiles == invoices.MoneyTiles(D("457.49"), 1, D("257.49"))
    assert current


def test_customer_validation_and_delete(workspace: Workspace, org_id: int) -> None:
    with pytest.raises(InvoicingError) as refused:
        invoices.save_customer(workspace, org_id, Customer(name="", email="nope"))
    assert {p.path for p in refused.value.problems} == {"name", "email"}
    saved = invoices.save_customer(workspace, org_id, Customer(name="Hill Trust"))
    invoices.new_draft(workspace, org_id, saved.id or 0)
    invoices.delete_customer(workspace, saved.id or 0)  # drafts only: allowed
    assert invoices.customers(workspace, org_id) == []


def test_a_customer_whose_money_was_recorded_is_kept(workspace: Workspace, org_id: int) -> None:
    """Money received before any invoice (held as credit) stays on record: deleting the
    customer once took their payment rows with it, and the payments CSV lost the money."""
    saved = invoices.save_customer(workspace, org_id, Customer(name="Hill Trust"))
    customer_id = saved.id or 0
    advance = Payment(OCT1, D("100.00"), reference="ADVANCE")
    assert payments.record_remittance(workspace, customer_id, advance, today=OCT1).applied == {}
    payments.refund_credit(workspace, customer_id, D("100.00"), OCT1, "Returned")
    with pytest.raises(InvoicingError) as refused:
        invoices.delete_customer(workspace, customer_id)
    assert refused.value.problems[0].path == "customer"
    assert "Money from this customer" in refused.value.problems[0].message
    assert [c.id for c in invoices.customers(workspace, org_id)] == [customer_id]
    with workspace.reading() as uow:
        assert [p.amount for p, _n, _c in uow.payments.received(org_id)] == [D("100.00")]


# Deliveries and billing -------------------------------------------------------------------


@pytest.fixture
def priced(workspace: Workspace, org_id: int) -> int:
    """The organisation with services and a price list from 1 April 2026."""
    scenario_id = workspace.create_scenario(org_id, full_scenario())
    workspace.adopt_scenario(
        scenario_id,
        {"home-support": D("25.00"), "cafe": D("4.50")},
        date(2026, 4, 1),
        "Trustees",
        date(2026, 3, 1),
        services={
            "home-support": PublishedService("Home support", "hour", "", "exempt"),
            "cafe": PublishedService("Community café", "session", "", "exempt"),
        },
    )
    return org_id


def test_menu_lines_come_from_the_price_list_in_force(workspace: Workspace, priced: int) -> None:
    items = invoices.menu_lines(workspace, priced, OCT1)
    assert {(i.service_key, i.unit_price) for i in items} == {
        ("home-support", D("25.00")),
        ("cafe", D("4.50")),
    }
    assert invoices.menu_lines(workspace, priced, date(2026, 1, 1)) == []


def test_bill_a_period_reserves_then_bills(
    workspace: Workspace, priced: int, council_id: int
) -> None:
    org_id = priced
    for day, hours, po in ((1, "2", "PO-1"), (2, "1.5", "PO-1"), (3, "3", "PO-2")):
        deliveries_app.add_delivery(
            workspace,
            org_id,
            Delivery("home-support", date(2026, 10, day), D(hours), council_id, purchase_order=po),
        )
    result = deliveries_app.bill_period(workspace, org_id, OCT1, date(2026, 10, 31))
    assert result.problems == [] and len(result.documents) == 2  # one per purchase order
    assert sorted(d.purchase_order for d in result.documents) == ["PO-1", "PO-2"]
    again = deliveries_app.bill_period(workspace, org_id, OCT1, date(2026, 10, 31))
    assert again.documents == []  # reserved: not billed twice
    invoices.delete_draft(workspace, result.documents[0].id or 0)
    assert len(deliveries_app.deliveries(workspace, org_id, unbilled_only=True)) == 2
    issued = deliveries_app.bill_period(workspace, org_id, OCT1, date(2026, 10, 31), issue=True)
    assert [d.is_issued for d in issued.documents] == [True]
    invoices.issue(workspace, result.documents[1].id or 0)
    billed = deliveries_app.deliveries(workspace, org_id)
    assert all(d.invoice_id is not None and d.billed_on is not None for d in billed)
    with pytest.raises(InvoicingError):
        deliveries_app.delete_delivery(workspace, billed[0].id or 0)


def test_import_deliveries_is_all_or_nothing(
    workspace: Workspace, priced: int, council_id: int
) -> None:
    good = "service,date,quantity,customer\nhome-support,01/10/2026,2,Riverside Borough Council\n"
    assert deliveries_app.import_deliveries(workspace, priced, good) == 1
    bad = good + "nothing,32/10/2026,x,Nobody\n"
    with pytest.raises(InvoicingError) as refused:
        deliveries_app.import_deliveries(workspace, priced, bad)
    paths = {p.path for p in refused.value.problems}
    assert {"row 3, service", "row 3, date", "row 3, quantity", "row 3, customer"} <= paths
    assert len(deliveries_app.deliveries(workspace, priced)) == 1


def test_an_unpriced_delivery_is_a_problem_not_dropped(
    workspace: Workspace, priced: int, council_id: int
) -> None:
    deliveries_app.add_delivery(workspace, priced, Delivery("day-centre", OCT1, D("1"), council_id))
    result = deliveries_app.bill_period(workspace, priced, OCT1, OCT1)
    assert result.documents == [] and len(result.problems) == 1
    assert "day-centre" in result.problems[0].message
