"""Render every page of the window with the sample organisation to docs/screenshots/*.png.

Run by hand (`QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [OUT_DIR]`) to look at
the screens as a new user sees them, and to refresh the README's picture.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize

from costready.ui.app import create_application
from costready.ui.main_window import MainWindow

PAGES = ("home", "organisation", "services", "staff", "costs", "prices")


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = create_application([])
    from costready.app import snapshot
    from costready.app.sample import install_sample
    from costready.app.workspace import open_workspace

    folder = Path(tempfile.mkdtemp())
    # the window snapshots its first screen on closing: not into the user's cache
    snapshot.snapshot_folder = lambda: folder / "first-screen"
    url = f"sqlite:///{folder / 'shots.sqlite'}"
    with open_workspace(url) as workspace:
        install_sample(workspace)
    window = MainWindow()
    window.resize(QSize(1280, 800))
    window.show()
    window.open_workspace_url(url)
    for key in PAGES:
        window.show_page(key)
        app.processEvents()
        window.grab().save(str(out / f"{key}.png"))
        print(out / f"{key}.png")
    window.close()


if __name__ == "__main__":
    main()
