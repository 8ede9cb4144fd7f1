"""The sample organisation's invoicing: customers of each kind, a delivery log, and draft,
issued, part-paid, paid and overdue invoices and a credit note, so every invoicing screen has
real-looking data.

Dates are counted back from an anchor: today, kept within the sample scenario's period, so the
statuses look as they would in use. Prices are the sample scenario's own (what adopting it
would publish), copied onto each line as an invoice does.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from decimal import Decimal

from babel.dates import format_date

from costready.app.invoices import SETTINGS_KEY, issue_in, settings_json
from costready.costing.engine import price_scenario
from costready.costing.model import Scenario
from costready.invoicing.bank import BankDetails
from costready.invoicing.billing import Delivery
from costready.invoicing.customers import Customer, CustomerKind, Funding
from costready.invoicing.documents import Document, DocumentKind, Line, credit_note_for
from costready.invoicing.settings import InvoicingSettings
from costready.storage.unit_of_work import UnitOfWork

D = Decimal

#: The Peppol ids are GLNs (scheme 0088) with valid GS1 check digits (PEPPOL-COMMON-R040).
SETTINGS = InvoicingSettings(
    bank=BankDetails("Riverside Community Hub", "608371", "31926819"),
    link_template="https://paypal.me/RiversideHub/{amount}",
    default_terms_days=30,
    terms_text="Please pay within 30 days by bank transfer, quoting the invoice number.",
    peppol_scheme="0088",
    peppol_id="5069999000014",
)
REGISTERED_OFFICE = "The Old Library\n12 Mill Lane\nRiverside\nRV1 2AB"

COUNCIL = Customer(
    name="Riverside Borough Council",
    kind=CustomerKind.LOCAL_AUTHORITY,
    billing_address="Accounts Payable\nTown Hall, Market Square\nRiverside\nRV1 1AA",
    email="invoices@riverside.example.gov.uk",
    supplier_reference="SUP-40172",
    peppol_scheme="0088",
    peppol_id="5069999000021",
)
ICB = Customer(
    name="NHS Riverside Integrated Care Board",
    kind=CustomerKind.NHS_BODY,
    billing_address="Riverside ICB, Payables E123\nPO Box 312\nLeeds\nLS1 9AB",
    email="sbs.apinvoicing@nhs.example.net",
    po_required=True,
    peppol_scheme="0088",
    peppol_id="5069999000038",
)
HOUSING = Customer(
    name="Hillside Housing Association",
    kind=CustomerKind.ORGANISATION,
    billing_address="2 Quarry Road\nRiverside\nRV3 4CD",
    email="finance@hillside.example.org",
    payment_terms_days=14,
)
PERSON = Customer(
    name="J. Morgan",
    kind=CustomerKind.INDIVIDUAL,
    funding=Funding.DIRECT_PAYMENT,
    billing_address="14 Alder Close\nRiverside\nRV2 7EF",
    notes="Direct payment account managed by her son.",
)


def anchor_for(scenario: Scenario, today: date) -> date:
    """Today, kept within the scenario's period (three months in at the earliest)."""
    earliest = scenario.period_start + timedelta(days=90)
    return min(max(today, earliest), scenario.period_end)


def add_sample_invoicing(
    uow: UnitOfWork, org_id: int, scenario: Scenario, today: date | None = None
) -> None:
    """Customers, deliveries, documents and payments of the sample, in the open unit of work."""
    anchor = anchor_for(scenario, today or date.today())
    uow.settings.set(org_id, SETTINGS_KEY, json.dumps(settings_json(SETTINGS)))
    result = price_scenario(scenario)
    prices = {service.id: service for service in result.services}
    council, icb, housing, person = (
        uow.customers.save(org_id, customer).id or 0 for customer in (COUNCIL, ICB, HOUSING, PERSON)
    )

    def line(service_id: str, quantity: str, when: str = "") -> Line:
        service = prices[service_id]
        text = f"{service.name}, {when}" if when else service.name
        return Line(text, D(quantity), service.unit, service.price, service.vat, service_id)

    def issued(document: Document, day: date) -> int:
        draft = uow.invoices.save_draft(org_id, document)
        return issue_in(uow, draft.id or 0, day).id or 0

    def invoice(
        customer: int,
        lines: tuple[Line, ...],
        *,
        month_back: int,
        days_ago: int,
        customer_reference: str = "",
        purchase_order: str = "",
    ) -> int:
        """An invoice for the calendar month before the one `month_back` days ago, issued
        `days_ago`."""
        end = (anchor - timedelta(days=month_back)).replace(day=1) - timedelta(days=1)
        document = Document(
            DocumentKind.INVOICE,
            customer,
            lines,
            period_start=end.replace(day=1),
            period_end=end,
            customer_reference=customer_reference,
            purchase_order=purchase_order,
        )
        return issued(document, anchor - timedelta(days=days_ago))

    def credited(invoice_id: int, quantity: str, notes: str, days_ago: int) -> None:
        """A credit note for `quantity` of the invoice's first line."""
        original = uow.invoices.get(invoice_id)
        credit = dataclasses.replace(original.lines[0], quantity=D(quantity))
        note = credit_note_for(original, (credit,))
        issued(dataclasses.replace(note, notes=notes), anchor - timedelta(days=days_ago))

    services = list(prices)
    first, second = services[0], services[1 % len(services)]

    # overdue: issued 75 days ago to the council, unpaid but for two visits credited
    overdue = invoice(
        council,
        (line(first, "42"), line(second, "8")),
        month_back=75,
        days_ago=75,
        customer_reference="Care package CP-2291",
    )
    # a public body's credit note (it exports as an e-invoice too): two visits not made
    credited(overdue, "2", "Two visits not made: the person was in hospital", 70)
    # paid in full: the council, 50 days ago
    paid = invoice(
        council,
        (line(first, "38.5"),),
        month_back=45,
        days_ago=50,
        customer_reference="Care package CP-2291",
    )
    _pay(uow, org_id, council, paid, anchor - timedelta(days=30), "BACS RBC 118230")
    # part paid: the ICB, with its purchase order, 20 days ago
    part = invoice(
        icb,
        (line(second, "24"), line(first, "12.5")),
        month_back=15,
        days_ago=20,
        purchase_order="PO-ICB-7741",
    )
    _pay(uow, org_id, icb, part, anchor - timedelta(days=5), "NHS SBS 55120", D("500.00"))
    # issued, not yet due: a person on a direct payment, day by day as the support plan counts
    person_lines = tuple(
        line(first, "2", format_date(anchor - timedelta(days=days), format="long", locale="en_GB"))
        for days in (13, 11, 9, 6, 4)
    )
    issued(
        Document(
            DocumentKind.INVOICE,
            person,
            person_lines,
            period_start=anchor - timedelta(days=13),
            period_end=anchor - timedelta(days=4),
        ),
        anchor - timedelta(days=3),
    )
    # credited in part: the housing association, 35 days ago; one session was cancelled
    corrected = invoice(housing, (line(second, "6"),), month_back=30, days_ago=35)
    credited(corrected, "1", "Session on the 12th cancelled by us", 28)
    week_line = line(first, "0", "")
    units = {service.id: service.unit for service in scenario.services}
    _deliveries(uow, org_id, anchor, (council, icb), (first, second), week_line, units)


def _pay(
    uow: UnitOfWork,
    org_id: int,
    customer_id: int,
    invoice_id: int,
    day: date,
    reference: str,
    amount: Decimal | None = None,
) -> None:
    from costready.invoicing.documents import totals

    whole = totals(uow.invoices.get(invoice_id)).gross
    uow.payments.add(
        org_id,
        customer_id,
        "payment",
        day,
        amount or whole,
        document_id=invoice_id,
        reference=reference,
    )


def _deliveries(
    uow: UnitOfWork,
    org_id: int,
    anchor: date,
    customers: tuple[int, int],
    services: tuple[str, str],
    priced: Line,
    units: dict[str, str],
) -> None:
    """This month's log: the council's visits (a draft bills the first week's) and the ICB's
    sessions on its purchase order, still unbilled. `priced` is a line of the first service
    at its price."""
    council, icb = customers
    first, second = services
    month_start = anchor.replace(day=1)
    logged = []
    visits = (
        (0, "Sam Patel", "RV-014"),
        (1, "Ana Silva", "RV-022"),
        (2, "Sam Patel", "RV-014"),
        (7, "Ana Silva", "RV-031"),
    )
    for offset, worker, ref in visits:
        day = min(month_start + timedelta(days=offset), anchor)
        logged.append(
            uow.deliveries.add(
                org_id,
                Delivery(
                    first,
                    day,
                    D("1.5"),
                    council,
                    unit=units[first],
                    worker=worker,
                    person_ref=ref,
                    agreement="Framework RBC-HS-2026",
                ),
            )
        )
    for offset in (3, 10):
        day = min(month_start + timedelta(days=offset), anchor)
        uow.deliveries.add(
            org_id,
            Delivery(
                second,
                day,
                D("1"),
                icb,
                unit=units[second],
                worker="Jo Reed",
                person_ref="ICB-207",
                purchase_order="PO-ICB-7741",
            ),
        )
    week = logged[:3]
    first_week = dataclasses.replace(
        priced,
        description=f"{priced.description}, first week",
        quantity=sum((d.quantity for d in week), D(0)),
        delivery_ids=tuple(d.id or 0 for d in week),
    )
    draft = uow.invoices.save_draft(
        org_id,
        Document(
            DocumentKind.INVOICE,
            council,
            (first_week,),
            issue_date=anchor,
            due_date=anchor + timedelta(days=30),
            period_start=month_start,
            period_end=max(d.day for d in week),
        ),
    )
    uow.deliveries.reserve([d.id or 0 for d in week], draft.id or 0)
