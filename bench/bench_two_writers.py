"""Two processes import, adopt and edit one workspace at once: nothing lost, nothing doubled.

Run by hand or from CI: `.venv/bin/python bench/bench_two_writers.py [--rounds 50] [URL ...]`.
With no URL it uses a fresh SQLite file, and also the PostgreSQL database named by
$COSTREADY_TEST_POSTGRES_URL if set (its CostReady tables are emptied first and last, so give
a scratch database). Each round both writers, started together, import the example model as a
new organisation, adopt a shared scenario and add £1 to its rent as the window edits
(tests/storage/two_writers.py). It prints, per database: the time, the slowest single write,
how often an edit met a newer save and was made again, and every problem; the goal is 0
problems (no error such as "locked", no lost £1, no two organisations of one name). Exit code
1 if any.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.storage import two_writers  # noqa: E402  (the rounds live beside their test)


def _empty(url: str) -> None:
    from costready.storage import migrate
    from costready.storage.db import make_engine

    engine = make_engine(url)
    try:
        migrate.downgrade(engine, "base")
    finally:
        engine.dispose()


def _one(url: str, rounds: int) -> int:
    server = not url.startswith("sqlite")
    if server:
        _empty(url)
    began = time.perf_counter()
    try:
        outcomes, held = two_writers.run(url, rounds)
    finally:
        if server:
            _empty(url)
    took = time.perf_counter() - began
    found = two_writers.problems(outcomes, held, rounds)
    backend = url.split(":", 1)[0]
    print(
        f"{backend}: {rounds} rounds x 2 writers in {took:.1f} s; slowest write "
        f"{max(o.slowest_write for o in outcomes):.2f} s; edits refused as stale and made "
        f"again: {sum(o.refused_as_stale for o in outcomes)}; problems: {len(found)}"
    )
    for problem in found:
        print(f"  {problem}")
    return len(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("urls", nargs="*", metavar="URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        urls = args.urls or [f"sqlite:///{Path(folder) / 'two-writers.sqlite'}"]
        if not args.urls and os.environ.get("COSTREADY_TEST_POSTGRES_URL"):
            urls.append(os.environ["COSTREADY_TEST_POSTGRES_URL"])
        problems = sum(_one(url, args.rounds) for url in urls)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
