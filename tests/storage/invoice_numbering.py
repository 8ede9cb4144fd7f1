"""Two programs issuing invoices at once from one workspace (tests and bench share this)."""

from __future__ import annotations

import multiprocessing
import time
import traceback
from multiprocessing.synchronize import Barrier
from typing import Any


def issuer(url: str, draft_ids: list[int], start: Barrier, results: Any) -> None:
    """Issue every draft in `draft_ids`, one unit of work each (a process's target).

    Two programs issuing in a tight loop can keep each other waiting past SQLite's busy
    timeout (its busy handler is not fair); the app then says "another program is using the
    workspace file ... try again" with nothing written, and this program tries again, as a
    person would. What must hold is the numbers: unique and without gaps."""
    from costready.app.invoices import issue
    from costready.storage.errors import StorageError
    from costready.storage.workspace import Workspace
    from tests.storage.invoicing_data import ISSUED_ON

    numbers: list[str] = []
    began = time.time()  # wall-clock, so the two programs' times compare
    try:
        with Workspace(url) as workspace:
            start.wait(timeout=60)
            began = time.time()
            for draft_id in draft_ids:
                for attempt in range(RETRIES):
                    try:
                        issued = issue(workspace, draft_id, ISSUED_ON)
                        break
                    except StorageError as error:
                        if "another program" not in str(error) or attempt == RETRIES - 1:
                            raise
                numbers.append(issued.number or "")
        results.put((numbers, None, began, time.time()))
    except BaseException:
        results.put((numbers, traceback.format_exc(), began, time.time()))


#: How often an issue that met "another program is using the workspace" is tried again.
RETRIES = 20


Outcome = tuple[list[str], str | None, float, float]


def run(url: str, per_process: int, processes: int = 2) -> list[Outcome]:
    """Prepare drafts on a fresh workspace at `url` and let `processes` programs issue
    `per_process` each, all at once; each program's numbers (in the order issued), error, and
    when it began issuing and finished (wall-clock seconds)."""
    from costready.storage.workspace import Workspace
    from tests.storage import invoicing_data as data

    with Workspace(url) as workspace:
        org_id = data.organisation(workspace)
        customer_id = data.council(workspace, org_id)
        drafts = data.drafts(workspace, org_id, customer_id, per_process * processes)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(processes)
    results = context.Queue()
    workers = [
        context.Process(
            target=issuer,
            args=(url, drafts[i * per_process : (i + 1) * per_process], start, results),
        )
        for i in range(processes)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    return outcomes
