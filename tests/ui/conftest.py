"""Shared UI fixtures: a fresh workspace per test, the sample organisation, and the window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from costready.app.sample import install_sample
from costready.storage.workspace import Workspace


@pytest.fixture(autouse=True)
def snapshot_folder(tmp_path, monkeypatch):
    """Snapshots of the first screen go to the test's own folder, not the user's cache."""
    from costready.app import snapshot

    folder = tmp_path / "first-screen"
    monkeypatch.setattr(snapshot, "snapshot_folder", lambda: folder)
    return folder


@pytest.fixture(autouse=True)
def usual_window_size(request, monkeypatch):
    """The offscreen test screen is 800 x 800, so the window would open narrower than on a
    laptop; tests of the pages' layout expect the usual 1100 x 720 (the tests of the opening
    size itself are marked `real_first_size`)."""
    if request.node.get_closest_marker("real_first_size"):
        return
    from PySide6.QtCore import QSize

    from costready.ui import main_window

    monkeypatch.setattr(main_window, "first_size", lambda: QSize(1100, 720))


@pytest.fixture(autouse=True)
def preferences_file(tmp_path, monkeypatch):
    """The window's own preferences (last folder, recent workspaces) go to the test's folder."""
    from costready.ui import file_dialogs

    path = tmp_path / "window.ini"
    monkeypatch.setattr(file_dialogs, "preferences_file", lambda: path)
    return path


@pytest.fixture(autouse=True)
def no_unexpected_question(monkeypatch):
    """A "did you mean…?" box no test expected fails the test instead of waiting for a click
    (tests that expect one patch `ask_doubt` themselves)."""
    from costready.ui.pages import staff

    def unexpected(_parent, doubt):
        raise AssertionError(f"an unexpected question: {doubt.question}")

    monkeypatch.setattr(staff, "ask_doubt", unexpected)


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    yield ws
    ws.close()


@pytest.fixture
def sample_ids(workspace) -> tuple[int, int]:
    """(organisation id, scenario id) of the sample organisation installed in `workspace`."""
    return install_sample(workspace)


@pytest.fixture
def document(qtbot, workspace, sample_ids):
    from costready.ui.document import ScenarioDocument

    organisation_id, scenario_id = sample_ids
    return ScenarioDocument(workspace, organisation_id, scenario_id, QUndoStack())


@pytest.fixture
def example_ids(workspace) -> tuple[int, int]:
    """(organisation id, scenario id) of the reference example model, whose prices are known."""
    from costready.app.model_files import import_model
    from costready.costing.modelfile import load_model_file
    from tests.conftest import EXAMPLE_MODEL

    return import_model(workspace, load_model_file(EXAMPLE_MODEL))


@pytest.fixture
def example_doc(qtbot, workspace, example_ids):
    from costready.ui.document import ScenarioDocument

    organisation_id, scenario_id = example_ids
    return ScenarioDocument(workspace, organisation_id, scenario_id, QUndoStack())


@pytest.fixture
def window(qtbot, workspace, sample_ids):
    """The main window, shown, with the sample organisation open."""
    from costready.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.workspace_loaded):
        win.set_workspace(workspace)
    return win


@pytest.fixture
def invoicing_ids(workspace, example_ids) -> tuple[int, int]:
    """(organisation id, scenario id) of the example organisation, its prices adopted from
    today and no invoicing records yet (the sample has some): invoicing tests start empty."""
    from datetime import date

    from costready.app.adoption import adopt

    adopt(workspace, example_ids[1], date.today(), "Trustees", date.today(), despite_warnings=True)
    return example_ids


@pytest.fixture
def invoicing_window(qtbot, workspace, invoicing_ids):
    """The main window, shown, with that organisation open."""
    from costready.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.workspace_loaded):
        win.set_workspace(workspace)
    return win
