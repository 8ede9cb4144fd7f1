"""One payment that pays several invoices: oldest due first, or split by hand; the rest is the
customer's credit; all or nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from costready.app import invoices, payments
from costready.invoicing.errors import InvoicingError
from costready.invoicing.payments import Payment
from costready.invoicing.status import Status
from costready.storage.workspace import Workspace
from tests.storage import invoicing_data as data

D = Decimal
TODAY = date(2026, 11, 20)


def _three_invoices(ws: Workspace) -> tuple[int, list[int]]:
    """A council with three issued invoices of £257.49 each (10 h at £25 + 1.5 meals), all
    due 31 October, issued 1, 2 and 3 October: the oldest is paid first."""
    org_id = data.organisation(ws)
    council = data.council(ws, org_id)
    ids = data.drafts(ws, org_id, council, 3)
    for day, doc_id in enumerate(ids, start=1):
        invoices.issue(ws, doc_id, date(2026, 10, day))
    return council, ids


def _balances(ws: Workspace, ids: list[int]) -> list[Decimal]:
    return [invoices.document_view(ws, i, TODAY).balance for i in ids]


def test_a_remittance_pays_the_oldest_first_and_keeps_the_rest_as_credit(
    workspace: Workspace,
) -> None:
    council, ids = _three_invoices(workspace)
    assert [i.id for i in payments.open_invoices(workspace, council, TODAY)] == ids
    money = Payment(TODAY, D("600.00"), reference="REMIT-77")
    result = payments.record_remittance(workspace, council, money, today=TODAY)
    assert result.applied == {ids[0]: D("257.49"), ids[1]: D("257.49"), ids[2]: D("85.02")}
    assert result.to_customer_credit == 0
    assert _balances(workspace, ids) == [0, 0, D("172.47")]
    statuses = [invoices.document_view(workspace, i, TODAY).status for i in ids]
    assert statuses == [Status.PAID, Status.PAID, Status.OVERDUE]  # all were due 31 October
    # more than is owed: every invoice paid, the rest the customer's credit
    more = payments.record_remittance(workspace, council, Payment(TODAY, D("200")), today=TODAY)
    assert more.applied == {ids[2]: D("172.47")} and more.to_customer_credit == D("27.53")
    assert payments.customer_credit(workspace, council) == D("27.53")
    assert payments.open_invoices(workspace, council, TODAY) == []


def test_a_split_by_hand_is_kept_as_given_or_refused_whole(workspace: Workspace) -> None:
    council, ids = _three_invoices(workspace)
    money = Payment(TODAY, D("300"))
    split = {ids[2]: D("257.49"), ids[0]: D("20")}
    result = payments.record_remittance(workspace, council, money, split, today=TODAY)
    assert result.applied == split and result.to_customer_credit == D("22.51")
    assert _balances(workspace, ids) == [D("237.49"), D("257.49"), 0]
    # more than is owed on one: refused, nothing recorded
    with pytest.raises(InvoicingError) as refused:
        payments.record_remittance(
            workspace, council, Payment(TODAY, D("500")), {ids[1]: D("300")}, today=TODAY
        )
    assert refused.value.problems[0].path == "allocations[1]"
    assert _balances(workspace, ids) == [D("237.49"), D("257.49"), 0]
    # another customer's invoice: refused
    other = data.council(workspace, data.organisation(workspace, "Other CIC"), name="Elsewhere")
    with pytest.raises(InvoicingError):
        payments.record_remittance(
            workspace, other, Payment(TODAY, D("10")), {ids[0]: D("10")}, today=TODAY
        )


def test_each_customer_s_money_is_what_they_owe_and_the_credit_they_hold(
    workspace: Workspace,
) -> None:
    council, _ids = _three_invoices(workspace)
    with workspace.reading() as uow:
        org_id = uow.customers.organisation_id(council)
    assert payments.customer_money(workspace, org_id, TODAY)[council].owed == D("772.47")
    payments.record_remittance(workspace, council, Payment(TODAY, D("800")), today=TODAY)
    money = payments.customer_money(workspace, org_id, TODAY)[council]
    assert (money.owed, money.credit) == (0, D("27.53"))


def test_money_not_yet_received_is_not_recorded(workspace: Workspace) -> None:
    council, ids = _three_invoices(workspace)
    later = Payment(date(2026, 11, 21), D("10"))
    for record in (
        lambda: payments.record_payment(workspace, ids[0], later, today=TODAY),
        lambda: payments.record_remittance(workspace, council, later, today=TODAY),
        lambda: payments.refund_credit(
            workspace, council, D("1"), date(2026, 11, 21), "Refund", today=TODAY
        ),
    ):
        with pytest.raises(InvoicingError) as refused:
            record()
        assert refused.value.problems[-1].path == "date"
    assert _balances(workspace, ids) == [D("257.49")] * 3
