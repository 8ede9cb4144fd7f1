"""The code stays ruff clean, ruff formatted and mypy clean (all three are in the test extra)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is in the test extra; install it with pip install -e '.[test]'"
    return found


@pytest.mark.parametrize(
    "command", [["check", "--quiet"], ["format", "--check", "--quiet"]], ids=["check", "format"]
)
def test_ruff_finds_nothing(command: list[str]):
    result = subprocess.run(
        [tool("ruff"), *command, str(ROOT)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_the_whole_package():
    # files and settings come from pyproject.toml ([tool.mypy]: the whole costready package)
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues found" in result.stdout
