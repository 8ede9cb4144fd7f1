"""The first-run choice for an empty workspace: guided setup or the sample organisation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from costready.i18n import _
from costready.ui.widgets import icon, page_header, plain_label


class FirstRunDialog(QDialog):
    """Asks how to start; `choice` is GUIDED, SAMPLE or None (not now)."""

    GUIDED = "guided"
    SAMPLE = "sample"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(_("Welcome to CostReady"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(
            page_header(
                _("Welcome to CostReady"),
                _(
                    "CostReady works out what each of your services really costs, and a price that "
                    "covers it. How would you like to start?"
                ),
            )
        )

        self.guided_button = QCommandLinkButton(
            _("Set up a new organisation (guided)"),
            _(
                "Answer a few plain questions about your organisation, staff, costs and services. "
                "About 20 minutes; you can stop and carry on later."
            ),
        )
        self.guided_button.setIcon(icon("guide"))
        self.guided_button.setAccessibleName(_("Set up a new organisation (guided)"))
        self.guided_button.setDefault(True)
        self.guided_button.setAutoDefault(True)
        self.guided_button.clicked.connect(lambda: self._choose(self.GUIDED))
        layout.addWidget(self.guided_button)

        self.sample_button = QCommandLinkButton(
            _("Open the sample organisation"),
            _(
                "Look around a worked example: a small community organisation with priced "
                "services. You can delete it later."
            ),
        )
        self.sample_button.setIcon(icon("organisation"))
        self.sample_button.setAccessibleName(_("Open the sample organisation"))
        self.sample_button.setAutoDefault(True)
        self.sample_button.clicked.connect(lambda: self._choose(self.SAMPLE))
        layout.addWidget(self.sample_button)

        hint = plain_label(_("Everything is kept on this computer and saved as you go."))
        layout.addWidget(hint)

        buttons = QDialogButtonBox()
        self.not_now_button = buttons.addButton(
            _("Not now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.not_now_button.setAccessibleName(_("Not now"))
        # auto-default: with the focus on it, Return does what it says (not the guided setup)
        self.not_now_button.setAutoDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # command link buttons are flat and Fusion draws no focus frame on them: mark the one
        # the keyboard is on with the highlight colour, as a focused button is elsewhere
        self.setStyleSheet(
            "QCommandLinkButton { border: 2px solid transparent; border-radius: 4px; }"
            "QCommandLinkButton:focus { border-color: palette(highlight); }"
        )
        self.guided_button.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
