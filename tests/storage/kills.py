"""Kill CostReady mid-write, again and again: the workspace must stay whole and lose nothing.

A child process runs one writing command through the CLI (`model import`, `adopt`, `demo`) and is
sent SIGKILL after a random delay, often inside its unit of work. After each kill the workspace
is checked with the standard library alone: SQLite's integrity check, every scenario complete
(as many services, posts and cost lines as the model file has: never half an import), every
organisation with a scenario, and every scenario and price list seen before the kill still
there. Used by tests/storage/test_kills.py (a few kills) and bench/bench_kills.py (hundreds).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "fixtures" / "example-model.json"


@dataclass
class Outcome:
    """What the kills did: how many landed mid-write, and every problem found afterwards."""

    kills: int = 0
    finished: int = 0  # the command ended before the signal came
    problems: list[str] = field(default_factory=list)


def commands(url: str) -> list[list[str]]:
    """The writing commands a kill interrupts (each a whole user action, one unit of work)."""
    base = [sys.executable, "-m", "costready", "--database", url]
    return [
        [*base, "model", "import", str(EXAMPLE)],
        [*base, "demo"],
        [*base, "adopt", "--from", "01/04/2026", "--approved-by", "Trustees", "--despite-warnings"],
    ]


SAMPLE = ROOT / "resources" / "sample" / "community-hub.json"


def _complete_shapes() -> set[tuple[int, int, int]]:
    """(services, posts, cost lines) of a whole scenario from each model the commands write."""
    shapes = set()
    for model in (EXAMPLE, SAMPLE):
        data = json.loads(model.read_text(encoding="utf-8"))
        shapes.add((len(data["services"]), len(data["staff"]), len(data["costs"])))
    return shapes


def _open(path: Path) -> sqlite3.Connection:
    """The workspace as the next program to open it sees it: read-write, so a journal the killed
    writer left behind is rolled back first (a read-only opener cannot, and fails on it)."""
    return sqlite3.connect(path, timeout=10)


def state(path: Path) -> tuple[set[int], set[int]]:
    """The scenario ids and price list ids in the file (read-only, standard library only)."""
    with closing(_open(path)) as db:
        scenarios = {row[0] for row in db.execute("SELECT id FROM scenario")}
        lists = {row[0] for row in db.execute("SELECT id FROM price_list")}
    return scenarios, lists


def check(path: Path, before: tuple[set[int], set[int]]) -> list[str]:
    """Everything wrong with the workspace after a kill (an empty list: whole and complete)."""
    problems: list[str] = []
    with closing(_open(path)) as db:
        verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            return [f"integrity check: {verdict}"]
        shapes = _complete_shapes()
        for (scenario_id,) in db.execute("SELECT id FROM scenario"):
            counts = tuple(
                db.execute(
                    f"SELECT count(*) FROM {table} WHERE scenario_id = ?", (scenario_id,)
                ).fetchone()[0]
                for table in ("scenario_service", "staff_post", "cost_line")
            )
            if counts not in shapes:
                problems.append(f"scenario {scenario_id} is not whole: {counts}")
        orphans = db.execute(
            "SELECT count(*) FROM organisation o WHERE NOT EXISTS "
            "(SELECT 1 FROM scenario s WHERE s.organisation_id = o.id)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} organisation(s) without their scenario")
    scenarios, lists = state(path)
    lost_scenarios, lost_lists = before[0] - scenarios, before[1] - lists
    if lost_scenarios or lost_lists:
        problems.append(f"lost rows: scenarios {lost_scenarios}, price lists {lost_lists}")
    return problems


def run(folder: Path, kills: int, seed: int = 1, max_delay: float = 1.5) -> Outcome:
    """Kill `kills` commands at random moments in a fresh workspace in `folder`."""
    path = folder / "workspace.sqlite"
    url = f"sqlite:///{path}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(commands(url)[0], env=env, check=True, capture_output=True)  # a first import
    outcome, rng = Outcome(), random.Random(seed)
    while outcome.kills < kills:
        before = state(path)
        command = rng.choice(commands(url))
        quiet = subprocess.DEVNULL
        child = subprocess.Popen(command, env=env, stdout=quiet, stderr=quiet)
        try:
            child.wait(timeout=rng.uniform(0.05, max_delay))
            outcome.finished += 1
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait()
            outcome.kills += 1
        outcome.problems += check(path, before)
        if outcome.problems:
            break
    return outcome
