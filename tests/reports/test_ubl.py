"""UBL e-invoices: valid against the UBL 2.1 XSD and both official rule sets (EN 16931 and
Peppol BIS 3.0), built from the document's totals, and refused with named problems before
anything is invented."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from costready.invoicing.documents import totals
from costready.reports.invoice import DocumentData
from costready.reports.ubl import CAC, CBC, ubl_bytes, ubl_problems, unit_code
from tests.reports import peppol
from tests.reports.invoicing_builders import (
    TEA,
    council,
    credit_note_data,
    exempt_lines,
    invoice_data,
    mixed_lines,
)

D = Decimal
NS = {"cbc": CBC, "cac": CAC}


@pytest.fixture(scope="session")
def validator() -> peppol.Validator:
    """The XSDs and both XSLTs, compiled once for the session (each takes about a second)."""
    reason = peppol.missing_reason()
    if reason is not None:
        pytest.skip(reason)
    pytest.importorskip("saxonche", reason="saxonche (the test extra) runs the XSLT 2 rules")
    pytest.importorskip("lxml", reason="lxml (the test extra) checks the UBL 2.1 XSD")
    return peppol.session_validator()


CASES = {
    "standard": lambda: invoice_data(mixed_lines()[:1]),
    "mixed S20/S5/Z/E": lambda: invoice_data(mixed_lines()),
    "exempt only": lambda: invoice_data(exempt_lines()),
    "not registered (O)": lambda: invoice_data(mixed_lines(), vat_registered=False),
    "credit note": lambda: credit_note_data(),
}


@pytest.mark.parametrize("case", list(CASES))
def test_e_invoice_passes_the_xsd_and_both_rule_sets(
    validator: peppol.Validator, case: str
) -> None:
    xml = ubl_bytes(CASES[case]())
    assert validator.errors(xml) == []


def test_the_validator_does_catch_a_broken_invoice(validator: peppol.Validator) -> None:
    # the payable amount a penny off: BR-CO-16 must say so, or the tests above prove nothing
    xml = ubl_bytes(invoice_data(mixed_lines()))
    root = ET.fromstring(xml)
    payable = root.find("cac:LegalMonetaryTotal/cbc:PayableAmount", NS)
    assert payable is not None and payable.text is not None
    payable.text = str(D(payable.text) + D("0.01"))
    errors = validator.errors(ET.tostring(root, encoding="UTF-8", xml_declaration=True))
    assert any("BR-CO-16" in error for error in errors)


def _root(data: DocumentData) -> ET.Element:
    return ET.fromstring(ubl_bytes(data))


def _text(root: ET.Element, path: str) -> str:
    found = root.find(path, NS)
    assert found is not None, path
    return found.text or ""


def test_figures_are_the_documents_totals() -> None:
    data = invoice_data(mixed_lines())
    figures = totals(data.document)
    root = _root(data)
    assert _text(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == str(figures.gross)
    assert _text(root, "cac:TaxTotal/cbc:TaxAmount") == str(figures.vat)
    subtotals = root.findall("cac:TaxTotal/cac:TaxSubtotal", NS)
    assert [(_text(s, "cac:TaxCategory/cbc:ID"), _text(s, "cbc:TaxAmount")) for s in subtotals] == [
        (group.category, str(group.vat)) for group in figures.groups
    ]
    assert [_text(s, "cac:TaxCategory/cbc:Percent") for s in subtotals] == ["20", "5", "0", "0"]
    nets = [_text(line, "cbc:LineExtensionAmount") for line in root.findall("cac:InvoiceLine", NS)]
    assert nets == [str(net) for net in figures.line_nets]


def test_registered_seller_marks_exempt_lines_with_the_welfare_reason() -> None:
    root = _root(invoice_data(exempt_lines()))
    category = root.find("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory", NS)
    assert category is not None
    assert _text(category, "cbc:ID") == "E"
    assert _text(category, "cbc:TaxExemptionReasonCode") == "VATEX-EU-132-1G"
    assert "welfare" in _text(category, "cbc:TaxExemptionReason")
    vat_id = "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID"
    assert _text(root, vat_id) == "GB980780684"


def test_unregistered_seller_exports_every_line_as_o_without_a_vat_id() -> None:
    root = _root(invoice_data(mixed_lines(), vat_registered=False))
    lines = root.findall("cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory", NS)
    assert [_text(line, "cbc:ID") for line in lines] == ["O"] * 4
    assert all(line.find("cbc:Percent", NS) is None for line in lines)
    assert root.find(".//cac:PartyTaxScheme", NS) is None
    codes = [e.text for e in root.iterfind(".//cbc:TaxExemptionReasonCode", NS)]
    assert codes == ["VATEX-EU-O"]


def test_references_endpoints_payment_and_due_date() -> None:
    root = _root(invoice_data(mixed_lines()))
    assert _text(root, "cac:OrderReference/cbc:ID") == "PO-7781"
    assert _text(root, "cbc:DueDate") == "2026-12-20"
    seller = root.find("cac:AccountingSupplierParty/cac:Party/cbc:EndpointID", NS)
    buyer = root.find("cac:AccountingCustomerParty/cac:Party/cbc:EndpointID", NS)
    assert seller is not None and buyer is not None
    assert (seller.get("schemeID"), seller.text) == ("0088", "5790000435975")
    assert (buyer.get("schemeID"), buyer.text) == ("0088", "5000000000005")
    assert _text(root, "cac:PaymentMeans/cbc:PaymentMeansCode") == "30"
    assert _text(root, "cac:PaymentMeans/cbc:PaymentID") == "INV-0042"
    assert _text(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID") == "30963412345678"
    assert TEA in _text(root, "cac:InvoiceLine[2]/cac:Item/cbc:Name")


def test_credit_note_names_the_invoice_it_corrects() -> None:
    root = _root(credit_note_data())
    assert root.tag == "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote"
    assert _text(root, "cbc:CreditNoteTypeCode") == "381"
    assert _text(root, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID") == "INV-0042"
    assert len(root.findall("cac:CreditNoteLine", NS)) == 2


def test_missing_ids_and_references_are_named_before_building() -> None:
    data = invoice_data(
        mixed_lines(),
        seller_peppol_scheme="",
        seller_peppol_id="",
        customer=dataclasses.replace(council(), peppol_scheme="", peppol_id=""),
    )
    data = dataclasses.replace(
        data, document=dataclasses.replace(data.document, purchase_order="", customer_reference="")
    )
    paths = [problem.path for problem in ubl_problems(data)]
    assert paths == ["seller_peppol_id", "customer.peppol_id", "purchase_order"]
    with pytest.raises(ValueError, match="Peppol id"):
        ubl_bytes(data)


def test_a_gln_with_a_wrong_check_digit_is_named() -> None:
    customer = dataclasses.replace(council(), peppol_id="5000000000000")
    problems = ubl_problems(invoice_data(mixed_lines(), customer=customer))
    assert [p.path for p in problems] == ["customer.peppol_id"]
    assert "check digit" in problems[0].message


def test_a_buyer_reference_alone_is_enough() -> None:
    data = invoice_data(mixed_lines())
    document = dataclasses.replace(data.document, purchase_order="", customer_reference="REF-1")
    data = dataclasses.replace(data, document=document)
    assert ubl_problems(data) == []
    assert _text(_root(data), "cbc:BuyerReference") == "REF-1"


def test_units_map_to_un_ece_codes() -> None:
    assert [unit_code(u) for u in ("hour", "Hours", "day", "session", "")] == [
        "HUR",
        "HUR",
        "DAY",
        "C62",
        "C62",
    ]
