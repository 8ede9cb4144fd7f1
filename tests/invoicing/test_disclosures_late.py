"""Sender disclosures by legal form; late payment bands and interest."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from costready import rules_file
from costready.invoicing.customers import Customer, CustomerKind, Funding
from costready.invoicing.disclosures import SenderExtras, sender_lines, sender_problems
from costready.invoicing.late_payment import (
    applies_to,
    fixed_compensation,
    interest,
    reference_period_start,
    reference_rate_for,
    statutory_rate,
)
from costready.organisation import LegalForm, Organisation

D = Decimal

CIC = Organisation(
    "Anytown Community CIC",
    legal_form=LegalForm.CIC,
    company_number="12345678",
    place_of_registration="England and Wales",
    registered_office="1 High Street\nAnytown\nAN1 1AA",
)


def paths(org: Organisation, extras: SenderExtras | None = None) -> list[str]:
    return [p.path for p in sender_problems(org, extras)]


def test_a_company_names_each_missing_field() -> None:
    assert paths(CIC) == []
    bare = replace(CIC, company_number="", place_of_registration="", registered_office="")
    assert paths(bare) == ["company_number", "place_of_registration", "registered_office"]
    guarantee = replace(bare, legal_form=LegalForm.COMPANY_LIMITED_BY_GUARANTEE)
    assert len(paths(guarantee)) == 3
    # a CIO or an unincorporated group is not a company: none of these is asked for
    assert paths(replace(bare, legal_form=LegalForm.CIO)) == []


def test_company_lines() -> None:
    lines = sender_lines(CIC)
    assert lines[0] == (
        "Anytown Community CIC. Registered in England and Wales, company number 12345678."
    )
    assert lines[1] == "Registered office: 1 High Street, Anytown, AN1 1AA"


def test_a_registered_charity_states_it_over_the_income_threshold() -> None:
    charity = Organisation(
        "Friends", LegalForm.CIO, registered_charity=True, charity_number="1190000"
    )
    assert "Registered charity number 1190000" in sender_lines(charity)
    assert "Registered charity number 1190000" in sender_lines(charity, SenderExtras(D("10000.01")))
    assert "Registered charity number 1190000" not in sender_lines(
        charity, SenderExtras(D("10000"))
    )
    assert paths(replace(charity, charity_number="")) == ["charity_number"]


def test_vat_registered_needs_its_number() -> None:
    registered = replace(CIC, vat_registered=True)
    assert paths(registered) == ["vat_number"]
    numbered = replace(registered, vat_number="GB980780684")
    assert "VAT registration number GB980780684" in sender_lines(numbered)


def test_never_for_an_individual() -> None:
    assert applies_to(Customer("Council", CustomerKind.LOCAL_AUTHORITY))
    assert applies_to(Customer("Shop", CustomerKind.ORGANISATION))
    assert not applies_to(Customer("A Person", CustomerKind.INDIVIDUAL, Funding.SELF_FUNDER))


def test_fixed_compensation_bands() -> None:
    assert fixed_compensation(D("0.01")) == D("40")
    assert fixed_compensation(D("999.99")) == D("40")
    assert fixed_compensation(D("1000")) == D("70")
    assert fixed_compensation(D("9999.99")) == D("70")
    assert fixed_compensation(D("10000")) == D("100")


def test_interest_simple_and_daily() -> None:
    assert statutory_rate(D("0.04")) == D("0.12")
    # £1,000 at 12% for 30 days: 1000 x 0.12 x 30 / 365 = 9.8630... -> £9.86
    assert interest(D("1000"), date(2026, 1, 1), date(2026, 1, 31), D("0.04")) == D("9.86")
    assert interest(D("1000"), date(2026, 1, 1), date(2026, 1, 1), D("0.04")) == 0
    assert interest(D("1000"), date(2026, 1, 2), date(2026, 1, 1), D("0.04")) == 0


def test_reference_rate_periods() -> None:
    assert reference_period_start(date(2026, 6, 30)) == date(2026, 1, 1)
    assert reference_period_start(date(2026, 7, 1)) == date(2026, 7, 1)


def test_an_unheld_reference_rate_is_none(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert reference_rate_for(date(1990, 3, 1)) is None
    raw = dict(rules_file.raw_rules())
    raw["late_payment"] = {
        **raw["late_payment"],
        "reference_rate_2030_h2": {
            "value": "0.05",
            "applies_from": date(2030, 7, 1),
            "checked": date(2030, 7, 2),
            "source": "https://www.bankofengland.co.uk/",
        },
    }
    monkeypatch.setattr(rules_file, "raw_rules", lambda: raw)
    assert reference_rate_for(date(2030, 9, 1)) == D("0.05")
    assert reference_rate_for(date(2030, 6, 30)) is None
