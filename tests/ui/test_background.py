"""Background work: the job runs off the GUI thread and its result comes back on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from costready.ui.background import Job, run_in_background, wait_for_background_work


def test_a_job_runs_off_the_gui_thread_and_reports_on_it(qtbot):
    gui = threading.get_ident()
    ran_on: list[int] = []
    reported_on: list[int] = []
    owner = QObject()

    def work() -> int:
        ran_on.append(threading.get_ident())
        return 42

    results: list[object] = []

    def succeeded(result: object) -> None:
        reported_on.append(threading.get_ident())
        results.append(result)

    run_in_background(work, owner, succeeded, lambda _message: None)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert ran_on and ran_on[0] != gui
    assert reported_on == [gui]


def test_a_failing_job_says_why(qtbot):
    def work() -> None:
        raise OSError("the disk is full")

    job = Job(work)
    with qtbot.waitSignal(job.failed, timeout=5000) as failed:
        job.start()
    assert failed.args == ["The disk is full", ""]  # in its own words: no details to copy
    assert wait_for_background_work(1000)
