"""Who can claim the Employment Allowance: three questions, the claim and what to check.

The Organisation page and the guide's Staff step share it. The answers and the claim are the
scenario's; an answer that rules the allowance out, or leaves it unsure, stops the claim.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from costready.costing.allowance import allowance_check
from costready.costing.model import ANSWER_LABELS, Answer, Scenario
from costready.i18n import N_, _
from costready.ui import edit_names

#: (scenario field, question): the questions that decide it (HMRC NIM06530; NICA 2014 s.2)
QUESTIONS = (
    ("ea_registered_charity", N_("Are you a registered charity?")),
    (
        "ea_public_work",
        N_("Is more than half of your work done for public bodies (NHS, councils) under contract?"),
    ),
    ("ea_sole_director", N_("Is your only paid employee a director?")),
)


class AllowanceQuestions(QWidget):
    """The three questions (yes, no, not sure), the claim box and the outcome in words."""

    #: the scenario as the person left it (answers and claim), ready for document.apply
    changed = Signal(object, str)

    def __init__(self, claim_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._scenario: Scenario | None = None
        self._registered_charity = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[str, QComboBox] = {}
        for key, question in QUESTIONS:
            combo = QComboBox()
            for answer, label in ANSWER_LABELS.items():
                combo.addItem(_(label), answer.value)
            combo.setAccessibleName(_(question))
            combo.activated.connect(lambda _index, key=key: self._on_answered(key))
            label_widget = QLabel(_(question))
            label_widget.setTextFormat(Qt.TextFormat.PlainText)
            label_widget.setWordWrap(True)
            label_widget.setBuddy(combo)
            form.addRow(label_widget, combo)
            self.combos[key] = combo
        self.claim = QCheckBox(claim_text)
        self.claim.setAccessibleName(_("We claim the Employment Allowance"))
        self.claim.toggled.connect(self._on_claim_toggled)
        form.addRow("", self.claim)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.outcome.setAccessibleName(_("Who can claim the Employment Allowance"))
        form.addRow("", self.outcome)

    def show_scenario(self, scenario: Scenario, registered_charity: bool) -> None:
        """Show the scenario's answers and claim (no `changed`)."""
        self._scenario = scenario
        self._registered_charity = registered_charity
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            answer = getattr(scenario, key)
            if key == "ea_registered_charity" and registered_charity:
                answer = Answer.YES  # the profile says so
            combo.setCurrentIndex(combo.findData(answer.value))
            combo.blockSignals(False)
        self.combos["ea_registered_charity"].setEnabled(not registered_charity)
        check = allowance_check(scenario, registered_charity)
        self.claim.blockSignals(True)
        self.claim.setChecked(scenario.claims_employment_allowance)
        self.claim.blockSignals(False)
        # a claim can always be stopped; a new one only once the answers allow it
        self.claim.setEnabled(check.may_claim or scenario.claims_employment_allowance)
        text = check.text
        if scenario.claims_employment_allowance and not check.may_claim:
            text = _("Claimed, but the answers do not allow it. {outcome}").format(outcome=text)
        self.outcome.setText(text)

    def _on_answered(self, key: str) -> None:
        if self._scenario is None:
            return
        answer = Answer(self.combos[key].currentData())
        new = _with_answer(self._scenario, key, answer)
        if (
            new.claims_employment_allowance
            and not allowance_check(new, self._registered_charity).may_claim
        ):
            # "not sure" or "not eligible": the allowance is not claimed
            new = dataclasses.replace(new, claims_employment_allowance=False)
        self.changed.emit(new, edit_names.Edit(edit_names.ANSWER_ALLOWANCE))

    def _on_claim_toggled(self, checked: bool) -> None:
        if self._scenario is None:
            return
        self.changed.emit(
            dataclasses.replace(self._scenario, claims_employment_allowance=checked),
            edit_names.Edit(edit_names.CLAIM_ALLOWANCE if checked else edit_names.STOP_ALLOWANCE),
        )


def _with_answer(scenario: Scenario, key: str, answer: Answer) -> Scenario:
    """`scenario` with one of the three answers changed."""
    if key == "ea_registered_charity":
        return dataclasses.replace(scenario, ea_registered_charity=answer)
    if key == "ea_public_work":
        return dataclasses.replace(scenario, ea_public_work=answer)
    return dataclasses.replace(scenario, ea_sole_director=answer)
