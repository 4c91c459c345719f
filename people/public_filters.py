"""Filters of the public lists of rehabilitation groups and partnerships (GET forms).

The choices are drawn from what is published, so a reader is never offered a year or a place
that would give an empty list; a value from an old or mistyped link fails validation and the
page says so (status 400) instead of quietly showing everything.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from editorial.models import Place
from people.models import Cohort, PartnershipKind, Programme

ANY = _("Any")


class RehabilitationGroupPublicFilterSet(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        field_name="arrived_on", lookup_expr="year", label=_("Year of arrival"), empty_label=ANY
    )
    cohort = django_filters.ChoiceFilter(choices=Cohort.choices, label=_("Cohort"), empty_label=ANY)
    programme = django_filters.ChoiceFilter(
        choices=Programme.choices, label=_("Programme"), empty_label=ANY
    )
    host = django_filters.ModelChoiceFilter(
        field_name="host_place",
        to_field_name="slug",  # readable, shareable links: ?host=baku
        queryset=Place.objects.none(),
        label=_("Host place"),
        empty_label=ANY,
    )

    def __init__(self, data: Any = None, queryset: QuerySet | None = None, **kwargs: Any) -> None:
        super().__init__(data, queryset=queryset, **kwargs)
        # Listed once here: a callable would be evaluated again by validation and rendering.
        self.filters["year"].extra["choices"] = [
            (str(year), str(year)) for year in self.queryset.arrival_years()
        ]
        self.filters["host"].queryset = Place.objects.filter(
            pk__in=self.queryset.order_by().values("host_place")
        ).order_by("name")


class SisterCityPartnershipPublicFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=PartnershipKind.choices, label=_("Kind"), empty_label=ANY
    )
