"""The domain never imports Qt or the UI: each domain module imports with both blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import costready

DOMAIN = ("costing", "invoicing", "compliance", "storage", "reports")
ROOT_MODULES = ("money", "organisation", "cli", "paths", "i18n")


def domain_modules() -> list[str]:
    names = [f"costready.{name}" for name in ROOT_MODULES]
    package_dir = Path(costready.__file__).parent
    for package in DOMAIN:
        names.append(f"costready.{package}")
        for info in pkgutil.walk_packages([str(package_dir / package)], f"costready.{package}."):
            if ".migrations" not in info.name:
                names.append(info.name)
    return names


def test_domain_modules_import_without_qt_or_the_ui():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'PySide6' or name.startswith('costready.ui'):\n"
        "            raise ImportError('domain code imported ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for name in {domain_modules()!r}:\n"
        "    __import__(name)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
