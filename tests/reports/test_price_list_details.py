"""The price list as a commissioner receives it: contact details, logo, validity, VAT, terms."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from costready.costing.model import VatTreatment
from costready.organisation import (
    Organisation,
    logo_problem,
    valid_until,
    validate_organisation,
)
from costready.reports.price_list import PriceListEntry, vat_line, write_price_list
from tests.reports.builders import make_organisation, pdf_text


def _png(width: int = 300, height: int = 100) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (42, 111, 151)).save(out, "PNG")
    return out.getvalue()


def _entry(vat: VatTreatment = VatTreatment.EXEMPT) -> PriceListEntry:
    return PriceListEntry("Lunch club", "", "session", Decimal(12), vat, Decimal(12))


def _org(**changes: object) -> Organisation:
    details: dict[str, object] = {
        "phone": "0113 496 0000",
        "email": "orders@riverside.example",
        "website": "www.riverside.example",
        "terms": "Order by email or phone.\nInvoices monthly, payable within 30 days.",
        "prices_valid_months": 12,
        "logo": _png(),
    }
    return replace(make_organisation(), **(details | changes))


def test_the_price_list_shows_contact_validity_vat_terms_and_logo(tmp_path: Path) -> None:
    target = tmp_path / "prices.pdf"
    write_price_list(target, _org(), [_entry()], date(2026, 4, 1), draft=False)
    text = pdf_text(target)
    assert "Telephone 0113 496 0000 · Email orders@riverside.example" in text
    assert "www.riverside.example" in text
    assert "Prices from 01/04/2026 until 31/03/2027" in text
    assert "How to order and payment terms" in text
    assert "payable within 30 days" in text
    assert "No VAT is added to these prices" in text  # registered, every service exempt
    assert len(list(PdfReader(str(target)).pages[0].images)) == 1


def test_a_draft_names_its_proposed_period(tmp_path: Path) -> None:
    target = tmp_path / "draft.pdf"
    write_price_list(target, _org(), [_entry()], date(2027, 1, 5), draft=True)
    assert "proposed prices from 05/01/2027 until 04/01/2028" in pdf_text(target)


def test_without_the_details_the_list_says_nothing_of_them(tmp_path: Path) -> None:
    target = tmp_path / "plain.pdf"
    write_price_list(target, make_organisation(), [_entry()], date(2026, 4, 1), draft=False)
    text = pdf_text(target)
    assert "Telephone" not in text and "until" not in text and "How to order" not in text
    assert not list(PdfReader(str(target)).pages[0].images)


@pytest.mark.parametrize(
    ("registered", "vat", "words"),
    [
        (False, VatTreatment.STANDARD, "not registered for VAT, so no VAT is charged"),
        (True, VatTreatment.EXEMPT, "No VAT is added to these prices"),
        (True, VatTreatment.STANDARD, "Prices exclude VAT"),
    ],
)
def test_the_vat_line_follows_the_status_and_the_treatments(registered, vat, words) -> None:
    org = make_organisation(vat_registered=registered)
    assert words in vat_line(org, [_entry(VatTreatment.EXEMPT), _entry(vat)])


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 4, 1), 12, date(2027, 3, 31)),
        (date(2026, 4, 1), 0, None),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 14)),
    ],
)
def test_valid_until(start, months, end) -> None:
    assert valid_until(start, months) == end


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"email": "orders at example"}, "email"),
        ({"website": "not a site"}, "website"),
        ({"phone": "0" * 51}, "phone"),
        ({"terms": "x" * 2001}, "terms"),
        ({"prices_valid_months": 61}, "prices_valid_months"),
        ({"logo": b"GIF89a"}, "logo"),
    ],
)
def test_each_bad_detail_is_named(changes, path) -> None:
    problems = validate_organisation(_org(**changes))
    assert [p.path for p in problems] == [path]


def test_a_good_profile_with_details_has_no_problems() -> None:
    assert validate_organisation(_org()) == []
    assert logo_problem(_png()) is None


def test_a_jpeg_logo_is_accepted_and_a_truncated_one_refused() -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 10, 10)).save(out, "JPEG")
    assert logo_problem(out.getvalue()) is None
    assert "cannot be read" in (logo_problem(_png()[:60]) or "")
