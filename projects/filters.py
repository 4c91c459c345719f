"""Filters of the reconstruction projects endpoint."""

from __future__ import annotations

import django_filters

from editorial.api import TranslatedSearchFilter
from editorial.models import Organization, Place
from projects.models import ReconstructionProject


class ReconstructionProjectFilterSet(django_filters.FilterSet):
    city = django_filters.ModelChoiceFilter(
        field_name="place",
        queryset=Place.objects.all(),
        to_field_name="slug",
        help_text="Slug of the city or town, e.g. 'irpin'.",
    )
    funder = django_filters.ModelChoiceFilter(
        field_name="funders",
        queryset=Organization.objects.all(),
        to_field_name="slug",
        help_text="Slug of a funding organisation.",
    )
    search = TranslatedSearchFilter(fields=("title", "summary", "body"))
    ordering = django_filters.OrderingFilter(
        fields=("title", "planned_start", "actual_completion", "budget_usd"),
        help_text="Sort by title, planned_start, actual_completion or budget_usd; "
        "prefix '-' for descending.",
    )

    class Meta:
        model = ReconstructionProject
        fields = ["phase", "facility_type", "work_kind"]
