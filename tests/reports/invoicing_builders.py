"""Hand-built invoices, credit notes and customers for the invoicing document tests."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from costready.invoicing.bank import BankDetails
from costready.invoicing.customers import Customer, CustomerKind, Funding
from costready.invoicing.documents import Document, DocumentKind, Line, credit_note_for, issue
from costready.organisation import LegalForm, Organisation
from costready.reports.invoice import DocumentData
from costready.rules_file import VatTreatment

D = Decimal
TEA = "Tea & Cake <b>"
LINK = "https://monzo.me/riverside/1234.50?d=INV-0042&x=<1>"
BANK = BankDetails("Riverside Community Hub", "309634", "12345678")


def seller(vat_registered: bool = True) -> Organisation:
    """A CIC (company disclosures), VAT registered or not, with text that needs escaping."""
    return Organisation(
        name="Riverside <Community> & Arts Hub",
        legal_form=LegalForm.CIC,
        company_number="01234567",
        place_of_registration="England and Wales",
        registered_office="The Old Chapel\n12 Mill Lane\nLeeds LS1 4AB",
        address="The Old Chapel\n12 Mill Lane\nLeeds LS1 4AB",
        vat_registered=vat_registered,
        vat_number="GB980780684" if vat_registered else "",
    )


def council() -> Customer:
    return Customer(
        name="Leeds City Council",
        kind=CustomerKind.LOCAL_AUTHORITY,
        billing_address="Accounts Payable\nPO Box 1\nLeeds LS1 1UR",
        po_required=True,
        supplier_reference="SUP-99",
        peppol_scheme="0088",
        peppol_id="5000000000005",
        id=7,
    )


def person() -> Customer:
    return Customer(
        name="Alex Example",
        kind=CustomerKind.INDIVIDUAL,
        funding=Funding.DIRECT_PAYMENT,
        billing_address="3 Park Row\nLeeds LS2 8AA",
        id=8,
    )


def mixed_lines() -> tuple[Line, ...]:
    """One line of each: standard 20%, reduced 5%, zero, exempt (with a fractional quantity)."""
    return (
        Line("Room hire, 3 October 2026", D("3"), "hour", D("25.00"), VatTreatment.STANDARD),
        Line(TEA, D("12"), "session", D("4.15"), VatTreatment.REDUCED),
        Line("Printed leaflets", D("100"), "leaflet", D("0.35"), VatTreatment.ZERO),
        Line("Home support, 1–31 October", D("37.5"), "hour", D("27.35"), VatTreatment.EXEMPT),
    )


def exempt_lines() -> tuple[Line, ...]:
    return (
        Line("Home support, 02/10/2026", D("1.5"), "hour", D("27.35"), VatTreatment.EXEMPT),
        Line("Home support, 09/10/2026", D("2"), "hour", D("27.35"), VatTreatment.EXEMPT),
    )


def invoice(
    lines: tuple[Line, ...],
    vat_registered: bool = True,
    number: str = "INV-0042",
    purchase_order: str = "PO-7781",
    customer_reference: str = "",
    issue_date: date = date(2026, 11, 20),
) -> Document:
    draft = Document(
        kind=DocumentKind.INVOICE,
        customer_id=7,
        lines=lines,
        period_start=date(2026, 10, 1),
        period_end=date(2026, 10, 31),
        purchase_order=purchase_order,
        customer_reference=customer_reference,
        notes=f"Thank you. {TEA}",
        id=42,
    )
    return issue(draft, number, issue_date, date(2026, 12, 20), vat_registered)


def invoice_data(
    lines: tuple[Line, ...] | None = None,
    vat_registered: bool = True,
    customer: Customer | None = None,
    **details: object,
) -> DocumentData:
    """An issued invoice to the council (or `customer`) with bank details and a link."""
    document = invoice(lines or mixed_lines(), vat_registered)
    defaults: dict[str, object] = {
        "bank": BANK,
        "payment_link": LINK,
        "seller_peppol_scheme": "0088",
        "seller_peppol_id": "5790000435975",
    }
    defaults.update(details)
    return DocumentData.of(document, customer or council(), seller(vat_registered), **defaults)


def credit_note_data(vat_registered: bool = True) -> DocumentData:
    """A credit note for the first two lines of the mixed invoice."""
    original = invoice(mixed_lines(), vat_registered)
    draft = credit_note_for(original, original.lines[:2])
    draft = dataclasses.replace(draft, id=43, notes="Room hire cancelled")
    note = issue(draft, "CN-0003", date(2026, 11, 25), date(2026, 11, 25), vat_registered)
    return DocumentData.of(
        note,
        council(),
        seller(vat_registered),
        bank=BANK,
        seller_peppol_scheme="0088",
        seller_peppol_id="5790000435975",
    )
