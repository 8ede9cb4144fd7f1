"""VAT follows who supplies a service: defaults, warnings, the threshold note, model files."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal

import pytest

from costready.__main__ import main
from costready.costing import rules
from costready.costing.engine import price_scenario
from costready.costing.model import (
    CostingModel,
    OrganisationInfo,
    RegulatedActivity,
    Service,
    VatTreatment,
)
from costready.costing.modelfile import load_model_file, model_to_dict, read_model, save_model_file
from costready.costing.results import CostingError
from costready.costing.vat import (
    Supplier,
    default_treatment,
    taxable_income,
    threshold_note,
    vat_warning,
    vat_warnings,
)
from costready.organisation import LegalForm, Organisation
from costready.reports.costing_report import write_costing_report
from costready.reports.price_list import entries_from_result, write_price_list
from tests.conftest import EXAMPLE_MODEL
from tests.reports.builders import pdf_text

CHARITY = Supplier(charity=True)
CIC = Supplier()
CQC_CIC = Supplier(cqc_registered=True)
CARE = Service("care", "Home care", regulated_activity=RegulatedActivity.PERSONAL_CARE)
BEFRIENDING = Service("befriending", "Befriending")
ADVICE = Service("advice", "Benefits advice", welfare_advice=True)

EXEMPT, STANDARD, REDUCED = VatTreatment.EXEMPT, VatTreatment.STANDARD, VatTreatment.REDUCED


@pytest.mark.parametrize(
    ("supplier", "service", "expected"),
    [
        (CHARITY, BEFRIENDING, EXEMPT),  # a charity's welfare services
        (CHARITY, CARE, EXEMPT),
        (CHARITY, ADVICE, REDUCED),  # welfare advice by a charity: 5%, not exempt
        (CIC, BEFRIENDING, STANDARD),  # a CIC that is not CQC-registered
        (CIC, CARE, STANDARD),  # a regulated activity, but the CIC is not registered
        (CIC, ADVICE, STANDARD),
        (CQC_CIC, CARE, EXEMPT),  # a state-regulated provider's regulated activity
        (CQC_CIC, BEFRIENDING, STANDARD),  # registered, but this is not a regulated activity
        (CQC_CIC, dataclasses.replace(CARE, welfare_advice=True), REDUCED),
    ],
)
def test_the_default_follows_who_supplies_it(supplier, service, expected):
    assert default_treatment(supplier, service).treatment is expected


def test_each_default_names_its_published_rule():
    advice = default_treatment(CHARITY, ADVICE)
    assert advice.rule.key == "vat_welfare_advice_reduced"
    assert "Sch 7A Group 9" in advice.reason and "5%" in advice.reason
    assert default_treatment(CIC, BEFRIENDING).rule.key == "vat_welfare_exemption"
    assert default_treatment(CIC, BEFRIENDING).rule.source.startswith("https://www.gov.uk/")


def test_a_choice_against_the_default_is_kept_with_a_warning_naming_the_source():
    chosen = dataclasses.replace(BEFRIENDING, vat=EXEMPT)  # a CIC calling befriending exempt
    registered_cic = dataclasses.replace(CIC, vat_registered=True)
    warning = vat_warning(registered_cic, chosen)
    assert warning is not None
    assert warning.startswith("Befriending: VAT is “Exempt”, but usually “Standard rate”")
    assert "VATA 1994 Sch 9 Group 7" in warning
    assert rules.legal_rule("vat_welfare_exemption").source in warning
    assert chosen.vat is EXEMPT  # kept as chosen
    assert vat_warning(dataclasses.replace(CHARITY, vat_registered=True), chosen) is None
    problems = vat_warnings(registered_cic, [chosen, dataclasses.replace(ADVICE, vat=STANDARD)])
    assert [p.path for p in problems] == ["$.services[0].vat"]
    # not registered: it charges no VAT, so no choice of treatment can mis-charge anyone
    assert vat_warnings(CIC, [chosen]) == []


def test_a_supplier_from_the_profile_and_from_a_model_file():
    cio = Organisation(name="A", legal_form=LegalForm.CIO)
    cic = Organisation(name="B", legal_form=LegalForm.CIC, cqc_registered=True)
    assert Supplier.of(cio) == Supplier(charity=True)
    assert Supplier.of(cic) == Supplier(cqc_registered=True)
    info = OrganisationInfo(name="C", vat_registered=True, charity=True)
    assert Supplier.of(info) == Supplier(charity=True, vat_registered=True)


def test_the_rules_are_in_the_rules_file_with_sources_and_dates():
    found = {rule.key: rule for rule in rules.legal_rules()}
    for key in ("vat_welfare_exemption", "vat_welfare_advice_reduced", "vat_regulated_activities"):
        rule = found[key]
        assert rule.source.startswith("https://www.")
        assert rule.applies_from < rule.checked <= rules.release_date()
        assert rule.label  # a name for people
    assert found["vat_welfare_advice_reduced"].applies_from == date(2006, 7, 1)
    assert not rules.stale(rules.all_entries(), rules.release_date())


def test_taxable_income_counts_standard_reduced_and_zero_rated_services_only():
    services = [
        dataclasses.replace(BEFRIENDING, vat=STANDARD),
        dataclasses.replace(ADVICE, vat=REDUCED),
        dataclasses.replace(CARE, vat=EXEMPT),
        Service("grant", "Grant", vat=VatTreatment.OUTSIDE_SCOPE),
        Service("zero", "Zero", vat=VatTreatment.ZERO),
    ]
    income = {"befriending": Decimal(100), "advice": Decimal(20), "care": Decimal(5000)}
    income |= {"grant": Decimal(700), "zero": Decimal(3)}
    assert taxable_income(services, income) == Decimal(123)


def test_the_threshold_note_quotes_the_rules_file():
    standard = [dataclasses.replace(BEFRIENDING, vat=STANDARD)]
    below = threshold_note(standard, {"befriending": Decimal("89999.99")})
    assert not below.above
    assert "£90,000.00" in below.text and "30 days" in below.text
    assert "£89,999.99 a year" in below.text
    above = threshold_note(standard, {"befriending": Decimal("90000.01")})
    assert above.above and above.text.startswith("Warning:")


def test_model_files_carry_the_new_fields_and_old_files_read_as_before(example_model, tmp_path):
    assert example_model.organisation.cqc_registered is False
    assert all(
        s.regulated_activity is RegulatedActivity.NONE for s in example_model.scenario.services
    )
    assert "cqc_registered" not in model_to_dict(example_model)["organisation"]
    services = list(example_model.scenario.services)
    services[0] = dataclasses.replace(
        services[0], regulated_activity=RegulatedActivity.PERSONAL_CARE
    )
    services[1] = dataclasses.replace(services[1], welfare_advice=True)
    model = CostingModel(
        dataclasses.replace(example_model.organisation, charity=True, cqc_registered=True),
        dataclasses.replace(example_model.scenario, services=tuple(services)),
    )
    data = model_to_dict(model)
    assert data["organisation"]["cqc_registered"] is True and data["organisation"]["charity"]
    assert data["services"][0]["regulated_activity"] == "personal_care"
    assert data["services"][1]["welfare_advice"] is True
    path = tmp_path / "m.json"
    save_model_file(model, path)
    assert load_model_file(path) == model


def test_a_bad_regulated_activity_is_named_by_path():
    data = json.loads(EXAMPLE_MODEL.read_text(encoding="utf-8"))
    data["services"][0]["regulated_activity"] = "juggling"
    with pytest.raises(CostingError) as error:
        read_model(data)
    assert [p.path for p in error.value.problems] == ["$.services[0].regulated_activity"]


def _unregistered_standard(example_model: CostingModel) -> CostingModel:
    """The golden example, not VAT registered, with home support standard-rated."""
    services = list(example_model.scenario.services)
    services[0] = dataclasses.replace(services[0], vat=STANDARD)
    return dataclasses.replace(
        example_model,
        scenario=dataclasses.replace(example_model.scenario, services=tuple(services)),
    )


def test_price_json_has_no_vat_figure_when_unregistered_and_carries_warnings(
    example_model, tmp_path, capsys
):
    path = tmp_path / "m.json"
    save_model_file(_unregistered_standard(example_model), path)
    assert main(["price", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert all("price_inc_vat" not in s for s in data["services"])
    assert "32.82" not in captured.out  # £27.35 + 20%
    # not registered: no VAT is charged, so a treatment against the default is not warned about
    assert data["warnings"] == []
    assert "usually “Standard rate”" not in captured.err


def test_price_json_keeps_the_vat_figure_when_registered(example_model, tmp_path, capsys):
    model = _unregistered_standard(example_model)
    model = dataclasses.replace(
        model, organisation=dataclasses.replace(model.organisation, vat_registered=True)
    )
    path = tmp_path / "m.json"
    save_model_file(model, path)
    assert main(["price", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["services"][0]["price_inc_vat"] == "32.82"


def test_no_vat_in_either_pdf_when_unregistered(example_model, tmp_path):
    """Standard-rated while not registered: the PDFs read back with no price including VAT."""
    model = _unregistered_standard(example_model)
    result = price_scenario(model.scenario)
    org = Organisation(name="Example CIC", legal_form=LegalForm.CIC)
    report, prices = tmp_path / "report.pdf", tmp_path / "prices.pdf"
    write_costing_report(report, org, model.scenario, result)
    entries = entries_from_result(model.scenario, result)
    write_price_list(prices, org, entries, date(2026, 4, 1), draft=False)
    for path in (report, prices):
        text = " ".join(pdf_text(path).split())
        assert "£27.35" in text
        assert "£32.82" not in text and "incl. VAT" not in text
    text = " ".join(pdf_text(report).split())
    assert "VAT: none, as the organisation is not VAT registered" in text
