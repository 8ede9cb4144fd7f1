"""Did you mean…? A figure beyond its plausible bound is asked about on the Staff page, never
saved or changed silently (the question's modal box is patched at its boundary)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from costready.ui.pages import staff as staff_module
from costready.ui.pages.staff import Answer, StaffPage
from tests.ui.cells import edit_cell, shown


@pytest.fixture
def page(qtbot, example_doc):
    return shown(qtbot, StaffPage(example_doc), 1400, 700)


@pytest.fixture
def asked(monkeypatch):
    """Every question asked, answered with `asked.answer` (Cancel unless a test says)."""

    class Asked(list):
        answer = Answer.CANCEL

    questions = Asked()

    def ask(_parent, doubt):
        questions.append(doubt)
        return questions.answer

    monkeypatch.setattr(staff_module, "ask_doubt", ask)
    return questions


def _type_pay(qtbot, page, asked, text: str) -> None:
    edit_cell(qtbot, page.view, 0, "pay", text)
    qtbot.waitUntil(lambda: len(asked) == 1)


def test_a_salary_typed_as_an_hourly_rate_asks_and_takes_the_salary(
    qtbot, page, asked, example_doc
):
    asked.answer = Answer.ALTERNATIVE
    _type_pay(qtbot, page, asked, "23400")
    [doubt] = asked
    assert doubt.question == "£23,400.00 an hour — did you mean a yearly salary of £23,400.00?"
    qtbot.waitUntil(lambda: example_doc.scenario.post("support-worker").hourly_rate is None)
    post = example_doc.scenario.post("support-worker")
    assert post.annual_salary == Decimal(23400)
    assert page.model.index_of(0, "pay").data() == "£23,400.00 a year"


def test_keeping_what_was_typed_saves_it_as_typed(qtbot, page, asked, example_doc):
    asked.answer = Answer.TYPED
    _type_pay(qtbot, page, asked, "23400")
    qtbot.waitUntil(lambda: example_doc.scenario.post("support-worker").hourly_rate == 23400)
    assert example_doc.scenario.post("support-worker").annual_salary is None


def test_cancel_saves_nothing(qtbot, page, asked, example_doc, workspace, example_ids):
    before = example_doc.scenario
    _type_pay(qtbot, page, asked, "23400")
    qtbot.waitUntil(lambda: "Not saved" in page.status.text())
    assert example_doc.scenario == before
    assert workspace.load_scenario(example_ids[1]).post("support-worker").hourly_rate == Decimal(
        "12.71"
    )
    assert page.model.index_of(0, "pay").data() == "£12.71 an hour"


def test_a_plausible_figure_is_saved_without_a_question(qtbot, page, asked, example_doc):
    edit_cell(qtbot, page.view, 0, "pay", "13.50")
    assert example_doc.scenario.post("support-worker").hourly_rate == Decimal("13.50")
    assert asked == []


def test_too_many_hours_for_one_person_are_asked_about(qtbot, page, asked, example_doc):
    edit_cell(qtbot, page.view, 0, "paid_hours", "3500")
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert "3,500 paid hours a year for one person" in asked[0].question
    assert example_doc.scenario.post("support-worker").paid_hours_per_person != 3500


def test_a_new_post_is_paid_a_yearly_salary(qtbot, page, asked, example_doc):
    page._add_post("Cook", "cook")
    post = example_doc.scenario.post("cook")
    assert not post.is_hourly
    assert post.annual_salary == Decimal("24784.50")  # £12.71 × 1,950 hours
    row = len(example_doc.scenario.staff) - 1
    # so the guide's 23400 is a salary of £23,400 a year, not £23,400 an hour
    edit_cell(qtbot, page.view, row, "pay", "23400")
    assert example_doc.scenario.post("cook").annual_salary == Decimal(23400)
    assert asked == []
