"""E-invoices: UBL 2.1 Invoice and CreditNote in the Peppol BIS Billing 3.0 profile (EN 16931).

Built from the same `Totals` as the PDF and the screen, with the standard library's
ElementTree. Rules quoted are EN 16931 (BR-*) and Peppol BIS 3.0 (PEPPOL-EN16931-*) rule ids:
https://docs.peppol.eu/poacc/billing/3.0/"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from costready.i18n import _
from costready.invoicing.credits import penny_notes
from costready.invoicing.documents import CATEGORY, Line, VatGroup, line_rate, percent
from costready.invoicing.peppol import gln_problems
from costready.money import ZERO, plain, to_penny
from costready.problems import Problem
from costready.reports.invoice import EXEMPT_REASON, DocumentData

CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
ROOT_NAMESPACE = {
    "Invoice": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "CreditNote": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
}
ET.register_namespace("cac", CAC)  # the prefixes every Peppol example uses
ET.register_namespace("cbc", CBC)
CURRENCY = "GBP"
COUNTRY = "GB"
#: BT-3 / BT-3 (credit note): a commercial invoice, a credit note (UNCL1001).
INVOICE_TYPE, CREDIT_NOTE_TYPE = "380", "381"
#: BT-81: credit transfer (UNCL4461), what councils and the NHS pay by.
CREDIT_TRANSFER = "30"
#: BT-121 exemption reason codes (CEF VATEX list): welfare services (EU VAT Directive art.
#: 132(1)(g), VATA 1994 Sch 9 Group 7 in the UK), and not subject to VAT.
VATEX_WELFARE, VATEX_NOT_SUBJECT = "VATEX-EU-132-1G", "VATEX-EU-O"
NOT_SUBJECT_TEXT = "Not subject to VAT"
#: UN/ECE Recommendation 20 unit codes for the units people type; anything else is counted
#: as "one" (C62), its word kept in the line's name.
UNIT_CODES = {
    "hour": "HUR",
    "hours": "HUR",
    "hr": "HUR",
    "day": "DAY",
    "days": "DAY",
    "week": "WEE",
    "weeks": "WEE",
    "month": "MON",
    "months": "MON",
    "minute": "MIN",
    "minutes": "MIN",
}
ONE = "C62"
_SCHEME = re.compile(r"^\d{4}$")
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.IGNORECASE)


def ubl_problems(data: DocumentData) -> list[Problem]:
    """What stops an e-invoice being made, each naming the field, checked BEFORE building:
    nothing is invented. An issued document; the seller's and the buyer's Peppol participant
    ids (PEPPOL-EN16931-R020, R010); a buyer reference or purchase-order number (R003); the
    seller's VAT number when VAT registered (BR-S-02, BR-E-02); both addresses (BR-08, BR-10)."""
    document, customer, organisation = data.document, data.customer, data.organisation
    problems = []
    if not document.is_issued or document.issue_date is None:
        problems.append(Problem("number", _("E-invoice: issue the document first")))
    if not _participant(data.seller_peppol_scheme, data.seller_peppol_id):
        problems.append(
            Problem(
                "seller_peppol_id",
                _(
                    "Peppol id: the organisation has no Peppol participant id (scheme and "
                    "value); add it in the invoicing settings"
                ),
            )
        )
    problems += _gln_problems(data)
    if not _participant(customer.peppol_scheme, customer.peppol_id):
        problems.append(
            Problem(
                "customer.peppol_id",
                _(
                    "Peppol id: {customer} has no Peppol participant id (scheme and value); "
                    "add it on the customer"
                ).format(customer=customer.name),
            )
        )
    if not document.purchase_order.strip() and not document.customer_reference.strip():
        problems.append(
            Problem(
                "purchase_order",
                _(
                    "Purchase order: an e-invoice needs the buyer's reference or a "
                    "purchase-order number; give one of them"
                ),
            )
        )
    if document.vat_registered and not organisation.vat_number.strip():
        problems.append(
            Problem("vat_number", _("VAT number: a VAT-registered seller's e-invoice shows it"))
        )
    if not organisation.address.strip():
        problems.append(Problem("address", _("Address: an e-invoice needs the seller's address")))
    if not customer.billing_address.strip():
        problems.append(
            Problem(
                "customer.billing_address",
                _("Billing address: an e-invoice needs {customer}'s address").format(
                    customer=customer.name
                ),
            )
        )
    return problems


def _gln_problems(data: DocumentData) -> list[Problem]:
    """Each GLN (scheme 0088) must have a valid GS1 check digit (PEPPOL-COMMON-R040): the same
    check the settings and the customer's form make when the id is typed."""
    return gln_problems(
        "seller_peppol_id", data.seller_peppol_scheme, data.seller_peppol_id, _("Organisation")
    ) + gln_problems(
        "customer.peppol_id",
        data.customer.peppol_scheme,
        data.customer.peppol_id,
        data.customer.name,
    )


def _participant(scheme: str, value: str) -> bool:
    return bool(_SCHEME.match(scheme.strip()) and value.strip())


def ubl_bytes(data: DocumentData) -> bytes:
    """The UBL 2.1 XML of an issued invoice or credit note (UTF-8, with its declaration).
    Raises ValueError naming the first problem when `ubl_problems` finds any."""
    problems = ubl_problems(data)
    if problems:
        raise ValueError(problems[0].message)
    root = _document(data)
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


class _Builder:
    """Appends UBL elements in the order the schema requires (the caller's order)."""

    def __init__(self, element: ET.Element) -> None:
        self.element = element

    def cbc(self, name: str, text: str, **attributes: str) -> ET.Element:
        child = ET.SubElement(self.element, f"{{{CBC}}}{name}", attributes)
        child.text = text
        return child

    def amount(self, name: str, value: Decimal) -> ET.Element:
        """A money amount: two places (BR-DEC-*), the currency named (UBL-DT-01)."""
        return self.cbc(name, plain(to_penny(value)), currencyID=CURRENCY)

    def cac(self, name: str) -> _Builder:
        return _Builder(ET.SubElement(self.element, f"{{{CAC}}}{name}"))


def _document(data: DocumentData) -> ET.Element:
    document = data.document
    assert document.issue_date is not None and document.number is not None
    credit = document.is_credit_note
    kind = "CreditNote" if credit else "Invoice"
    # the document's own namespace as the default, written as given: ElementTree's way
    # (register_namespace("")) is global state shared by every caller
    root = ET.Element(kind, {"xmlns": ROOT_NAMESPACE[kind]})
    ubl = _Builder(root)
    ubl.cbc("CustomizationID", CUSTOMIZATION)
    ubl.cbc("ProfileID", PROFILE)
    ubl.cbc("ID", document.number)
    ubl.cbc("IssueDate", document.issue_date.isoformat())
    tax_point = document.tax_point if document.tax_point != document.issue_date else None
    if credit:
        if tax_point is not None:
            ubl.cbc("TaxPointDate", tax_point.isoformat())
        ubl.cbc("CreditNoteTypeCode", CREDIT_NOTE_TYPE)
    else:
        if document.due_date is not None:
            ubl.cbc("DueDate", document.due_date.isoformat())
        ubl.cbc("InvoiceTypeCode", INVOICE_TYPE)
    # one note at most (PEPPOL-EN16931-R002): the typed notes, then why a figure is a penny off
    notes = [document.notes.strip(), *penny_notes(document, data.organisation.locale)]
    if any(notes):
        ubl.cbc("Note", "\n".join(note for note in notes if note))
    if not credit and tax_point is not None:
        ubl.cbc("TaxPointDate", tax_point.isoformat())
    ubl.cbc("DocumentCurrencyCode", CURRENCY)
    if document.customer_reference.strip():
        ubl.cbc("BuyerReference", document.customer_reference.strip())
    if document.period_start is not None and document.period_end is not None:
        period = ubl.cac("InvoicePeriod")
        period.cbc("StartDate", document.period_start.isoformat())
        period.cbc("EndDate", document.period_end.isoformat())
    if document.purchase_order.strip():
        ubl.cac("OrderReference").cbc("ID", document.purchase_order.strip())
    if credit and document.credits_number:
        reference = ubl.cac("BillingReference").cac("InvoiceDocumentReference")
        reference.cbc("ID", document.credits_number)
    _seller(ubl.cac("AccountingSupplierParty").cac("Party"), data)
    _buyer(ubl.cac("AccountingCustomerParty").cac("Party"), data)
    if not credit:
        _payment(ubl, data)
    _tax_total(ubl, data)
    _monetary_total(ubl, data)
    for index, (line, net) in enumerate(zip(document.lines, data.totals.line_nets, strict=True)):
        _line(ubl, data, index + 1, line, net)
    return root


def _address(party: _Builder, text: str) -> None:
    """A typed address as UBL's parts: first line the street, a last line that is a UK
    postcode the postal zone, the line before it the town; the country GB (BR-09, BR-11)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    postcode = ""
    if lines and _POSTCODE.match(lines[-1]):
        postcode = lines.pop()
    elif lines and " " in lines[-1]:
        # "Leeds LS1 4AB": the town and postcode on one line
        town, _space, tail = lines[-1].rpartition(" ")
        head, _space, last = town.rpartition(" ")
        if head and _POSTCODE.match(f"{last} {tail}"):
            lines[-1], postcode = head, f"{last} {tail}"
    address = party.cac("PostalAddress")
    if lines:
        address.cbc("StreetName", lines[0])
    if len(lines) > 2:
        address.cbc("AdditionalStreetName", ", ".join(lines[1:-1]))
    if len(lines) > 1:
        address.cbc("CityName", lines[-1])
    if postcode:
        address.cbc("PostalZone", postcode.upper())
    address.cac("Country").cbc("IdentificationCode", COUNTRY)


def _seller(party: _Builder, data: DocumentData) -> None:
    organisation = data.organisation
    party.cbc("EndpointID", data.seller_peppol_id.strip(), schemeID=data.seller_peppol_scheme)
    # BT-29, the seller identifier: its Peppol id, so a seller with no VAT number and no
    # company number (a CIO, a charitable trust) is still identified (BR-CO-26)
    party.cac("PartyIdentification").cbc(
        "ID", data.seller_peppol_id.strip(), schemeID=data.seller_peppol_scheme.strip()
    )
    party.cac("PartyName").cbc("Name", organisation.name.strip())
    _address(party, organisation.address)
    if data.document.vat_registered:
        scheme = party.cac("PartyTaxScheme")
        scheme.cbc("CompanyID", vat_identifier(organisation.vat_number))
        scheme.cac("TaxScheme").cbc("ID", "VAT")
    legal = party.cac("PartyLegalEntity")
    legal.cbc("RegistrationName", organisation.name.strip())
    if organisation.company_number.strip():
        legal.cbc("CompanyID", organisation.company_number.strip())


def vat_identifier(number: str) -> str:
    """The seller's VAT id with its country prefix, as BR-CO-09 requires: GB980780684."""
    compact = "".join(number.split()).upper()
    return compact if compact.startswith("GB") else f"GB{compact}"


def _buyer(party: _Builder, data: DocumentData) -> None:
    customer = data.customer
    party.cbc("EndpointID", customer.peppol_id.strip(), schemeID=customer.peppol_scheme.strip())
    _address(party, customer.billing_address)
    party.cac("PartyLegalEntity").cbc("RegistrationName", customer.name.strip())


def _payment(ubl: _Builder, data: DocumentData) -> None:
    """Credit transfer to our account (sort code and account number), the invoice number as
    the payment reference (BG-16, BR-50, BR-61); the terms in words."""
    if not data.bank.is_empty:
        means = ubl.cac("PaymentMeans")
        means.cbc("PaymentMeansCode", CREDIT_TRANSFER)
        means.cbc("PaymentID", data.document.number or "")
        account = means.cac("PayeeFinancialAccount")
        account.cbc("ID", _digits(data.bank.sort_code) + _digits(data.bank.account_number))
        if data.bank.account_name.strip():
            account.cbc("Name", data.bank.account_name.strip())
    if data.terms_days is not None:
        ubl.cac("PaymentTerms").cbc(
            "Note", f"Payment within {data.terms_days} days of the invoice date"
        )


def _digits(text: str) -> str:
    return "".join(character for character in text if character.isdigit())


def line_category(line: Line, vat_registered: bool) -> str:
    """A line's VAT category: its treatment's when the seller is registered, else O."""
    return CATEGORY[line.treatment] if vat_registered else "O"


def _tax_category(parent: _Builder, name: str, category: str, rate: Decimal) -> _Builder:
    tax = parent.cac(name)
    tax.cbc("ID", category)
    if category != "O":  # BR-O-05, BR-O-10: no rate for not subject to VAT
        tax.cbc("Percent", plain(rate))
    return tax


def _tax_total(ubl: _Builder, data: DocumentData) -> None:
    total = ubl.cac("TaxTotal")
    total.amount("TaxAmount", data.totals.vat)
    for group in data.totals.groups:
        _subtotal(total, group)


def _subtotal(total: _Builder, group: VatGroup) -> None:
    """One BG-23 row: the group's taxable amount and VAT as `totals` worked them out."""
    subtotal = total.cac("TaxSubtotal")
    subtotal.amount("TaxableAmount", group.taxable)
    subtotal.amount("TaxAmount", group.vat)
    category = _tax_category(subtotal, "TaxCategory", group.category, group.rate)
    if group.category == "E":  # BR-E-10
        category.cbc("TaxExemptionReasonCode", VATEX_WELFARE)
        category.cbc("TaxExemptionReason", EXEMPT_REASON)
    elif group.category == "O":  # BR-O-10
        category.cbc("TaxExemptionReasonCode", VATEX_NOT_SUBJECT)
        category.cbc("TaxExemptionReason", NOT_SUBJECT_TEXT)
    category.cac("TaxScheme").cbc("ID", "VAT")


def _monetary_total(ubl: _Builder, data: DocumentData) -> None:
    """BG-22 from the same totals: nets, VAT-exclusive, VAT-inclusive, payable."""
    figures = data.totals
    total = ubl.cac("LegalMonetaryTotal")
    total.amount("LineExtensionAmount", figures.net)
    total.amount("TaxExclusiveAmount", figures.net)
    total.amount("TaxInclusiveAmount", figures.gross)
    total.amount("PayableAmount", figures.gross)


def unit_code(unit: str) -> str:
    """The UN/ECE Rec 20 code for a typed unit: HUR for hours...; C62 ("one") otherwise."""
    return UNIT_CODES.get(unit.strip().casefold(), ONE)


def _line(ubl: _Builder, data: DocumentData, number: int, line: Line, net: Decimal) -> None:
    credit = data.document.is_credit_note
    row = ubl.cac("CreditNoteLine" if credit else "InvoiceLine")
    row.cbc("ID", str(number))
    quantity = line.quantity.normalize() if line.quantity else ZERO
    row.cbc(
        "CreditedQuantity" if credit else "InvoicedQuantity",
        plain(quantity),
        unitCode=unit_code(line.unit),
    )
    row.amount("LineExtensionAmount", net)
    item = row.cac("Item")
    name = line.description.strip() or line.unit
    item.cbc("Name", name)
    category = line_category(line, data.document.vat_registered)
    rate = percent(line_rate(line)) if category == "S" else ZERO
    _tax_category(item, "ClassifiedTaxCategory", category, rate).cac("TaxScheme").cbc("ID", "VAT")
    price = row.cac("Price")
    price.amount("PriceAmount", line.unit_price)
