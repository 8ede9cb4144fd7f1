"""Slow work off the GUI thread: a job runs in Qt's thread pool and reports back by signal.

The work is plain Python (a PDF from domain values, say) and must not touch widgets; its
result, or the error that stopped it, comes back through `succeeded` or `failed`, delivered on
the GUI thread because the job object lives there. A failure comes back in words (never a
traceback), with the technical details beside it when the error was not one written for people.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from costready.ui.dialogs.error import details_of, plain_message, worded


class Job(QObject):
    """One piece of background work: `start()` it, then listen to `succeeded` or `failed`."""

    succeeded = Signal(object)  # what the work returned
    #: what went wrong, in words; and the traceback when the error was unexpected ("" when
    #: the error said it in words of its own: a full disk, a file that cannot be written)
    failed = Signal(str, str)

    def __init__(self, work: Callable[[], object], parent: QObject | None = None):
        super().__init__(parent)
        self._work = work

    def start(self) -> None:
        """Queue the work in the application's thread pool."""
        QThreadPool.globalInstance().start(_Runner(self))

    def _run(self) -> None:  # on a pool thread
        try:
            result = self._work()
        except Exception as error:  # reported to the person; the window carries on
            own_words = worded(error)
            if own_words is not None:
                self.failed.emit(own_words, "")
            else:
                self.failed.emit(plain_message(error), details_of(error))
        else:
            self.succeeded.emit(result)


class _Runner(QRunnable):
    def __init__(self, job: Job):
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()


def run_in_background(
    work: Callable[[], object],
    parent: QObject,
    succeeded: Callable[[object], None],
    failed: Callable[[str, str], None],
) -> Job:
    """Run `work` off the GUI thread; `succeeded(result)` or `failed(message, details)` runs on
    the GUI thread when it ends (`details` "" unless the error was unexpected). The job
    belongs to `parent` until then, and is deleted afterwards."""
    job = Job(work, parent)
    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    job.succeeded.connect(job.deleteLater)
    job.failed.connect(job.deleteLater)
    job.start()
    return job


def wait_for_background_work(milliseconds: int = 10000) -> bool:
    """Wait for every queued job to end (at closing: a PDF half-written is no use)."""
    return QThreadPool.globalInstance().waitForDone(milliseconds)
