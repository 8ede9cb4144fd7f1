"""Withdrawing a price list before its effective date: the domain's rules."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal

from costready.costing.price_lists import PriceList, coming, in_force, withdrawal_problems

TODAY = date(2026, 12, 6)


def _list(number: int, effective: date, withdrawn_on: date | None = None) -> PriceList:
    return PriceList(
        id=number,
        organisation_id=1,
        scenario_id=1,
        scenario_name="Budget 2027-28",
        effective_from=effective,
        approved_by="Trustees",
        approved_on=date(2026, 11, 1),
        note="",
        prices={"home-support": Decimal("30.00")},
        created_at=datetime(2026, 11, 1, number, tzinfo=UTC),
        withdrawn_on=withdrawn_on,
    )


def test_a_list_still_to_come_can_be_withdrawn() -> None:
    assert withdrawal_problems(_list(1, date(2027, 4, 1)), TODAY) == []


def test_a_list_in_force_cannot_be_withdrawn_and_the_message_names_it() -> None:
    for effective in (TODAY, date(2026, 4, 1)):
        [problem] = withdrawal_problems(_list(1, effective), TODAY)
        assert f"{effective:%d/%m/%Y}" in problem.message
        assert "Budget 2027-28" in problem.message
        assert "cannot be withdrawn" in problem.message


def test_a_list_is_withdrawn_once() -> None:
    [problem] = withdrawal_problems(_list(1, date(2027, 4, 1), TODAY), TODAY)
    assert "already withdrawn" in problem.message


def test_a_withdrawn_list_is_never_in_force() -> None:
    older = _list(1, date(2026, 4, 1))
    withdrawn = _list(2, date(2027, 4, 1), withdrawn_on=TODAY)
    lists = [withdrawn, older]
    assert in_force(lists, date(2027, 6, 1)) == older  # the earlier list stays in force
    assert in_force([withdrawn], date(2027, 6, 1)) is None
    assert coming(lists, TODAY) == []
    assert coming([dataclasses.replace(withdrawn, withdrawn_on=None)], TODAY) != []


def test_in_force_takes_the_latest_date_then_the_newest_made() -> None:
    first, second = _list(1, date(2026, 4, 1)), _list(2, date(2026, 4, 1))
    assert in_force([first, second], TODAY) == second
    assert in_force([first, second], date(2026, 3, 31)) is None
