"""Our organisation's profile: a VAT number, when given, must be a real UK one."""

from __future__ import annotations

from costready.organisation import Organisation, normalise_vat_number, validate_organisation


def test_a_bad_vat_number_is_refused_even_when_not_registered():
    problems = validate_organisation(Organisation(name="Hub", vat_number="GB123"))
    assert [p.path for p in problems] == ["vat_number"]
    assert "not a valid UK VAT number" in problems[0].message


def test_a_good_vat_number_passes_and_is_printed_in_one_form():
    org = Organisation(name="Hub", vat_registered=True, vat_number="gb 980 7806 84")
    assert validate_organisation(org) == []
    assert normalise_vat_number(org.vat_number) == "GB980780684"


def test_a_name_is_required():
    assert [p.path for p in validate_organisation(Organisation(name="  "))] == ["name"]
