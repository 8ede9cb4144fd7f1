"""`costready export prices|report`: the tables for a spreadsheet, read back."""

from __future__ import annotations

import csv
from decimal import Decimal

import openpyxl

from costready.__main__ import main
from costready.reports.spreadsheet import MONEY_FORMAT
from tests.conftest import EXAMPLE_MODEL


def _database(tmp_path) -> str:
    database = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["model", "import", str(EXAMPLE_MODEL), "--database", database]) == 0
    return database


def test_export_prices_csv(tmp_path, capsys, expected):
    database = _database(tmp_path)
    target = tmp_path / "prices.csv"
    assert main(["export", "prices", "--database", database, "-o", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    prices = sorted(Decimal(row["Price (net)"]) for row in rows if row["Unit"])
    assert prices == sorted(Decimal(s["price"]) for s in expected["services"])
    assert rows[-1]["Service"] == "Total"
    assert Decimal(rows[-1]["Full cost a year"]) == Decimal(expected["total_cost"])


def test_export_report_xlsx_has_every_table(tmp_path, expected):
    database = _database(tmp_path)
    target = tmp_path / "report.xlsx"
    args = ["export", "report", "--format", "xlsx", "--database", database, "-o", str(target)]
    assert main(args) == 0
    book = openpyxl.load_workbook(target)
    assert "Staff on-costs" in book.sheetnames
    sheet = book["Prices at a glance"]
    total = list(sheet.iter_rows(values_only=True))[-1]
    assert total[0] == "Total surplus at planned volumes"
    assert sheet.cell(row=sheet.max_row, column=6).number_format == MONEY_FORMAT


def test_export_refuses_an_unknown_format(tmp_path, capsys):
    database = _database(tmp_path)
    assert main(["export", "prices", "--database", database, "-o", str(tmp_path / "x.ods")]) == 1
    assert "--format csv" in capsys.readouterr().err
    assert not (tmp_path / "x.ods").exists()
