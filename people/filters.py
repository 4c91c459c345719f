"""Filters of the rehabilitation groups and partnerships endpoints."""

from __future__ import annotations

import django_filters

from editorial.api import TranslatedSearchFilter, YearFilter
from people.models import RehabilitationGroup, SisterCityPartnership


class RehabilitationGroupFilterSet(django_filters.FilterSet):
    year = YearFilter(field_name="arrived_on", help_text="Year the group arrived, e.g. 2025.")
    search = TranslatedSearchFilter(fields=("title", "summary", "body"))
    ordering = django_filters.OrderingFilter(
        fields=("arrived_on", "children_count"),
        help_text="Sort by arrived_on or children_count; prefix '-' for descending.",
    )

    class Meta:
        model = RehabilitationGroup
        fields = ["cohort", "programme"]


class SisterCityPartnershipFilterSet(django_filters.FilterSet):
    search = TranslatedSearchFilter(fields=("title", "summary", "body"))

    class Meta:
        model = SisterCityPartnership
        fields = ["kind"]
