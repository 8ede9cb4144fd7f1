"""Times the first page of the invoice list on a workspace of 100,000 documents.

Run by hand: `.venv/bin/python bench/bench_invoice_list.py [--documents N] [--runs N]`.
Goal (issue 15): the first rows on screen within 200 ms and memory within 300 MB with 100,000
invoices. Measured: `app.invoices.document_rows` (balances and statuses worked out in SQL,
drafts first then newest) for the first 100 rows, with no filter, with a status filter
(overdue: every row's status must be worked out) and a text search, sorted by a stored column
(customer, due date) and by a worked-out one (balance, status: every row's is worked out, so
these are outside the goal), and `count_documents`;
each beside a plain sqlite3 `SELECT` of the same page's stored columns from the same file in
the same run (the baseline), as a ratio. Memory: the peak traced by tracemalloc while the pages
are read, and the process's peak resident size.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from costready.app.invoices import count_documents, document_rows
from costready.invoicing.listing import InvoiceFilter, ListOrder, SortKey
from costready.invoicing.status import Status
from costready.organisation import Organisation
from costready.storage.workspace import Workspace

PAGE = 100
GOAL_MS = 200.0
GOAL_MB = 300.0
TODAY = date(2026, 12, 1)


def build(path: Path, documents: int) -> int:
    """A workspace of `documents` issued invoices over 200 customers, a line each, two thirds
    of them paid or part paid; returns the organisation's id."""
    with Workspace(f"sqlite:///{path}") as ws:
        org = ws.save_organisation(Organisation(name="Bench CIO"))
        org_id = org.id or 0
        with ws.writing() as uow:
            run = uow.session.execute
            run(
                text(
                    "INSERT INTO party (id, organisation_id, kind, name, created_at) VALUES "
                    "(:id, :org, 'organisation', :name, CURRENT_TIMESTAMP)"
                ),
                [{"id": i, "org": org_id, "name": f"Customer {i:03d}"} for i in range(1, 201)],
            )
            run(
                text(
                    "INSERT INTO customer (id, party_id, organisation_id, kind, billing_address, "
                    "email, po_required, supplier_reference, peppol_scheme, peppol_id, notes, "
                    "version) VALUES (:id, :id, :org, 'organisation', '', '', 0, '', '', '', "
                    "'', 1)"
                ),
                [{"id": i, "org": org_id} for i in range(1, 201)],
            )
            start = date(2024, 1, 1)
            run(
                text(
                    "INSERT INTO document (id, organisation_id, kind, customer_id, issue_date, "
                    "tax_point, due_date, purchase_order, customer_reference, notes, "
                    "vat_registered, net_pence, vat_pence, gross_pence, version, created_at) "
                    "VALUES (:id, :org, 'invoice', :customer, :day, :day, :due, :po, '', '', "
                    "0, :pence, 0, :pence, 1, CURRENT_TIMESTAMP)"
                ),
                [
                    {
                        "id": i,
                        "org": org_id,
                        "customer": 1 + i % 200,
                        "day": start + timedelta(days=i * 1000 // documents),
                        "due": start + timedelta(days=i * 1000 // documents + 30),
                        "po": f"PO-{i}",
                        "pence": 1000 + i % 50_000,
                    }
                    for i in range(1, documents + 1)
                ],
            )
            run(
                text(
                    "INSERT INTO document_line (document_id, position, description, quantity, "
                    "unit, unit_price_pence, treatment, net_pence, delivery_ids) SELECT id, 0, "
                    "'Home support', '1', 'hour', gross_pence, 'exempt', gross_pence, '' "
                    "FROM document"
                )
            )
            # issuing: number NULL to a number, the one update the triggers allow
            run(
                text(
                    "UPDATE document SET number = 'INV-' || printf('%06d', id), sequence = id, "
                    "series_year = 0"
                )
            )
            run(
                text(
                    "INSERT INTO payment (organisation_id, customer_id, document_id, kind, day, "
                    "amount_pence, method, reference, created_at) SELECT organisation_id, "
                    "customer_id, id, 'payment', issue_date, CASE WHEN id % 3 = 0 THEN "
                    "gross_pence ELSE gross_pence / 2 END, 'bank_transfer', '', "
                    "CURRENT_TIMESTAMP FROM document WHERE id % 3 <> 2"
                )
            )
        return org_id


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "invoices.sqlite"
        began = time.perf_counter()
        org_id = build(path, args.documents)
        print(f"built {args.documents:,} documents in {time.perf_counter() - began:.1f} s")
        plain = sqlite3.connect(path)

        def baseline() -> object:
            return plain.execute(
                "SELECT id, kind, number, customer_id, issue_date, due_date, gross_pence "
                "FROM document WHERE organisation_id = ? "
                "ORDER BY issue_date DESC, id DESC LIMIT ?",
                (org_id, PAGE),
            ).fetchall()

        base = median_ms(baseline, args.runs)
        print(f"baseline: plain SELECT of a page of stored columns  {base:8.2f} ms")
        with Workspace(f"sqlite:///{path}") as ws:
            cases: dict[str, Callable[[], object]] = {
                "first page, no filter": lambda: document_rows(
                    ws, org_id, InvoiceFilter(), TODAY, 0, PAGE
                ),
                "first page, overdue only": lambda: document_rows(
                    ws, org_id, InvoiceFilter(status=Status.OVERDUE), TODAY, 0, PAGE
                ),
                "first page, search 'customer 042'": lambda: document_rows(
                    ws, org_id, InvoiceFilter(text="customer 042"), TODAY, 0, PAGE
                ),
                "first page, by customer": lambda: document_rows(
                    ws, org_id, InvoiceFilter(), TODAY, 0, PAGE, ListOrder(SortKey.CUSTOMER)
                ),
                "first page, by due date (desc)": lambda: document_rows(
                    ws, org_id, InvoiceFilter(), TODAY, 0, PAGE, ListOrder(SortKey.DUE, True)
                ),
                "first page, by balance (desc)": lambda: document_rows(
                    ws, org_id, InvoiceFilter(), TODAY, 0, PAGE, ListOrder(SortKey.BALANCE, True)
                ),
                "first page, by status": lambda: document_rows(
                    ws, org_id, InvoiceFilter(), TODAY, 0, PAGE, ListOrder(SortKey.STATUS)
                ),
                "count, no filter": lambda: count_documents(ws, org_id, InvoiceFilter(), TODAY),
            }
            tracemalloc.start()
            worst = 0.0
            for name, action in cases.items():
                took = median_ms(action, args.runs)
                counted = name.startswith("first page") and not name.endswith(
                    ("balance (desc)", "by status")
                )
                worst = max(worst, took) if counted else worst
                print(f"{name:<36} {took:8.2f} ms  ratio {took / base:7.1f}")
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        plain.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak traced while reading pages: {peak / 2**20:.1f} MB; peak resident {rss_mb:.0f} MB")
    print(
        f"goal: first page <= {GOAL_MS:.0f} ms ({'met' if worst <= GOAL_MS else 'NOT met'}: "
        f"slowest {worst:.0f} ms); memory <= {GOAL_MB:.0f} MB "
        f"({'met' if rss_mb <= GOAL_MB else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
