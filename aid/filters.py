"""Filters of the aid packages endpoint."""

from __future__ import annotations

import django_filters

from aid.models import AidPackage
from api.filters import (
    PublishableFilterSet,
    SlugFilter,
    YearFilter,
    date_range,
    usd_range,
)
from editorial.models import Organization, Place


class AidPackageFilterSet(PublishableFilterSet):
    funder = SlugFilter(
        queryset=Organization.objects.all(),
        help_text="Slug of the funding organisation, e.g. 'socar'.",
    )
    recipient = SlugFilter(
        queryset=Organization.objects.all(),
        help_text="Slug of the receiving organisation, e.g. 'ukrenergo'.",
    )
    origin = SlugFilter(
        queryset=Place.objects.all(), help_text="Slug of the place the aid was sent from."
    )
    year = YearFilter(field_name="decided_on", help_text="Year of decision, e.g. 2025.")
    decided_after, decided_before = date_range("decided_on", "Decided")
    dispatched_after, dispatched_before = date_range("dispatched_on", "Dispatched")
    delivered_after, delivered_before = date_range("delivered_on", "Delivered")
    value_usd_min, value_usd_max = usd_range("value_usd", "Value in USD")
    ordering = django_filters.OrderingFilter(
        fields=(
            "decided_on",
            "dispatched_on",
            "delivered_on",
            "value_usd",
            "title",
            "updated_at",
        ),
        help_text="Sort by decided_on, dispatched_on, delivered_on, value_usd, title or "
        "updated_at; prefix '-' for descending, separate several with commas. Ties, and "
        "records without the value, keep a fixed order, so pages never overlap.",
    )

    class Meta:
        model = AidPackage
        fields = ["sector", "delivery_status", "currency"]
