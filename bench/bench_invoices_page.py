"""Opening the Invoices page on a workspace of 100,000 invoices: first rows on screen, memory.

Run by hand: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_invoices_page.py
[--documents N] [--runs N]`.
Goal (issue 15): the first rows on screen in <= 200 ms, the process within 300 MB. The page is
built and shown the way the window does it (count, first page of rows, table painted); the
baseline, in the same process, is a bare QTableView over a QStandardItemModel of the same 200
rows of text, shown and painted. The documents are written straight into the database (issued
invoices with their pence columns, a third of them part paid) because issuing 100,000 through
the app would take the benchmark's whole budget and is not what is measured here.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from costready.app import invoices
from costready.app.sample import install_sample
from costready.invoicing.customers import Customer, CustomerKind
from costready.storage.workspace import Workspace
from costready.ui.lazy_model import PAGE_SIZE

GOAL_MS = 200.0
GOAL_MB = 300.0


def fill(path: Path, documents: int) -> int:
    """A sample workspace at `path` with `documents` issued invoices over 50 customers; the
    organisation's id."""
    url = f"sqlite:///{path}"
    with Workspace(url) as workspace:
        org_id, _scenario = install_sample(workspace)
        customers = [
            invoices.save_customer(
                workspace, org_id, Customer(f"Customer {n:02d}", CustomerKind.LOCAL_AUTHORITY)
            ).id
            for n in range(50)
        ]
    first = date(2020, 1, 1)
    rows = []
    for n in range(1, documents + 1):
        day = first + timedelta(days=n % 2000)
        gross = 10_000 + n % 50_000
        rows.append(
            (
                org_id,
                "invoice",
                f"B-{n:06d}",  # a series of its own beside the sample's invoices
                100_000 + n,
                0,
                customers[n % 50],
                day,
                day,
                day + timedelta(days=30),
                gross,
                gross,
            )
        )
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(
        "INSERT INTO document (organisation_id, kind, number, sequence, series_year, "
        "customer_id, issue_date, tax_point, due_date, purchase_order, customer_reference, "
        "notes, vat_registered, net_pence, vat_pence, gross_pence, version, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', 0, ?, 0, ?, 1, CURRENT_TIMESTAMP)",
        rows,
    )
    connection.execute(
        "INSERT INTO payment (organisation_id, customer_id, document_id, kind, day, "
        "amount_pence, method, reference, created_at) "
        "SELECT organisation_id, customer_id, id, 'payment', issue_date, 5000, "
        "'bank_transfer', '', CURRENT_TIMESTAMP FROM document WHERE id % 3 = 0"
    )
    connection.execute("COMMIT")
    connection.close()
    return org_id


def page_ms(url: str, org_id: int) -> float:
    """Build the Invoices page over the open workspace, show it, until its rows are painted."""
    from PySide6.QtGui import QUndoStack

    from costready.ui.document import ScenarioDocument
    from costready.ui.pages.invoices import InvoicesPage

    with Workspace(url) as workspace:
        scenario_id = workspace.scenarios(org_id)[0].id
        document = ScenarioDocument(workspace, org_id, scenario_id, QUndoStack())
        start = time.perf_counter()
        page = InvoicesPage(document)
        page.resize(1000, 700)
        page.show()
        QApplication.processEvents()
        page.view.viewport().repaint()
        elapsed = (time.perf_counter() - start) * 1000
        assert page.model.rowCount() == PAGE_SIZE, page.model.rowCount()
        page.close()
        page.deleteLater()
        QApplication.processEvents()
        return elapsed


def baseline_ms() -> float:
    """A bare table of 200 rows of eight text cells, shown and painted."""
    start = time.perf_counter()
    model = QStandardItemModel(PAGE_SIZE, 8)
    for row in range(PAGE_SIZE):
        for column in range(8):
            model.setItem(row, column, QStandardItem(f"INV-{row:06d}"))
    view = QTableView()
    view.setModel(model)
    view.resize(1000, 700)
    view.show()
    QApplication.processEvents()
    view.viewport().repaint()
    elapsed = (time.perf_counter() - start) * 1000
    view.close()
    view.deleteLater()
    QApplication.processEvents()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "invoices.sqlite"
        started = time.perf_counter()
        org_id = fill(path, args.documents)
        print(f"{args.documents:,} invoices written in {time.perf_counter() - started:.1f} s")
        url = f"sqlite:///{path}"
        page_ms(url, org_id)  # the first build imports the page's modules: not measured
        baseline_ms()
        pages = [page_ms(url, org_id) for _run in range(args.runs)]
        bases = [baseline_ms() for _run in range(args.runs)]
    page, base = statistics.median(pages), statistics.median(bases)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"Invoices page, first rows painted: median {page:.1f} ms of {args.runs} "
        f"(range {min(pages):.1f}-{max(pages):.1f})"
    )
    print(
        f"bare table of {PAGE_SIZE} rows:             median {base:.1f} ms; "
        f"ratio {page / base:.1f} x"
    )
    print(f"peak memory of the process: {peak_mb:.0f} MB")
    met = page <= GOAL_MS and peak_mb <= GOAL_MB
    print(f"goal <= {GOAL_MS:.0f} ms and <= {GOAL_MB:.0f} MB: {'met' if met else 'NOT met'}")
    del app
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
