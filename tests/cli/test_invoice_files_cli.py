"""`costready invoice pdf|ubl|csv`, `statement`, `reminder`, `debtors --pdf/--csv` and
`payments csv` on the sample workspace, through main()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from costready.__main__ import main


@pytest.fixture
def database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'sample.sqlite'}"
    assert main(["demo", "--database", url]) == 0
    return url


def run(database: str, *args: str) -> int:
    return main([*args, "--database", database])


def _listing(database: str, capsys: pytest.CaptureFixture) -> list[dict]:
    capsys.readouterr()
    assert run(database, "invoice", "list", "--json") == 0
    return json.loads(capsys.readouterr().out)


def _number(rows: list[dict], status: str, kind: str = "invoice") -> str:
    return next(r["number"] for r in rows if r["status"] == status and r["kind"] == kind)


def test_invoice_pdf_and_csv(database: str, tmp_path: Path, capsys) -> None:
    rows = _listing(database, capsys)
    number = _number(rows, "overdue")
    target = tmp_path / "inv.pdf"
    assert run(database, "invoice", "pdf", number, "-o", str(target)) == 0
    assert target.read_bytes().startswith(b"%PDF")
    listed = tmp_path / "invoices.csv"
    assert run(database, "invoice", "csv", "-o", str(listed)) == 0
    text = listed.read_text()
    assert text.startswith("number,kind,") and number in text
    paid = tmp_path / "payments.csv"
    assert run(database, "payments", "csv", "-o", str(paid)) == 0
    assert "NHS SBS 55120" in paid.read_text()


def test_invoice_ubl_writes_or_lists_the_problems(database: str, tmp_path: Path, capsys) -> None:
    rows = _listing(database, capsys)
    icb = next(r for r in rows if r["customer"].startswith("NHS") and r["number"])
    good = tmp_path / "icb.xml"
    assert run(database, "invoice", "ubl", icb["number"], "-o", str(good)) == 0
    assert b"urn:fdc:peppol.eu:2017:poacc:billing:3.0" in good.read_bytes()
    housing = next(r for r in rows if r["customer"].startswith("Hillside") and r["number"])
    bad = tmp_path / "housing.xml"
    capsys.readouterr()
    assert run(database, "invoice", "ubl", housing["number"], "-o", str(bad)) == 1
    errors = capsys.readouterr().err
    assert "customer.peppol_id" in errors and "purchase_order" in errors
    assert not bad.exists()


def test_statement_reminder_and_debtors(database: str, tmp_path: Path, capsys) -> None:
    rows = _listing(database, capsys)
    statement = tmp_path / "statement.pdf"
    assert run(database, "statement", "Riverside Borough Council", "-o", str(statement)) == 0
    assert statement.read_bytes().startswith(b"%PDF")
    overdue = _number(rows, "overdue")
    letter = tmp_path / "reminder.pdf"
    assert (
        run(
            database,
            "reminder",
            overdue,
            "--level",
            "final",
            "--reference-rate",
            "4.0",
            "-o",
            str(letter),
        )
        == 0
    )
    assert letter.read_bytes().startswith(b"%PDF")
    paid = _number(rows, "paid")
    capsys.readouterr()
    assert run(database, "reminder", paid, "-o", str(tmp_path / "no.pdf")) == 1
    assert "not overdue" in capsys.readouterr().err
    assert not (tmp_path / "no.pdf").exists()
    pdf, sheet = tmp_path / "aged.pdf", tmp_path / "aged.csv"
    assert run(database, "debtors", "--pdf", str(pdf), "--csv", str(sheet)) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sheet.read_text().splitlines()[-1].startswith("Total,")


def test_a_bad_reference_rate_is_named(database: str, tmp_path: Path, capsys) -> None:
    rows = _listing(database, capsys)
    overdue = _number(rows, "overdue")
    capsys.readouterr()
    code = run(
        database, "reminder", overdue, "--reference-rate", "lots", "-o", str(tmp_path / "r.pdf")
    )
    assert code == 1 and "reference-rate" in capsys.readouterr().err
