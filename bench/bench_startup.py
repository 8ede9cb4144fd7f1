"""Start-up: time to a visible main window, and to the sample's prices on screen.

Each is a ratio to a bare PySide6 window shown by the same Python in the same run (goals: window
<= 1.5, prices <= 3.0). Every measurement is a fresh process, timed from launch to the moment
the child reports; the median of several runs is printed.
Run: `.venv/bin/python bench/bench_startup.py`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "5"))

BARE = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication(sys.argv)
window = QMainWindow(); window.resize(1100, 720); window.show()
def check():
    if window.windowHandle() and window.windowHandle().isExposed():
        print("window", time.time(), flush=True); app.quit()
    else:
        QTimer.singleShot(1, check)
QTimer.singleShot(0, check)
app.exec()
"""

COSTREADY = r"""
import sys, time
from PySide6.QtCore import QTimer
from costready.ui.app import create_application
from costready.ui.main_window import MainWindow
app = create_application()
window = MainWindow(); window.show()
state = {"window": False}
def prices_shown():
    page = getattr(window, "pages", {}).get("prices")
    model = getattr(page, "model", None)
    return model is not None and model.rowCount() > 0
def check():
    if not state["window"] and window.windowHandle() and window.windowHandle().isExposed():
        state["window"] = True
        print("window", time.time(), flush=True)
        window.open_workspace_url(sys.argv[1])
        window.show_page("prices")
    if state["window"] and prices_shown():
        print("prices", time.time(), flush=True); app.quit(); return
    QTimer.singleShot(1, check)
QTimer.singleShot(0, check)
app.exec()
"""


def measure(code: str, *args: str) -> dict[str, float]:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True).stdout
    marks = {}
    for line in out.splitlines():
        name, _, stamp = line.partition(" ")
        if name in ("window", "prices"):
            marks[name] = float(stamp) - start
    return marks


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'bench.sqlite'}"
    subprocess.run([sys.executable, "-m", "costready", "--database", url, "demo"],
                   check=True, capture_output=True)
    bare, window, prices = [], [], []
    for _ in range(RUNS):
        bare.append(measure(BARE)["window"])
        marks = measure(COSTREADY, url)
        window.append(marks["window"])
        prices.append(marks["prices"])
    base = statistics.median(bare)
    print(f"bare PySide6 window visible      {base * 1000:7.0f} ms (median of {RUNS})")
    for label, values, goal in (("CostReady window visible", window, 1.5),
                                ("sample prices on screen", prices, 3.0)):
        median = statistics.median(values)
        print(f"{label:32} {median * 1000:7.0f} ms  ratio {median / base:4.2f} (goal <= {goal})")


if __name__ == "__main__":
    main()
