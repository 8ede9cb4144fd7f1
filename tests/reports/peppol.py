"""Validation of e-invoices as an access point does it: the UBL 2.1 XSD (lxml), then the EN 16931
and Peppol BIS 3.0 schematron rules compiled to XSLT 2 (saxonche). The official artifacts live
in the shared reference folder beside the repository, never in it (its README says why)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

#: <repo>/../shared/reference/peppol
PEPPOL = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "peppol"
XSDS = {
    "Invoice": PEPPOL / "xsd" / "maindoc" / "UBL-Invoice-2.1.xsd",
    "CreditNote": PEPPOL / "xsd" / "maindoc" / "UBL-CreditNote-2.1.xsd",
}
XSLTS = (
    PEPPOL / "xslt" / "EN16931-UBL-validation.xslt",
    PEPPOL / "xslt" / "PEPPOL-EN16931-UBL.xslt",
)
SVRL = "http://purl.oclc.org/dsdl/svrl"


def missing_reason() -> str | None:
    """Why the validation cannot run here (None when it can)."""
    needed = [*XSDS.values(), *XSLTS]
    absent = [str(path) for path in needed if not path.is_file()]
    if absent:
        return f"the Peppol validation artifacts are not beside the repository: {absent[0]}"
    return None


@dataclass(frozen=True)
class Finding:
    """One failed rule: its id, flag (fatal, warning) and text."""

    rule: str
    flag: str
    text: str

    @property
    def is_error(self) -> bool:
        return self.flag in ("", "fatal")


class Validator:
    """The XSDs and both XSLTs, each loaded and compiled once."""

    def __init__(self) -> None:
        from lxml import etree
        from saxonche import PySaxonProcessor

        self._etree = etree
        self._schemas = {name: etree.XMLSchema(etree.parse(str(p))) for name, p in XSDS.items()}
        self._processor = PySaxonProcessor(license=False)
        compiler = self._processor.new_xslt30_processor()
        self._rules = [compiler.compile_stylesheet(stylesheet_file=str(p)) for p in XSLTS]

    def schema_errors(self, xml: bytes) -> list[str]:
        document = self._etree.fromstring(xml)
        kind = self._etree.QName(document).localname
        schema = self._schemas[kind]
        if schema.validate(document):
            return []
        return [str(error) for error in schema.error_log]

    def findings(self, xml: bytes) -> list[Finding]:
        """Every failed assert or successful report of both rule sets."""
        node = self._processor.parse_xml(xml_text=xml.decode("utf-8"))
        found = []
        for rules in self._rules:
            svrl = rules.transform_to_string(xdm_node=node)
            report = self._etree.fromstring(svrl.encode("utf-8"))
            for tag in ("failed-assert", "successful-report"):
                for item in report.iter(f"{{{SVRL}}}{tag}"):
                    text = "".join(item.itertext()).strip()
                    found.append(Finding(item.get("id", ""), item.get("flag", ""), text))
        return found

    def errors(self, xml: bytes) -> list[str]:
        """The XSD's errors and every fatal (or unflagged) finding: empty when valid."""
        schema = self.schema_errors(xml)
        if schema:
            return schema
        return [f"{f.rule}: {f.text}" for f in self.findings(xml) if f.is_error]


@functools.cache
def session_validator() -> Validator:
    """One Validator for the whole test session, whichever test asks first (compiling the two
    XSLTs takes seconds). Call `missing_reason()` first and skip when it gives one."""
    return Validator()
