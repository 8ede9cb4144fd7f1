"""Times saving and loading a large scenario beside plain sqlite3 moving the same number of rows.

Run by hand: `.venv/bin/python bench/bench_storage.py [--runs N]`.
Goal: saving the scenario of 200 services x 100 posts x 1,000 cost lines (`generate.py`) over
its previous contents and loading it back (two units of work, as the screen does) takes
<= 25 x the baseline: the standard library's sqlite3 inserting as many rows of the same width
into one table of a fresh file, committing, and reading them all back. Whether the scenario
comes back equal is tests/storage/test_workspace.py's question.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import large_scenario

from costready.costing.model import Scenario
from costready.organisation import Organisation
from costready.storage import convert
from costready.storage.workspace import Workspace

GOAL_RATIO = 25.0


def row_count(scenario: Scenario) -> int:
    """The rows a save writes below the scenario (services, posts, lines and all their shares)."""
    parts = convert.scenario_parts(1, scenario, {s.id: i for i, s in enumerate(scenario.services)})
    parents = parts.services + parts.posts + parts.pools + parts.costs + parts.bases
    children = [
        rows
        for table_rows in (
            parts.post_children,
            parts.pool_children,
            parts.cost_children,
            parts.basis_children,
        )
        for tables in table_rows
        for rows in tables.values()
    ]
    return len(parents) + sum(len(rows) for rows in children)


def baseline_ms(folder: Path, rows: int) -> float:
    """Plain sqlite3: insert `rows` rows of eight columns in one transaction, read them back."""
    path = folder / f"baseline-{time.monotonic_ns()}.sqlite"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("CREATE TABLE t (a, b, c, d, e, f, g, h)")
    data = [(i, i, "key", "name", "0.25", "0.50", 1, None) for i in range(rows)]
    start = time.perf_counter()
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)", data)
    connection.execute("COMMIT")
    connection.execute("SELECT * FROM t").fetchall()
    elapsed = (time.perf_counter() - start) * 1000
    connection.close()
    return elapsed


def save_and_load_ms(workspace: Workspace, scenario_id: int, scenario: Scenario) -> float:
    start = time.perf_counter()
    workspace.save_scenario(scenario_id, scenario)
    workspace.load_scenario(scenario_id)
    return (time.perf_counter() - start) * 1000


def median(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    scenario = large_scenario()
    rows = row_count(scenario)
    with tempfile.TemporaryDirectory() as folder:
        with Workspace(f"sqlite:///{Path(folder) / 'bench.sqlite'}") as workspace:
            org = workspace.save_organisation(Organisation(name="Benchmark"))
            assert org.id is not None
            scenario_id = workspace.create_scenario(org.id, scenario)
            measured = median(args.runs, lambda: save_and_load_ms(workspace, scenario_id, scenario))
        floor = median(args.runs, lambda: baseline_ms(Path(folder), rows))
    ratio = measured / floor
    verdict = "met" if ratio <= GOAL_RATIO else "NOT met"
    print(f"rows below the scenario: {rows}")
    print(f"save + load (median of {args.runs}): {measured:.1f} ms")
    print(f"baseline, plain sqlite3 (median of {args.runs}): {floor:.1f} ms")
    print(f"ratio: {ratio:.1f} x (goal <= {GOAL_RATIO:.0f} x: {verdict})")
    return 0 if ratio <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
