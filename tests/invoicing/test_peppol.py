"""A GLN's check digit (scheme 0088), checked where a Peppol id is typed and where it is used."""

from __future__ import annotations

from costready.invoicing.peppol import GLN_SCHEME, gln_problems, is_gln
from costready.invoicing.settings import InvoicingSettings, validate_settings

#: 501234567890 with its GS1 check digit, 0; the same with a wrong last digit
VALID, WRONG = "5012345678900", "5012345678901"


def test_a_gln_is_thirteen_digits_ending_in_its_check_digit() -> None:
    assert is_gln(VALID) and is_gln("5790000435975")
    assert not is_gln(WRONG)
    assert not is_gln("96385074")  # a valid EAN-8, but not a GLN
    assert not is_gln("501234567890")  # 12 digits
    assert not is_gln("5012 3456 7890 0")


def test_a_bad_gln_is_a_problem_naming_the_field() -> None:
    assert gln_problems("peppol_id", GLN_SCHEME, VALID) == []
    [problem] = gln_problems("peppol_id", " 0088 ", f" {WRONG} ")
    assert problem.path == "peppol_id"
    assert problem.message.startswith("Peppol id: ")
    assert WRONG in problem.message and "check digit" in problem.message


def test_the_owner_is_named_where_the_id_is_used() -> None:
    [problem] = gln_problems("customer.peppol_id", GLN_SCHEME, WRONG, "Acme Trust")
    assert "Acme Trust's GLN" in problem.message


def test_other_schemes_and_no_id_are_not_checked_as_glns() -> None:
    assert gln_problems("peppol_id", "9932", WRONG) == []  # a UK VAT number's scheme
    assert gln_problems("peppol_id", "0088", "") == []  # "no id" is the caller's to refuse


def test_the_organisations_own_gln_is_checked_in_the_settings() -> None:
    assert validate_settings(InvoicingSettings(peppol_scheme="0088", peppol_id=VALID)) == []
    problems = validate_settings(InvoicingSettings(peppol_scheme="0088", peppol_id=WRONG))
    assert [p.path for p in problems] == ["peppol_id"]
    assert "check digit" in problems[0].message
    assert validate_settings(InvoicingSettings(peppol_scheme="9932", peppol_id=WRONG)) == []


def test_a_participant_id_needs_its_scheme_and_a_scheme_its_id() -> None:
    from costready.invoicing.peppol import participant_id_problems

    assert participant_id_problems("", "") == []
    assert participant_id_problems("9932", "GB980780684") == []
    (no_scheme,) = participant_id_problems("", "5790000435975")
    assert no_scheme.path == "peppol_scheme" and "4-digit scheme code" in no_scheme.message
    (no_id,) = participant_id_problems("0088", " ")
    assert no_id.path == "peppol_id"
    (bad_gln,) = participant_id_problems("0088", "5790000435976")
    assert bad_gln.path == "peppol_id" and "check digit" in bad_gln.message
