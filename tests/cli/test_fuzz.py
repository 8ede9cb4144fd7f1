"""Fuzz: hostile model files through `price --json` and `model import`, in-process.

Bounded for CI (a fixed number of examples, seeded); bench/fuzz_models.py is the full run.
Every call ends with exit status 0 or 1 and no traceback, and a refused import writes nothing.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.hostile import FIXTURES, hostile_model, run_cli, scenario_count, snapshot

HOSTILE = sorted((FIXTURES / "hostile").iterdir())


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    """A workspace made before the first import, so a refused import finds it as it was."""
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.sqlite'}"
    assert run_cli(["--database", url, "list"])[0] == 0
    return url


def check_price(path: Path) -> int:
    status, _out, err = run_cli(["price", str(path), "--json"])
    assert status in (0, 1)
    assert "Traceback" not in err
    assert status == 0 or err.strip(), "a refusal says why"
    return status


def check_import(path: Path, database: str) -> int:
    before = snapshot(database)
    status, _out, err = run_cli(["--database", database, "model", "import", str(path)])
    after = snapshot(database)
    assert status in (0, 1)
    assert "Traceback" not in err
    if status == 1:
        assert after == before, "a refused import wrote nothing"
    else:
        assert scenario_count(after) == scenario_count(before) + 1
    return status


def test_the_corpus_holds_the_reported_cases():
    names = {path.name for path in HOSTILE}
    assert {"nested-5000.json", "hourly-rate-1e308.json", "planned-units-tiny.json"} <= names
    assert len(HOSTILE) >= 20


@pytest.mark.parametrize("path", HOSTILE, ids=lambda path: path.name)
def test_every_hostile_file_is_refused_or_priced_without_a_traceback(path, database):
    price = check_price(path)
    imported = check_import(path, database)
    if not path.name.startswith("ok-"):
        assert (price, imported) == (1, 1), "every file of the corpus but ok-* is refused"


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.randoms(use_true_random=False))
def test_hostile_models_never_give_a_traceback(tmp_path, database, rng: random.Random):
    path = tmp_path / "model.json"
    path.write_bytes(hostile_model(rng))
    check_price(path)
    check_import(path, database)
