"""Tables out to a spreadsheet: ask where (XLSX or CSV), write off the GUI thread, offer to open.

The window's Prices table, the comparison of two scenarios and the costing report's tables all
go through `export_tables`; the rows come from `reports/tables.py`, as the PDF's do.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from costready.i18n import _
from costready.reports.spreadsheet import Format, write_tables
from costready.reports.tables import Table
from costready.ui.export import file_name

if TYPE_CHECKING:
    from costready.ui.export import PdfExporter

#: The save dialog's choices: a workbook first (money keeps its £ format), then plain CSV.
SPREADSHEET_FILTER = "{xlsx} (*.xlsx);;{csv} (*.csv)"


def format_of(path: Path) -> Format:
    """CSV for a .csv file, else an Excel workbook."""
    return Format.CSV if path.suffix.lower() == ".csv" else Format.XLSX


def export_tables(
    exporter: PdfExporter, title: str, name_parts: Sequence[str], tables: Sequence[Table]
) -> bool:
    """Ask where to save `tables` (an .xlsx name offered), then write them in the background;
    False when the person cancelled."""
    file_filter = SPREADSHEET_FILTER.format(
        xlsx=_("Excel workbook"), csv=_("CSV, comma-separated values")
    )
    tables = list(tables)

    def write(path: Path) -> None:
        write_tables(path, tables, format_of(path))

    return exporter.export(
        title,
        file_name(*name_parts, extension="xlsx"),
        write,
        file_filter=file_filter,
        open_label=_("Open spreadsheet"),
    )
