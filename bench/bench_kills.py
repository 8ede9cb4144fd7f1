"""Kill CostReady hundreds of times mid-write: 0 corrupt workspaces, 0 half writes, 0 lost rows.

Run by hand: `.venv/bin/python bench/bench_kills.py [--kills 200] [--seed 1]`. Each round starts
`costready model import`, `costready demo` or `costready adopt` in a child process on one SQLite
workspace and sends it SIGKILL after a random delay; after every kill the workspace is checked
(tests/storage/kills.py: SQLite's integrity check, every scenario whole, nothing that was there
before the kill missing). Prints the kills, the commands that finished first, the time and every
problem; exit code 1 if any. The suite runs the bounded form (tests/storage/test_kills.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.storage import kills  # noqa: E402  (the harness lives beside its test)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        outcome = kills.run(Path(folder), args.kills, seed=args.seed)
        elapsed = time.perf_counter() - started
    print(
        f"{outcome.kills} kills, {outcome.finished} commands finished first, "
        f"{elapsed:.0f} s; problems: {len(outcome.problems)}"
    )
    for problem in outcome.problems:
        print("  " + problem)
    return 1 if outcome.problems else 0


if __name__ == "__main__":
    sys.exit(main())
