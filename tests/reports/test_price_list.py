"""The price list PDF, read back as text."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from costready.costing.engine import price_scenario
from costready.costing.model import CostingModel, VatTreatment
from costready.organisation import Organisation
from costready.reports.price_list import PriceListEntry, entries_from_result, write_price_list
from tests.reports.builders import (
    TEA,
    example_result,
    example_scenario,
    large_result,
    make_organisation,
    pdf_text,
)


def flat(path: Path) -> str:
    """The PDF's text with every run of whitespace made one space (cells wrap)."""
    return " ".join(pdf_text(path).split())


def test_adopted_list_shows_prices_dates_and_typed_text_literally(
    tmp_path: Path, organisation: Organisation
) -> None:
    target = tmp_path / "prices.pdf"
    entries = entries_from_result(example_scenario(), example_result())
    write_price_list(target, organisation, entries, date(2026, 4, 1), draft=False)
    text = flat(target)
    assert "Riverside <Community> & Arts Hub" in text
    assert "Prices from 01/04/2026" in text
    assert TEA in text
    assert "Weekly <social> afternoon" in text
    assert "£27.35" in text and "£16.50" in text and "£12.50" in text
    assert "per hour" in text and "per session" in text
    assert "Registered charity number 1234567" in text
    assert "VAT registration number GB980780684" in text
    assert "Standard rate 20%" in text and "£19.80" in text
    assert "Page 1 of 1" in text
    assert "DRAFT" not in text


def test_draft_list_is_marked_and_has_no_effective_date(tmp_path: Path) -> None:
    target = tmp_path / "draft.pdf"
    entries = entries_from_result(example_scenario(), example_result())
    write_price_list(target, make_organisation(vat_registered=False), entries, None, draft=True)
    text = flat(target)
    assert "DRAFT: these prices have not been adopted" in text
    assert "Prices from" not in text
    assert "Price incl. VAT" not in text  # not VAT registered: no VAT columns
    assert "not registered for VAT" in text
    assert "VAT registration number" not in text


def test_draft_with_a_proposed_date_names_it(tmp_path: Path, organisation: Organisation) -> None:
    target = tmp_path / "draft.pdf"
    entries = entries_from_result(example_scenario(), example_result())
    write_price_list(target, organisation, entries, date(2027, 1, 5), draft=True)
    assert "DRAFT: proposed prices from 05/01/2027" in flat(target)


def test_adopted_list_needs_a_date(organisation: Organisation) -> None:
    with pytest.raises(ValueError, match="date"):
        write_price_list(io.BytesIO(), organisation, [], None, draft=False)


def test_writes_to_a_binary_file(organisation: Organisation) -> None:
    buffer = io.BytesIO()
    entry = PriceListEntry(
        "Group session", "", "session", Decimal("40.00"), VatTreatment.STANDARD, Decimal("48.00")
    )
    write_price_list(buffer, organisation, [entry], date(2026, 4, 1), draft=False)
    buffer.seek(0)
    text = " ".join(PdfReader(buffer).pages[0].extract_text().split())
    assert "Group session per session £40.00 Standard rate 20% £48.00" in text


def test_entries_take_descriptions_from_the_scenario_in_result_order() -> None:
    entries = entries_from_result(example_scenario(), example_result())
    assert [e.name for e in entries] == ["Home support", TEA, "Befriending visit"]
    assert entries[0].description == "Practical and personal support at home, & more"
    assert entries[1].vat == VatTreatment.STANDARD
    assert entries[1].price_inc_vat == Decimal("19.80")
    assert entries[2].description == ""


def test_two_hundred_services_flow_over_numbered_pages(
    tmp_path: Path, organisation: Organisation
) -> None:
    scenario, result = large_result(200)
    target = tmp_path / "big.pdf"
    write_price_list(
        target, organisation, entries_from_result(scenario, result), date(2026, 4, 1), draft=False
    )
    pages = PdfReader(str(target)).pages
    text = flat(target)
    assert len(pages) > 3
    assert f"Page {len(pages)} of {len(pages)}" in text
    assert "Service 199 & <group> session" in text
    assert text.count("Prices from 01/04/2026") == 1


def test_example_model_prices_through_the_engine(
    tmp_path: Path, example_model: CostingModel
) -> None:
    result = price_scenario(example_model.scenario)
    target = tmp_path / "example.pdf"
    org = Organisation(name=example_model.organisation.name)
    write_price_list(
        target,
        org,
        entries_from_result(example_model.scenario, result),
        date(2026, 4, 1),
        draft=False,
    )
    text = flat(target)
    assert "Home support per hour £27.35" in text
    assert "Day activities per session £16.50" in text
    assert "Befriending visit per visit £12.50" in text
