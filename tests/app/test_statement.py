"""A customer's statement adds up to what their invoices still owe less the credit they hold:
money beyond a balance is listed when received, and credit set against a later invoice is not
listed a second time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from costready.app import invoices, payments
from costready.app.invoice_files import statement_data
from costready.invoicing.payments import Payment
from costready.reports.statement import EntryKind
from costready.storage.workspace import Workspace
from tests.storage import invoicing_data as data

D = Decimal
TODAY = date(2026, 11, 20)


def _closing(ws: Workspace, customer: int) -> Decimal:
    with ws.reading() as uow:
        return statement_data(uow, customer, TODAY).closing_balance


def _owed(ws: Workspace, ids: list[int]) -> Decimal:
    return sum((invoices.document_view(ws, i, TODAY).balance for i in ids), D(0))


def test_money_beyond_the_balance_is_on_the_statement_as_credit_held(workspace) -> None:
    org_id = data.organisation(workspace)
    council = data.council(workspace, org_id)
    (invoice_id,) = data.drafts(workspace, org_id, council, 1)  # £257.49
    invoices.issue(workspace, invoice_id, date(2026, 10, 1))
    payments.record_payment(workspace, invoice_id, Payment(date(2026, 10, 9), D("300")))
    with workspace.reading() as uow:
        entries = statement_data(uow, council, TODAY).entries
    assert [(e.kind, e.credited) for e in entries[1:]] == [
        (EntryKind.PAYMENT, D("257.49")),
        (EntryKind.ON_ACCOUNT, D("42.51")),
    ]
    assert _closing(workspace, council) == -payments.customer_credit(workspace, council)


def test_credit_set_against_a_later_invoice_is_not_counted_twice(workspace) -> None:
    org_id = data.organisation(workspace)
    council = data.council(workspace, org_id)
    first, second = data.drafts(workspace, org_id, council, 2)
    invoices.issue(workspace, first, date(2026, 10, 1))
    payments.record_payment(workspace, first, Payment(date(2026, 10, 5), D("257.49")))
    # a credit note on the paid invoice: its money becomes the council's credit...
    invoices.credit(workspace, first, None, "Cancelled", date(2026, 10, 6))
    invoices.issue(workspace, second, date(2026, 10, 7))
    # ...which is then set against the next invoice
    assert payments.apply_credit(workspace, council, second) == D("257.49")
    assert _owed(workspace, [first, second]) == 0
    assert _closing(workspace, council) == 0
    # a refund of credit adds back what it paid out
    payments.record_payment(workspace, second, Payment(date(2026, 10, 8), D("10")))
    payments.refund_credit(workspace, council, D("10"), date(2026, 10, 9), "Refund")
    with workspace.reading() as uow:
        kinds = [e.kind for e in statement_data(uow, council, TODAY).entries]
    assert kinds.count(EntryKind.REFUND) == 1 and EntryKind.ON_ACCOUNT in kinds
    assert _closing(workspace, council) == 0
