"""Decimal money: one constructor, named quanta and roundings, allocation without lost pennies."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from functools import lru_cache

from babel.numbers import NumberFormatError, format_currency, format_decimal, parse_decimal

from costready.i18n import _

PENNY = Decimal("0.01")
FOUR_PLACES = Decimal("0.0001")
ZERO = Decimal("0")
ONE = Decimal("1")


class MoneyError(ValueError):
    """A value that cannot be read as a decimal number."""


#: Digits the engine and the named roundings work to. Every input is bounded
#: (costing/bounds.py: at most £1,000,000,000 in at most 4 places, at most 100,000,000 units
#: in at most 4 places, shares 0-1), so the largest figure a model can produce (a price per unit
#: of a tiny volume times a large volume) has fewer than 50 digits: 60 is never reached, and a
#: value within the bounds is never rounded by the arithmetic itself.
PRECISION = 60
#: Exponent limits: far beyond anything bounded inputs give, so Overflow cannot happen.
EXPONENT_LIMIT = 999_999


def wide_context() -> Context:
    """The context every costing sum runs in: 60 digits, overflow and invalid operations trap
    (an error, never a silent NaN or Infinity). Half-even is Decimal's own default for the
    digits beyond the 60th; the named roundings below decide every figure that is shown."""
    return Context(
        prec=PRECISION,
        rounding=ROUND_HALF_EVEN,
        Emax=EXPONENT_LIMIT,
        Emin=-EXPONENT_LIMIT,
        traps=[Overflow, InvalidOperation, DivisionByZero],
    )


@contextmanager
def wide_arithmetic() -> Iterator[Context]:
    """Run a block in `wide_context()` (the engine prices a scenario inside it)."""
    with localcontext(wide_context()) as context:
        yield context


_EXPONENT = re.compile(r"\s*+[+-]?(?:\d[\d,]*+(?:\.\d*+)?|\.\d++)[eE][+-]?\d++\s*$")


def has_exponent(text: str) -> bool:
    """True for “1e30” or “1E+5”: numbers are written out in full, so an exponent is refused
    rather than read (it is how a magnitude no one typed gets in)."""
    return _EXPONENT.match(text) is not None


def decimal_places(value: Decimal) -> int:
    """Places after the point once trailing zeros are dropped (12.50 -> 1, 1E+2 -> 0, 1E-9 -> 9).

    Pure integer work on the digits, so it never raises, whatever the exponent."""
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or not any(digits):
        return 0  # NaN, Infinity (refused elsewhere) or zero
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: each is one constant
class NumberBound:
    """A closed range and the places a number may have; `words` says it in plain words."""

    low: Decimal
    high: Decimal
    places: int
    words: str  # N_(): "from £0 to £1,000,000,000, in pounds and pence"

    def refusal(self, value: object, label: object) -> str | None:
        """None when `value` is within the bound, else a message naming `label` and the bound.

        Never raises: magnitude and places are read from the digits, not computed."""
        if not isinstance(value, Decimal) or not value.is_finite():
            return _("{label} must be a number").format(label=label)
        # comparing finite decimals is exact and never raises, whatever their exponents;
        # an exponent of -places or more needs no counting (most values: checked per edit)
        exponent = value.as_tuple().exponent  # an int: the value is finite
        if self.low <= value <= self.high and (
            (isinstance(exponent, int) and exponent >= -self.places)
            or decimal_places(value) <= self.places
        ):
            return None
        return _("{label} must be {bound}").format(label=label, bound=_(self.words))


@dataclass(frozen=True, eq=False)
class TextBound:
    """At most `limit` characters."""

    limit: int

    def refusal(self, value: str, label: object) -> str | None:
        """None for text within the bound, else a message naming `label` and the bound."""
        if len(value) <= self.limit:
            if (value.isascii() and "\x00" not in value) or _is_text(value):
                return None
            return _("{label} holds characters that are not text (such as a NUL)").format(
                label=label
            )
        return _("{label} must be at most {limit} characters long (it has {count})").format(
            label=label,
            limit=format_number(Decimal(self.limit)),
            count=format_number(Decimal(len(value))),
        )


def _is_text(value: str) -> bool:
    """False for a NUL or half a surrogate pair: no file, database or PDF can keep them."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def plain(value: Decimal) -> str:
    """A decimal written out in full, never with an exponent (“100”, not “1E+2”), so a file
    CostReady writes is one it reads back."""
    return format(value, "f")


def to_decimal(value: object, field: str = "") -> Decimal:
    """The one way in for numbers: str, int or Decimal; floats are refused (they lose pennies)."""
    if isinstance(value, (bool, float)):
        message = _("{field}: give a decimal string, not a float")
        raise MoneyError(message.format(field=field or "value"))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise MoneyError(
                _("{field}: “{value}” is not a number").format(field=field or "value", value=value)
            ) from None
    else:
        raise MoneyError(_("{field}: expected a number").format(field=field or "value"))
    if not result.is_finite():
        raise MoneyError(_("{field}: must be a finite number").format(field=field or "value"))
    return result


_WIDE = wide_context()

# Every rounding in CostReady is one of the functions below, each naming its rule, so a figure
# is rounded the same way wherever it is worked out or shown (a test keeps it so).


def half_up(value: Decimal, places: int) -> Decimal:
    """Half-up to `places` decimal places (0.125 -> 0.13): the one rule for anything shown."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_WIDE)


def to_penny(amount: Decimal) -> Decimal:
    """Half-up to the penny: the rule for a post's annual cost, a VAT amount, a shown unit cost."""
    return half_up(amount, 2)


def to_four_places(value: Decimal) -> Decimal:
    """Half-up to four places: a share of paid hours, an FTE worked out from hours, and a price
    before rounding as it is shown (£27.3457)."""
    return half_up(value, 4)


def line_net(quantity: Decimal, unit_price: Decimal) -> Decimal:
    """A line's net amount: quantity x unit price, half-up to the penny once."""
    return to_penny(_WIDE.multiply(quantity, unit_price))


def vat_amount(net: Decimal, rate: Decimal) -> Decimal:
    """VAT on a net amount: net x rate, half-up to the penny."""
    return to_penny(_WIDE.multiply(net, rate))


def whole_units_up(value: Decimal) -> Decimal:
    """Up to the next whole unit (4,222.1 -> 4,223): a break-even volume is never short."""
    return value.to_integral_value(rounding=ROUND_CEILING, context=_WIDE)


def is_whole(value: Decimal) -> bool:
    """True for a whole number (2, 2.0), false for 2.5; exact, nothing is rounded."""
    return value == value.to_integral_value(rounding=ROUND_FLOOR, context=_WIDE)


def is_whole_pennies(amount: Decimal) -> bool:
    """True for pounds and whole pence (12.50), false for 12.505; exact, nothing is rounded."""
    return amount == amount.quantize(PENNY, rounding=ROUND_FLOOR, context=_WIDE)


def to_pennies(amount: Decimal) -> int:
    """A whole-penny amount as an integer number of pennies (half-up if it has more places)."""
    return int(_WIDE.divide(amount, PENNY).to_integral_value(rounding=ROUND_HALF_UP))


def from_pennies(pennies: int) -> Decimal:
    """Whole pennies back to a Decimal amount with two places."""
    return Decimal(pennies).scaleb(-2)


def round_up_to_step(amount: Decimal, step: Decimal) -> Decimal:
    """Round up to the next multiple of `step` (a price rounding such as 0.05, 0.50 or 1)."""
    if step <= 0:
        return to_penny(amount)
    steps = _WIDE.divide(amount, step).to_integral_value(rounding=ROUND_CEILING)
    return _WIDE.multiply(steps, step).quantize(PENNY, rounding=ROUND_CEILING, context=_WIDE)


class Allocator:
    """Splits amounts by fixed weights so the parts always add up to the whole.

    Each part is rounded down to the penny; the pennies left over go one each to the largest
    remainders, ties to the smaller key (never to input order). Weights are scaled to whole
    numbers once, so splitting many amounts by one basis is plain integer arithmetic.
    """

    def __init__(self, weights: Mapping[str, Decimal]):
        if any(w < 0 for w in weights.values()):
            raise ValueError("negative weight")
        self.keys = sorted(weights)
        self.position = {key: index for index, key in enumerate(self.keys)}
        values = [weights[key] for key in self.keys]
        places = max(0, max((_decimal_places(value) for value in values), default=0))
        self._weights = [int(value.scaleb(places)) for value in values]
        self._total = sum(self._weights)
        if self._total == 0:
            raise ValueError("weights are all zero")
        self._memo: dict[int, tuple[int, ...]] = {}

    def split_pennies(self, pennies: int) -> tuple[int, ...]:
        """Whole pennies per key, in `self.keys` order (remembered: an edit to one line of a
        large model reprices without splitting every other line again)."""
        parts = self._memo.get(pennies)
        if parts is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            parts = self._memo[pennies] = self._split(pennies)
        return parts

    def _split(self, pennies: int) -> tuple[int, ...]:
        if pennies < 0:
            return tuple(-part for part in self._split(-pennies))
        total = self._total
        products = [pennies * weight for weight in self._weights]
        parts = [product // total for product in products]
        left = pennies - sum(parts)
        if left:
            # Rank by remainder, ties to the smaller key: remainder x n + (n - 1 - index) is a
            # single integer that orders both ways at once (sorting plain ints is fastest).
            n = len(parts)
            last = n - 1
            codes = [product % total * n + last - index for index, product in enumerate(products)]
            codes.sort(reverse=True)
            for code in codes[:left]:
                parts[last - code % n] += 1
        return tuple(parts)

    def split(self, amount: Decimal) -> dict[str, Decimal]:
        """`amount` (whole pennies) split by the weights, keyed like the weights."""
        pennies = to_pennies(amount)
        return {
            key: Decimal(part).scaleb(-2)
            for key, part in zip(self.keys, self.split_pennies(pennies), strict=True)
        }


def _decimal_places(weight: Decimal) -> int:
    """Digits after the point (negative for 1E+2), so scaling by them makes a whole number."""
    exponent = weight.as_tuple().exponent
    if not isinstance(exponent, int):  # "n", "N" or "F": not a number, or infinite
        raise ValueError("weight is not a finite number")
    return -exponent


#: Splits an Allocator remembers before it starts afresh (bounded memory on long sessions).
MEMO_SIZE = 1024


def allocator_for(weights: Mapping[str, Decimal]) -> Allocator:
    """The shared Allocator for these weights, so its remembered splits serve every pricing."""
    return _allocator(tuple(sorted(weights.items())))


@lru_cache(maxsize=512)
def _allocator(items: tuple[tuple[str, Decimal], ...]) -> Allocator:
    return Allocator(dict(items))


def allocate(amount: Decimal, weights: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Split `amount` (whole pennies) by `weights` so the parts add up to it exactly.

    Largest remainder (see Allocator). Raises ValueError when the weights are all zero or any
    is negative.
    """
    return Allocator(weights).split(amount)


def format_money(amount: Decimal, locale: str = "en_GB", currency: str = "GBP") -> str:
    """£1,234.50 in the organisation's locale, half-up to the penny (£500.025 -> £500.03).

    Rounded here first, so babel (which would round half-even) only lays the digits out.
    """
    if not _displayable(amount):
        return str(amount)
    with localcontext(_WIDE):  # babel lays out the digits in the current context
        return format_currency(to_penny(amount), currency, locale=locale)


def format_exact_money(amount: Decimal, locale: str = "en_GB", currency: str = "GBP") -> str:
    """£27.3457: half-up to four places, for a figure rounded in the next step (a price before
    rounding, an exact unit cost). Every screen, report and export shows it this way."""
    if not _displayable(amount):
        return str(amount)
    with localcontext(_WIDE):
        return format_currency(
            to_four_places(amount),
            currency,
            format="¤#,##0.0000",
            locale=locale,
            currency_digits=False,
        )


def format_number(value: Decimal, locale: str = "en_GB", places: int | None = None) -> str:
    """A plain number in the locale (quantities, units)."""
    if not _displayable(value):
        return str(value)
    with localcontext(_WIDE):
        return _format_number(value, locale, places)


def format_quantity(value: Decimal, locale: str = "en_GB", max_places: int = 4) -> str:
    """A quantity that enters a calculation (planned units, hours), shown to the places the
    calculation used: every place it has, trailing zeros dropped (922.50 -> "922.5", 6708.000 ->
    "6,708"), so a trustee multiplying the shown figures gets the engine's answer. Past
    `max_places` places it is shown half-up to `max_places` (no figure a person typed has more).
    """
    places = min(decimal_places(value), max_places) if _displayable(value) else None
    return format_number(value, locale, places)


def _displayable(value: Decimal) -> bool:
    """False for NaN, Infinity and magnitudes no bound allows (1E+30, 1E-999999999): shown as
    written, so a value stored before its bound existed can still be seen, and put right."""
    return value.is_finite() and -EXPONENT_SHOWN <= value.adjusted() <= EXPONENT_SHOWN


#: Figures with more digits before or after the point than this are shown as written.
EXPONENT_SHOWN = 30


def _format_number(value: Decimal, locale: str, places: int | None) -> str:
    if places is not None:
        value = half_up(value, places)
        return format_decimal(
            value, format="#,##0." + "0" * places if places else "#,##0", locale=locale
        )
    return format_decimal(value, locale=locale, decimal_quantization=False)


def parse_number(text: str, field: str, locale: str = "en_GB") -> Decimal:
    """A number a person typed (“1,950”, “0.8”), read strictly in the locale.

    Strict, so “12,50” is refused with a hint rather than read as 1,250.
    """
    return _parse_typed(text, field, locale, _("a number"))


def _parse_typed(text: str, field: str, locale: str, what: str) -> Decimal:
    cleaned = text.strip()
    if not cleaned:
        raise MoneyError(_("{field}: enter {what}").format(field=field, what=what))
    try:
        value = parse_decimal(cleaned, locale=locale, strict=True)
    except NumberFormatError as error:
        message = _("{field}: “{text}” is not {what}").format(field=field, text=cleaned, what=what)
        if error.suggestions:
            message += ". " + _("Did you mean {suggestion}?").format(
                suggestion=_(" or ").join(f"“{s}”" for s in error.suggestions)
            )
        raise MoneyError(message) from None
    if not value.is_finite():
        raise MoneyError(_("{field}: must be a finite number").format(field=field))
    if has_exponent(cleaned):
        raise MoneyError(
            _("{field}: write the number out in full, without an exponent (“{text}”)").format(
                field=field, text=cleaned
            )
        )
    return value


def parse_money(text: str, field: str, locale: str = "en_GB") -> Decimal:
    """An amount a person typed (“£1,234.50”, “1234.5”), in pounds and whole pence."""
    cleaned = text.strip().replace("£", "").replace(" ", "")
    amount = _parse_typed(cleaned, field, locale, _("an amount"))
    if not is_whole_pennies(amount):
        raise MoneyError(
            _("{field}: give pounds and whole pence (at most two decimal places)").format(
                field=field
            )
        )
    return amount


def parse_percent(text: str, field: str, locale: str = "en_GB") -> Decimal:
    """“5”, “5%” or “12.5 %” as the share 0.05 / 0.125."""
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned:
        raise MoneyError(_("{field}: enter a percentage").format(field=field))
    return parse_number(cleaned, field, locale) / 100


def format_percent(share: Decimal, locale: str = "en_GB", places: int | None = None) -> str:
    """0.05 → “5%”, 0.1074 → “10.74%”, no trailing zeros; every digit kept, or with `places`
    at most that many, half-up (0.123456 → “12.35%” with places=2)."""
    if not _displayable(share):
        return str(share)
    with localcontext(_WIDE):
        value = share * 100
        if places is not None:
            value = half_up(value, places)
        value = value.normalize()
        if is_whole(value):
            value = value.quantize(ONE)  # 1E+2 -> 100: normalize() leaves an exponent
    return f"{format_number(value, locale)}%"
