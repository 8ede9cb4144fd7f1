"""Shared fixtures: the example model (a copy of the reference model shipped with the tests)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# Tests never need a screen; without this a run with no display aborts inside Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE_MODEL = FIXTURES / "example-model.json"
EXAMPLE_EXPECTED = FIXTURES / "example-model.expected.json"


@pytest.fixture
def example_data() -> dict:
    return json.loads(EXAMPLE_MODEL.read_text(encoding="utf-8"))


@pytest.fixture
def example_model():
    from costready.costing.modelfile import load_model_file

    return load_model_file(EXAMPLE_MODEL)


@pytest.fixture
def expected() -> dict:
    return json.loads(EXAMPLE_EXPECTED.read_text(encoding="utf-8"))
