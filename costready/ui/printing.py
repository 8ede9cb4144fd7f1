"""Printing a document: the same PDF the app saves, its pages drawn onto the printer's paper,
shown first in a print preview.

Qt's own PDF module is an add-on outside PySide6-Essentials, so PDFium (pypdfium2) renders
each page; a page is drawn as large as the paper allows, turned a quarter when it lies the
other way (the costing report's landscape tables on portrait paper).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget

from costready.i18n import _

#: Pages are rendered at the printer's resolution, but no finer than this: 300 dpi prints
#: text sharply, and an A4 page at it is 26 MB of pixels.
MOST_DPI = 300


def page_images(data: bytes, dpi: int) -> Iterator[QImage]:
    """Each page of the PDF `data` as an image at `dpi`, in order."""
    import pypdfium2 as pdfium  # loads here: printing is rare, start-up is not

    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            bitmap = document[index].render(scale=dpi / 72)
            image = QImage(
                bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, _FORMATS[bitmap.mode]
            )
            yield image.copy()  # the bitmap's memory goes with it; the copy owns its own
    finally:
        document.close()


_FORMATS = {
    "BGR": QImage.Format.Format_BGR888,
    "BGRX": QImage.Format.Format_RGB32,
    "BGRA": QImage.Format.Format_ARGB32,
    "L": QImage.Format.Format_Grayscale8,
}


def page_count(data: bytes) -> int:
    """How many pages the PDF `data` has."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def print_pdf(printer: QPrinter, data: bytes) -> None:
    """Draw every page of the PDF `data` on `printer`, one sheet each, fitted to the paper."""
    dpi = max(72, min(printer.resolution(), MOST_DPI))
    painter = QPainter()
    if not painter.begin(printer):  # a printer that cannot start (no paper, gone away)
        return
    try:
        for number, image in enumerate(page_images(data, dpi)):
            if number:
                printer.newPage()
            _draw_fitted(painter, image, printer.pageRect(QPrinter.Unit.DevicePixel))
    finally:
        painter.end()


def _draw_fitted(painter: QPainter, image: QImage, area: QRectF) -> None:
    """`image` as large as fits `area` (the paper's printable rectangle, in device pixels),
    centred, turned a quarter when its orientation is not the paper's."""
    width, height = area.width(), area.height()
    if (image.width() > image.height()) != (width > height):
        image = image.transformed(QTransform().rotate(90))
    scale = min(width / image.width(), height / image.height())
    drawn_w, drawn_h = image.width() * scale, image.height() * scale
    target = QRectF((width - drawn_w) / 2, (height - drawn_h) / 2, drawn_w, drawn_h)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, image)


def make_printer() -> QPrinter:
    """The printer a preview starts with: high resolution, A4 (tests swap in a PDF file)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    return printer


def preview(parent: QWidget, title: str, make_pdf: Callable[[], bytes]) -> QPrintPreviewDialog:
    """Show the print preview of the PDF `make_pdf` writes; its Print button prints it."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        data = make_pdf()
    finally:
        QApplication.restoreOverrideCursor()
    printer = make_printer()
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_("Print preview: {title}").format(title=title))
    dialog.setAccessibleName(_("Print preview"))
    dialog.paintRequested.connect(lambda target: print_pdf(target, data))
    dialog.resize(900, 1000)
    dialog.exec()
    return dialog
