"""Home's next steps: what the organisation has done and what to do next, in working order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from costready.app.adoption import adopted_price_list
from costready.app.guide import FINISHED_SETTING, STEP_SETTING
from costready.app.reading import OpensUnitsOfWork, WorkspaceReader, reading
from costready.costing.model import Scenario
from costready.costing.price_lists import Publication
from costready.costing.results import ScenarioResult
from costready.i18n import _, ngettext
from costready.money import format_percent
from costready.organisation import Organisation
from costready.problems import Problem

if TYPE_CHECKING:  # the checklist's definitions load when its tiles are read, not at start-up
    from costready.compliance.readiness import Entry, Readiness

#: The step key that resumes the guided setup (the others are page keys).
GUIDE = "guide"


@dataclass(frozen=True)
class Step:
    """One thing to do: where it leads, what it says, and whether it is done."""

    key: str  # the page key to go to (GUIDE resumes the guided setup)
    title: str
    text: str
    button: str
    done: bool
    page: str = ""  # the page its button opens, when that is not `key` (the checklist's lists)


@dataclass(frozen=True)
class NextSteps:
    """What Home shows: the organisation's name and the steps, in the order the work is done."""

    organisation_name: str
    steps: tuple[Step, ...]


def next_steps(
    workspace: WorkspaceReader,
    organisation_id: int,
    scenario_id: int,
    scenario: Scenario,
    result: ScenarioResult | None,
    problems: Sequence[Problem] = (),
) -> NextSteps:
    """The steps for the open `scenario` (as shown: `result` priced, or `problems` say why not).

    What it reads of the workspace (the organisation, the guide's progress, whether the scenario
    is adopted and what it published) it reads in one unit of work.
    """
    with reading(workspace) as reads:
        organisation = reads.organisation(organisation_id)
        guide_open = _guide_unfinished(reads, organisation_id)
        summaries = reads.scenarios(organisation_id)
        price_lists = reads.price_lists(organisation_id) if result is not None else []
    adopted = any(s.adopted and s.id == scenario_id for s in summaries)
    changed = (
        result is not None
        and Publication(
            scenario, result, adopted_price_list(scenario_id, summaries, price_lists)
        ).changed_since_adoption
    )
    steps = [_guide_step()] if guide_open else []
    steps += [
        _organisation_step(organisation),
        *_scenario_steps(scenario, problems),
        Step(
            "prices",
            _("Review and adopt your prices"),
            _prices_text(result, problems, adopted, changed),
            _("Open Prices"),
            adopted and not changed,
        ),
    ]
    return NextSteps(organisation.name, tuple(steps))


def _guide_unfinished(reads: WorkspaceReader, organisation_id: int) -> bool:
    """True when the organisation's guided setup was started and not finished."""
    return reads.get_setting(organisation_id, FINISHED_SETTING) != "1" and bool(
        reads.get_setting(organisation_id, STEP_SETTING)
    )


def _guide_step() -> Step:
    return Step(
        GUIDE,
        _("Resume guided setup"),
        _("You started the guided setup; carry on where you stopped."),
        _("Resume guided setup"),
        False,
    )


def _organisation_step(org: Organisation) -> Step:
    done = bool(org.name.strip() and org.address.strip())
    return Step(
        "organisation",
        _("Finish your organisation's details"),
        _("Name, address and VAT status are filled in.")
        if done
        else _("Your address, legal form and VAT status appear on price lists and invoices."),
        _("Open Organisation"),
        done,
    )


def _scenario_steps(scenario: Scenario, problems: Sequence[Problem] = ()) -> list[Step]:
    """Services, staff and costs: done once there are some and none of them has a problem
    (Home never says Done for something the prices cannot use)."""
    services, staff, costs = len(scenario.services), len(scenario.staff), len(scenario.costs)
    return [
        _records_step(
            "services",
            _("Add the services you sell"),
            ngettext("{n} service on your menu.", "{n} services on your menu.", services).format(
                n=services
            )
            if services
            else _("List what you offer and the unit you charge by (hour, session, place-week…)."),
            _("Open Services"),
            services,
            problems,
        ),
        _records_step(
            "staff",
            _("Add your staff"),
            ngettext(
                "{n} post, with pay and time split.", "{n} posts, with pay and time split.", staff
            ).format(n=staff)
            if staff
            else _("Each post's pay, on-costs and how its time is shared across services."),
            _("Open Staff"),
            staff,
            problems,
        ),
        _records_step(
            "costs",
            _("Add your running costs"),
            ngettext("{n} cost line.", "{n} cost lines.", costs).format(n=costs)
            if costs
            else _("Rent, insurance, travel, IT and other costs, and how they are shared."),
            _("Open Costs"),
            costs,
            problems,
        ),
    ]


def _records_step(
    key: str, title: str, text: str, button: str, count: int, problems: Sequence[Problem]
) -> Step:
    """A step for one kind of record (its key is the model's section: "services"...): its
    first problem, if any, replaces "Done" with what to fix."""
    found = [
        p for p in problems if p.path == f"$.{key}" or p.path.startswith((f"$.{key}[", f"$.{key}."))
    ]
    if count and found:
        text = ngettext(
            "{text} {n} thing to fix: {problem}",
            "{text} {n} things to fix, first: {problem}",
            len(found),
        ).format(text=text, n=len(found), problem=found[0].message)
    return Step(key, title, text, button, count > 0 and not found)


def _prices_text(
    result: ScenarioResult | None, problems: Sequence[Problem], adopted: bool, changed: bool
) -> str:
    if result is None or problems:  # none priced, or some not
        count = len(problems)
        return ngettext(
            "{n} thing to fix before prices can be worked out.",
            "{n} things to fix before prices can be worked out.",
            count,
        ).format(n=count)
    if adopted and changed:
        return _(
            "These prices have changed since they were adopted: adopt them again so your "
            "price list and invoices use them."
        )
    if adopted:
        return _("These prices are adopted and published as your price list.")
    return _("Check each price and adopt them so they appear on your price list.")


# Compliance (issue 16): readiness, and what is due soon or overdue -----------------------------

#: How many items a due-soon or overdue tile names before "and N more".
LISTED = 3


def compliance_steps(
    workspace: WorkspaceReader, organisation_id: int, today: date | None = None
) -> list[Step]:
    """Home's checklist tiles: readiness overall, then "overdue" and "due soon" (within 60
    days) when there are any. None while only the start-up snapshot is open (the checklist
    is read from the workspace itself, which is not loaded before the first screen)."""
    if not isinstance(workspace, OpensUnitsOfWork):
        return []
    from costready.app.compliance import checklist  # storage is loaded by now

    view = checklist(workspace, organisation_id, today)  # type: ignore[arg-type]
    overall, overdue, soon = view.overall, view.overdue(), view.due_soon()
    steps = [_readiness_step(bool(view.answers), overall, bool(overdue))]
    if overdue:
        steps.append(
            Step(
                "checklist_overdue",
                ngettext("{n} item overdue", "{n} items overdue", len(overdue)).format(
                    n=len(overdue)
                ),
                _entries_text(overdue, view.today, _("expired {day}")),
                _("Renew in Checklist"),
                False,
                page="checklist",
            )
        )
    if soon:
        steps.append(
            Step(
                "checklist_due_soon",
                ngettext(
                    "{n} item due in the next 60 days",
                    "{n} items due in the next 60 days",
                    len(soon),
                ).format(n=len(soon)),
                _entries_text(soon, view.today, _("renews {day}")),
                _("Plan renewals"),
                False,
                page="checklist",
            )
        )
    return steps


def _readiness_step(answered: bool, overall: Readiness, overdue: bool) -> Step:
    done, applicable = overall.done, overall.applicable
    if not answered:
        text = _(
            "Answer a few questions to see which CQC, HMRC and procurement rules apply to you."
        )
    elif overall.percent is not None:
        text = _("Readiness {percent}: {done} of {applicable} items that apply are done.").format(
            percent=format_percent(overall.percent / 100, places=0),
            done=done,
            applicable=applicable,
        )
    else:
        text = _("No checklist items apply to you on your answers.")
    return Step(
        "checklist",
        _("Show a buyer you meet the rules"),
        text,
        _("Open Checklist"),
        answered and done == applicable and not overdue,
    )


def _entries_text(entries: Sequence[Entry], today: date, when: str) -> str:
    lines = []
    for entry in entries[:LISTED]:
        renews = entry.renews_on()
        day = renews.strftime("%d/%m/%Y") if renews else ""
        lines.append(f"{entry.item.id} {entry.item.text('title', today)} ({when.format(day=day)})")
    more = len(entries) - LISTED
    if more > 0:
        lines.append(ngettext("and {n} more", "and {n} more", more).format(n=more))
    return "\n".join(lines)
