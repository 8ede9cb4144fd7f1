"""Compliance facts from invoices: taxable turnover over the last 12 months (standard-, reduced-
and zero-rated line nets less credit notes, summed in SQL) and whether an invoice was issued."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from costready.app import compliance, invoices
from costready.compliance.interview import SOURCE_INVOICES, describe
from costready.invoicing.documents import Document, DocumentKind, Line
from costready.rules_file import VatTreatment
from costready.storage.workspace import Workspace
from tests.storage import invoicing_data as data

D = Decimal
TODAY = date(2026, 12, 6)


def _draft(ws: Workspace, org_id: int, customer_id: int, *lines: Line) -> int:
    with ws.writing() as uow:
        saved = uow.invoices.save_draft(
            org_id,
            Document(
                kind=DocumentKind.INVOICE,
                customer_id=customer_id,
                lines=lines,
                issue_date=TODAY,
                due_date=TODAY + timedelta(days=30),
                customer_reference="CP-1",
            ),
        )
    assert saved.id is not None
    return saved.id


MIXED = (
    Line("Café hire", D("10"), "hour", D("25.00"), VatTreatment.STANDARD),
    Line("Children's books", D("2"), "book", D("10.00"), VatTreatment.ZERO),
    Line("Home support", D("3"), "hour", D("30.00"), VatTreatment.EXEMPT),
)


def _turnover(ws: Workspace, org_id: int) -> Decimal | None:
    with ws.reading() as uow:
        return compliance.taxable_turnover_last_12_months(uow, org_id, TODAY)


def test_turnover_and_invoice_issued_come_from_issued_invoices(workspace: Workspace) -> None:
    org_id = data.organisation(workspace)
    council = data.council(workspace, org_id)
    before = compliance.checklist(workspace, org_id, TODAY)
    assert any(q.name == "taxable_turnover" for q in before.known.asked())
    assert before.known.values["invoice_issued"] == "no"
    assert not before.entry("PR-03").done_by_app
    draft = _draft(workspace, org_id, council, *MIXED)
    assert _turnover(workspace, org_id) is None  # a draft is not turnover
    invoices.issue(workspace, draft, TODAY - timedelta(days=30))
    # £250 standard + £20 zero-rated; the exempt £90 left out
    assert _turnover(workspace, org_id) == D("270.00")
    after = compliance.checklist(workspace, org_id, TODAY)
    assert all(q.name != "taxable_turnover" for q in after.known.asked())
    assert after.known.values["taxable_turnover"] == D("270.00")
    assert after.known.sources["taxable_turnover"] == SOURCE_INVOICES
    assert "(from your invoices)" in describe("taxable_turnover", after.known)
    assert after.known.values["invoice_issued"] == "yes"
    assert after.entry("PR-03").done_by_app


def test_credit_notes_reduce_it_and_older_invoices_fall_out(workspace: Workspace) -> None:
    org_id = data.organisation(workspace)
    council = data.council(workspace, org_id)
    old = _draft(workspace, org_id, council, MIXED[0])
    invoices.issue(workspace, old, TODAY - timedelta(days=366))  # 12 months and a day ago
    assert _turnover(workspace, org_id) is None
    recent = invoices.issue(workspace, _draft(workspace, org_id, council, *MIXED), TODAY)
    assert recent.id is not None
    credited = (Line("Café hire", D("2"), "hour", D("25.00"), VatTreatment.STANDARD),)
    invoices.credit(workspace, recent.id, credited, "Two hours not used", TODAY)
    assert _turnover(workspace, org_id) == D("220.00")  # 270 less the £50 credited


def test_twelve_months_before() -> None:
    assert compliance.twelve_months_before(date(2026, 12, 6)) == date(2025, 12, 7)
    assert compliance.twelve_months_before(date(2028, 2, 29)) == date(2027, 3, 1)


def test_the_person_confirms_or_corrects_the_turnover_from_invoices(workspace: Workspace) -> None:
    # sales made outside CostReady are not in its invoices: the person's figure stands
    org_id = data.organisation(workspace)
    council = data.council(workspace, org_id)
    invoices.issue(workspace, _draft(workspace, org_id, council, *MIXED), TODAY)
    compliance.save_answers(workspace, org_id, {"taxable_turnover": D("95000")})
    view = compliance.checklist(workspace, org_id, TODAY)
    assert view.known.values["taxable_turnover"] == D("95000")
    assert "taxable_turnover" not in view.known.sources  # the person's own answer
    assert view.entry("VAT-01").applicability.state.value == "applies"  # over the threshold
