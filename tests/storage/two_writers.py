"""Two programs writing one workspace at once: the rounds each runs, and what must hold after.

Used by tests/storage/test_two_writers.py (a bounded run) and bench/bench_two_writers.py (a long
one). Each writer is a separate process with its own `Workspace`, as two windows or a window
and the command line would be. Every round both writers, started together, import the example
model as a new organisation (same name each time), adopt the shared scenario, add £1 to its rent
the way the window edits (read the scenario, change it, save it at the version it read; a
refused save is read again and made again, as a person would after reloading), and read it to
price it (a scenario read while the other saves must come whole).
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

MODEL = Path(__file__).resolve().parents[1] / "fixtures" / "example-model.json"
RENT = "rent"


@dataclass
class Outcome:
    """What one writer did: its edits made, how often it met a newer save, and any error."""

    imported: int = 0
    adopted: int = 0
    edits: int = 0
    refused_as_stale: int = 0
    slowest_write: float = 0.0
    errors: list[str] = field(default_factory=list)


def prepare(url: str) -> tuple[int, int]:
    """The shared organisation and scenario both writers adopt and edit."""
    from costready.app.model_files import import_model
    from costready.costing.modelfile import load_model_file
    from costready.storage.workspace import Workspace

    with Workspace(url) as workspace:
        return import_model(workspace, load_model_file(MODEL))


def rent(scenario: Any) -> Decimal:
    return Decimal(scenario.cost(RENT).annual_amount)


def writer(url: str, scenario_id: int, rounds: int, start: Barrier, results: Any) -> None:
    """One process's rounds (the target of a multiprocessing.Process)."""
    outcome = Outcome()
    try:
        _rounds(url, scenario_id, rounds, start, outcome)
    except BaseException:  # reported to the parent, which fails the run
        outcome.errors.append(traceback.format_exc())
    results.put(outcome)


def _rounds(url: str, scenario_id: int, rounds: int, start: Barrier, outcome: Outcome) -> None:
    from costready.app.adoption import adopt
    from costready.app.model_files import import_model
    from costready.costing.engine import price_scenario
    from costready.costing.modelfile import load_model_file
    from costready.storage.errors import StaleRecord, StorageError
    from costready.storage.workspace import Workspace

    model = load_model_file(MODEL)
    with Workspace(url) as workspace:
        for _round in range(rounds):
            start.wait(timeout=60)
            for action in ("import", "adopt", "edit", "read"):
                began = time.perf_counter()
                try:
                    if action == "import":
                        import_model(workspace, model)
                        outcome.imported += 1
                    elif action == "adopt":
                        adopt(workspace, scenario_id, date(2027, 1, 1), "Chair", date(2026, 12, 1))
                        outcome.adopted += 1
                    elif action == "edit":
                        outcome.refused_as_stale += _add_a_pound(
                            workspace, scenario_id, StaleRecord
                        )
                        outcome.edits += 1
                    else:  # as a window reads while the other saves: whole, so it prices
                        price_scenario(workspace.load_scenario(scenario_id))
                except StorageError as error:  # e.g. "another program is using the workspace"
                    outcome.errors.append(f"{action}: {error}")
                outcome.slowest_write = max(outcome.slowest_write, time.perf_counter() - began)


def _add_a_pound(workspace: Any, scenario_id: int, stale: type[Exception]) -> int:
    """Read, edit and save as the window does; returns how many saves were refused first."""
    refused = 0
    while True:
        scenario = workspace.load_scenario(scenario_id)
        costs = tuple(
            replace(line, annual_amount=line.annual_amount + 1) if line.id == RENT else line
            for line in scenario.costs
        )
        try:
            workspace.save_scenario(scenario_id, replace(scenario, costs=costs))
            return refused
        except stale:
            refused += 1


def run(url: str, rounds: int, writers: int = 2) -> tuple[list[Outcome], dict[str, Any]]:
    """Run `writers` processes of `rounds` rounds on a fresh workspace at `url`; returns each
    writer's outcome and what the workspace holds afterwards."""
    from costready.storage.workspace import Workspace

    org_id, scenario_id = prepare(url)
    with Workspace(url) as workspace:
        rent_before = rent(workspace.load_scenario(scenario_id))
    context = multiprocessing.get_context("spawn")  # a clean interpreter, as a second program
    start = context.Barrier(writers)
    results = context.Queue()
    processes = [
        context.Process(target=writer, args=(url, scenario_id, rounds, start, results))
        for _ in range(writers)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    with Workspace(url) as workspace:
        names = [org.name for org in workspace.organisations()]
        held = {
            "names": names,
            "rent_added": rent(workspace.load_scenario(scenario_id)) - rent_before,
            "price_lists": len(workspace.price_lists(org_id)),
            "adopted": [s.adopted for s in workspace.scenarios(org_id)],
        }
    return outcomes, held


def problems(outcomes: list[Outcome], held: dict[str, Any], rounds: int) -> list[str]:
    """Everything that went wrong: errors, lost updates, duplicates (empty: all held)."""
    writers = len(outcomes)
    found = [error for outcome in outcomes for error in outcome.errors]
    names = held["names"]
    if len(names) != len({name.casefold() for name in names}):
        found.append(f"two organisations share a name: {sorted(names)}")
    if len(names) != 1 + writers * rounds:
        found.append(f"{len(names)} organisations, expected {1 + writers * rounds}")
    if held["rent_added"] != writers * rounds:
        found.append(f"rent went up by {held['rent_added']}, expected {writers * rounds}: lost")
    if held["price_lists"] != writers * rounds:
        found.append(f"{held['price_lists']} price lists, expected {writers * rounds}")
    if held["adopted"] != [True]:
        found.append(f"adopted flags {held['adopted']}")
    return found
