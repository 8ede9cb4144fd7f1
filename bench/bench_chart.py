"""Times the cost build-up chart as SVG beside a bare one-line drawing rendered in the same run.

Run by hand: `.venv/bin/python bench/bench_chart.py [--runs N]`.
Goal: the Prices page's chart of the golden example (three services) renders in <= 50 ms, the
median of the runs; the chart of 200 services (bench/generate.py) is printed beside it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.graphics.shapes import Drawing, String

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/generate.py

from generate import large_scenario

from costready.costing.engine import price_scenario
from costready.costing.modelfile import load_model_file
from costready.costing.results import ScenarioResult
from costready.reports.charts import cost_buildup_drawing, drawing_to_svg

EXAMPLE_MODEL = Path(__file__).resolve().parents[1] / "tests/fixtures/example-model.json"
GOAL_MS = 50.0


def bare_svg() -> bytes:
    """The baseline: a drawing holding one line of text, through the same SVG renderer."""
    drawing = Drawing(480, 40)
    drawing.add(String(10, 20, "Cost build-up"))
    return drawing_to_svg(drawing)


def chart_svg(result: ScenarioResult) -> bytes:
    """What the Prices page draws: every service's build-up, as SVG."""
    return drawing_to_svg(cost_buildup_drawing(result))


def median_ms(work: Callable[[], bytes], runs: int) -> float:
    """Median wall time of `runs` calls, in milliseconds (after one warm-up call, which must
    give an SVG document)."""
    if not work().startswith(b"<?xml"):
        raise SystemExit("the chart did not render as SVG")
    times = []
    for _run in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)

    example = price_scenario(load_model_file(EXAMPLE_MODEL).scenario)
    large = price_scenario(large_scenario(services=200))
    floor = median_ms(bare_svg, args.runs)
    small = median_ms(lambda: chart_svg(example), args.runs)
    big = median_ms(lambda: chart_svg(large), args.runs)
    print(f"median of {args.runs} runs")
    print(f"baseline (one-line drawing, same SVG renderer): {floor:8.2f} ms")
    print(
        f"chart SVG, golden example (3 services):         {small:8.2f} ms"
        f"  ratio {small / floor:6.1f}x  goal <= {GOAL_MS:.0f} ms"
        f"  {'met' if small <= GOAL_MS else 'MISSED'}"
    )
    print(
        f"chart SVG, 200 services:                        {big:8.2f} ms  ratio {big / floor:6.1f}x"
    )
    return 0 if small <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
