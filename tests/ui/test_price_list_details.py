"""The Organisation page's price-list details: typed, chosen, checked, saved and printed."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from costready.organisation import LOGO_MOST_BYTES
from costready.ui.pages.organisation import OrganisationPage


@pytest.fixture
def page(qtbot, document):
    widget = OrganisationPage(document)
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def png(path, width=240, height=80):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    assert image.save(str(path), "PNG")
    return path


def test_contact_details_are_typed_and_saved(qtbot, page, workspace):
    details = page.price_list_details
    org_id = page.document.organisation_id
    retype(qtbot, details.phone_edit, "0113 496 0000")
    retype(qtbot, details.email_edit, "orders@riverside.example")
    retype(qtbot, details.website_edit, "www.riverside.example")
    details.months_spin.setFocus()
    details.months_spin.selectAll()
    qtbot.keyClicks(details.months_spin, "12")
    qtbot.keyClick(details.months_spin, Qt.Key.Key_Return)
    details.terms_edit.setFocus()
    qtbot.keyClicks(details.terms_edit, "Order by email. Invoices monthly, within 30 days.")
    details.phone_edit.setFocus()  # leaving the terms saves them
    qtbot.waitUntil(lambda: workspace.organisation(org_id).terms != "")
    saved = workspace.organisation(org_id)
    assert saved.phone == "0113 496 0000"
    assert saved.email == "orders@riverside.example"
    assert saved.website == "www.riverside.example"
    assert saved.prices_valid_months == 12
    assert saved.terms == "Order by email. Invoices monthly, within 30 days."
    for widget in details.inputs:
        assert widget.accessibleName()


def test_a_bad_email_is_refused_by_its_field(qtbot, page, workspace):
    org_id = page.document.organisation_id
    before = workspace.organisation(org_id)
    retype(qtbot, page.price_list_details.email_edit, "orders at riverside")
    error = page.errors["email"]
    assert error.isVisible() and "Email" in error.text()
    assert workspace.organisation(org_id) == before


def test_a_logo_is_chosen_previewed_saved_and_removed(
    qtbot, page, workspace, tmp_path, monkeypatch
):
    details = page.price_list_details
    org_id = page.document.organisation_id
    logo = png(tmp_path / "logo.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), ""))
    qtbot.mouseClick(details.choose_logo_button, Qt.MouseButton.LeftButton)
    assert workspace.organisation(org_id).logo == logo.read_bytes()
    assert not details.logo_preview.pixmap().isNull()
    assert details.remove_logo_button.isEnabled()
    qtbot.mouseClick(details.remove_logo_button, Qt.MouseButton.LeftButton)
    assert workspace.organisation(org_id).logo == b""
    assert not details.remove_logo_button.isEnabled()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"GIF89a not a png", "PNG or JPEG"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "cannot be read"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * LOGO_MOST_BYTES, "at most 500 KB"),
    ],
)
def test_a_file_that_is_not_a_usable_logo_is_refused(
    qtbot, page, workspace, tmp_path, content, words
):
    org_id = page.document.organisation_id
    path = tmp_path / "logo.png"
    path.write_bytes(content)
    assert not page.price_list_details.use_logo_file(path)
    error = page.errors["logo"]
    assert error.isVisible() and words in error.text()
    assert workspace.organisation(org_id).logo == b""


def test_the_price_list_pdf_shows_what_the_page_holds(
    qtbot, window, workspace, tmp_path, monkeypatch
):
    import dataclasses

    org_id = window.document.organisation_id
    org = workspace.organisation(org_id)
    logo = png(tmp_path / "logo.png").read_bytes()
    workspace.save_organisation(
        dataclasses.replace(
            org,
            phone="0113 496 0000",
            email="orders@riverside.example",
            website="www.riverside.example",
            terms="Order by email. Invoices monthly, within 30 days.",
            logo=logo,
        )
    )
    target = tmp_path / "prices.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.export_finished, timeout=20000):
        window.export_price_list_action.trigger()
    reader = PdfReader(str(target))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Telephone 0113 496 0000" in text and "orders@riverside.example" in text
    assert "How to order and payment terms" in text and "within 30 days" in text
    assert "VAT" in text
    assert list(reader.pages[0].images), "the logo is drawn on the first page"
