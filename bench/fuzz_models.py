"""The full fuzz of model files: many thousands of `price --json` and `model import` calls.

Run by hand: `.venv/bin/python bench/fuzz_models.py [--calls N] [--seed S]` (from the checkout).
Each call gets a hostile model file (tests/cli/hostile.py: the example model with hostile
values, raw number literals, deep nesting, long and invalid text, wrong encodings) and runs the
command in this process through `costready.__main__.main`. It counts:
- tracebacks: an exception escaping main(), or "Traceback" on stderr;
- bad exits: any exit status other than 0 or 1;
- partial writes: a refused import that changed the workspace, or an accepted one that added
  anything but one scenario.
Goal: 0 of each. The bounded form of this is tests/cli/test_fuzz.py.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.cli.hostile import hostile_model, run_cli, scenario_count, snapshot


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--calls", type=int, default=10_000)
    options.add_argument("--seed", type=int, default=13)
    args = options.parse_args()
    rng = random.Random(args.seed)
    counts: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        database = f"sqlite:///{Path(folder) / 'fuzz.sqlite'}"
        model = Path(folder) / "model.json"
        run_cli(["--database", database, "list"])  # the workspace exists before any import
        for call in range(args.calls):
            model.write_bytes(hostile_model(rng))
            importing = call % 2 == 1
            command = ["--database", database, "model", "import"] if importing else ["price"]
            argv = [*command, str(model)] + ([] if importing else ["--json"])
            before = snapshot(database) if importing else ()
            try:
                status, _out, err = run_cli(argv)
            except BaseException as error:  # what the fuzz is looking for
                counts["tracebacks"] += 1
                examples.setdefault(type(error).__name__, traceback.format_exc())
                continue
            counts[f"{command[-1]} exit {status}"] += 1
            if "Traceback" in err:
                counts["tracebacks"] += 1
                examples.setdefault("stderr", err)
            if status not in (0, 1):
                counts["bad exits"] += 1
            if importing:
                after = snapshot(database)
                added = scenario_count(after) - scenario_count(before)
                if (status == 1 and after != before) or (status == 0 and added != 1):
                    counts["partial writes"] += 1
    seconds = time.perf_counter() - started
    print(f"{args.calls:,} calls in {seconds:.0f} s (seed {args.seed})")
    for key in ("tracebacks", "bad exits", "partial writes"):
        print(f"  {key}: {counts.pop(key, 0)}")
    for key, count in sorted(counts.items()):
        print(f"  {key}: {count:,}")
    for kind, text in examples.items():
        print(f"--- first {kind}:\n{text}")
    return 1 if examples else 0


if __name__ == "__main__":
    sys.exit(main())
