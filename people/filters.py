"""Filters of the rehabilitation groups and partnerships endpoints."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from api.filters import (
    PublishableFilterSet,
    SlugFilter,
    YearFilter,
    date_range,
)
from editorial.models import Organization, Place
from people.models import RehabilitationGroup, SisterCityPartnership


class RehabilitationGroupFilterSet(PublishableFilterSet):
    year = YearFilter(field_name="arrived_on", help_text="Year the group arrived, e.g. 2025.")
    arrived_after, arrived_before = date_range("arrived_on", "Arrived")
    home_region = SlugFilter(
        field_name="home_regions",
        queryset=Place.objects.all(),
        help_text="Slug of a Ukrainian region the children came from.",
    )
    host_place = SlugFilter(
        queryset=Place.objects.all(), help_text="Slug of the place in Azerbaijan that hosted them."
    )
    host_institution = SlugFilter(
        queryset=Organization.objects.all(), help_text="Slug of the hosting institution."
    )
    partner = SlugFilter(
        field_name="partners",
        queryset=Organization.objects.all(),
        help_text="Slug of a partner organisation.",
    )
    ordering = django_filters.OrderingFilter(
        fields=("arrived_on", "children_count", "title", "updated_at"),
        help_text="Sort by arrived_on, children_count, title or updated_at; prefix '-' for "
        "descending. Ties keep a fixed order, so pages never overlap.",
    )

    class Meta:
        model = RehabilitationGroup
        fields = ["cohort", "programme"]


class SisterCityPartnershipFilterSet(PublishableFilterSet):
    place = SlugFilter(
        queryset=Place.objects.all(),
        method="filter_place",
        help_text="Slug of a city or region on either side.",
    )
    ukrainian_place = SlugFilter(
        queryset=Place.objects.all(), help_text="Slug of the Ukrainian city or region."
    )
    azerbaijani_place = SlugFilter(
        queryset=Place.objects.all(), help_text="Slug of the Azerbaijani city or region."
    )
    year = YearFilter(field_name="established_on", help_text="Year established, e.g. 2023.")
    established_after, established_before = date_range("established_on", "Established")
    ordering = django_filters.OrderingFilter(
        fields=("established_on", "title", "updated_at"),
        help_text="Sort by established_on, title or updated_at; prefix '-' for descending. "
        "Ties keep a fixed order, so pages never overlap.",
    )

    class Meta:
        model = SisterCityPartnership
        fields = ["kind"]

    def filter_place(self, queryset: QuerySet, name: str, value: Place) -> QuerySet:
        return queryset.filter(Q(ukrainian_place=value) | Q(azerbaijani_place=value))
