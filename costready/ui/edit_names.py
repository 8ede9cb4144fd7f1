"""What each kind of undoable edit is called, as whole sentences a translator sees whole.

An edit is named once (`Edit`), and the Undo and Redo menu entries read the sentences its kind
gives ("Undo change to Lunch club's price rounding"), never "Undo" glued to a fragment. Each
template is one msgid with named placeholders, so a language can put the words in its own order.
"""

from __future__ import annotations

from typing import NamedTuple

from costready.i18n import N_, _


class EditKind(NamedTuple):
    """One kind of edit: its name, and the Undo and Redo entries for it (untranslated).

    A NamedTuple, not a dataclass: this module loads before the window shows, and dataclasses
    costs start-up about 1.5 ms to import."""

    name: str  # "Change to {name}'s {field}": the status bar and the conflict bar quote it
    undo: str  # "Undo change to {name}'s {field}": the Undo menu entry
    redo: str  # "Redo change to {name}'s {field}": the Redo menu entry


CHANGE_CELL = EditKind(
    N_("Change to {name}'s {field}"),
    N_("Undo change to {name}'s {field}"),
    N_("Redo change to {name}'s {field}"),
)
ADD_SERVICE = EditKind(
    N_("Adding the service {name}"),
    N_("Undo adding the service {name}"),
    N_("Redo adding the service {name}"),
)
REMOVE_SERVICE = EditKind(
    N_("Removing the service {name}"),
    N_("Undo removing the service {name}"),
    N_("Redo removing the service {name}"),
)
ADD_POST = EditKind(
    N_("Adding the post {role}"),
    N_("Undo adding the post {role}"),
    N_("Redo adding the post {role}"),
)
REMOVE_POST = EditKind(
    N_("Removing the post {role}"),
    N_("Undo removing the post {role}"),
    N_("Redo removing the post {role}"),
)
CHANGE_POST_TIME = EditKind(
    N_("Change to how {role} spends their time"),
    N_("Undo change to how {role} spends their time"),
    N_("Redo change to how {role} spends their time"),
)
ADD_COST = EditKind(
    N_("Adding the cost {name}"),
    N_("Undo adding the cost {name}"),
    N_("Redo adding the cost {name}"),
)
REMOVE_COST = EditKind(
    N_("Removing the cost {name}"),
    N_("Undo removing the cost {name}"),
    N_("Redo removing the cost {name}"),
)
CHANGE_COST_SHARES = EditKind(
    N_("Change to how {name} is shared"),
    N_("Undo change to how {name} is shared"),
    N_("Redo change to how {name} is shared"),
)
ADD_POOL = EditKind(
    N_("Adding the overhead pool {pool}"),
    N_("Undo adding the overhead pool {pool}"),
    N_("Redo adding the overhead pool {pool}"),
)
CHANGE_POOL = EditKind(
    N_("Change to the overhead pool {pool}"),
    N_("Undo change to the overhead pool {pool}"),
    N_("Redo change to the overhead pool {pool}"),
)
REMOVE_POOL = EditKind(
    N_("Removing the overhead pool {pool}"),
    N_("Undo removing the overhead pool {pool}"),
    N_("Redo removing the overhead pool {pool}"),
)
MOVE_ROW = EditKind(
    N_("Moving {name}"),
    N_("Undo moving {name}"),
    N_("Redo moving {name}"),
)
RENAME_SCENARIO = EditKind(
    N_("Renaming the scenario"),
    N_("Undo renaming the scenario"),
    N_("Redo renaming the scenario"),
)
CHANGE_PERIOD = EditKind(
    N_("Change to the scenario's period"),
    N_("Undo change to the scenario's period"),
    N_("Redo change to the scenario's period"),
)
CHANGE_TAX_YEAR = EditKind(
    N_("Change to the scenario's tax year"),
    N_("Undo change to the scenario's tax year"),
    N_("Redo change to the scenario's tax year"),
)
CHANGE_PROFILE = EditKind(
    N_("Change to the organisation's details"),
    N_("Undo change to the organisation's details"),
    N_("Redo change to the organisation's details"),
)
ANSWER_ALLOWANCE = EditKind(
    N_("Answer on the Employment Allowance"),
    N_("Undo answer on the Employment Allowance"),
    N_("Redo answer on the Employment Allowance"),
)
CLAIM_ALLOWANCE = EditKind(
    N_("Claiming the Employment Allowance"),
    N_("Undo claiming the Employment Allowance"),
    N_("Redo claiming the Employment Allowance"),
)
STOP_ALLOWANCE = EditKind(
    N_("Stopping the Employment Allowance claim"),
    N_("Undo stopping the Employment Allowance claim"),
    N_("Redo stopping the Employment Allowance claim"),
)
PASTE = EditKind(
    N_("Pasting into {table}"),
    N_("Undo pasting into {table}"),
    N_("Redo pasting into {table}"),
)
CUT = EditKind(
    N_("Cutting from {table}"),
    N_("Undo cutting from {table}"),
    N_("Redo cutting from {table}"),
)

#: every kind, so a test can walk them all
EDIT_KINDS: tuple[EditKind, ...] = (
    CHANGE_CELL,
    ADD_SERVICE,
    REMOVE_SERVICE,
    ADD_POST,
    REMOVE_POST,
    CHANGE_POST_TIME,
    ADD_COST,
    REMOVE_COST,
    CHANGE_COST_SHARES,
    ADD_POOL,
    CHANGE_POOL,
    REMOVE_POOL,
    MOVE_ROW,
    RENAME_SCENARIO,
    CHANGE_PERIOD,
    CHANGE_TAX_YEAR,
    CHANGE_PROFILE,
    ANSWER_ALLOWANCE,
    CLAIM_ALLOWANCE,
    STOP_ALLOWANCE,
    PASTE,
    CUT,
)


class Edit(str):
    """An edit's name as shown ("Change to Lunch club's price rounding"), carrying the whole
    sentences of its Undo and Redo entries. A `str`, so code that only shows or compares the
    name needs nothing new."""

    kind: EditKind
    undo_text: str
    redo_text: str

    def __new__(cls, kind: EditKind, **names: str) -> Edit:
        edit = super().__new__(cls, _(kind.name).format(**names))
        edit.kind = kind
        edit.undo_text = _(kind.undo).format(**names)
        edit.redo_text = _(kind.redo).format(**names)
        return edit


def undo_text(description: str) -> str:
    """The Undo entry for an edit named `description` (a plain name from older code is shown
    after a colon, so it still reads as a label and a value)."""
    if isinstance(description, Edit):
        return description.undo_text
    return _("Undo: {edit}").format(edit=description)


def redo_text(description: str) -> str:
    """The Redo entry for an edit named `description`."""
    if isinstance(description, Edit):
        return description.redo_text
    return _("Redo: {edit}").format(edit=description)


def field_noun(header: str) -> str:
    """A column's header used inside a sentence: "Unit" becomes "unit", while "VAT", "FTE" and
    "NI %" keep their capitals (only a word in lower case after its first letter is lowered)."""
    first = header.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower():
        return header[:1].lower() + header[1:]
    return header
