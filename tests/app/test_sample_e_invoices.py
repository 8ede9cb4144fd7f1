"""The sample exports valid e-invoices: every issued invoice and credit note of its public-sector
customers, written by `save_ubl` from the workspace, passes the UBL 2.1 XSD and both official
rule sets (EN 16931 and Peppol BIS 3.0)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from costready.app import invoice_files, invoices
from costready.app.sample import install_sample
from costready.invoicing.customers import CustomerKind
from costready.invoicing.documents import DocumentKind
from costready.invoicing.listing import InvoiceFilter
from costready.storage.workspace import Workspace
from tests.reports import peppol

PUBLIC = (CustomerKind.LOCAL_AUTHORITY, CustomerKind.NHS_BODY)


@pytest.fixture(scope="module")
def validator() -> peppol.Validator:
    reason = peppol.missing_reason()
    if reason is not None:
        pytest.skip(reason)
    pytest.importorskip("saxonche", reason="saxonche (the test extra) runs the XSLT 2 rules")
    pytest.importorskip("lxml", reason="lxml (the test extra) checks the UBL 2.1 XSD")
    return peppol.session_validator()


def test_every_public_sector_document_of_the_sample_is_a_valid_e_invoice(
    validator: peppol.Validator, workspace: Workspace, tmp_path: Path
) -> None:
    org_id, _scenario = install_sample(workspace)
    public = {c.name for c in invoices.customers(workspace, org_id) if c.kind in PUBLIC}
    rows = [
        row
        for row in invoices.document_rows(workspace, org_id, InvoiceFilter(), date.today(), 0, 100)
        if row.customer_name in public and row.number != "Draft"
    ]
    kinds = {row.kind for row in rows}
    assert kinds == {DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE}
    assert {row.customer_name for row in rows} == public
    for row in rows:
        target = tmp_path / f"{row.number}.xml"
        invoice_files.save_ubl(workspace, row.id, target)
        assert validator.errors(target.read_bytes()) == [], row.number
