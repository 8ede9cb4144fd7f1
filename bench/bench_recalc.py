"""Times a full recalculation of a large scenario beside a plain Decimal loop over the same data.

Run by hand: `.venv/bin/python bench/bench_recalc.py [--runs N] [--profile]`.
Goal: the median recalculation of 200 services x 100 posts x 1,000 cost lines <= 20 ms, measured
as the screen does it: after an edit to one line (the engine remembers the splits of lines that
did not change). The first pricing, with nothing remembered, is printed beside it.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import large_scenario

from costready.costing.engine import price_scenario
from costready.costing.model import Scenario

GOAL_MS = 20.0


def baseline(scenario: Scenario) -> Decimal:
    """The floor: one plain Python pass summing every cost line and every post's annual pay."""
    total = Decimal(0)
    for line in scenario.costs:
        total += line.annual_amount
    for post in scenario.staff:
        if post.hourly_rate is not None:
            total += post.hourly_rate * (post.paid_hours_per_person or 0) * post.headcount
        else:
            total += (post.annual_salary or 0) * post.fte * post.headcount
    return total


def first_pricing_ms(scenario: Scenario) -> float:
    """The first pricing of a model, as when a workspace opens (a fresh process each time)."""
    start = time.perf_counter()
    price_scenario(scenario)
    return (time.perf_counter() - start) * 1000


def edited_copies(scenario: Scenario, count: int) -> Iterator[Scenario]:
    """The scenario with one shared cost line's amount changed by a further penny each time:
    what the screen reprices after each edit."""
    index = next(i for i, line in enumerate(scenario.costs) if line.basis is not None)
    line = scenario.costs[index]
    for step in range(1, count + 2):
        changed = replace(line, annual_amount=line.annual_amount + Decimal(step) / 100)
        costs = (*scenario.costs[:index], changed, *scenario.costs[index + 1 :])
        yield replace(scenario, costs=costs)


def median_ms(work: Callable[[], object], runs: int) -> float:
    """Median wall time of `runs` calls, in milliseconds (after one warm-up call)."""
    work()
    times = []
    for _run in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def profile(scenario: Scenario, top: int = 25) -> None:
    """Print where price_scenario spends its time (cumulative, then own time)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _run in range(5):
        price_scenario(scenario)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--services", type=int, default=200)
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--costs", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="also print a cProfile report")
    args = parser.parse_args(argv)

    scenario = large_scenario(args.services, args.posts, args.costs)
    cold = first_pricing_ms(scenario)
    edits = edited_copies(scenario, args.runs + 1)
    engine = median_ms(lambda: price_scenario(next(edits)), args.runs)
    floor = median_ms(lambda: baseline(scenario), args.runs)
    print(
        f"scenario: {args.services} services, {args.posts} posts, {args.costs} cost lines; "
        f"median of {args.runs} runs"
    )
    print(f"baseline (plain Decimal loop over the same amounts): {floor:8.3f} ms")
    print(f"first pricing (nothing remembered yet):              {cold:8.3f} ms")
    print("price_scenario after an edit (a shared line's amount changed each run):")
    print(f"                                                     {engine:8.3f} ms")
    print(
        f"ratio: {engine / floor:,.0f}x baseline; goal {GOAL_MS:.0f} ms: "
        f"{'met' if engine <= GOAL_MS else 'MISSED'}"
    )
    if args.profile:
        profile(scenario)
    return 0 if engine <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
