"""Invoicing's tables: issued documents cannot change, even through raw SQL (SQLite and,
when COSTREADY_TEST_POSTGRES_URL names a scratch database, PostgreSQL); numbers are unique;
deleting the whole organisation still removes its documents; the migration goes down and up."""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from costready.app import invoices
from costready.invoicing.customers import Customer
from costready.storage import migrate
from costready.storage.db import make_engine
from costready.storage.errors import StorageError
from costready.storage.workspace import Workspace
from tests.storage import invoicing_data as data
from tests.storage.conftest import sqlite_url

POSTGRES = os.environ.get("COSTREADY_TEST_POSTGRES_URL", "")


def _empty_postgres() -> None:
    engine = make_engine(POSTGRES)
    try:
        migrate.downgrade(engine, "base")
    finally:
        engine.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(
                not POSTGRES, reason="set COSTREADY_TEST_POSTGRES_URL to test PostgreSQL"
            ),
        ),
    ]
)
def ws(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    if request.param == "sqlite":
        with Workspace(sqlite_url(tmp_path / "invoices.sqlite")) as workspace:
            yield workspace
        return
    _empty_postgres()
    with Workspace(POSTGRES) as workspace:
        yield workspace
    _empty_postgres()


@pytest.fixture
def issued(ws: Workspace) -> tuple[int, int]:
    """(organisation id, id of an issued invoice)."""
    org_id = data.organisation(ws)
    customer_id = data.council(ws, org_id)
    (doc_id,) = data.drafts(ws, org_id, customer_id, 1)
    invoices.issue(ws, doc_id, data.ISSUED_ON)
    return org_id, doc_id


ATTEMPTS = {
    "update the document": "UPDATE document SET notes = 'changed' WHERE id = :id",
    "renumber it": "UPDATE document SET number = 'INV-9999' WHERE id = :id",
    "change its total": "UPDATE document SET gross_pence = 1 WHERE id = :id",
    "delete it": "DELETE FROM document WHERE id = :id",
    "add a line": (
        "INSERT INTO document_line (document_id, position, description, quantity, unit, "
        "unit_price_pence, treatment, net_pence, delivery_ids) "
        "VALUES (:id, 99, 'extra', '1', 'hour', 100, 'exempt', 100, '')"
    ),
    "change a line": "UPDATE document_line SET unit_price_pence = 1 WHERE document_id = :id",
    "delete its lines": "DELETE FROM document_line WHERE document_id = :id",
}


@pytest.mark.parametrize("attempt", list(ATTEMPTS))
def test_raw_sql_cannot_change_an_issued_invoice(
    ws: Workspace, issued: tuple[int, int], attempt: str
) -> None:
    _org_id, doc_id = issued
    before = invoices.document_view(ws, doc_id, data.ISSUED_ON)
    with pytest.raises(StorageError, match="issued invoice or credit note"), ws.writing() as uow:
        uow.session.execute(text(ATTEMPTS[attempt]), {"id": doc_id})
    after = invoices.document_view(ws, doc_id, data.ISSUED_ON)
    assert after.document == before.document and after.totals == before.totals


def test_a_draft_may_change_through_sql_and_issuing_is_the_one_update(ws: Workspace) -> None:
    org_id = data.organisation(ws)
    (doc_id,) = data.drafts(ws, org_id, data.council(ws, org_id), 1)
    with ws.writing() as uow:
        uow.session.execute(text("UPDATE document SET notes = 'n' WHERE id = :id"), {"id": doc_id})
        uow.session.execute(
            text("UPDATE document_line SET unit = 'visit' WHERE document_id = :id"), {"id": doc_id}
        )
    issued = invoices.issue(ws, doc_id, data.ISSUED_ON)
    assert issued.number == "INV-0001" and issued.notes == "n"
    assert {line.unit for line in issued.lines} == {"visit"}
    assert all(line.vat_rate is not None for line in issued.lines)  # fixed at issue


def test_numbers_are_unique_in_the_database(ws: Workspace, issued: tuple[int, int]) -> None:
    org_id, _doc_id = issued
    (second,) = data.drafts(ws, org_id, data.council(ws, org_id, name="Other"), 1)
    with pytest.raises(StorageError), ws.writing() as uow:
        uow.session.execute(
            text("UPDATE document SET number = 'INV-0001' WHERE id = :id"), {"id": second}
        )


def test_a_customer_with_issued_invoices_is_kept(ws: Workspace, issued: tuple[int, int]) -> None:
    _org_id, doc_id = issued
    customer_id = invoices.document_view(ws, doc_id, data.ISSUED_ON).customer.id or 0
    with pytest.raises(invoices.InvoicingError, match="cannot be deleted"):
        invoices.delete_customer(ws, customer_id)
    assert invoices.customer(ws, customer_id).name == "Riverside Borough Council"


def test_deleting_the_organisation_removes_its_documents(
    ws: Workspace, issued: tuple[int, int]
) -> None:
    org_id, _doc_id = issued
    ws.delete_organisation(org_id)
    with ws.reading() as uow:
        for table in ("document", "document_line", "customer", "party", "payment"):
            assert uow.session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == 0


def test_customers_round_trip_with_their_party(ws: Workspace) -> None:
    org_id = data.organisation(ws)
    saved = invoices.save_customer(
        ws,
        org_id,
        Customer(
            name="NHS Riverside ICB",
            billing_address="1 Health Way",
            email="ap@nhs.example.org",
            payment_terms_days=14,
            po_required=True,
            peppol_scheme="0088",
            peppol_id="5012345678900",
        ),
    )
    assert saved.id is not None and saved.party_id is not None and saved.version == 1
    assert invoices.customer(ws, saved.id) == saved
    renamed = invoices.save_customer(ws, org_id, Customer(**{**saved.__dict__, "notes": "n"}))
    assert renamed.version == 2 and renamed.notes == "n" and renamed.party_id == saved.party_id
    with pytest.raises(StorageError, match="was changed"):
        invoices.save_customer(ws, org_id, saved)  # read at version 1
    assert [c.name for c in invoices.customers(ws, org_id)] == ["NHS Riverside ICB"]


def test_the_migration_goes_down_and_up(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "down.sqlite")
    with Workspace(url) as workspace:
        org_id = data.organisation(workspace)
        (doc_id,) = data.drafts(workspace, org_id, data.council(workspace, org_id), 1)
        invoices.issue(workspace, doc_id, data.ISSUED_ON)
    engine = make_engine(url)
    try:
        migrate.downgrade(engine, "0005")
        with engine.connect() as connection:
            names = {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master"))}
        assert "document" not in names and "document_issued_no_update" not in names
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    with Workspace(url) as workspace:
        assert invoices.customers(workspace, org_id) == []
        assert workspace.organisation(org_id).registered_office == ""


def test_pence_columns_hold_the_totals(ws: Workspace, issued: tuple[int, int]) -> None:
    _org_id, doc_id = issued
    with ws.reading() as uow:
        row = uow.session.execute(
            text("SELECT net_pence, vat_pence, gross_pence FROM document WHERE id = :id"),
            {"id": doc_id},
        ).one()
    # 10 x £25.00 + 1.5 x £4.99 (= 7.485, half-up 7.49), exempt: no VAT
    assert tuple(row) == (25749, 0, 25749)
    assert invoices.document_view(ws, doc_id, data.ISSUED_ON).totals.gross == Decimal("257.49")
