"""Deliveries: the log of units delivered, its CSV import, and "bill a period"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from costready.app.invoices import issue_in, read_settings
from costready.i18n import _
from costready.invoicing import documents as docs
from costready.invoicing.billing import (
    Delivery,
    Price,
    parse_deliveries_csv,
    validate_delivery,
)
from costready.invoicing.billing import (
    bill_period as plan_bills,
)
from costready.invoicing.customers import terms_days
from costready.invoicing.documents import Document, DocumentKind
from costready.invoicing.errors import InvoicingError
from costready.problems import Problem
from costready.rules_file import VatTreatment
from costready.storage.unit_of_work import UnitOfWork
from costready.storage.workspace import Workspace

__all__ = [
    "BillResult",
    "add_delivery",
    "bill_period",
    "delete_delivery",
    "deliveries",
    "import_deliveries",
]


def deliveries(
    ws: Workspace,
    org_id: int,
    *,
    unbilled_only: bool = False,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Delivery]:
    with ws.reading() as uow:
        return uow.deliveries.all(
            org_id, unbilled_only=unbilled_only, date_from=date_from, date_to=date_to
        )


def add_delivery(ws: Workspace, org_id: int, delivery: Delivery) -> Delivery:
    """Record one delivery (InvoicingError naming each field when it is not valid)."""
    problems = validate_delivery(delivery)
    if problems:
        raise InvoicingError(problems)
    with ws.writing() as uow:
        problems = _belongs(uow, org_id, [delivery])
        if problems:
            raise InvoicingError(problems)
        return uow.deliveries.add(org_id, delivery)


def delete_delivery(ws: Workspace, delivery_id: int) -> None:
    """Delete an unbilled delivery (one on a draft or an invoice is refused)."""
    with ws.writing() as uow:
        delivery = uow.deliveries.get(delivery_id)
        if not delivery.is_unbilled:
            raise InvoicingError(
                [
                    Problem(
                        "delivery",
                        _(
                            "This delivery is on an invoice or a draft, so it cannot be "
                            "deleted; delete the draft first"
                        ),
                    )
                ]
            )
        uow.deliveries.delete(delivery_id)


def import_deliveries(ws: Workspace, org_id: int, csv_text: str) -> int:
    """Add every delivery in the CSV, or none: InvoicingError with every problem (row and
    column) when any row is bad. Returns how many were added."""
    with ws.writing() as uow:
        names = {found.name: found.id for found in uow.customers.all(org_id) if found.id}
        parsed, problems = parse_deliveries_csv(csv_text, names, _service_keys(uow, org_id))
        if not problems:
            problems = _belongs(uow, org_id, parsed)
        if problems:
            raise InvoicingError(problems)
        for delivery in parsed:
            uow.deliveries.add(org_id, delivery)
        return len(parsed)


@dataclass(frozen=True)
class BillResult:
    """What billing a period made (drafts, or issued documents when asked to issue) and a
    Problem for every delivery it could not bill or draft it could not issue."""

    documents: list[Document]
    problems: list[Problem]


def bill_period(
    ws: Workspace, org_id: int, date_from: date, date_to: date, *, issue: bool = False
) -> BillResult:
    """Every unbilled delivery from `date_from` to `date_to` as one draft invoice per customer
    and purchase order, priced from the price list in force on each delivery's date; the
    drafts reserve their deliveries. With `issue`, each draft is issued too (one that cannot
    be stays a draft, its problems returned)."""
    if date_to < date_from:
        raise InvoicingError(
            [Problem("date_to", _("Period: the last day is before the first day"))]
        )
    with ws.writing() as uow:
        org = uow.organisations.lock(org_id)
        settings = read_settings(uow, org_id)
        price_lists = uow.price_lists.all(org_id)  # newest effective date first

        def price_for(service_key: str, day: date) -> Price | None:
            for price_list in price_lists:
                if price_list.effective_from <= day and service_key in price_list.prices:
                    published = price_list.services.get(service_key)
                    return Price(
                        description=published.name if published else service_key,
                        unit=published.unit if published else "",
                        unit_price=price_list.prices[service_key],
                        treatment=_treatment(published.vat if published else ""),
                    )
                if price_list.effective_from <= day:
                    return None  # the list in force that day does not price it
            return None

        run = plan_bills(
            uow.deliveries.all(org_id, unbilled_only=True),
            date_from,
            date_to,
            price_for,
            org.locale,
        )
        made: list[Document] = []
        problems = list(run.problems)
        for plan in run.plans:
            buyer = uow.customers.get(plan.customer_id)
            today = date.today()
            draft = uow.invoices.save_draft(
                org_id,
                Document(
                    kind=DocumentKind.INVOICE,
                    customer_id=plan.customer_id,
                    lines=plan.lines,
                    issue_date=today,
                    due_date=docs.due_date_for(
                        today, terms_days(buyer, settings.default_terms_days)
                    ),
                    period_start=plan.period_start,
                    period_end=plan.period_end,
                    purchase_order=plan.purchase_order,
                    vat_registered=docs.vat_registered_at(org, today),
                ),
            )
            uow.deliveries.reserve(plan.delivery_ids, draft.id or 0)
            made.append(_issued_or_draft(uow, draft, problems) if issue else draft)
        return BillResult(made, problems)


def _issued_or_draft(uow: UnitOfWork, draft: Document, problems: list[Problem]) -> Document:
    """Issue `draft` when it can be; else keep it a draft and note why (its number, "draft
    N", rather than the customer's name: that may be a person's)."""
    try:
        return issue_in(uow, draft.id or 0, date.today())
    except InvoicingError as error:
        problems += [
            Problem(f"drafts[{draft.id}].{problem.path}", problem.message)
            for problem in error.problems
        ]
        return draft


def _treatment(text: str) -> VatTreatment:
    try:
        return VatTreatment(text)
    except ValueError:
        return VatTreatment.EXEMPT


def _service_keys(uow: UnitOfWork, org_id: int) -> set[str]:
    return uow.deliveries.service_keys(org_id)


def _belongs(uow: UnitOfWork, org_id: int, items: list[Delivery]) -> list[Problem]:
    """A Problem for each delivery whose customer is not one of the organisation's."""
    ours = {found.id for found in uow.customers.all(org_id)}
    return [
        Problem(
            f"deliveries[{index}].customer",
            _("Customer: {id} is not one of this organisation's customers").format(
                id=item.customer_id
            ),
        )
        for index, item in enumerate(items)
        if item.customer_id not in ours
    ]
