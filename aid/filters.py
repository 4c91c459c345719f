"""Filters of the aid packages endpoint."""

from __future__ import annotations

import django_filters

from aid.models import AidPackage
from editorial.api import TranslatedSearchFilter
from editorial.models import Organization


class AidPackageFilterSet(django_filters.FilterSet):
    funder = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.all(),
        to_field_name="slug",
        help_text="Slug of the funding organisation, e.g. 'socar'.",
    )
    decided_after = django_filters.DateFilter(
        field_name="decided_on", lookup_expr="gte", help_text="Decided on or after (YYYY-MM-DD)."
    )
    decided_before = django_filters.DateFilter(
        field_name="decided_on", lookup_expr="lte", help_text="Decided on or before (YYYY-MM-DD)."
    )
    search = TranslatedSearchFilter(fields=("title", "summary", "body"))
    ordering = django_filters.OrderingFilter(
        fields=("decided_on", "value_usd", "title"),
        help_text="Sort by decided_on, value_usd or title; prefix '-' for descending.",
    )

    class Meta:
        model = AidPackage
        fields = ["sector", "delivery_status"]
