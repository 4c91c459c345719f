"""The money of `seedbulk`'s synthetic record: sums as officials state them, and their US
dollar worth at round figures near each year's official rates."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from editorial.money import Currency

CENT = Decimal("0.01")
# US dollars per unit, by currency and year: round figures near each year's official rates.
USD_RATES: dict[str, dict[int, Decimal]] = {
    Currency.USD: dict.fromkeys(range(2022, 2027), Decimal(1)),
    Currency.AZN: dict.fromkeys(range(2022, 2027), Decimal("0.588235")),
    Currency.EUR: {2022: Decimal("1.05"), 2023: Decimal("1.08"), 2024: Decimal("1.08"),
                   2025: Decimal("1.12"), 2026: Decimal("1.16")},
    Currency.UAH: {2022: Decimal("0.0300"), 2023: Decimal("0.0272"), 2024: Decimal("0.0248"),
                   2025: Decimal("0.0240"), 2026: Decimal("0.0236")},
}  # fmt: skip
RATE_SOURCES = {
    Currency.USD: "",
    Currency.AZN: "Central Bank of Azerbaijan official rate",
    Currency.EUR: "European Central Bank reference rate",
    Currency.UAH: "National Bank of Ukraine official rate",
}


def usd(amount: Decimal) -> Decimal:
    """To the cent, as the record stores dollar sums."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def round_sum(amount: Decimal) -> Decimal:
    """To three significant figures, as officials state sums: 1 230 000, not 1 234 567."""
    exponent = max(0, amount.adjusted() - 2)
    step = Decimal(10) ** exponent
    return ((amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step).quantize(CENT)
