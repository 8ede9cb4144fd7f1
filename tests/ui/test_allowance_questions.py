"""The Employment Allowance questions on the Organisation page (the sample organisation)."""

from __future__ import annotations

import dataclasses

import pytest

from costready.costing.model import Answer
from costready.ui.pages.organisation import OrganisationPage
from tests.ui.cells import shown

WRONG = "Most charities and CICs with staff can claim it"


@pytest.fixture
def page(qtbot, document):
    return shown(qtbot, OrganisationPage(document), 1100, 900)


def choose(qtbot, combo, answer: Answer) -> None:
    """Pick an answer in the box, as its list does (activated, so the page hears it)."""
    combo.setFocus()
    index = combo.findData(answer.value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_the_wrong_text_is_gone_and_the_questions_are_asked(page):
    assert WRONG not in page.allowance.toolTip()
    assert "unless it is a charity" in page.allowance.toolTip()
    assert set(page.allowance.combos) == {
        "ea_registered_charity",
        "ea_public_work",
        "ea_sole_director",
    }
    # the sample is a registered charity: its profile answers the first question
    charity = page.allowance.combos["ea_registered_charity"]
    assert charity.currentData() == "yes" and not charity.isEnabled()
    assert page.allowance.claim.isChecked() and page.allowance.claim.isEnabled()
    assert page.allowance.outcome.text().startswith("Claimable")


def test_not_sure_stops_the_claim_and_says_what_to_check(qtbot, page, workspace, document):
    choose(qtbot, page.allowance.combos["ea_sole_director"], Answer.NOT_SURE)
    scenario = workspace.load_scenario(document.scenario_id)
    assert scenario.ea_sole_director is Answer.NOT_SURE
    assert scenario.claims_employment_allowance is False  # not sure: not claimed
    assert not page.allowance.claim.isChecked() and not page.allowance.claim.isEnabled()
    text = page.allowance.outcome.text()
    assert text.startswith("Not claimed until it is settled. Check whether anyone other")
    assert "single-director-companies" in text
    document.undo_stack.undo()  # one edit: the answer and the claim come back together
    assert workspace.load_scenario(document.scenario_id).claims_employment_allowance


def test_a_cic_doing_mainly_public_work_cannot_claim(qtbot, page, workspace, document):
    org = workspace.organisation(document.organisation_id)
    page.store_profile(dataclasses.replace(org, registered_charity=False, charity_number=""))
    charity = page.allowance.combos["ea_registered_charity"]
    assert charity.isEnabled()
    choose(qtbot, charity, Answer.NO)
    choose(qtbot, page.allowance.combos["ea_public_work"], Answer.YES)
    scenario = workspace.load_scenario(document.scenario_id)
    assert scenario.claims_employment_allowance is False
    assert "nim06530" in page.allowance.outcome.text()
    assert page.allowance.outcome.text().startswith("Not claimable")
