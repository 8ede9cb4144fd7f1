"""The Checklist page: compliance and market-readiness items grouped by area, with filters,
each item's details (why it applies, guidance, source), and status and evidence editing."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from costready.app import compliance
from costready.app.snapshot import StillOpening
from costready.compliance.applicability import STATE_LABELS
from costready.compliance.definitions import AREA_LABELS, PAGE_LABELS, Item
from costready.compliance.evidence import EvidenceKind
from costready.compliance.readiness import STATUS_LABELS, Entry, Progress, Status
from costready.i18n import N_, _
from costready.problems import Problem
from costready.reports.readiness import percent_text
from costready.ui.dialogs.advisor import AdvisorDialog
from costready.ui.dialogs.interview import InterviewDialog, focus_first
from costready.ui.document import ScenarioDocument
from costready.ui.widgets import page_header, plain_label

FILTERS = (
    ("applicable", N_("Applicable items")),
    ("outstanding", N_("Outstanding")),
    ("due_soon", N_("Due soon or overdue")),
    ("all", N_("All items, including those that do not apply")),
)
ITEM_ROLE = Qt.ItemDataRole.UserRole


def _day_text(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _parse_day(text: str, field: str) -> date | None:
    if not text.strip():
        return None
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(_("{field}: enter a date as dd/mm/yyyy").format(field=field)) from None


def source_text(item: Item) -> str:
    """When the item was checked against its source, or that nobody has confirmed it yet."""
    if item.checked is None:
        note = f" {_(item.source_note)}" if item.source_note else ""
        return _("Check the source: this item has not yet been confirmed against it.") + note
    return _("Checked against its source on {day}.").format(day=_day_text(item.checked))


class ChecklistPage(QWidget):
    """Every checklist item of the open organisation; the interview decides which apply."""

    key = "checklist"
    title = N_("Checklist")
    navigate_requested = Signal(str)
    readiness_changed = Signal()

    def __init__(self, document: ScenarioDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.view: compliance.Checklist | None = None
        self.current: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            page_header(
                _("Checklist"),
                _("What the rules ask of you (CQC, HMRC, procurement...) and the ten tips."),
            )
        )
        top = QHBoxLayout()
        self.readiness = QLabel()
        self.readiness.setObjectName("readiness")
        # wraps rather than widening the page past a 1024-pixel screen
        self.readiness.setWordWrap(True)
        self.readiness.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.readiness, 1)
        filter_label = QLabel(_("&Show:"))
        self.filter = QComboBox()
        self.filter.setAccessibleName(_("Show"))
        # the longest choice is elided in the closed box (the list shows it whole)
        self.filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter.setMinimumContentsLength(18)
        for key, label in FILTERS:
            self.filter.addItem(_(label), key)
        filter_label.setBuddy(self.filter)
        self.filter.currentIndexChanged.connect(self._on_filter_current_index_changed)
        top.addWidget(filter_label)
        top.addWidget(self.filter)
        self.interview_button = QPushButton(_("Answer the &interview…"))
        self.interview_button.setAccessibleName(_("Answer the interview"))
        self.interview_button.setDefault(True)
        self.interview_button.clicked.connect(self.run_interview)
        top.addWidget(self.interview_button)
        self.advisor_button = QPushButton(_("Every or&ganisation…"))
        self.advisor_button.setAccessibleName(_("Readiness of every organisation"))
        self.advisor_button.setToolTip(
            _("For advisors: each organisation's readiness by area in one table")
        )
        self.advisor_button.clicked.connect(self.show_advisor_view)
        top.addWidget(self.advisor_button)
        layout.addLayout(top)

        splitter = QSplitter()
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Checklist items"))
        self.tree.setHeaderLabels([_("Item"), _("Applies"), _("Status"), _("Renews")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        # the title takes the room; applies, status and renewal date fit their words
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        # Enter (or a double click) opens the item's details; Space marks it done or not done
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.installEventFilter(self)
        self.tree.setAccessibleDescription(
            _("Enter opens an item's details; Space marks it done, or not done again")
        )
        splitter.addWidget(self.tree)
        splitter.addWidget(self._details())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])  # the items' titles need the room more than the form
        layout.addWidget(splitter, 1)
        self.refresh()

    # Building ------------------------------------------------------------------------------
    def _details(self) -> QWidget:
        box = QWidget()
        outer = QVBoxLayout(box)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        outer.addWidget(self.heading)
        self.why_applies = QLabel()
        self.why_applies.setObjectName("whyApplies")
        self.body = QLabel()
        # a long item's text scrolls in its own area, so the form below keeps its room
        text_box = QWidget()
        texts = QVBoxLayout(text_box)
        texts.setContentsMargins(0, 0, 0, 0)
        for text in (self.why_applies, self.body):
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            texts.addWidget(text)
        texts.addStretch(1)
        self.text_scroll = QScrollArea()
        self.text_scroll.setWidgetResizable(True)
        self.text_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.text_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own
        self.text_scroll.setWidget(text_box)
        outer.addWidget(self.text_scroll, 1)
        self.source_button = QPushButton(_("Open the &source"))
        self.source_button.setAccessibleName(_("Open the source in the browser"))
        self.source_button.clicked.connect(self._on_source_button_clicked)
        self.go_button = QPushButton()
        self.go_button.setAccessibleName(_("Go to the page that does this"))
        self.go_button.clicked.connect(self._on_go_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.source_button)
        row.addWidget(self.go_button)
        row.addStretch(1)
        outer.addLayout(row)

        form = QFormLayout()
        self.status = QComboBox()
        for status in Status:
            self.status.addItem(_(STATUS_LABELS[status]), status.value)
        self.reason = QLineEdit()
        self.anyway = QCheckBox(_("Applies to us anyway"))
        self.done_on = QLineEdit()
        self.renews_on = QLineEdit()
        self.checked_by = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        for widget, label in (
            (self.status, _("S&tatus")),
            (self.reason, _("&Reason (if not applicable)")),
            (self.anyway, ""),
            (self.done_on, _("&Date done")),
            (self.renews_on, _("Renews or e&xpires")),
            (self.checked_by, _("Checked &by")),
            (self.notes, _("&Notes")),
        ):
            widget.setAccessibleName(label.replace("&", "") or self.anyway.text())
            if isinstance(widget, QLineEdit) and widget in (self.done_on, self.renews_on):
                widget.setPlaceholderText(_("dd/mm/yyyy"))
            if label:
                form.addRow(label, widget)
            else:
                form.addRow(widget)
        outer.addLayout(form)
        self.save_button = QPushButton(_("Sa&ve item"))
        self.save_button.setAccessibleName(_("Save item"))
        self.save_button.clicked.connect(self.save_current)
        self.error = QLabel()
        self.error.setObjectName("itemError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.save_button)
        outer.addWidget(self.error)

        outer.addWidget(plain_label(_("Evidence"), wrap=False))
        self.evidence = QListWidget()
        self.evidence.setAccessibleName(_("Evidence"))
        self.evidence.setFixedHeight(self.evidence.fontMetrics().lineSpacing() * 4 + 8)
        outer.addWidget(self.evidence)
        add_row = QHBoxLayout()
        self.evidence_kind = QComboBox()
        self.evidence_kind.setAccessibleName(_("Kind of evidence"))
        self.evidence_kind.addItem(_("Reference number"), EvidenceKind.REFERENCE.value)
        self.evidence_kind.addItem(_("Link"), EvidenceKind.LINK.value)
        self.evidence_text = QLineEdit()
        self.evidence_text.setAccessibleName(_("Reference number or link"))
        self.evidence_text.setPlaceholderText(_("e.g. CQC provider ID, DBS certificate number"))
        add = QPushButton(_("&Add"))
        add.setAccessibleName(_("Add reference or link"))
        add.clicked.connect(self._on_add_clicked)
        attach = QPushButton(_("Attach &file…"))
        attach.setAccessibleName(_("Attach a file"))
        attach.clicked.connect(self._on_attach_clicked)
        add_row.addWidget(self.evidence_kind)
        add_row.addWidget(self.evidence_text, 1)
        outer.addLayout(add_row)
        buttons = QHBoxLayout()  # on their own row, so the reference field has room
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(attach)
        outer.addLayout(buttons)
        return box

    def primary_action(self) -> QAction | None:
        return None

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    # Reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            workspace = self.document.store
        except StillOpening:
            self.readiness.setText(_("Opening the workspace…"))
            return
        self.view = compliance.checklist(workspace, self.document.organisation_id)
        overall = self.view.overall
        counts = (len(self.view.due_soon()), len(self.view.overdue()))
        self.readiness.setText(
            _("Readiness {value} · {soon} due soon · {late} overdue").format(
                value=percent_text(overall), soon=counts[0], late=counts[1]
            )
        )
        self._fill_tree()

    def _shown(self, entry: Entry) -> bool:
        assert self.view is not None
        today = self.view.today
        wanted = self.filter.currentData()
        if wanted == "all":
            return True
        if wanted == "outstanding":
            return entry.outstanding(today)
        if wanted == "due_soon":
            return entry.due_soon(today) or entry.overdue(today)
        return entry.applicable

    def _fill_tree(self) -> None:
        assert self.view is not None
        self.tree.blockSignals(True)
        self.tree.clear()
        areas = self.view.areas()
        groups: dict[object, QTreeWidgetItem] = {}
        chosen = None
        for entry in self.view.entries:
            if not self._shown(entry):
                continue
            area = entry.item.area
            if area not in groups:
                group = QTreeWidgetItem([f"{_(AREA_LABELS[area])} — {percent_text(areas[area])}"])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                groups[area] = group
            today = self.view.today
            renews = entry.renews_on()
            status = _("Done") if entry.done(today) else _(STATUS_LABELS[entry.progress.status])
            if entry.overdue(today):
                status = _("Overdue")
            row = QTreeWidgetItem(
                [
                    f"{entry.item.id} {entry.item.text('title', today)}",
                    _(STATE_LABELS[entry.applicability.state]),
                    status,
                    _day_text(renews),
                ]
            )
            row.setData(0, ITEM_ROLE, entry.item.id)
            row.setData(
                0,
                Qt.ItemDataRole.AccessibleTextRole,
                ", ".join(part for part in (row.text(0), row.text(1), status, row.text(3)) if part),
            )
            groups[area].addChild(row)
            if entry.item.id == self.current:
                chosen = row
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        else:
            self._show_entry(None)

    def _on_filter_current_index_changed(self, _index: int) -> None:
        if self.view is not None:
            self._fill_tree()

    def _on_tree_current_item_changed(self, item: QTreeWidgetItem | None, _old: object) -> None:
        item_id = item.data(0, ITEM_ROLE) if item is not None else None
        self.current = item_id
        self._show_entry(self.view.entry(item_id) if item_id and self.view else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.current is not None
        ):
            self.toggle_done()
            return True
        return super().eventFilter(watched, event)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, ITEM_ROLE):
            self.status.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # an area's row: Enter opens or closes the group
            item.setExpanded(not item.isExpanded())

    def toggle_done(self) -> list[Problem]:
        """Mark the shown item done today (keeping an earlier date), or not started again."""
        if self.current is None or self.view is None:
            return []
        progress = self.view.entry(self.current).progress
        if progress.status is Status.DONE:
            changed = dataclasses.replace(progress, status=Status.NOT_STARTED)
        else:
            changed = dataclasses.replace(
                progress, status=Status.DONE, done_on=progress.done_on or self.view.today
            )
        problems = compliance.save_progress(
            self.document.store, self.document.organisation_id, self.current, changed
        )
        if problems:
            self.error.setText("\n".join(p.message for p in problems))
            return problems
        self.refresh()
        self.readiness_changed.emit()
        return []

    def select(self, item_id: str) -> None:
        """Show item `item_id` (for tests and links from Home)."""
        self.current = item_id
        self._fill_tree()

    def _show_entry(self, entry: Entry | None) -> None:
        self.error.clear()
        enabled = entry is not None
        for widget in (self.save_button, self.status, self.source_button):
            widget.setEnabled(enabled)
        if entry is None or self.view is None:
            self.heading.setText(_("Choose an item to see what it asks and why."))
            self.why_applies.clear()
            self.body.clear()
            self.go_button.hide()
            self.evidence.clear()
            return
        item, today = entry.item, self.view.today
        self.heading.setText(f"{item.id} {item.text('title', today)}")
        self.why_applies.setText(entry.applicability.why)
        parts = [item.text("asks", today), _("Why it matters: ") + item.text("why", today)]
        if item.guidance:
            parts.append(item.text("guidance", today))
        if item.evidence:
            parts.append(
                _("Evidence a buyer may ask for: ") + "; ".join(_(e) for e in item.evidence)
            )
        if item.credit:
            parts.append(_("From: ") + _(item.credit))
        parts.append(source_text(item))
        self.body.setText("\n\n".join(parts))
        self.go_button.setVisible(bool(item.links_to))
        page = PAGE_LABELS.get(item.links_to, "")
        self.go_button.setText(_("Go to {page}").format(page=_(page)) if page else "")
        self.go_button.setAccessibleName(self.go_button.text())
        progress = entry.progress
        self.status.setCurrentIndex(self.status.findData(progress.status.value))
        self.reason.setText(progress.reason)
        self.anyway.setChecked(progress.applicable_anyway)
        self.done_on.setText(_day_text(progress.done_on))
        self.renews_on.setText(_day_text(progress.renews_on))
        self.checked_by.setText(progress.checked_by)
        self.notes.setPlainText(progress.notes)
        self.evidence.clear()
        for piece in self.view.evidence.get(item.id, ()):
            self.evidence.addItem(piece.text())

    # Writing -------------------------------------------------------------------------------
    def run_interview(self) -> None:
        """Ask the interview's questions; saving them re-judges every item."""
        if self.view is None:
            return
        dialog = InterviewDialog(self.view.known, dict(self.view.answers), self)
        focus_first(dialog)
        if dialog.exec() != InterviewDialog.DialogCode.Accepted:
            return
        self.save_answers(dialog.answers())

    def advisor_dialog(self) -> AdvisorDialog:
        """The advisor view over every organisation in the workspace, read now."""
        return AdvisorDialog(compliance.advisor_table(self.document.store), self)

    def show_advisor_view(self) -> None:
        try:
            dialog = self.advisor_dialog()
        except StillOpening:
            return
        dialog.exec()

    def save_answers(self, answers: dict) -> None:
        compliance.save_answers(self.document.store, self.document.organisation_id, answers)
        self.refresh()
        self.readiness_changed.emit()

    def _progress(self) -> Progress:
        return Progress(
            status=Status(self.status.currentData()),
            notes=self.notes.toPlainText(),
            checked_by=self.checked_by.text().strip(),
            done_on=_parse_day(self.done_on.text(), _("Date done")),
            renews_on=_parse_day(self.renews_on.text(), _("Renews or expires")),
            reason=self.reason.text().strip(),
            applicable_anyway=self.anyway.isChecked(),
        )

    def save_current(self) -> list[Problem]:
        """Save the shown item's status and details; problems are shown, nothing saved."""
        if self.current is None:
            return []
        try:
            progress = self._progress()
        except ValueError as error:
            self.error.setText(str(error))
            return [Problem("date", str(error))]
        problems = compliance.save_progress(
            self.document.store, self.document.organisation_id, self.current, progress
        )
        if problems:
            self.error.setText("\n".join(p.message for p in problems))
            widget = {"reason": self.reason, "done_on": self.done_on}.get(problems[0].path)
            if widget is not None:
                widget.setFocus()
            return problems
        self.refresh()
        self.readiness_changed.emit()
        return []

    def _on_add_clicked(self) -> None:
        if self.current is None:
            return
        problems = compliance.add_note_evidence(
            self.document.store,
            self.document.organisation_id,
            self.current,
            EvidenceKind(self.evidence_kind.currentData()),
            self.evidence_text.text(),
        )
        if problems:
            self.error.setText(problems[0].message)
            return
        self.evidence_text.clear()
        self.refresh()

    def attach(self, path: Path) -> list[Problem]:
        """Copy the file at `path` into the workspace as evidence for the shown item."""
        assert self.current is not None
        problems = compliance.attach_file(
            self.document.store, self.document.organisation_id, self.current, path
        )
        if problems:
            self.error.setText(problems[0].message)
        else:
            self.refresh()
        return problems

    def _on_attach_clicked(self) -> None:
        if self.current is None:
            return
        name, _filter = QFileDialog.getOpenFileName(self, _("Attach evidence"))
        if name:
            self.attach(Path(name))

    def _on_source_button_clicked(self) -> None:
        if self.current and self.view:
            QDesktopServices.openUrl(QUrl(self.view.entry(self.current).item.source))

    def _on_go_button_clicked(self) -> None:
        if self.current and self.view:
            self.navigate_requested.emit(self.view.entry(self.current).item.links_to)
