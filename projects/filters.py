"""Filters of the reconstruction projects endpoint."""

from __future__ import annotations

import django_filters

from api.filters import (
    PublishableFilterSet,
    SlugFilter,
    date_range,
    usd_range,
)
from editorial.models import Organization, Place
from projects.models import ReconstructionProject


class ReconstructionProjectFilterSet(PublishableFilterSet):
    city = SlugFilter(
        field_name="place",
        queryset=Place.objects.all(),
        help_text="Slug of the city or town, e.g. 'irpin'.",
    )
    region = SlugFilter(
        field_name="place__region",
        queryset=Place.objects.all(),
        help_text="Slug of the region (oblast) the city is in, e.g. 'kyiv-oblast'.",
    )
    funder = SlugFilter(
        field_name="funders",
        queryset=Organization.objects.all(),
        help_text="Slug of a funding organisation.",
    )
    implementing_partner = SlugFilter(
        field_name="implementing_partners",
        queryset=Organization.objects.all(),
        help_text="Slug of an organisation carrying out the work.",
    )
    started_after, started_before = date_range("actual_start", "Work started")
    completed_after, completed_before = date_range("actual_completion", "Completed")
    budget_usd_min, budget_usd_max = usd_range("budget_usd", "Budget in USD")
    ordering = django_filters.OrderingFilter(
        fields=(
            "title",
            "planned_start",
            "planned_completion",
            "actual_start",
            "actual_completion",
            "budget_usd",
            "updated_at",
        ),
        help_text="Sort by title, planned_start, planned_completion, actual_start, "
        "actual_completion, budget_usd or updated_at; prefix '-' for descending. Ties keep a "
        "fixed order, so pages never overlap.",
    )

    class Meta:
        model = ReconstructionProject
        fields = ["phase", "facility_type", "work_kind"]
