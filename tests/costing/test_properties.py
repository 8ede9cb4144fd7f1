"""Properties of the arithmetic that hold for any input (hypothesis)."""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from costready.costing.engine import price_scenario
from costready.costing.model import Surplus, SurplusKind
from costready.costing.modelfile import load_model_file
from costready.money import allocate, round_up_to_step
from tests.conftest import EXAMPLE_MODEL

EXAMPLE = load_model_file(EXAMPLE_MODEL)

pennies = st.integers(min_value=-10_000_000, max_value=10_000_000).map(
    lambda p: Decimal(p).scaleb(-2)
)
weights = st.dictionaries(
    st.text(alphabet="abcdefghij", min_size=1, max_size=4),
    st.decimals(min_value=0, max_value=10_000, places=3),
    min_size=1,
    max_size=12,
).filter(lambda w: sum(w.values()) > 0)


@given(pennies, weights)
def test_allocation_adds_up_to_the_whole(amount, table):
    parts = allocate(amount, table)
    assert sum(parts.values()) == amount
    assert set(parts) == set(table)
    assert all(part == part.quantize(Decimal("0.01")) for part in parts.values())


@given(st.integers(min_value=0, max_value=10_000_000), weights)
def test_each_part_is_within_a_penny_of_its_exact_share(pennies_, table):
    amount = Decimal(pennies_).scaleb(-2)
    total = sum(table.values())
    for key, part in allocate(amount, table).items():
        assert abs(part - amount * table[key] / total) < Decimal("0.01")


@given(weights)
def test_allocation_does_not_depend_on_input_order(table):
    items = list(table.items())
    random.Random(0).shuffle(items)
    assert allocate(Decimal("1000.01"), dict(items)) == allocate(Decimal("1000.01"), table)


@given(
    st.decimals(min_value=0, max_value=100_000, places=6),
    st.sampled_from(
        [Decimal("0.01"), Decimal("0.05"), Decimal("0.5"), Decimal("1"), Decimal("0.005")]
    ),
)
def test_rounding_up_never_goes_below_the_price(amount, step):
    rounded = round_up_to_step(amount, step)
    assert rounded >= amount
    assert rounded - amount < max(step, Decimal("0.01"))  # a result is always whole pence


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(list(SurplusKind)), st.decimals(min_value=0, max_value="0.9", places=3))
def test_price_is_at_least_unit_cost_when_surplus_is_not_negative(kind, value):
    services = tuple(replace(s, surplus=Surplus(kind, value)) for s in EXAMPLE.scenario.services)
    result = price_scenario(replace(EXAMPLE.scenario, services=services))
    for service in result.services:
        assert service.price >= service.unit_cost_exact


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_lines(rnd):
    scenario = EXAMPLE.scenario
    shuffled = replace(
        scenario,
        services=tuple(rnd.sample(scenario.services, len(scenario.services))),
        staff=tuple(rnd.sample(scenario.staff, len(scenario.staff))),
        costs=tuple(rnd.sample(scenario.costs, len(scenario.costs))),
    )
    first, second = price_scenario(scenario), price_scenario(shuffled)
    for service in first.services:
        other = second.service(service.id)
        assert (other.full_cost, other.price, other.overheads) == (
            service.full_cost,
            service.price,
            service.overheads,
        )
    assert first.total_cost == second.total_cost


@given(st.lists(st.tuples(pennies, weights), min_size=1, max_size=5))
def test_a_remembered_split_is_the_same_as_a_fresh_one(cases):
    from costready.money import Allocator, allocator_for

    for amount, table in cases:
        shared = allocator_for(table)
        first = shared.split(amount)
        again = allocator_for(dict(reversed(list(table.items())))).split(amount)
        assert first == again == Allocator(table).split(amount)
