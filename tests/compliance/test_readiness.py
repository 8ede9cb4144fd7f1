"""Readiness is done ÷ applicable, 0–100%, never counting a not-applicable item; renewals."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from costready.compliance.applicability import Applicability, State
from costready.compliance.definitions import item_by_id, shipped_items
from costready.compliance.readiness import (
    Entry,
    Progress,
    Status,
    add_months,
    by_area,
    due_soon,
    overdue,
    readiness,
    validate_progress,
)

TODAY = date(2026, 12, 6)
ITEMS = shipped_items()

progress_st = st.builds(
    Progress,
    status=st.sampled_from(Status),
    done_on=st.one_of(st.none(), st.dates(date(2020, 1, 1), date(2027, 12, 31))),
    renews_on=st.one_of(st.none(), st.dates(date(2020, 1, 1), date(2028, 12, 31))),
    reason=st.sampled_from(["", "we do not"]),
    applicable_anyway=st.booleans(),
)
entry_st = st.builds(
    Entry,
    item=st.sampled_from(ITEMS),
    applicability=st.builds(Applicability, state=st.sampled_from(State), why=st.just("")),
    progress=progress_st,
    done_by_app=st.booleans(),
)


@given(st.lists(entry_st, max_size=40))
def test_readiness_is_between_0_and_100_and_ignores_not_applicable(entries: list[Entry]) -> None:
    result = readiness(entries, TODAY)
    if result.percent is not None:
        assert 0 <= result.percent <= 100
    not_applicable = [e for e in entries if e.progress.status is Status.NOT_APPLICABLE]
    assert result.applicable == len(entries) - len(not_applicable) - sum(
        1
        for e in entries
        if e.progress.status is not Status.NOT_APPLICABLE
        and e.applicability.state is State.DOES_NOT_APPLY
        and not e.progress.applicable_anyway
    )
    # adding a not-applicable item never changes readiness
    extra = Entry(ITEMS[0], Applicability(State.APPLIES, ""), Progress(Status.NOT_APPLICABLE))
    assert readiness([*entries, extra], TODAY) == result
    assert sum(r.applicable for r in by_area(entries, TODAY).values()) == result.applicable


def _entry(item_id: str, progress: Progress, state: State = State.APPLIES) -> Entry:
    return Entry(item_by_id(item_id), Applicability(state, ""), progress)


def test_check_counts_as_outstanding_and_done_items_renew() -> None:
    check = _entry("CQC-01", Progress(), State.CHECK)
    ico = _entry("DATA-01", Progress(Status.DONE, done_on=date(2026, 1, 20)))
    assert ico.renews_on() == date(2027, 1, 20)  # DATA-01 renews every 12 months
    assert due_soon([check, ico], TODAY) == [ico]
    assert readiness([check, ico], TODAY).done == 1
    old = _entry("DATA-01", Progress(Status.DONE, done_on=date(2025, 11, 1)))
    assert overdue([old], TODAY) == [old]
    assert not old.done(TODAY)  # expired: counted as still to do
    assert readiness([check, old], TODAY).done == 0


def test_applicable_anyway_brings_an_item_back() -> None:
    off = _entry("FOOD-01", Progress(), State.DOES_NOT_APPLY)
    on = _entry("FOOD-01", Progress(applicable_anyway=True), State.DOES_NOT_APPLY)
    assert readiness([off], TODAY).applicable == 0
    assert readiness([on], TODAY).applicable == 1


def test_not_applicable_needs_a_reason_and_done_needs_a_date() -> None:
    assert validate_progress(Progress(Status.NOT_APPLICABLE))[0].path == "reason"
    assert not validate_progress(Progress(Status.NOT_APPLICABLE, reason="No food"))
    assert validate_progress(Progress(Status.DONE))[0].path == "done_on"


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 36) == date(2029, 11, 30)
