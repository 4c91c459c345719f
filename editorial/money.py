"""Money fields shared by aid packages and projects: an amount, its currency and USD equivalent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Currency(models.TextChoices):
    USD = "USD", _("US dollar")
    AZN = "AZN", _("Azerbaijani manat")
    EUR = "EUR", _("Euro")
    UAH = "UAH", _("Ukrainian hryvnia")


def amount_field(verbose: str, help_text: str = "") -> models.DecimalField:
    return models.DecimalField(
        verbose, max_digits=14, decimal_places=2, null=True, blank=True, help_text=help_text
    )


def currency_field() -> models.CharField:
    return models.CharField(
        _("currency"),
        max_length=3,
        choices=Currency.choices,
        default=Currency.USD,
        help_text=_("The currency the amount is officially stated in."),
    )


def usd_field() -> models.DecimalField:
    return amount_field(
        _("value in USD"), _("The US dollar equivalent, using the exchange rate below.")
    )
