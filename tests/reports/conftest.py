"""Fixtures for the PDF tests."""

from __future__ import annotations

import pytest

from costready.organisation import Organisation
from tests.reports.builders import make_organisation


@pytest.fixture
def organisation() -> Organisation:
    return make_organisation()
