"""DecimalString: exact decimals in, the same decimals out, floats refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from costready.storage.types import DecimalString

TYPE = DecimalString()


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_any_finite_decimal_comes_back_identical(value: Decimal) -> None:
    stored = TYPE.process_bind_param(value, None)  # type: ignore[arg-type]
    back = TYPE.process_result_value(stored, None)  # type: ignore[arg-type]
    assert back == value
    assert back.as_tuple() == value.as_tuple()  # same digits and places, not just equal


def test_floats_and_non_finite_values_are_refused() -> None:
    with pytest.raises(TypeError, match="float"):
        TYPE.process_bind_param(0.1, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="non-finite"):
        TYPE.process_bind_param(Decimal("NaN"), None)  # type: ignore[arg-type]
    assert TYPE.process_bind_param(None, None) is None  # type: ignore[arg-type]
    assert TYPE.process_bind_param(3, None) == "3"  # type: ignore[arg-type]
