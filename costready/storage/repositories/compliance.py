"""The compliance checklist's records: interview answers, progress and evidence per item."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from costready.compliance.evidence import Evidence, EvidenceKind
from costready.compliance.readiness import Progress, Status
from costready.i18n import _
from costready.storage.errors import StorageError
from costready.storage.models_compliance import (
    ComplianceAnswerRow,
    ComplianceEvidenceRow,
    ComplianceProgressRow,
)


class ComplianceRepository:
    """Answers as stored text (compliance.interview encodes them), progress and evidence."""

    def __init__(self, session: Session):
        self.session = session

    def answers(self, organisation_id: int) -> dict[str, str]:
        rows = self.session.scalars(
            select(ComplianceAnswerRow).where(
                ComplianceAnswerRow.organisation_id == organisation_id
            )
        )
        return {row.name: row.value for row in rows}

    def set_answers(self, organisation_id: int, answers: dict[str, str]) -> None:
        """Replace the organisation's answers with `answers`."""
        self.session.execute(
            delete(ComplianceAnswerRow).where(
                ComplianceAnswerRow.organisation_id == organisation_id
            )
        )
        self.session.add_all(
            ComplianceAnswerRow(organisation_id=organisation_id, name=name, value=value)
            for name, value in answers.items()
        )
        self.session.flush()

    def progress(self, organisation_id: int) -> dict[str, Progress]:
        rows = self.session.scalars(
            select(ComplianceProgressRow).where(
                ComplianceProgressRow.organisation_id == organisation_id
            )
        )
        return {row.item_id: _progress(row) for row in rows}

    def set_progress(self, organisation_id: int, item_id: str, progress: Progress) -> None:
        row = self.session.scalars(
            select(ComplianceProgressRow).where(
                ComplianceProgressRow.organisation_id == organisation_id,
                ComplianceProgressRow.item_id == item_id,
            )
        ).first()
        if row is None:
            row = ComplianceProgressRow(organisation_id=organisation_id, item_id=item_id)
            self.session.add(row)
        row.status = progress.status.value
        row.notes = progress.notes
        row.checked_by = progress.checked_by
        row.done_on = progress.done_on
        row.renews_on = progress.renews_on
        row.reason = progress.reason
        row.applicable_anyway = progress.applicable_anyway
        self.session.flush()

    def evidence(self, organisation_id: int) -> list[Evidence]:
        """Every piece of evidence of the organisation, oldest first (without file bytes)."""
        rows = self.session.execute(
            select(
                ComplianceEvidenceRow.id,
                ComplianceEvidenceRow.item_id,
                ComplianceEvidenceRow.kind,
                ComplianceEvidenceRow.label,
                ComplianceEvidenceRow.added_on,
                ComplianceEvidenceRow.file_name,
                ComplianceEvidenceRow.size,
                ComplianceEvidenceRow.sha256,
            )
            .where(ComplianceEvidenceRow.organisation_id == organisation_id)
            .order_by(ComplianceEvidenceRow.id)
        )
        return [
            Evidence(
                r.item_id,
                EvidenceKind(r.kind),
                r.label,
                r.added_on,
                r.file_name,
                r.size,
                r.sha256,
                r.id,
            )
            for r in rows
        ]

    def add_evidence(
        self, organisation_id: int, evidence: Evidence, content: bytes | None = None
    ) -> int:
        row = ComplianceEvidenceRow(
            organisation_id=organisation_id,
            item_id=evidence.item_id,
            kind=evidence.kind.value,
            label=evidence.label,
            file_name=evidence.file_name,
            size=evidence.size,
            sha256=evidence.sha256,
            content=content,
            added_on=evidence.added_on,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def content(self, evidence_id: int) -> bytes | None:
        """A file's stored bytes (None when missing)."""
        return self.session.scalar(
            select(ComplianceEvidenceRow.content).where(ComplianceEvidenceRow.id == evidence_id)
        )

    def remove_evidence(self, organisation_id: int, evidence_id: int) -> None:
        result = self.session.execute(
            delete(ComplianceEvidenceRow).where(
                ComplianceEvidenceRow.id == evidence_id,
                ComplianceEvidenceRow.organisation_id == organisation_id,
            )
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            raise StorageError(_("No evidence {id} to remove").format(id=evidence_id))


def _progress(row: ComplianceProgressRow) -> Progress:
    return Progress(
        status=Status(row.status),
        notes=row.notes,
        checked_by=row.checked_by,
        done_on=row.done_on,
        renews_on=row.renews_on,
        reason=row.reason,
        applicable_anyway=row.applicable_anyway,
    )
