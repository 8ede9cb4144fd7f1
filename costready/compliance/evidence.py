"""Evidence held for a checklist item: a file (name, size, SHA-256), a link or a reference."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from costready.i18n import N_, _
from costready.problems import Problem

#: The largest evidence file kept in the workspace (a scanned certificate, a policy PDF).
MAX_FILE_BYTES = 20 * 1024 * 1024


class EvidenceKind(StrEnum):
    FILE = "file"
    LINK = "link"
    REFERENCE = "reference"  # a CQC provider id, a DBS certificate number...


EVIDENCE_LABELS = {
    EvidenceKind.FILE: N_("File"),
    EvidenceKind.LINK: N_("Link"),
    EvidenceKind.REFERENCE: N_("Reference number"),
}


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence; a file's bytes stay in the workspace, read when exported."""

    item_id: str
    kind: EvidenceKind
    label: str  # a link's address, a reference number, or a file's description
    added_on: date
    file_name: str = ""
    size: int = 0
    sha256: str = ""
    id: int | None = None

    def text(self) -> str:
        """How a list or the report shows it."""
        if self.kind is EvidenceKind.FILE:
            return _("{name} ({size:,} bytes)").format(name=self.file_name, size=self.size)
        return self.label


def checksum(content: bytes) -> str:
    """The SHA-256 of `content` in hex (kept with a file, checked again on export)."""
    return hashlib.sha256(content).hexdigest()


def validate_evidence(evidence: Evidence) -> list[Problem]:
    """Problems with evidence before it is stored (each names its field)."""
    if evidence.kind is EvidenceKind.LINK and not evidence.label.startswith(
        ("https://", "http://")
    ):
        return [Problem("link", _("Link: enter a web address starting https://"))]
    if evidence.kind is EvidenceKind.REFERENCE and not evidence.label.strip():
        return [Problem("reference", _("Reference number: enter the number"))]
    if evidence.kind is EvidenceKind.FILE and evidence.size > MAX_FILE_BYTES:
        return [Problem("file", _("File: larger than 20 MB; attach a smaller copy"))]
    return []


def verify(evidence: Evidence, content: bytes | None) -> Problem | None:
    """A problem when a file's stored bytes are missing or differ from its checksum."""
    if evidence.kind is not EvidenceKind.FILE:
        return None
    where = f"{evidence.item_id}: {evidence.file_name}"
    if content is None:
        return Problem(where, _("the file is missing from the workspace"))
    if len(content) != evidence.size or checksum(content) != evidence.sha256:
        return Problem(where, _("the file has changed since it was attached (checksum differs)"))
    return None
