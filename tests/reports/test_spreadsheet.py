"""Tables for spreadsheets, read back: CSV with the csv module, XLSX with openpyxl."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from costready.costing.engine import price_scenario
from costready.costing.modelfile import load_model_file
from costready.costing.scenarios import compare
from costready.money import format_money
from costready.reports.costing_report import write_costing_report
from costready.reports.spreadsheet import (
    MONEY_FORMAT,
    Format,
    csv_text,
    write_tables,
)
from costready.reports.tables import Money, compare_table, prices_table, report_tables
from tests.conftest import EXAMPLE_MODEL
from tests.reports.builders import (
    example_result,
    example_scenario,
    large_result,
    make_organisation,
    pdf_text,
)


@pytest.fixture(scope="module")
def example():
    model = load_model_file(EXAMPLE_MODEL)
    return model.organisation, model.scenario, price_scenario(model.scenario)


def _sheets(path):
    return openpyxl.load_workbook(path)


def test_report_xlsx_money_is_numbers_in_pounds_and_equals_the_pdf(tmp_path, example):
    _info, scenario, result = example
    org = make_organisation()
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    write_costing_report(pdf, org, scenario, result)
    write_tables(xlsx, report_tables(org, scenario, result), Format.XLSX)
    printed = pdf_text(pdf)
    book = _sheets(xlsx)
    assert book.sheetnames[:3] == ["About this report", "Prices at a glance", "Planned volumes"]
    assert "Staff on-costs" in book.sheetnames and "If volumes change" in book.sheetnames
    money_cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.number_format == MONEY_FORMAT:
                    assert isinstance(cell.value, int | float), (sheet.title, cell.coordinate)
                    shown = format_money(Decimal(str(cell.value)))
                    assert shown in printed, (sheet.title, cell.coordinate, shown)
                    money_cells += 1
    assert money_cells > 100


def test_staff_totals_in_the_spreadsheet_are_the_report_totals(tmp_path, example):
    _info, scenario, result = example
    org = make_organisation()
    xlsx = tmp_path / "r.xlsx"
    write_tables(xlsx, report_tables(org, scenario, result), Format.XLSX)
    sheet = _sheets(xlsx)["Staff on-costs"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    total = rows[-1]
    assert total[0] == "Total"
    annual = sum(Decimal(str(row[8])) for row in rows[:-1])
    assert Decimal(str(total[8])) == annual == sum(p.annual_cost for p in result.posts)
    assert sheet.cell(row=len(rows) + 1, column=1).font.b  # the total row is bold


def test_dates_are_dates_and_the_header_is_frozen(tmp_path, example):
    _info, scenario, result = example
    xlsx = tmp_path / "r.xlsx"
    write_tables(xlsx, report_tables(make_organisation(), scenario, result), Format.XLSX)
    sheet = _sheets(xlsx)["About this report"]
    values = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["Period starts"] == datetime.combine(scenario.period_start, datetime.min.time())
    assert sheet["B4"].number_format == "dd/mm/yyyy"
    assert sheet.freeze_panes == "A2"


def test_prices_csv_reads_back_to_the_penny(example):
    _info, _scenario, result = example
    text = csv_text([prices_table(result, vat_registered=False)])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:6] == [
        "Service",
        "Unit",
        "Planned units",
        "Full cost a year",
        "Unit cost",
        "Price (net)",
    ]
    assert "Price incl. VAT" not in rows[0]  # not VAT registered: no VAT anywhere
    by_name = {row[0]: row for row in rows[1:]}
    for service in result.services:
        row = by_name[service.name]
        assert Decimal(row[3]) == service.full_cost
        assert Decimal(row[5]) == service.price
        assert format_money(Decimal(row[4])) == format_money(service.unit_cost)
        assert Decimal(row[2]) == service.planned_units  # every place the engine used
    assert Decimal(by_name["Total"][3]) == result.total_cost


def test_prices_xlsx_shows_vat_for_a_registered_organisation(tmp_path):
    result = example_result()
    path = tmp_path / "p.xlsx"
    write_tables(path, [prices_table(result, vat_registered=True)], Format.XLSX)
    sheet = _sheets(path).active
    header = [cell.value for cell in sheet[1]]
    column = header.index("Price incl. VAT") + 1
    first = sheet.cell(row=2, column=column)
    assert Decimal(str(first.value)) == result.services[0].price_inc_vat
    assert first.number_format == MONEY_FORMAT


def test_several_tables_in_one_csv_each_under_its_title(example):
    _info, scenario, result = example
    text = csv_text(report_tables(make_organisation(), scenario, result))
    rows = list(csv.reader(io.StringIO(text)))
    titles = [rows[i + 1][0] for i, row in enumerate(rows[:-1]) if row == []]
    assert "Staff on-costs" in titles and "How each price is built" in titles
    assert rows[0] == ["About this report"]


def test_compare_table_gives_the_change_as_money():
    a = example_result()
    b = example_result()
    rows = compare(a, b)
    table = compare_table("Budget", "Lean year", rows)
    assert table.headers[2] == "Unit cost: Budget"
    assert all(row[7] == Money(Decimal(0)) for row in table.rows)


def test_sheet_names_are_cut_and_kept_apart(tmp_path):
    from costready.reports.tables import Table

    long = "A/very:long*title?[with] forbidden characters and more"
    tables = [Table(long, ("A",), (("x",),)), Table(long, ("A",), (("y",),))]
    path = tmp_path / "t.xlsx"
    write_tables(path, tables, Format.XLSX)
    names = _sheets(path).sheetnames
    assert len(names) == 2 and len(set(names)) == 2
    assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in names)


def test_a_large_model_groups_as_the_pdf_does(tmp_path):
    scenario, result = large_result(60)
    tables = report_tables(make_organisation(), scenario, result)
    apportionment = next(t for t in tables if t.title == "Overhead apportionment")
    total = apportionment.rows[-1]
    assert total[-1] == Money(sum(s.overhead_total for s in result.services))


def test_an_unwritable_target_leaves_nothing(tmp_path):
    from costready.files import FileWriteError

    with pytest.raises(FileWriteError):
        write_tables(tmp_path / "no" / "t.csv", [prices_table(example_result(), True)], Format.CSV)


def test_example_scenario_builds(tmp_path):
    # the builders' scenario and result agree on services, so the build-up table has them all
    table = next(
        t
        for t in report_tables(make_organisation(), example_scenario(), example_result())
        if t.title == "How each price is built"
    )
    assert {row[0] for row in table.rows} == {s.name for s in example_result().services}
