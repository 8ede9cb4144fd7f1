"""The applicability interview: a short guided dialog, re-runnable, over app.compliance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from costready.compliance.interview import (
    CONFIRMED,
    QUESTIONS,
    YES_NO_LABELS,
    Known,
    Question,
    describe,
)
from costready.compliance.rules import DONT_KNOW, Kind, Value
from costready.i18n import _
from costready.money import MoneyError, parse_number


class InterviewDialog(QDialog):
    """One form of the interview's questions; what the app knows is shown, not asked."""

    def __init__(self, known: Known, answers: dict[str, Value], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Which rules apply to you?"))
        self.setAccessibleName(_("Applicability interview"))
        self.resize(760, 640)
        self.inputs: dict[str, QWidget] = {}
        self._answers = dict(answers)
        outer = QVBoxLayout(self)
        intro = QLabel(
            _(
                "A few questions decide which checklist items apply. “Don't know” leaves an "
                "item to check; you can run this again at any time."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(intro)
        body = QWidget()
        form = QVBoxLayout(body)
        form.setSpacing(4)
        known_here = [
            name
            for name in known.sources
            if name not in CONFIRMED and any(q.name == name for q in QUESTIONS)
        ]
        if known_here:
            form.addWidget(_heading(_("What CostReady knows already (change it where it is kept)")))
            for name in known_here:
                label = QLabel("• " + describe(name, known))
                label.setObjectName(f"known_{name}")
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                form.addWidget(label)
            form.addSpacing(12)
        today = date.today()
        asked = [q for q in QUESTIONS if q.name not in known.sources or q.name in CONFIRMED]
        for number, question in enumerate(asked, start=1):
            suggested = question.name in CONFIRMED and question.name in known.sources
            value = known.values.get(question.name) if suggested else answers.get(question.name)
            widget = self._input(question, value)
            text = question.text(today)
            label = QLabel(_("{number}. {text}").format(number=number, text=text))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(widget)
            label.setTextFormat(Qt.TextFormat.PlainText)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            widget.setAccessibleName(_(question.short))
            widget.setAccessibleDescription(text)
            form.addSpacing(8)
            form.addWidget(label)
            if question.follows:
                form.addWidget(_note(_("Only if you answered Yes to the question above.")))
            if suggested:
                form.addWidget(
                    _note(
                        _("{known}. Correct it if you also sell outside CostReady.").format(
                            known=describe(question.name, known)
                        )
                    )
                )
            if question.help:
                form.addWidget(_note(_(question.help)))
            form.addWidget(widget)
            self.inputs[question.name] = widget
        form.addStretch(1)
        self._link_follow_ups()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def _link_follow_ups(self) -> None:
        """A follow-up question can be answered only once its question is answered Yes."""
        for question in QUESTIONS:
            follow_up = self.inputs.get(question.name)
            leader = self.inputs.get(question.follows) if question.follows else None
            if follow_up is None or not isinstance(leader, QComboBox):
                continue

            def update(_index: int = 0, lead: QComboBox = leader, w: QWidget = follow_up) -> None:
                w.setEnabled(lead.currentData() == "yes")

            leader.currentIndexChanged.connect(update)
            update()

    def _input(self, question: Question, value: Value) -> QWidget:
        if question.kind is Kind.MULTI:
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            for key, label in question.choices:
                check = QCheckBox(_(label))
                check.setObjectName(f"{question.name}_{key}")
                check.setAccessibleName(_(label))
                check.setChecked(isinstance(value, frozenset) and key in value)
                layout.addWidget(check)
            return box
        if question.kind in (Kind.NUMBER, Kind.MONEY):
            edit = QLineEdit("" if value is None else str(value))
            edit.setPlaceholderText(_("not answered"))
            return edit
        combo = QComboBox()
        combo.addItem(_("Not answered"), None)
        choices = [*question.choices, (DONT_KNOW, YES_NO_LABELS[DONT_KNOW])]
        for key, label in choices:
            combo.addItem(_(label), key)
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))
        return combo

    def answers(self) -> dict[str, Value]:
        """The answers as entered (MoneyError names a number that cannot be read)."""
        result = dict(self._answers)
        for question in QUESTIONS:
            widget = self.inputs.get(question.name)
            if widget is None:
                continue
            # a follow-up whose question is not answered Yes has no answer
            enabled = widget.isEnabledTo(self)
            result[question.name] = self._read(question, widget) if enabled else None
        return result

    def _read(self, question: Question, widget: QWidget) -> Value:
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return data if isinstance(data, str) else None
        if isinstance(widget, QLineEdit):
            text = widget.text().strip().removeprefix("£")
            if not text:
                return None
            number = parse_number(text, _(question.short))
            if number < 0:
                raise MoneyError(_("{field}: enter zero or more").format(field=_(question.short)))
            return Decimal(number)
        chosen = {
            key
            for key, _label in question.choices
            if (check := widget.findChild(QCheckBox, f"{question.name}_{key}")) is not None
            and check.isChecked()
        }
        return frozenset(chosen)

    def _on_buttons_accepted(self) -> None:
        try:
            self.answers()
        except MoneyError as error:
            self.error.setText(str(error))
            return
        self.accept()


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _note(text: str) -> QLabel:
    """A muted line of help under a question."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setItalic(True)  # set apart from the question without losing contrast
    label.setFont(font)
    return label


def focus_first(dialog: InterviewDialog) -> None:
    """Keyboard users start on the first question."""
    first = next(iter(dialog.inputs.values()), None)
    if first is not None:
        first.setFocus(Qt.FocusReason.OtherFocusReason)
