"""The compliance checklist's tables: interview answers, progress per item, and evidence.

Evidence files are stored in the workspace database itself (a blob), not beside it: the
workspace stays one file (backups, the portable export and a shared PostgreSQL server all carry
the evidence with it), and a file cannot go missing behind the database's back. Each file keeps
its name, size and SHA-256, checked again when the evidence pack is exported.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from costready.storage.models import KEY, KIND, NAME, Base

ITEM = 20  # a checklist item id such as "CQC-01"


class ComplianceAnswerRow(Base):
    """One answer to the applicability interview (the value as text, see interview.encode)."""

    __tablename__ = "compliance_answer"
    __table_args__ = (UniqueConstraint("organisation_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(KEY))
    value: Mapped[str] = mapped_column(Text, default="")


class ComplianceProgressRow(Base):
    """What was recorded for one item of one organisation."""

    __tablename__ = "compliance_progress"
    __table_args__ = (UniqueConstraint("organisation_id", "item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str] = mapped_column(String(ITEM))
    status: Mapped[str] = mapped_column(String(KIND))
    notes: Mapped[str] = mapped_column(Text, default="")
    checked_by: Mapped[str] = mapped_column(String(NAME), default="")
    done_on: Mapped[date | None] = mapped_column(Date)
    renews_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    applicable_anyway: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ComplianceEvidenceRow(Base):
    """A file (its bytes kept here), a link or a reference number held for an item."""

    __tablename__ = "compliance_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str] = mapped_column(String(ITEM))
    kind: Mapped[str] = mapped_column(String(KIND))
    label: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(String(NAME), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    added_on: Mapped[date] = mapped_column(Date)
