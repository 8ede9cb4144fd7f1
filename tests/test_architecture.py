"""The layers of DESIGN.md hold: import-linter's contracts in pyproject.toml pass, and break on a
wrong import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports over the `costready` package found in `root`, with root's contracts."""
    tool = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    tool = tool or shutil.which("lint-imports")
    assert tool, "import-linter is in the test extra; pip install -e '.[test]'"
    return subprocess.run(
        [tool, "--config", str(root / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": str(Path(sys.executable).parent)},
    )


def test_the_layer_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture(scope="module")
def copy_of_the_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(ROOT / "costready", root / "costready", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("costing/_probe.py", "import costready.storage.workspace", "Layers"),
        ("storage/_probe.py", "import costready.app.opening", "Layers"),
        ("organisation.py", "import costready.costing.engine", "Layers"),
        ("costing/_probe.py", "import PySide6.QtCore", "plain Python"),
        ("reports/_probe.py", "import PySide6.QtCore", "Only the window imports Qt"),
        ("ui/_probe.py", "import sqlalchemy", "Only storage talks to the database"),
        ("ui/_probe.py", "import costready.storage.keys", "only through app"),
    ],
)
def test_a_wrong_import_breaks_a_contract(
    copy_of_the_package: Path, module: str, line: str, contract: str
):
    probe = copy_of_the_package / "costready" / module
    before = probe.read_text() if probe.exists() else None
    probe.write_text((before or "") + "\n" + line + "\n")
    try:
        result = lint_imports(copy_of_the_package)
    finally:
        if before is None:
            probe.unlink()
        else:
            probe.write_text(before)
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout
