"""The bar that says a change was not saved because another program saved first, and offers
to reload. It stays (not a dialog: the person can still look at what they typed) until Reload."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from costready.i18n import _
from costready.ui.widgets import plain_label


class ConflictBar(QFrame):
    """“Your change … was not saved”, why, and a Reload button; hidden until a save is refused."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # amber like the warning banners: nothing is lost, but something waits on the person
        self.setStyleSheet(
            "#conflictBar { border: 1px solid #d49a00; border-radius: 4px;"
            " background: rgba(230, 159, 0, 0.16); }"
        )
        self.setAccessibleName(_("Change not saved"))
        #: the unsaved edits named so far ("Change rent"), until the reload
        self.edits: list[str] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        words = QVBoxLayout()
        self.heading = QLabel()
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # names shown as typed
        self.label = plain_label(name=_("Why it was not saved"))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.addWidget(self.heading)
        words.addWidget(self.label)
        layout.addLayout(words, 1)
        self.reload_button = QPushButton(_("Reloa&d"))
        self.reload_button.setAccessibleName(_("Reload the saved version"))
        self.reload_button.setToolTip(
            _("Show what is saved now; your unsaved change is dropped, so make it again after")
        )
        self.reload_button.clicked.connect(self.reload_requested)
        layout.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def pending(self) -> bool:
        """True while a refused edit is shown and not yet reloaded."""
        return bool(self.edits)

    def show_conflict(self, message: str, edit: str) -> None:
        """Say that `edit` ("Change rent") was not saved, and why (`message`)."""
        if edit and edit not in self.edits:
            self.edits.append(edit)
        self.heading.setText(unsaved_heading(self.edits))
        prefix = _("Not saved: {error}").format(error="")  # the heading says it already
        if message.startswith(prefix):
            message = message[len(prefix) :]
            message = message[:1].upper() + message[1:]
        self.label.setText(
            message
            + "\n"
            + _("Until you reload, the screen shows your change, but it is not saved.")
        )
        self.setAccessibleDescription(f"{self.heading.text()} {self.label.text()}")
        self.show()

    def note_changed_again(self) -> None:
        """Another program saved again while the refused edit waits: say so, still ask."""
        if not self.isVisible():
            return
        extra = _("Another program has changed this workspace again since.")
        if extra not in self.label.text():
            self.label.setText(f"{self.label.text()}\n{extra}")

    def clear(self) -> None:
        """Reloaded: nothing waits any more."""
        self.edits.clear()
        self.hide()


def unsaved_heading(edits: list[str]) -> str:
    """“Your change “Change rent” was not saved” (or the changes, when several were refused)."""
    if not edits:
        return _("Your change was not saved")
    names = ", ".join(f"“{edit}”" for edit in edits)
    if len(edits) == 1:
        return _("Your change {name} was not saved").format(name=names)
    return _("Your changes {names} were not saved").format(names=names)
