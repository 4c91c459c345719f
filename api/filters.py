"""The filters the apps' FilterSets are made of: words in the translated texts, a related
record by slug, date, amount and year ranges, and changes since a client's last sync."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from modeltranslation.utils import get_translation_fields


class TranslatedSearchFilter(django_filters.CharFilter):
    """`?search=`: every word must appear in one of `fields`, in any of the languages.

    A match of the letters as written (`icontains`), not the site search's words and stems. On
    PostgreSQL trigram indexes on these very expressions answer words of three letters or more
    (public/migrations/0004 builds them for the title, summary and body)."""

    def __init__(self, *, fields: Iterable[str], **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "Words to look for in the text fields, in any language.")
        super().__init__(**kwargs)
        self.search_fields = tuple(fields)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        for word in (value or "").split():
            matches = Q()
            for name in get_translation_fields(*self.search_fields):
                matches |= Q(**{f"{name}__icontains": word})
            qs = qs.filter(matches)
        return qs


class SlugFilter(django_filters.ModelChoiceFilter):
    """`?funder=socar`: a related organisation or place by its slug; an unknown slug is a 400
    naming the parameter, never an empty list."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(**kwargs)


def date_range(
    field: str, what: str
) -> tuple[django_filters.DateFilter, django_filters.DateFilter]:
    """`<x>_after` and `<x>_before` on a date field, both inclusive."""
    return (
        django_filters.DateFilter(
            field_name=field, lookup_expr="gte", help_text=f"{what} on or after (YYYY-MM-DD)."
        ),
        django_filters.DateFilter(
            field_name=field, lookup_expr="lte", help_text=f"{what} on or before (YYYY-MM-DD)."
        ),
    )


def usd_range(field: str, what: str) -> tuple[django_filters.NumberFilter, ...]:
    """`<x>_min` and `<x>_max` on a USD amount, both inclusive; a record without an amount
    matches neither."""
    # Bounded like the column (14 digits, 2 decimals): a larger number cannot be compared.
    bounds = {"min_value": 0, "max_digits": 14, "decimal_places": 2}
    return (
        django_filters.NumberFilter(
            field_name=field, lookup_expr="gte", help_text=f"{what} at least this.", **bounds
        ),
        django_filters.NumberFilter(
            field_name=field, lookup_expr="lte", help_text=f"{what} at most this.", **bounds
        ),
    )


# ISO 8601 (and Python) allow UTC offsets up to ±23:59; PostgreSQL refuses a time past ±15:59.
# No time zone is further from UTC than 14 hours.
MAX_UTC_OFFSET = dt.timedelta(hours=16)


class SyncTimeField(IsoDateTimeField):
    """An ISO 8601 date and time whose UTC offset every database takes (at most ±15:59)."""

    def to_python(self, value: Any) -> dt.datetime | None:
        result = super().to_python(value)
        offset = result.utcoffset() if result is not None else None
        if offset is not None and abs(offset) >= MAX_UTC_OFFSET:
            # In the language asked for, like the field's own "Enter a valid date/time.".
            raise forms.ValidationError(
                _("The UTC offset must be from -15:59 to +15:59, e.g. +04:00 or Z."),
                code="invalid",
            )
        return result


class SyncTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = SyncTimeField


def updated_after_filter() -> django_filters.IsoDateTimeFilter:
    """`?updated_after=`: what changed since a client's last sync."""
    return SyncTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Changed at or after this time (ISO 8601, e.g. 2025-07-01T00:00:00Z, with "
        "a UTC offset from -15:59 to +15:59): to fetch only what changed since your last visit.",
    )


class PublishableFilterSet(django_filters.FilterSet):
    """What every list endpoint filters on: words in the texts, and changes since a date."""

    updated_after = updated_after_filter()
    search = TranslatedSearchFilter(fields=("title", "summary", "body"))


@extend_schema_field(OpenApiTypes.INT)
class YearFilter(django_filters.Filter):
    """`?year=2025` on a date field."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("lookup_expr", "year")
        super().__init__(min_value=1900, max_value=2100, **kwargs)
