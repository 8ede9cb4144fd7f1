"""Every money figure agrees, whatever order things happen in (a stateful test of invoicing).

A hypothesis state machine over a fresh SQLite workspace (one organisation; a council, a person
and a trust) issues invoices (a few lines, some with fractional quantities; VAT registered or
not), records payments (part, whole, more than the balance; some back-dated) and remittances
(oldest first, or split by hand), credits invoices whole or a part quantity of a line, sets a
customer's credit against an invoice, refunds part of it (or too much: refused), deletes a
customer (refused once they have documents or money recorded) and lists invoices through the
CLI's JSON, in any order, a few days apart. After every step each figure shown anywhere must
agree:

- each invoice's balance and status from `document_view` (the screen, PDFs, the CLI's `show`)
  equal the list's (`document_rows`, worked out in SQL: the Invoices page, the CLI's `list`)
  and the documents CSV's; the balance is total - paid - credited, never below £0; credit notes
  never take more than their invoice, nor more of a line than it had; the status follows from
  the balance, the credit and the due date;
- a customer's statement closes at the sum of their invoices' balances less their credit, and
  lists exactly the money received from them and the credit refunded;
- their aged debt (and its CSV) totals the sum of their balances; `open_invoices` lists exactly
  the invoices with a balance;
- Home's "owed" is the sum of every balance, its overdue count the overdue invoices.

The money identity the model promises, per customer (and so overall):

    money received - credit refunded
        == paid against invoices (payments and credit set against them) + credit held
           - credit that came from credit notes rather than money

where a credit note's credit is what it took beyond what its invoice still owed, so for each
invoice max(£0, paid + credited - total). Money received is what this test handed in (every
payment and remittance), and must also be what the payments CSV and the statement list.

Nothing here is dated after the day the figures are read: `app.payments` refuses a payment or
a refund dated after its `today` (a statement lists what has happened by its date, so a
post-dated payment would count in the balance but not on the statement).
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from costready.__main__ import main
from costready.app import invoice_files, invoices, payments
from costready.app.invoices import DocumentView
from costready.invoicing import credits
from costready.invoicing.customers import Customer
from costready.invoicing.documents import Document, DocumentKind, Line, part_credit_lines, totals
from costready.invoicing.errors import InvoicingError
from costready.invoicing.listing import InvoiceFilter
from costready.invoicing.payments import Payment
from costready.invoicing.status import Status
from costready.money import PENNY, ZERO, to_penny
from costready.reports.statement import EntryKind
from costready.rules_file import VatTreatment
from costready.storage.workspace import Workspace
from tests.storage import invoicing_data as data

D = Decimal
START = date(2026, 10, 1)
TERMS = timedelta(days=30)
#: What an invoice line can be (quantity 1 here; each line draws its own).
ITEMS = (
    Line("Support session", D("1"), "hour", D("25.25"), VatTreatment.STANDARD, "support"),
    Line("Café lunch", D("1"), "meal", D("4.99"), VatTreatment.EXEMPT),
    Line("Heating", D("1"), "kWh", D("0.37"), VatTreatment.REDUCED),
    Line("Large-print books", D("1"), "item", D("7.35"), VatTreatment.ZERO),
)
QUANTITIES = ("1", "2.5", "0.75", "1.3333", "10", "0.0001")
SHARES = ("0.01", "0.3333", "0.5", "1", "1.25")
DAYS = st.integers(min_value=0, max_value=20)
#: Which customer: a council, a person, a trust.
CUSTOMER = st.sampled_from((0, 1, 2))
#: An invoice's lines: (item, quantity), one to three.
LINES = st.lists(
    st.tuples(st.integers(0, len(ITEMS) - 1), st.sampled_from(QUANTITIES)), min_size=1, max_size=3
)


class Ledger(RuleBasedStateMachine):
    """Invoicing's use cases in any order; every shown figure checked after each."""

    issued = Bundle("issued")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="costready-ledger-"))
        self.ws = Workspace(f"sqlite:///{self.folder / 'w.sqlite'}")
        self.org_id = data.organisation(self.ws)
        self.customers = [
            data.council(self.ws, self.org_id),
            data.person(self.ws, self.org_id),
            self._new_customer(),
        ]
        self.customer_of: dict[int, int] = {}
        self.received = dict.fromkeys(self.customers, ZERO)
        self.refunded = dict.fromkeys(self.customers, ZERO)
        self.day = START

    def teardown(self) -> None:
        self.ws.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # Helpers --------------------------------------------------------------------------------
    def _advance(self, days: int) -> None:
        self.day += timedelta(days=days)

    def _view(self, doc_id: int) -> DocumentView:
        return invoices.document_view(self.ws, doc_id, self.day)

    def _registered(self, vat: bool) -> None:
        org = self.ws.organisation(self.org_id)
        if org.vat_registered != vat:
            number = "GB980780684" if vat else ""
            self.ws.save_organisation(
                dataclasses.replace(org, vat_registered=vat, vat_number=number)
            )

    def _new_customer(self) -> int:
        saved = invoices.save_customer(self.ws, self.org_id, Customer(name="Hill Trust"))
        assert saved.id is not None
        return saved.id

    def _credit(self, customer_id: int) -> Decimal:
        return payments.customer_credit(self.ws, customer_id)

    # Rules ----------------------------------------------------------------------------------
    @initialize(
        target=issued,
        customer=CUSTOMER,
        chosen=LINES,
        vat=st.booleans(),
    )
    def first_invoice(self, customer: int, chosen: list[tuple[int, str]], vat: bool) -> int:
        """An invoice to start from, so every rule can run from the first step."""
        return self.issue_invoice(customer, chosen, vat, 0)

    @rule(
        target=issued,
        customer=CUSTOMER,
        chosen=LINES,
        vat=st.booleans(),
        days=DAYS,
    )
    def issue_invoice(
        self, customer: int, chosen: list[tuple[int, str]], vat: bool, days: int
    ) -> int:
        self._advance(days)
        self._registered(vat)
        customer_id = self.customers[customer]
        lines = tuple(dataclasses.replace(ITEMS[i], quantity=D(q)) for i, q in chosen)
        draft = Document(
            kind=DocumentKind.INVOICE,
            customer_id=customer_id,
            lines=lines,
            issue_date=self.day,
            due_date=self.day + TERMS,
        )
        saved = invoices.save_draft(self.ws, self.org_id, draft)
        invoice = invoices.issue(self.ws, saved.id or 0, self.day)
        assert invoice.id is not None and invoice.vat_registered is vat
        self.customer_of[invoice.id] = customer_id
        return invoice.id

    @rule(
        invoice=issued,
        how=st.sampled_from(("part", "whole", "more")),
        share=st.sampled_from(SHARES),
        days=DAYS,
        back=st.integers(min_value=0, max_value=10),
    )
    def pay(self, invoice: int, how: str, share: str, days: int, back: int) -> None:
        """A payment, dated `back` days before today (a cheque banked late)."""
        self._advance(days)
        owed = self._view(invoice).balance
        amount = {
            "part": to_penny(owed * D(share)),
            "whole": owed,
            "more": owed + to_penny(D("10") * D(share)),
        }[how]
        amount = amount if amount > 0 else D("12.34")
        customer_id = self.customer_of[invoice]
        credit = self._credit(customer_id)
        money = Payment(self.day - timedelta(days=back), amount, reference="BACS")
        result = payments.record_payment(self.ws, invoice, money, today=self.day)
        self.received[customer_id] += amount
        assert result.applied == min(amount, owed)
        assert result.applied + result.to_customer_credit == amount
        assert self._credit(customer_id) == credit + result.to_customer_credit

    @rule(customer=CUSTOMER, share=st.sampled_from(SHARES), days=DAYS)
    def remit(self, customer: int, share: str, days: int) -> None:
        self._advance(days)
        customer_id = self.customers[customer]
        owed = sum(
            (i.balance for i in payments.open_invoices(self.ws, customer_id, self.day)), ZERO
        )
        amount = to_penny(owed * D(share))
        amount = amount if amount > 0 else D("50.00")
        result = payments.record_remittance(
            self.ws, customer_id, Payment(self.day, amount, reference="REMIT"), today=self.day
        )
        self.received[customer_id] += amount
        assert sum(result.applied.values(), ZERO) == min(amount, owed)
        assert sum(result.applied.values(), ZERO) + result.to_customer_credit == amount

    @rule(
        customer=CUSTOMER,
        share=st.sampled_from(SHARES),
        extra=st.sampled_from(("0", "0.01", "5")),
        days=DAYS,
    )
    def remit_by_hand(self, customer: int, share: str, extra: str, days: int) -> None:
        """A remittance split by hand: a share of each open invoice, newest first, and some
        money beyond it."""
        self._advance(days)
        customer_id = self.customers[customer]
        found = payments.open_invoices(self.ws, customer_id, self.day)
        split = {i.id: min(i.balance, to_penny(i.balance * D(share))) for i in found[::-1]}
        split = {doc_id: part for doc_id, part in split.items() if part > 0}
        amount = sum(split.values(), ZERO) + D(extra)
        if amount <= 0:
            return
        result = payments.record_remittance(
            self.ws, customer_id, Payment(self.day, amount), split, today=self.day
        )
        self.received[customer_id] += amount
        assert result.applied == split and result.to_customer_credit == D(extra)

    @rule(invoice=issued, days=DAYS)
    def credit_whole(self, invoice: int, days: int) -> None:
        self._advance(days)
        before = self._view(invoice)
        customer_id = self.customer_of[invoice]
        credit = self._credit(customer_id)
        try:
            note = invoices.credit(self.ws, invoice, None, "Not delivered", self.day)
        except InvoicingError:
            # the one refusal: nothing is left to credit
            assert before.credited == before.totals.gross
            return
        self._credited(invoice, before, note, credit)
        assert self._view(invoice).credited == before.totals.gross

    @rule(
        invoice=issued,
        line=st.integers(0, 2),
        quantity=st.sampled_from(QUANTITIES),
        days=DAYS,
    )
    def credit_part(self, invoice: int, line: int, quantity: str, days: int) -> None:
        self._advance(days)
        before = self._view(invoice)
        index = line % len(before.document.lines)
        left = credits.left_to_credit(before.document, before.credit_notes)
        wanted = min(D(quantity), left[index])
        if wanted <= 0:
            return
        lines, problems = part_credit_lines(before.document, {index: wanted}, left)
        assert problems == []
        credit = self._credit(self.customer_of[invoice])
        note = invoices.credit(self.ws, invoice, lines, "Part not delivered", self.day)
        self._credited(invoice, before, note, credit)

    def _credited(
        self, invoice: int, before: DocumentView, note: Document, credit: Decimal
    ) -> None:
        """A credit note's money reduced the balance first; the rest became customer credit."""
        amount = invoices.document_view(self.ws, note.id or 0, self.day).totals.gross
        after = self._view(invoice)
        assert after.credited == before.credited + amount
        assert after.balance == max(ZERO, before.balance - amount)
        customer_id = self.customer_of[invoice]
        assert self._credit(customer_id) == credit + max(ZERO, amount - before.balance)

    @rule(invoice=issued)
    def use_credit(self, invoice: int) -> None:
        customer_id = self.customer_of[invoice]
        credit = self._credit(customer_id)
        owed = self._view(invoice).balance
        applied = payments.apply_credit(self.ws, customer_id, invoice)
        assert applied == min(credit, owed)
        assert self._credit(customer_id) == credit - applied
        assert self._view(invoice).balance == owed - applied

    @rule(customer=CUSTOMER)
    def delete_customer(self, customer: int) -> None:
        """Deleting a customer is refused once they have issued documents or money recorded
        (their rows would go with them); else they go, and a new one takes their place."""
        customer_id = self.customers[customer]
        kept = customer_id in self.customer_of.values() or self.received[customer_id] > 0
        try:
            invoices.delete_customer(self.ws, customer_id)
        except InvoicingError as refused:
            assert kept and refused.problems[0].path == "customer"
            return
        assert not kept
        self.customers[customer] = self._new_customer()
        self.received[self.customers[customer]] = ZERO
        self.refunded[self.customers[customer]] = ZERO

    @rule(customer=CUSTOMER, share=st.sampled_from(SHARES), days=DAYS)
    def refund(self, customer: int, share: str, days: int) -> None:
        self._advance(days)
        customer_id = self.customers[customer]
        credit = self._credit(customer_id)
        amount = to_penny(credit * D(share))
        if D(share) > 1:  # more than they hold: refused, nothing changes
            amount = credit + PENNY
            try:
                payments.refund_credit(
                    self.ws, customer_id, amount, self.day, "Too much", today=self.day
                )
            except InvoicingError as refused:
                assert refused.problems[0].path == "amount"
            else:
                raise AssertionError("a refund beyond the customer's credit was accepted")
            assert self._credit(customer_id) == credit
            return
        if amount <= 0:
            return
        payments.refund_credit(self.ws, customer_id, amount, self.day, "Refund", today=self.day)
        self.refunded[customer_id] += amount
        assert self._credit(customer_id) == credit - amount

    @rule()
    def cli_lists(self) -> None:
        """`costready invoice list --json` shows every balance as the screen does."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["invoice", "list", "--json", "--database", self.ws.url]) == 0
        listed = {row["id"]: D(row["balance"]) for row in json.loads(out.getvalue())}
        assert listed == {i: self._view(i).balance for i in listed}
        assert set(listed) >= set(self.customer_of)

    # What must always agree -----------------------------------------------------------------
    @invariant()
    def every_figure_agrees(self) -> None:
        today = self.day
        rows = {
            row.id: row
            for row in invoices.document_rows(
                self.ws, self.org_id, InvoiceFilter(), today, 0, 10**6
            )
        }
        views = {doc_id: invoices.document_view(self.ws, doc_id, today) for doc_id in rows}
        for doc_id, view in views.items():
            assert rows[doc_id].balance == view.balance, view.document.number
            assert rows[doc_id].status is view.status, view.document.number
            assert rows[doc_id].total == view.totals.gross, view.document.number
            if view.document.is_credit_note:
                assert view.balance == 0 and view.status is Status.ISSUED
            else:
                _invoice_agrees(view, today)
        balances = {c: ZERO for c in self.customers}
        for view in views.values():
            if not view.document.is_credit_note:
                balances[view.document.customer_id or 0] += view.balance
        aged = {row.customer_id: row for row in payments.aged_debtors(self.ws, self.org_id, today)}
        for customer_id in self.customers:
            self._customer_agrees(customer_id, views, balances[customer_id], aged, today)
        tiles = invoices.money_tiles(self.ws, self.org_id, today)
        assert tiles.owed == sum(balances.values(), ZERO)
        assert tiles.overdue_count == sum(v.status is Status.OVERDUE for v in views.values())
        self._files_agree(views, balances)

    def _customer_agrees(
        self,
        customer_id: int,
        views: dict[int, DocumentView],
        owed: Decimal,
        aged: dict[int, payments.AgedRow],
        today: date,
    ) -> None:
        theirs = [
            v
            for v in views.values()
            if v.document.customer_id == customer_id and not v.document.is_credit_note
        ]
        credit = self._credit(customer_id)
        assert credit >= 0
        with self.ws.reading() as uow:
            statement = invoice_files.statement_data(uow, customer_id, today)
        assert statement.closing_balance == owed - credit
        listed = statement.entries
        got = sum((e.credited for e in listed if e.kind in _MONEY_IN), ZERO)
        assert got == self.received[customer_id]
        back = sum((e.charged for e in listed if e.kind is EntryKind.REFUND), ZERO)
        assert back == self.refunded[customer_id]
        row = aged.get(customer_id)
        assert (row.total if row else ZERO) == owed
        if row is not None:
            assert sum(row.buckets.values(), ZERO) == row.total
        open_now = payments.open_invoices(self.ws, customer_id, today)
        assert {(i.id, i.balance) for i in open_now} == {
            (v.document.id, v.balance) for v in theirs if v.balance > 0
        }
        paid = sum((v.paid for v in theirs), ZERO)
        from_notes = sum((_beyond(v) for v in theirs), ZERO)
        assert self.received[customer_id] - self.refunded[customer_id] == (
            paid + credit - from_notes
        )

    def _files_agree(self, views: dict[int, DocumentView], balances: dict[int, Decimal]) -> None:
        """The accountant's CSVs: every balance, every payment received, the aged debt total."""
        documents = _csv(self.folder / "documents.csv", self.ws, self.org_id, "documents", self.day)
        for view in views.values():
            found = documents[view.document.number or ""]
            if not view.document.is_credit_note:
                assert D(found["balance"]) == view.balance, view.document.number
        money = _csv(self.folder / "payments.csv", self.ws, self.org_id, "payments", self.day)
        assert sum((D(r["amount"]) for r in money.values()), ZERO) == sum(
            self.received.values(), ZERO
        )
        aged = _csv(self.folder / "aged.csv", self.ws, self.org_id, "aged", self.day)
        assert D(aged["Total"]["total"]) == sum(balances.values(), ZERO)


#: Statement entries that are money received (against an invoice, or beyond what was owed).
_MONEY_IN = (EntryKind.PAYMENT, EntryKind.ON_ACCOUNT)


def _invoice_agrees(view: DocumentView, today: date) -> None:
    """One invoice's own figures: balance, credit limits, status."""
    gross, paid, credited = view.totals.gross, view.paid, view.credited
    number = view.document.number
    assert view.balance == max(ZERO, gross - paid - credited), number
    assert view.balance >= 0 and paid >= 0, number
    assert paid <= gross, number  # money beyond a balance is the customer's credit
    assert paid == sum((p.amount for p in view.payments), ZERO), number
    assert credited <= gross, number
    notes = view.credit_notes
    assert credited == sum((totals(n).gross for n in notes), ZERO), number
    assert all(left >= 0 for left in credits.left_to_credit(view.document, notes)), number
    done = credits.credited_by_line(view.document, notes)
    assert all(
        d.quantity <= line.quantity for d, line in zip(done, view.document.lines, strict=True)
    ), number
    due = view.document.due_date
    assert due is not None
    if gross > 0 and credited == gross:
        expected = Status.CREDITED
    elif view.balance == 0:
        expected = Status.PAID
    elif today > due:
        expected = Status.OVERDUE
    elif paid > 0 or credited > 0:
        expected = Status.PART_PAID
    else:
        expected = Status.ISSUED
    assert view.status is expected, number


def _beyond(view: DocumentView) -> Decimal:
    """What credit notes took beyond what the invoice still owed (it became customer credit)."""
    return max(ZERO, view.paid + view.credited - view.totals.gross)


def _csv(
    path: Path, ws: Workspace, org_id: int, which: str, today: date
) -> dict[str, dict[str, str]]:
    """One of the accountant's CSVs, written and read back, by its first column."""
    if which == "documents":
        invoice_files.save_documents_csv(ws, org_id, path)
    elif which == "payments":
        invoice_files.save_payments_csv(ws, org_id, path)
    else:
        invoice_files.save_aged_debt_csv(ws, org_id, path, today)
    rows: Iterable[dict[str, str]] = csv.DictReader(io.StringIO(path.read_text("utf-8")))
    first = {"documents": "number", "payments": None, "aged": "customer"}[which]
    if first is None:
        return {str(index): row for index, row in enumerate(rows)}
    return {row[first]: row for row in rows}


Ledger.TestCase.settings = settings(
    max_examples=int(os.environ.get("LEDGER_EXAMPLES", "20")),
    stateful_step_count=12,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_ledger_agrees = Ledger.TestCase
