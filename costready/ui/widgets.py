"""Small widgets every page shares: field errors, page headers, empty states, money text, icons."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QIcon, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from costready.i18n import _
from costready.paths import resource

if TYPE_CHECKING:
    from decimal import Decimal

    from PySide6.QtWidgets import QDialog, QDialogButtonBox

#: Icon names we ship as SVGs -> the freedesktop theme name tried first.
_THEME_NAMES = {
    "home": "go-home",
    "organisation": "preferences-other",
    "services": "view-list-details",
    "staff": "system-users",
    "costs": "view-financial-list",
    "prices": "view-financial-transfer",
    "undo": "edit-undo",
    "redo": "edit-redo",
    "open": "document-open",
    "save": "document-save",
    "export": "document-export",
    "import": "document-import",
    "copy": "edit-copy",
    "compare": "view-split-left-right",
    "quit": "application-exit",
    "about": "help-about",
    "guide": "tools-wizard",
    "check": "emblem-ok",
    "add": "list-add",
    "remove": "list-remove",
    "up": "go-up",
    "down": "go-down",
    "edit": "document-edit",
    "print": "document-print",
}


class FieldError(QLabel):
    """A short red message shown under a field; hidden while the field is fine."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(_("Error"))
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.red)
        self.setPalette(palette)
        # a darker red reads better on light backgrounds and still shows on dark ones
        self.setStyleSheet("color: #c0262d;")
        self.hide()

    def show_error(self, message: str) -> None:
        """Show `message` (it should name the field and the fix)."""
        self.setText(message)
        self.setAccessibleDescription(message)
        self.show()

    def clear_error(self) -> None:
        self.setText("")
        self.setAccessibleDescription("")
        self.hide()

    @property
    def has_error(self) -> bool:
        return bool(self.text())


def as_typed(text: str) -> str:
    """Text for a widget that guesses whether it is given markup (a message box, a tooltip):
    unchanged when it would be read as plain text anyway, else escaped, so a name such as
    “Tea & Cake <b>” shows as typed and never turns the rest bold."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    import html  # rarely needed, and 2 ms to import before the window shows

    return "<p>" + html.escape(text, quote=False).replace("\n", "<br>") + "</p>"


def plain_label(text: str = "", *, wrap: bool = True, name: str = "") -> QLabel:
    """A label showing `text` as plain text always (what a person typed, "<b>" and all, is
    never read as markup), wrapped onto more lines unless `wrap` is False; `name`, when given,
    is its accessible name."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if name:
        label.setAccessibleName(name)
    return label


class ElidedLabel(QLabel):
    """One line of plain text drawn cut short with "…" when it does not fit (a long
    organisation name in the sidebar). `text()` stays the full text; the owner sets it as the
    tooltip too, so the whole name can still be read."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:
        return QSize(1, super().minimumSizeHint().height())  # never widens its layout

    def sizeHint(self) -> QSize:
        return QSize(1, super().sizeHint().height())

    def shown_text(self) -> str:
        """The text as drawn now: whole, or cut short to the width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.contentsRect(), flags, self.shown_text())


def page_header(title: str, subtitle: str = "") -> QWidget:
    """A page's title in a larger bold font with an optional one-line explanation below."""
    box = QWidget()
    box.setObjectName("pageHeader")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 8)
    layout.setSpacing(2)
    heading = QLabel(title)
    heading.setObjectName("pageTitle")
    heading.setTextFormat(Qt.TextFormat.PlainText)  # names people typed are shown as typed
    font = QFont(heading.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    heading.setFont(font)
    heading.setAccessibleName(title)
    layout.addWidget(heading)
    if subtitle:
        sub = QLabel(subtitle)
        sub.setObjectName("pageSubtitle")
        sub.setTextFormat(Qt.TextFormat.PlainText)
        sub.setWordWrap(True)
        sub.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(sub)
    return box


def empty_state(
    text: str,
    button_text: str = "",
    slot: Callable[[], object] | None = None,
    *more: tuple[str, Callable[[], object]],
) -> QWidget:
    """What to do when a list is empty: a sentence and a button that does it (and `more`
    buttons beside it, each a (text, slot) pair)."""
    box = QWidget()
    box.setObjectName("emptyState")
    outer = QVBoxLayout(box)
    outer.setContentsMargins(24, 32, 24, 32)
    outer.addStretch(1)
    label = plain_label(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    outer.addWidget(label)
    buttons = [(button_text, slot), *more] if button_text else []
    if buttons:
        row = QHBoxLayout()
        row.addStretch(1)
        for words, action in buttons:
            row.addWidget(action_button(words, action))
        row.addStretch(1)
        outer.addLayout(row)
    outer.addStretch(2)
    return box


class ActionButton(QPushButton):
    """A push button that Return and Enter press too when it has the focus (outside a dialog
    only Space would)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.animateClick()
            return
        super().keyPressEvent(event)


def action_button(text: str, slot: Callable[[], object] | None = None) -> QPushButton:
    """An ActionButton named for screen readers, doing `slot` when pressed."""
    button = ActionButton(text)
    button.setAccessibleName(text.replace("&", ""))
    if slot is not None:
        button.clicked.connect(slot)
    return button


def money_text(amount: Decimal, locale: str = "en_GB") -> str:
    """£1,234.50 (babel, en_GB by default); negative amounts keep their minus sign."""
    from costready.money import format_money  # babel loads after the window is up

    return format_money(amount, locale)


@cache
def _svg_path(name: str) -> str:
    path = resource("icons", f"{name}.svg")
    return str(path) if path.exists() else ""


def icon(name: str) -> QIcon:
    """The desktop theme's icon where it has one, else our shipped resources/icons/NAME.svg."""
    fallback_path = _svg_path(name)
    fallback = QIcon(fallback_path) if fallback_path else QIcon()
    theme_name = _THEME_NAMES.get(name, name)
    if QIcon.hasThemeIcon(theme_name):
        return QIcon.fromTheme(theme_name, fallback)
    return fallback


def ok_cancel(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK and Cancel for `dialog`: OK (named `ok_text`, what it does, when given) accepts it,
    Cancel rejects it; the dialog adds the box where it wants it."""
    from PySide6.QtWidgets import QDialogButtonBox  # made when a dialog first opens

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
