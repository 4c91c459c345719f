"""Dates the sources give only to the month or the year.

A press text says "in August 2025" far more often than it names the day. Such a date is
stored as the first day of its month (or year) beside a precision, so that filters and
timelines by year still work and pages never claim a day nobody reported.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact day")
    MONTH = "month", _("month only")
    YEAR = "year", _("year only")


def precision_field(of: str) -> models.CharField:
    return models.CharField(
        _("precision of %(date)s") % {"date": of},
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("When only the month or year is known, enter its first day and say so here."),
    )


def starts_its_period(date_field: str, precision_field_name: str) -> models.Q:
    """A month-precise date is the 1st of its month; a year-precise one is 1 January."""
    return (
        models.Q(**{f"{date_field}__isnull": True})
        | models.Q(**{precision_field_name: DatePrecision.DAY})
        | models.Q(**{precision_field_name: DatePrecision.MONTH, f"{date_field}__day": 1})
        | models.Q(
            **{
                precision_field_name: DatePrecision.YEAR,
                f"{date_field}__day": 1,
                f"{date_field}__month": 1,
            }
        )
    )


def format_approximate(value: dt.date | None, precision: str) -> str:
    """'16 January 2026', 'August 2025' or '2022', in the active language's format."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")
