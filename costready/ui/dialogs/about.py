"""The About box: what CostReady is, its version and licences."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from costready import __version__
from costready.i18n import _
from costready.ui.widgets import page_header, plain_label


class AboutDialog(QDialog):
    """Name, version, purpose and licences."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("About CostReady"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            page_header("CostReady", _("Version {version}").format(version=__version__))
        )
        text = plain_label(
            _(
                "Full cost recovery for small community organisations: find what each service "
                "really costs, set prices that cover it, and show a buyer how they were built.\n\n"
                "Works offline; your workspace stays on this computer.\n\n"
                "CostReady is free software under the MIT licence. Its icons are original to "
                "CostReady. Built with Qt for Python {qt} (LGPL), SQLAlchemy, reportlab and babel."
            ).format(qt=pyside_version)
        )
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
