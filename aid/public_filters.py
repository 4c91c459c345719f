"""The filters of the public aid list (/<lang>/aid/): sector, year, delivery status, funder.

Their values are plain words and numbers in the query string (`?sector=energy&year=2025`), so a
filtered list is a link anyone can share. Choices are labelled in the page's language.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

from aid.models import AidPackage, DeliveryStatus, Sector
from aid.querysets import AidPackageQuerySet
from editorial.models import Organization
from public.base_views import slug_choices


class PublicAidPackageFilterSet(django_filters.FilterSet):
    sector = django_filters.ChoiceFilter(
        choices=Sector.choices, label=_("Sector"), empty_label=_("All sectors")
    )
    # Choices are the years that have published packages; filled in per request.
    year = django_filters.ChoiceFilter(
        choices=(), label=_("Year"), empty_label=_("All years"), method="filter_year"
    )
    delivery_status = django_filters.ChoiceFilter(
        choices=DeliveryStatus.choices, label=_("Delivery status"), empty_label=_("Any status")
    )
    # Choices are the organisations that fund published packages; filled in per request.
    funder = django_filters.ChoiceFilter(
        choices=(),
        label=_("Funder"),
        empty_label=_("All funders"),
        field_name="funder__slug",
    )

    class Meta:
        model = AidPackage
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Computed once here rather than as callables: a callable is re-run each time the
        # form validates or renders, which would add queries to every page.
        published = AidPackage.objects.published()
        self.filters["year"].extra["choices"] = [
            (str(year), str(year)) for year in published.reference_years()
        ]
        self.filters["funder"].extra["choices"] = funder_choices(published)

    def filter_year(
        self, queryset: AidPackageQuerySet, name: str, value: str
    ) -> AidPackageQuerySet:
        return queryset.in_year(int(value))


def funder_choices(packages: AidPackageQuerySet) -> list[tuple[str, str]]:
    """(slug, name in the page's language) of the organisations funding `packages`."""
    return slug_choices(Organization.objects.filter(pk__in=packages.values("funder_id")))
