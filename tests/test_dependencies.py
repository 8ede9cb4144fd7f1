"""The dependencies pyproject.toml declares keep out the releases known to break CostReady."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"


def requirement(name: str) -> Requirement:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return next(r for r in map(Requirement, project["dependencies"]) if r.name == name)


def test_pyside6_6_12_0_is_kept_out_and_not_installed():
    # PySide6 6.12.0 lost a reference to True on every Signal.emit(), so long sessions aborted
    # with "Fatal Python error: bool_dealloc".
    qt = requirement("PySide6-Essentials")
    assert not qt.specifier.contains("6.12.0")
    assert qt.specifier.contains(version(qt.name))
