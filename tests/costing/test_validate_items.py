"""Per-item validators: one service or one post checked on its own, as the pages do."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from costready.costing.model import StaffPost, Surplus, SurplusKind
from costready.costing.validate import validate, validate_post, validate_service


def test_validate_post_refuses_a_part_of_a_person():
    post = StaffPost(id="p", role="Cook", annual_salary=Decimal("20000"), headcount=Decimal("2.5"))
    problems = validate_post(post, "$.staff[0]")
    assert [p.path for p in problems] == ["$.staff[0].headcount"]
    assert "whole number" in problems[0].message


def test_validate_post_leaves_the_time_split_to_validate():
    post = StaffPost(id="p", role="Cook", annual_salary=Decimal("20000"))  # no time split yet
    assert validate_post(post, "$.staff[0]") == []


def test_validate_uses_the_item_validators(example_model):
    scenario = example_model.scenario
    service = dataclasses.replace(
        scenario.services[0], surplus=Surplus(SurplusKind.SHARE_OF_PRICE, Decimal("1"))
    )
    post = dataclasses.replace(scenario.staff[0], fte=Decimal("0"))
    broken = dataclasses.replace(
        scenario, services=(service, *scenario.services[1:]), staff=(post, *scenario.staff[1:])
    )
    paths = {p.path for p in validate(broken)}
    assert {p.path for p in validate_service(service, "$.services[0]")} <= paths
    assert {p.path for p in validate_post(post, "$.staff[0]")} <= paths
    assert "$.services[0].surplus.value" in paths and "$.staff[0].fte" in paths
