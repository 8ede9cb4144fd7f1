"""Start-up: the page the window opens on is painted from the workspace's snapshot, then the
workspace takes over without redrawing it; the window reopens on the page it closed on."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from costready.app.opening import LAST_PAGE
from costready.app.sample import install_sample
from costready.app.snapshot import FirstScreen, read_first_screen, write_snapshot
from costready.storage.workspace import StorageError, Workspace
from costready.ui.main_window import MainWindow


@pytest.fixture
def sample_url(tmp_path) -> str:
    """A workspace file holding the sample organisation, last closed on the Prices page (so
    with a snapshot of that page, as the window leaves it on closing)."""
    url = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    with Workspace(url) as workspace:
        install_sample(workspace)
        workspace.set_setting(None, LAST_PAGE, "prices")
        assert write_snapshot(workspace) is not None
    return url


@pytest.fixture
def new_window(qtbot):
    def make() -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def watch_open(monkeypatch):
    """Records what the window shows at the moment the workspace itself is opened."""

    def watch(window: MainWindow) -> list[tuple[type | None, str]]:
        shown: list[tuple[type | None, str]] = []
        real_open = Workspace.open

        def open_and_look(url=None):
            reader = window.document.workspace if window.document is not None else None
            shown.append((type(reader) if reader is not None else None, window.current_page_key()))
            return real_open(url)

        monkeypatch.setattr(Workspace, "open", open_and_look)
        return shown

    return watch


def _close(window: MainWindow) -> None:
    window.close()
    assert window.workspace is None  # closed what it opened


def test_the_first_page_shows_before_the_workspace_opens(new_window, sample_url, monkeypatch):
    window = new_window()
    seen = {}
    real_open = Workspace.open

    def open_and_look(url=None):
        # what the window shows while the real workspace is still to open
        page = window.pages["prices"]
        seen["reader"] = window.document.workspace
        seen["workspace"] = window.workspace
        seen["page"] = window.current_page_key()
        seen["rows"] = page.model.rowCount()
        seen["enabled"] = window.sidebar.isEnabled()
        seen["redrawn"] = 0
        window.document.changed.connect(lambda: seen.update(redrawn=seen["redrawn"] + 1))
        return real_open(url)

    monkeypatch.setattr(Workspace, "open", open_and_look)
    assert window.open_workspace_url(sample_url)

    assert isinstance(seen["reader"], FirstScreen)
    assert seen["workspace"] is None  # nothing to write to yet
    assert seen["page"] == "prices"
    assert seen["rows"] == 5  # the sample's four services, priced, and their total
    assert seen["enabled"]
    assert isinstance(window.workspace, Workspace)
    assert window.document.workspace is window.workspace
    assert window.document.store is window.workspace
    assert window.pages["prices"].model.rowCount() == 5
    assert seen["redrawn"] == 0  # the same scenario: the pages keep selection and scroll
    _close(window)


def test_pages_are_built_when_first_shown(new_window, sample_url):
    window = new_window()
    window.open_workspace_url(sample_url)
    assert list(window.pages) == ["prices"]
    window.show_page("staff")
    assert set(window.pages) == {"prices", "staff"}
    assert window.stack.currentWidget() is window.pages["staff"]
    _close(window)


def test_the_window_reopens_on_the_page_it_closed_on_from_a_snapshot(
    new_window, sample_url, watch_open
):
    window = new_window()
    window.open_workspace_url(sample_url)
    window.show_page("costs")
    _close(window)  # remembers the page, then snapshots the first screen

    again = new_window()
    shown = watch_open(again)
    again.open_workspace_url(sample_url)
    assert shown == [(FirstScreen, "costs")]
    assert again.current_page_key() == "costs"
    _close(again)


def test_an_edit_is_snapshotted_once_edits_pause(qtbot, new_window, sample_url, monkeypatch):
    from costready.ui.shell import opening

    monkeypatch.setattr(opening, "SNAPSHOT_DELAY", 100)
    window = new_window()
    window.open_workspace_url(sample_url)
    document = window.document
    document.apply(replace(document.scenario, name="Budget (edited)"), "Rename scenario")
    assert read_first_screen(sample_url) is None  # written since: the old snapshot is stale
    qtbot.waitUntil(lambda: read_first_screen(sample_url) is not None, timeout=10000)
    assert read_first_screen(sample_url).scenario.name == "Budget (edited)"
    _close(window)


def test_a_new_workspace_opens_on_home(new_window, tmp_path, watch_open):
    window = new_window()
    shown = watch_open(window)
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    with Workspace(url) as workspace:
        install_sample(workspace)
    window.open_workspace_url(url)
    assert shown == [(None, "")]  # no snapshot yet: the ordinary way in
    assert window.current_page_key() == "home"
    _close(window)
    assert read_first_screen(url) is not None  # there is one for next time


def test_a_workspace_written_since_its_snapshot_opens_the_ordinary_way(
    new_window, sample_url, watch_open
):
    path = sample_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:  # another program, not even CostReady
        connection.execute("UPDATE scenario SET name = 'Budget (theirs)'")
    connection.close()
    window = new_window()
    shown = watch_open(window)
    assert window.open_workspace_url(sample_url)
    assert shown == [(None, "")]
    assert window.document.scenario.name == "Budget (theirs)"
    _close(window)


def test_a_workspace_that_fails_behind_its_snapshot_leaves_nothing_usable(
    new_window, sample_url, monkeypatch
):
    window = new_window()
    warned = []

    def fail(url=None):
        assert isinstance(window.document.workspace, FirstScreen)  # the snapshot was up
        raise StorageError("the workspace file is locked")

    monkeypatch.setattr(Workspace, "open", fail)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    assert not window.open_workspace_url(sample_url)

    assert window.workspace is None and window.document is None
    assert not window.sidebar.isEnabled()
    assert not window.undo_action.isEnabled()
    assert warned == ["the workspace file is locked"]
    assert list(window.pages) == []


@pytest.mark.parametrize("key", ["home", "organisation", "services", "staff", "costs", "prices"])
def test_every_page_can_be_the_first_screen(new_window, tmp_path, watch_open, key):
    """Each page builds from the snapshot alone: it reads nothing the snapshot cannot answer."""
    url = f"sqlite:///{tmp_path / 'hub.sqlite'}"
    with Workspace(url) as workspace:
        install_sample(workspace)
        workspace.set_setting(None, LAST_PAGE, key)
        write_snapshot(workspace)
    window = new_window()
    shown = watch_open(window)
    assert window.open_workspace_url(url)
    assert shown == [(FirstScreen, key)]
    assert window.current_page_key() == key
    _close(window)


def test_a_workspace_that_cannot_be_read_once_open_leaves_nothing_behind(
    new_window, sample_url, monkeypatch
):
    """Opened, but another program holds the file: the snapshot's pages go, nothing is kept."""
    window = new_window()
    opened = []
    real_open = Workspace.open

    def open_and_keep(url=None):
        opened.append(real_open(url))
        return opened[-1]

    def locked(*_args):
        raise StorageError("another program is using the workspace file")

    monkeypatch.setattr(Workspace, "open", open_and_keep)
    monkeypatch.setattr(Workspace, "organisations", locked)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: None)
    assert not window.open_workspace_url(sample_url)

    assert window.workspace is None and window.document is None
    assert list(window.pages) == []
    assert not window.sidebar.isEnabled()
    assert window.organisation_label.text() == ""
    assert opened[0]._closed  # the workspace that was opened is closed again


def test_a_snapshot_of_another_schema_revision_is_not_taken(
    new_window, sample_url, watch_open, monkeypatch
):
    from costready.app import snapshot

    monkeypatch.setattr(snapshot, "HEAD", "9999")  # this version's schema is newer
    window = new_window()
    shown = watch_open(window)
    assert window.open_workspace_url(sample_url)
    assert shown == [(None, "")]
    _close(window)


def test_after_a_failed_workspace_another_opens_cleanly(
    new_window, sample_url, tmp_path, monkeypatch
):
    window = new_window()
    real_open = Workspace.open
    monkeypatch.setattr(
        Workspace, "open", lambda url=None: (_ for _ in ()).throw(StorageError("damaged"))
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: None)
    assert not window.open_workspace_url(sample_url)

    other = f"sqlite:///{tmp_path / 'other.sqlite'}"
    with Workspace(other) as workspace:
        org_id, _scenario = install_sample(workspace)
        org = workspace.organisation(org_id)
        workspace.save_organisation(replace(org, name="Beta Trust"))
        workspace.set_setting(None, LAST_PAGE, "prices")  # the page the failed one showed
        write_snapshot(workspace)
    monkeypatch.setattr(Workspace, "open", real_open)
    assert window.open_workspace_url(other)
    assert window.organisation_label.text() == "Beta Trust"
    assert all(page.document is window.document for page in window.pages.values())
    window.show_page("home")
    texts = [label.text() for label in window.pages["home"].findChildren(QLabel)]
    assert any("Beta Trust" in text for text in texts)
    _close(window)


def test_a_change_saved_between_snapshot_and_open_is_shown(new_window, sample_url, monkeypatch):
    window = new_window()
    real_open = Workspace.open

    def save_elsewhere_then_open(url=None):
        assert isinstance(window.document.workspace, FirstScreen)
        with real_open(url) as elsewhere:  # another program saves in between
            scenario = elsewhere.load_scenario(window.document.scenario_id)
            elsewhere.save_scenario(
                window.document.scenario_id, replace(scenario, name="Budget (revised)")
            )
        return real_open(url)

    monkeypatch.setattr(Workspace, "open", save_elsewhere_then_open)
    assert window.open_workspace_url(sample_url)
    assert window.document.scenario.name == "Budget (revised)"
    assert window.scenario_combo.currentText() == "Budget (revised)"
    _close(window)
