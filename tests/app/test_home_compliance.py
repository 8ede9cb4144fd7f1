"""Home's checklist tiles: readiness overall, and what is overdue or due within 60 days."""

from __future__ import annotations

from datetime import date

from costready.app import compliance
from costready.app.next_steps import compliance_steps
from costready.app.sample import install_sample
from costready.compliance.readiness import Progress, Status

TODAY = date(2026, 12, 6)


def _done(workspace, org_id: int, item_id: str, renews_on: date) -> None:
    progress = Progress(Status.DONE, done_on=date(2025, 12, 1), renews_on=renews_on)
    assert compliance.save_progress(workspace, org_id, item_id, progress) == []


def test_before_the_interview_home_asks_for_it(workspace) -> None:
    org_id, _scenario = install_sample(workspace)
    compliance.save_answers(workspace, org_id, {})  # the sample comes answered: not yet here
    (step,) = compliance_steps(workspace, org_id, TODAY)
    assert step.key == "checklist" and not step.done
    assert "Answer a few questions" in step.text


def test_readiness_overdue_and_due_soon_tiles(workspace) -> None:
    org_id, _scenario = install_sample(workspace)
    compliance.save_answers(workspace, org_id, {"food": "regularly"})
    view = compliance.checklist(workspace, org_id, TODAY)
    # the app marks some tips done itself (the sample's prices are adopted): count from there
    done_by_app = view.overall.done
    first, second, third = [e.item.id for e in view.entries if e.applicable and not e.done_by_app][
        :3
    ]
    _done(workspace, org_id, first, date(2026, 11, 30))  # expired last week
    _done(workspace, org_id, second, date(2027, 1, 20))  # within 60 days
    _done(workspace, org_id, third, date(2027, 6, 1))  # later: neither list

    steps = {s.key: s for s in compliance_steps(workspace, org_id, TODAY)}
    assert set(steps) == {"checklist", "checklist_overdue", "checklist_due_soon"}
    overall = compliance.checklist(workspace, org_id, TODAY).overall
    assert overall.done == done_by_app + 2  # the overdue one no longer counts as done
    assert f"{overall.done} of {overall.applicable} items" in steps["checklist"].text
    assert first in steps["checklist_overdue"].text
    assert "30/11/2026" in steps["checklist_overdue"].text
    assert (
        second in steps["checklist_due_soon"].text and third not in steps["checklist_due_soon"].text
    )
    assert "20/01/2027" in steps["checklist_due_soon"].text
    assert all(s.page == "checklist" for k, s in steps.items() if k != "checklist")


def test_a_long_list_names_three_and_counts_the_rest(workspace) -> None:
    org_id, _scenario = install_sample(workspace)
    view = compliance.checklist(workspace, org_id, TODAY)
    ids = [e.item.id for e in view.entries if e.applicable][:5]
    for item_id in ids:
        _done(workspace, org_id, item_id, date(2026, 12, 1))
    (overdue,) = [
        s for s in compliance_steps(workspace, org_id, TODAY) if s.key.endswith("overdue")
    ]
    assert overdue.title == "5 items overdue"
    assert overdue.text.endswith("and 2 more")
    assert ids[3] not in overdue.text


def test_the_start_up_snapshot_shows_no_checklist_tiles() -> None:
    class Snapshot:  # a WorkspaceReader that cannot open units of work
        pass

    assert compliance_steps(Snapshot(), 1, TODAY) == []  # type: ignore[arg-type]
