"""Only money.py rounds: no other module of the package quantizes, rounds or names a rounding
mode, so every figure is rounded by a named rule in one place (DESIGN.md, "Money and numbers")."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

import pytest

import costready

PACKAGE = Path(costready.__file__).parent
MONEY = PACKAGE / "money.py"
# Names that round a number: the builtin, Decimal's methods, and the decimal module's modes.
ROUNDING_NAMES = {"round", "quantize", "to_integral", "to_integral_value", "to_integral_exact"}


def rounding_in(source: str) -> list[tuple[int, str]]:
    """(line, name) of every rounding in the code of `source`.

    Read as Python tokens, so only whole names count (`price_rounding(` is not `round(`) and
    words in strings and comments are not code.
    """
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.NAME:
            continue
        if token.string in ROUNDING_NAMES or token.string.startswith("ROUND_"):
            found.append((token.start[0], token.string))
    return found


def test_only_money_py_rounds():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert MONEY in modules and len(modules) > 50  # the package is really being read
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {name}"
        for path in modules
        if path != MONEY
        for line, name in rounding_in(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "round with a named function from costready.money instead"


def test_money_py_is_where_the_rounding_is():
    names = {name for _line, name in rounding_in(MONEY.read_text(encoding="utf-8"))}
    assert {"quantize", "ROUND_HALF_UP", "ROUND_CEILING"} <= names


@pytest.mark.parametrize(
    "code",
    [
        "x = amount.quantize(PENNY)\n",
        "x = amount.quantize (PENNY, rounding=ROUND_HALF_UP)\n",
        "x = round(value, 2)\n",
        "x = round (value)\n",
        "x = value.to_integral_value()\n",
        "from decimal import ROUND_HALF_EVEN\n",
        "steps = map(round, values)\n",
    ],
)
def test_a_rounding_is_found(code):
    assert rounding_in(code)


@pytest.mark.parametrize(
    "code",
    [
        "x = round_up_to_step(amount, step)\n",
        "x = price_rounding(service)\n",
        "x = service.price_rounding\n",
        "x = around(value)\n",
        'text = "rounded half-up: round(x, 2)"\n',
        "x = to_penny(amount)  # not amount.quantize(PENNY)\n",
    ],
)
def test_a_name_that_only_contains_round_is_not(code):
    assert rounding_in(code) == []
