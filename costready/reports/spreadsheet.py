"""Tables written for spreadsheets: CSV (the csv module) and XLSX (openpyxl).

Money is written as numbers, never text: in XLSX with a pound currency format, in CSV as a
plain number (1234.50) that any spreadsheet reads as one. Money is rounded half-up to the penny
(money.py), so each figure equals the one the PDF prints. Dates are dates (ISO 8601 in CSV,
which every spreadsheet reads the same way).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from costready.files import write_atomically
from costready.money import plain, to_four_places, to_penny
from costready.reports.tables import Cell, Money, Table

#: The currency formats a money cell carries in XLSX (negative amounts with a minus sign, red).
MONEY_FORMAT = "£#,##0.00"
EXACT_MONEY_FORMAT = "£#,##0.0000"
NUMBER_FORMAT = "General"  # quantities to the places they have (8,221.2312 hours)
DATE_FORMAT = "dd/mm/yyyy"
SHEET_NAME_CHARS = 31  # Excel's limit
FORBIDDEN_IN_SHEET_NAMES = "[]:*?/\\"


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


def money_value(money: Money) -> Decimal:
    """The amount as written: to the penny (half-up), or to four places when exact."""
    return to_four_places(money.amount) if money.exact else to_penny(money.amount)


def write_tables(path: Path, tables: Sequence[Table], format: Format) -> None:
    """Write `tables` to `path` whole or not at all, as CSV or XLSX."""
    data = csv_bytes(tables) if format == Format.CSV else xlsx_bytes(tables)
    write_atomically(path, data)


# CSV -----------------------------------------------------------------------------------------


def csv_text(tables: Sequence[Table]) -> str:
    """One table: its header and rows. Several: each under its title, a blank line between."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for number, table in enumerate(tables):
        if len(tables) > 1:
            if number:
                writer.writerow([])
            writer.writerow([table.title])
        writer.writerow(table.headers)
        writer.writerows([_csv_cell(cell) for cell in row] for row in table.rows)
    return out.getvalue()


def csv_bytes(tables: Sequence[Table]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel reads £ and accented names correctly."""
    return csv_text(tables).encode("utf-8-sig")


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Money):
        return plain(money_value(cell))
    if isinstance(cell, Decimal):
        return plain(cell.normalize())  # 2880, not 2880.00; every place it has, never fewer
    if isinstance(cell, date):
        return cell.isoformat()
    return cell


# XLSX ----------------------------------------------------------------------------------------


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """A workbook with one sheet per table: a bold header row, bold totals, money as numbers in
    a pound currency format, columns wide enough to read and the header frozen."""
    # openpyxl loads here, not at the top: the window and the CLI start without it
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    names: set[str] = set()
    bold = Font(bold=True)
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.title, names))
        sheet.append(list(table.headers))
        for cell in sheet[1]:
            cell.font = bold
        for number, row in enumerate(table.rows):
            sheet.append([_xlsx_value(cell) for cell in row])
            for column, value in enumerate(row, start=1):
                target = sheet.cell(row=number + 2, column=column)
                target.number_format = _xlsx_format(value)
                if number in table.totals:
                    target.font = bold
        sheet.freeze_panes = "A2"
        _fit_widths(sheet, table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_value(cell: Cell) -> object:
    # Decimal goes in as it is: openpyxl writes it as a number, exactly as shown here
    if isinstance(cell, Money):
        return money_value(cell)
    return cell


def _xlsx_format(cell: Cell) -> str:
    if isinstance(cell, Money):
        return EXACT_MONEY_FORMAT if cell.exact else MONEY_FORMAT
    if isinstance(cell, Decimal):
        return NUMBER_FORMAT
    if isinstance(cell, date):
        return DATE_FORMAT
    return "General"


def _sheet_name(title: str, taken: set[str]) -> str:
    """The title as a sheet name Excel accepts: 31 characters, none of []:*?/\\, unique."""
    name = "".join(c for c in title if c not in FORBIDDEN_IN_SHEET_NAMES).strip() or "Sheet"
    name = name[:SHEET_NAME_CHARS]
    candidate, count = name, 1
    while candidate.lower() in taken:
        count += 1
        suffix = f" ({count})"
        candidate = name[: SHEET_NAME_CHARS - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def _fit_widths(sheet: object, table: Table) -> None:
    """Each column about as wide as its longest entry (at most 60 characters)."""
    from openpyxl.utils import get_column_letter

    for column, header in enumerate(table.headers, start=1):
        longest = max(
            [len(header)] + [len(_csv_cell(row[column - 1])) + 3 for row in table.rows],
        )
        sheet.column_dimensions[get_column_letter(column)].width = min(60, longest + 2)  # type: ignore[attr-defined]
