"""Documents and data out of the window: print through a preview, tables to a spreadsheet."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog

from costready.reports.spreadsheet import MONEY_FORMAT
from costready.ui import printing


@pytest.fixture
def printed(tmp_path, monkeypatch):
    """Printing goes to a PDF file, and the preview "prints" at once instead of waiting."""
    target = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    shown: list[str] = []

    def print_at_once(dialog: QPrintPreviewDialog) -> int:
        shown.append(dialog.windowTitle())
        dialog.paintRequested.emit(dialog.printer())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(printing, "make_printer", pdf_printer)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", print_at_once)
    return target, shown


def _grey_levels(data: bytes, dpi: int = 20) -> list[float]:
    """Each page's mean darkness (0 white .. 255 black), rendered small."""
    levels = []
    for image in printing.page_images(data, dpi):
        gray = image.convertToFormat(image.Format.Format_Grayscale8)
        pixels = bytes(gray.constBits())[: gray.sizeInBytes()]
        levels.append(255 - sum(pixels) / len(pixels))
    return levels


def test_print_price_list_goes_through_the_preview_page_for_page(qtbot, window, printed):
    target, shown = printed
    action = window.file_actions.print_price_list
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    assert shown == ["Print preview: Price list"]
    reader = PdfReader(str(target))
    assert len(reader.pages) == 1
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert height > width  # A4 portrait paper
    assert _grey_levels(target.read_bytes())[0] > 2  # the page carries the printed list


def test_print_costing_report_prints_every_page_and_turns_landscape_ones(
    qtbot, window, printed, tmp_path, monkeypatch
):
    target, shown = printed
    window.file_actions.print_report.trigger()
    assert shown == ["Print preview: Costing report"]
    # the same report as saved: as many sheets as it has pages
    saved = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        window.export_report_action.trigger()
    original = pdfium.PdfDocument(saved.read_bytes())
    pages = len(original)
    landscape = sum(1 for i in range(pages) if original[i].get_width() > original[i].get_height())
    original.close()
    reader = PdfReader(str(target))
    assert len(reader.pages) == pages and landscape > 0
    assert all(float(p.mediabox[3]) > float(p.mediabox[2]) for p in reader.pages)
    levels = _grey_levels(target.read_bytes())
    assert min(levels) > 1  # no blank sheet


def test_print_pdf_draws_the_document_as_it_looks():
    """A page printed to a PDF renders close to the original: the same ink, in place."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(50, 400, 300, 300, fill=1)  # a black square in the top half
    page.save()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    buffer = io.BytesIO()
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.pdf"
        printer.setOutputFileName(str(path))
        printing.print_pdf(printer, out.getvalue())
        buffer.write(path.read_bytes())
    printed = next(printing.page_images(buffer.getvalue(), 10))
    top = printed.pixelColor(printed.width() // 4, printed.height() // 3).lightness()
    bottom = printed.pixelColor(printed.width() // 4, printed.height() * 5 // 6).lightness()
    assert top < 80 and bottom > 200


def test_export_prices_table_to_xlsx_and_open_it(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "prices"  # no extension typed: the workbook's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        window.file_actions.export_prices_table.trigger()
    saved = tmp_path / "prices.xlsx"
    sheet = openpyxl.load_workbook(saved).active
    header = [cell.value for cell in sheet[1]]
    price = sheet.cell(row=2, column=header.index("Price (net)") + 1)
    result = window.document.result
    assert Decimal(str(price.value)) == result.services[0].price
    assert price.number_format == MONEY_FORMAT
    # and offers to open it
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    button = window.pdf_exporter.open_button
    assert button.isVisible() and button.text() == "Open spreadsheet"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(saved)]


def test_export_report_tables_to_csv(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "report.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        window.file_actions.export_report_tables.trigger()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["About this report"]
    staff = rows.index(["Staff on-costs"])
    total = next(row for row in rows[staff:] if row and row[0] == "Total")
    assert Decimal(total[-1]) == sum(p.annual_cost for p in window.document.result.posts)


def test_compare_dialog_exports_what_it_shows(qtbot, window, tmp_path, monkeypatch):
    from costready.ui.dialogs.compare import CompareDialog

    target = tmp_path / "compare.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def click_export(dialog: CompareDialog) -> int:
        assert dialog.export_button.isEnabled()
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        return 0

    monkeypatch.setattr(CompareDialog, "exec", click_export)
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        window.scenario_actions.compare.trigger()
    sheet = openpyxl.load_workbook(target).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == [s.name for s in window.document.result.services]
    assert sheet.cell(row=2, column=3).number_format == MONEY_FORMAT
