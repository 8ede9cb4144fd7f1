"""Column types that keep Decimals exact on every database (SQLite has no real decimal type)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class DecimalString(TypeDecorator[Decimal]):
    """A Decimal stored as its exact decimal string ("0.1074", "27350.00") and read back as one.

    The string keeps every digit and the exponent, so a value comes back equal *and* with the same
    places it went in with. Floats are refused: they would already have lost pennies. Values are
    not compared or summed in SQL (string order is not numeric order); the domain does the sums.
    """

    impl = String(64)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, Decimal | int):
            raise TypeError(f"expected a Decimal, got {type(value).__name__}: {value!r}")
        number = Decimal(value)
        if not number.is_finite():
            raise ValueError(f"cannot store a non-finite number: {value!r}")
        return str(number)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        try:
            return Decimal(value)
        except InvalidOperation:
            raise ValueError(f"stored value is not a decimal number: {value!r}") from None
