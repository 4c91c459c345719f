"""What the admin's lists share: numbers grouped in the reader's locale, a filter by year, and
the prefetch of the many-valued relations a changelist shows."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db import models
from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.formats import number_format


def grouped_number(value: Decimal | None) -> str | None:
    """A number with thousands grouped in the reader's locale; cents only when there are any."""
    if value is None:
        return None
    places = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=places, force_grouping=True)


def year_filter(field: str, label: str) -> type[admin.SimpleListFilter]:
    """A list filter by the year of a date field, offering only the years that occur."""

    class YearFilter(admin.SimpleListFilter):
        title = label
        parameter_name = f"{field}_year"

        def lookups(
            self, request: HttpRequest, model_admin: admin.ModelAdmin
        ) -> list[tuple[str, str]]:
            years = model_admin.get_queryset(request).dates(field, "year", order="DESC")
            return [(str(day.year), str(day.year)) for day in years]

        def queryset(self, request: HttpRequest, queryset: models.QuerySet) -> models.QuerySet:
            value = self.value()
            if value and value.isdigit():
                return queryset.filter(**{f"{field}__year": int(value)})
            return queryset

    return YearFilter


class _PrefetchingChangeList(ChangeList):
    def get_results(self, request: HttpRequest) -> None:
        super().get_results(request)
        # Only the page of rows shown gets the prefetch; counts and date lists stay plain.
        lookups = self.model_admin.get_list_prefetch_related(request)
        if lookups:
            self.result_list = self.result_list.prefetch_related(*lookups)


class ListPrefetchMixin:
    """`list_prefetch_related`: the many-valued relations the changelist columns show."""

    list_prefetch_related: Sequence[str | Prefetch] = ()

    def get_list_prefetch_related(self, request: HttpRequest) -> list[str | Prefetch]:
        return list(self.list_prefetch_related)

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return _PrefetchingChangeList
