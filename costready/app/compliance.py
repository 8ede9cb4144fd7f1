"""The compliance checklist's use cases: answers, progress, evidence, readiness, the pack.

Each function is one user action and opens one unit of work. Facts the app already knows are
laid over the interview's answers (VAT registration from the profile, staff from the adopted
scenario, a priced menu from the adopted price list), so nothing is asked twice.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from costready.compliance.applicability import State, applicability
from costready.compliance.definitions import Area, shipped_items
from costready.compliance.evidence import (
    MAX_FILE_BYTES,
    Evidence,
    EvidenceKind,
    checksum,
    validate_evidence,
    verify,
)
from costready.compliance.interview import (
    CONFIRMED,
    SOURCE_INVOICES,
    SOURCE_PRICES,
    SOURCE_PROFILE,
    SOURCE_SCENARIO,
    SOURCE_SERVICES,
    Known,
    decode,
    encode,
)
from costready.compliance.readiness import (
    Entry,
    Progress,
    Readiness,
    by_area,
    due_soon,
    entries_for,
    overdue,
    readiness,
    validate_progress,
)
from costready.compliance.rules import Value
from costready.costing.model import Answer, RegulatedActivity
from costready.files import write_atomically
from costready.i18n import _
from costready.organisation import Organisation, is_charity
from costready.problems import Problem
from costready.reports.readiness import ReadinessReport, ReportItem, readiness_pdf
from costready.storage.unit_of_work import UnitOfWork
from costready.storage.workspace import Workspace

Facts = dict[str, tuple[Value, str]]


@dataclass(frozen=True)
class Checklist:
    """One organisation's checklist as of `today`: every item, whether it applies, progress,
    evidence, and the answers it was judged on."""

    organisation: Organisation
    known: Known
    answers: Mapping[str, Value]
    entries: Sequence[Entry]
    evidence: Mapping[str, Sequence[Evidence]] = field(default_factory=dict)
    today: date = field(default_factory=date.today)

    @property
    def overall(self) -> Readiness:
        return readiness(self.entries, self.today)

    def areas(self) -> dict[Area, Readiness]:
        return by_area(self.entries, self.today)

    def due_soon(self) -> list[Entry]:
        return due_soon(self.entries, self.today)

    def overdue(self) -> list[Entry]:
        return overdue(self.entries, self.today)

    def entry(self, item_id: str) -> Entry:
        return next(e for e in self.entries if e.item.id == item_id)


def taxable_turnover_last_12_months(
    uow: UnitOfWork, org_id: int, today: date | None = None
) -> Decimal | None:
    """VAT-taxable turnover over the 12 months to `today` from issued invoices: the line nets
    of standard-, reduced- and zero-rated lines by tax point, less credit notes (exempt and
    outside-the-scope income left out), summed in SQL.

    None when no invoice or credit note was issued in that time: the organisation may not
    invoice through CostReady, so the interview asks instead of assuming £0."""
    day = today or date.today()
    return uow.invoices.taxable_net(org_id, twelve_months_before(day), day)


def twelve_months_before(day: date) -> date:
    """The first day of the 12 months ending on `day` (HMRC's rolling 12 months)."""
    try:
        start = day.replace(year=day.year - 1)
    except ValueError:  # 29 February: the year before has none
        start = day.replace(year=day.year - 1, day=28)
    return start + timedelta(days=1)


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def facts(uow: UnitOfWork, org_id: int, today: date) -> Facts:
    """What the app knows without asking, with where each came from (None: not known)."""
    org = uow.organisations.get(org_id)
    known: Facts = {
        "vat_registered": (_yes_no(org.vat_registered), SOURCE_PROFILE),
        "is_charity": (_yes_no(is_charity(org)), SOURCE_PROFILE),
        "cqc_registered": (_yes_no(org.cqc_registered), SOURCE_PROFILE),
        "legal_form": (org.legal_form.value, SOURCE_PROFILE),
        "taxable_turnover": (
            taxable_turnover_last_12_months(uow, org_id, today),
            SOURCE_INVOICES,
        ),
        "invoice_issued": (_yes_no(uow.invoices.any_issued(org_id)), SOURCE_INVOICES),
    }
    adopted = [s for s in uow.scenarios.summaries(org_id) if s.adopted]
    if adopted:
        scenario = uow.scenarios.get(adopted[0].id)
        people = sum((post.headcount for post in scenario.staff), Decimal(0))
        known["staff_count"] = (people, SOURCE_SCENARIO)
        # a service marked as personal care (it decides its VAT too) answers the question;
        # none marked proves nothing, so then it is asked
        if any(s.regulated_activity is RegulatedActivity.PERSONAL_CARE for s in scenario.services):
            known["personal_care"] = ("yes", SOURCE_SERVICES)
        for name in ("ea_public_work", "ea_sole_director"):
            answer = getattr(scenario, name)
            if answer is not Answer.NOT_SURE:
                known[name] = (answer.value, SOURCE_SCENARIO)
    price_list = uow.price_lists.current(org_id, today)
    known["menu_priced"] = (_yes_no(bool(price_list and price_list.prices)), SOURCE_PRICES)
    return known


def _known(answers: Mapping[str, Value], app_facts: Facts) -> Known:
    # a figure the person confirmed (or corrected) stands over the app's own
    app_facts = {
        name: fact
        for name, fact in app_facts.items()
        if not (name in CONFIRMED and answers.get(name) is not None)
    }
    known = Known.of(answers, app_facts)
    staff = known.values.get("staff_count")
    if isinstance(staff, Decimal):  # employs staff follows the count, wherever it came from
        source = known.sources.get("staff_count", "")
        known = Known.of(
            known.values, {**app_facts, "employs_staff": (_yes_no(staff >= 1), source)}
        )
    return known


def _read(uow: UnitOfWork, org_id: int, today: date) -> Checklist:
    org = uow.organisations.get(org_id)
    answers = {name: decode(name, text) for name, text in uow.compliance.answers(org_id).items()}
    app_facts = facts(uow, org_id, today)
    known = _known(answers, app_facts)
    items = shipped_items()
    states = {item.id: applicability(item, known, today) for item in items}
    entries = entries_for(items, states, uow.compliance.progress(org_id), known.values)
    evidence: dict[str, list[Evidence]] = {}
    for piece in uow.compliance.evidence(org_id):
        evidence.setdefault(piece.item_id, []).append(piece)
    return Checklist(org, known, answers, entries, evidence, today)


def checklist(workspace: Workspace, org_id: int, today: date | None = None) -> Checklist:
    """The organisation's checklist, judged on its answers and the app's facts."""
    with workspace.reading() as uow:
        return _read(uow, org_id, today or date.today())


def save_answers(workspace: Workspace, org_id: int, answers: Mapping[str, Value]) -> None:
    """Keep the interview's answers (replacing the earlier ones)."""
    with workspace.writing() as uow:
        uow.organisations.get(org_id)  # a missing organisation is a StorageError naming it
        uow.compliance.set_answers(
            org_id, {name: encode(name, value) for name, value in answers.items()}
        )


def save_progress(
    workspace: Workspace, org_id: int, item_id: str, progress: Progress
) -> list[Problem]:
    """Keep an item's status, notes, dates and override; nothing is saved when there are
    problems (not applicable without a reason, done without a date...)."""
    problems = validate_progress(progress)
    if problems:
        return problems
    with workspace.writing() as uow:
        uow.compliance.set_progress(org_id, item_id, progress)
    return []


def attach_file(
    workspace: Workspace, org_id: int, item_id: str, path: Path, today: date | None = None
) -> list[Problem]:
    """Copy the file at `path` into the workspace as evidence, with its name, size and SHA-256."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return [Problem("file", _("File: larger than 20 MB; attach a smaller copy"))]
    content = path.read_bytes()
    evidence = Evidence(
        item_id,
        EvidenceKind.FILE,
        path.name,
        today or date.today(),
        file_name=path.name,
        size=len(content),
        sha256=checksum(content),
    )
    with workspace.writing() as uow:
        uow.compliance.add_evidence(org_id, evidence, content)
    return []


def add_note_evidence(
    workspace: Workspace,
    org_id: int,
    item_id: str,
    kind: EvidenceKind,
    text: str,
    today: date | None = None,
) -> list[Problem]:
    """Keep a link or a reference number (a CQC provider id, a DBS certificate number)."""
    evidence = Evidence(item_id, kind, text.strip(), today or date.today())
    problems = validate_evidence(evidence)
    if problems:
        return problems
    with workspace.writing() as uow:
        uow.compliance.add_evidence(org_id, evidence)
    return []


def remove_evidence(workspace: Workspace, org_id: int, evidence_id: int) -> None:
    with workspace.writing() as uow:
        uow.compliance.remove_evidence(org_id, evidence_id)


@dataclass(frozen=True)
class AdvisorRow:
    """One organisation's readiness, overall and by area, for an advisor's table."""

    organisation: Organisation
    overall: Readiness
    areas: Mapping[Area, Readiness]
    due_soon: int
    overdue: int


def advisor_table(workspace: Workspace, today: date | None = None) -> list[AdvisorRow]:
    """Every organisation in the workspace with its readiness, read in one unit of work."""
    day = today or date.today()
    rows = []
    with workspace.reading() as uow:
        for org in uow.organisations.all():
            assert org.id is not None
            view = _read(uow, org.id, day)
            rows.append(
                AdvisorRow(
                    org, view.overall, view.areas(), len(view.due_soon()), len(view.overdue())
                )
            )
    return rows


def write_evidence_pack(
    workspace: Workspace, org_id: int, target: Path, today: date | None = None
) -> list[Problem]:
    """A ZIP of the readiness report, every evidence file (checksums verified) and an index.

    A file that is missing or has changed is reported (returned, and marked in the index),
    never silently dropped; the pack is written with the rest.
    """
    day = today or date.today()
    problems: list[Problem] = []
    lines = ["item\tkind\tevidence\tsize\tsha256\tcheck"]
    with workspace.reading() as uow:
        view = _read(uow, org_id, day)
        files: list[tuple[str, bytes]] = []
        for item_id, pieces in view.evidence.items():
            for piece in pieces:
                content = uow.compliance.content(piece.id) if piece.id is not None else None
                problem = verify(piece, content)
                status = "ok"
                if problem is not None:
                    problems.append(problem)
                    status = problem.message
                elif piece.kind is EvidenceKind.FILE and content is not None:
                    files.append((f"evidence/{item_id}/{piece.id}-{piece.file_name}", content))
                lines.append(
                    f"{item_id}\t{piece.kind.value}\t{piece.file_name or piece.label}\t"
                    f"{piece.size}\t{piece.sha256}\t{status}"
                )
    pdf = io.BytesIO()
    readiness_pdf(pdf, view_report(view))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("readiness-report.pdf", pdf.getvalue())
        archive.writestr("index.tsv", "\n".join(lines) + "\n")
        for name, content in files:
            archive.writestr(name, content)
    write_atomically(target, buffer.getvalue())
    return problems


def view_report(view: Checklist) -> ReadinessReport:
    """The readiness report's values for `view` (applicable items only, by area)."""
    items = [
        ReportItem(
            entry=e,
            evidence=tuple(p.text() for p in view.evidence.get(e.item.id, ())),
        )
        for e in view.entries
        if e.applicable
    ]
    return ReadinessReport(view.organisation, items, view.overall, view.areas(), view.today)


def write_readiness_report(
    workspace: Workspace, org_id: int, target: Path, today: date | None = None
) -> None:
    """The readiness report PDF for trustees or a buyer."""
    readiness_pdf(target, view_report(checklist(workspace, org_id, today)))


def state_counts(view: Checklist) -> dict[State, int]:
    counts = dict.fromkeys(State, 0)
    for entry in view.entries:
        counts[entry.applicability.state] += 1
    return counts
