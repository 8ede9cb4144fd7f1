"""Start-up: time to a visible main window, and to the sample's prices on screen.

Each is a ratio to a bare PySide6 window shown by the same Python in the same run (goals: window
<= 1.5, prices <= 3.0). Every measurement is a fresh process, timed from launch to the moment
the child reports; the median of several runs is printed.
Run: `.venv/bin/python bench/bench_startup.py`.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ENV = dict(os.environ)

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
from PySide6.QtCore import QEvent, QObject, QTimer
from costready.ui.app import create_application
from costready.ui.main_window import MainWindow
class PricesPainted(QObject):
    # the prices are on screen when the Prices table, holding rows, paints
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and window.pages["prices"].model.rowCount() > 0:
            print("prices", time.time(), flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
painted = PricesPainted()
make_page = MainWindow._make_page
def watch_prices(self, key):
    # watch the Prices table alone: a filter on the whole application would slow every event
    page = make_page(self, key)
    if key == "prices":
        page.table.viewport().installEventFilter(painted)
    return page
MainWindow._make_page = watch_prices
app = create_application()
window = MainWindow(); window.show()
def check():
    if window.windowHandle() and window.windowHandle().isExposed():
        print("window", time.time(), flush=True)
        window.open_workspace_url(sys.argv[1])  # as costready.ui.app.run does
    else:
        QTimer.singleShot(1, check)
QTimer.singleShot(0, check)
app.exec()
"""

CLOSED_ON_PRICES = r"""
import sys
from costready.app.opening import LAST_PAGE
from costready.app.snapshot import write_snapshot
from costready.app.workspace import open_workspace
# as the window leaves the workspace when closed on the Prices page: the page remembered, and
# a snapshot of the first screen written
with open_workspace(sys.argv[1]) as workspace:
    workspace.set_setting(None, LAST_PAGE, "prices")
    assert write_snapshot(workspace) is not None
"""


def measure(code: str, *args: str) -> dict[str, float]:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=ENV
    ).stdout
    marks = {}
    for line in out.splitlines():
        name, _, stamp = line.partition(" ")
        if name in ("window", "prices"):
            marks[name] = float(stamp) - start
    return marks


def written_since(path: Path) -> None:
    """Write to the workspace as another program would: any snapshot of it is stale now."""
    # a real change: SQLite writes nothing (and keeps its change counter) for an identical row
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM setting WHERE key = 'bench.written'")
        connection.execute(
            "INSERT INTO setting (organisation_id, key, value) VALUES (NULL, 'bench.written', ?)",
            (str(time.time()),),
        )
    connection.close()


def main() -> None:
    # an installed CostReady runs from bytecode (pip compiles it on install); a checkout on a
    # machine with PYTHONDONTWRITEBYTECODE set would otherwise compile every module on every run
    package = Path(__file__).resolve().parent.parent / "costready"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    folder = Path(tempfile.mkdtemp())
    # snapshots of the first screen go to this run's own cache folder (platformdirs on Linux)
    ENV["XDG_CACHE_HOME"] = str(folder / "cache")
    url = f"sqlite:///{folder / 'bench.sqlite'}"
    subprocess.run(
        [sys.executable, "-m", "costready", "--database", url, "demo"],
        check=True,
        capture_output=True,
        env=ENV,
    )
    # the window reopens on the page it closed on: here, the Prices page; a copy of the file,
    # written to before each launch, has no current snapshot: the ordinary way in
    subprocess.run([sys.executable, "-c", CLOSED_ON_PRICES, url], check=True, env=ENV)
    plain = f"sqlite:///{folder / 'no-snapshot.sqlite'}"
    shutil.copy(folder / "bench.sqlite", folder / "no-snapshot.sqlite")
    bare, window, prices, ordinary = [], [], [], []
    for _ in range(RUNS):
        bare.append(measure(BARE)["window"])
        marks = measure(COSTREADY, url)
        window.append(marks["window"])
        prices.append(marks["prices"])
        written_since(folder / "no-snapshot.sqlite")  # so its snapshot of last run is stale
        ordinary.append(measure(COSTREADY, plain)["prices"])
    base = statistics.median(bare)
    print(f"bare PySide6 window visible      {base * 1000:7.0f} ms (median of {RUNS})")
    for label, values, goal in (
        ("CostReady window visible", window, "1.5"),
        ("sample prices on screen", prices, "3.0"),
        ("  the same, with no snapshot", ordinary, "none"),
    ):
        median = statistics.median(values)
        print(f"{label:32} {median * 1000:7.0f} ms  ratio {median / base:4.2f} (goal <= {goal})")


if __name__ == "__main__":
    main()
