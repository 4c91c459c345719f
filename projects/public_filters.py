"""The filters of the public projects list (/<lang>/projects/): phase, facility type, city,
funder.

Their values are plain words in the query string (`?phase=completed&city=irpin`), so a filtered
list, and its map, is a link anyone can share. Choices are labelled in the page's language.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

from editorial.models import Organization, Place
from projects.models import FacilityType, Phase, ReconstructionProject
from projects.querysets import ReconstructionProjectQuerySet
from public.base_views import slug_choices


class PublicReconstructionProjectFilterSet(django_filters.FilterSet):
    phase = django_filters.ChoiceFilter(
        choices=Phase.choices, label=_("Phase"), empty_label=_("All phases")
    )
    facility_type = django_filters.ChoiceFilter(
        choices=FacilityType.choices, label=_("Facility"), empty_label=_("All facilities")
    )
    # Choices are the places and organisations of published projects; filled in per request.
    city = django_filters.ChoiceFilter(
        choices=(), label=_("City"), empty_label=_("All cities"), field_name="place__slug"
    )
    funder = django_filters.ChoiceFilter(
        choices=(),
        label=_("Funder"),
        empty_label=_("All funders"),
        field_name="funders__slug",
        distinct=True,
    )

    class Meta:
        model = ReconstructionProject
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Computed once here rather than as callables: a callable is re-run each time the
        # form validates or renders, which would add queries to every page.
        published = ReconstructionProject.objects.published()
        self.filters["city"].extra["choices"] = city_choices(published)
        self.filters["funder"].extra["choices"] = funder_choices(published)


def city_choices(projects: ReconstructionProjectQuerySet) -> list[tuple[str, str]]:
    """(slug, name in the page's language) of the places that have `projects`."""
    places = Place.objects.filter(pk__in=projects.values("place_id"))
    return slug_choices(places, label=lambda place: place.name)


def funder_choices(projects: ReconstructionProjectQuerySet) -> list[tuple[str, str]]:
    """(slug, name in the page's language) of the organisations funding `projects`."""
    return slug_choices(
        Organization.objects.filter(funded_projects__in=projects.values("pk")).distinct()
    )
