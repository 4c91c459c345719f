"""Public pages of reconstruction projects: the list with its map, and each project."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editorial.models import Photo, Place
from projects.models import Phase, ReconstructionProject
from projects.public_filters import PublicReconstructionProjectFilterSet
from projects.querysets import ReconstructionProjectQuerySet
from public.base_views import PublishedDetailView, PublishedListView
from public.maps import MapPoint, country_map

# Projects are in Ukraine; their maps show it whole, so a point is seen in its country.
PROJECT_COUNTRIES = ("UA",)

# Above this many projects the list's map marks each place once, with its number of projects,
# instead of each project. The map is about 360 px wide on a 390 px phone and in the side
# column of a 1280 px desktop page alike, and projects crowded in one city are set in a ring
# around it: a ring of 30 around Kyiv, where most projects are, is the largest that stays
# inside the map; one of 40 is cut off at its top edge and covers the cities around.
PROJECT_POINTS_LIMIT = 30


def phase_legend() -> dict[str, str]:
    """Every phase, in its order: the colours stay the same whatever the filters show."""
    return {phase.value: phase.label for phase in Phase}


def map_point(project: ReconstructionProject) -> MapPoint | None:
    """The project's own coordinates, else its city's; None when neither is recorded."""
    latitude, longitude = project.latitude, project.longitude
    if latitude is None or longitude is None:
        latitude, longitude = project.place.latitude, project.place.longitude
    if latitude is None or longitude is None:
        return None
    return MapPoint(
        latitude=float(latitude),
        longitude=float(longitude),
        label=project.title,
        url=project.get_absolute_url(),
        kind=project.phase,
    )


def projects_map(projects: Iterable[ReconstructionProject], *, title: str) -> SafeString | str:
    """The projects that have coordinates as points coloured by phase; "" when none has."""
    points = [point for point in map(map_point, projects) if point is not None]
    if not points:
        return ""
    return country_map(points, title=title, countries=PROJECT_COUNTRIES, legend=phase_legend())


def place_marker(place: Place, *, url: str) -> MapPoint | None:
    """A place's projects as one numbered mark: at the place's coordinates, else at the middle
    of its projects' own sites; None when neither is recorded. `place` comes from
    `places_for_map()`."""
    latitude, longitude = place.latitude, place.longitude
    if latitude is None or longitude is None:
        latitude, longitude = place.sites_latitude, place.sites_longitude
    if latitude is None or longitude is None:
        return None
    count = place.project_count
    label = ngettext("%(place)s: %(count)s project", "%(place)s: %(count)s projects", count) % {
        "place": place.name,
        "count": count,
    }
    return MapPoint(
        latitude=float(latitude), longitude=float(longitude), label=label, url=url, count=count
    )


def places_map(
    places: Iterable[Place], *, title: str, place_url: Callable[[Place], str]
) -> SafeString | str:
    """Each place with projects as a numbered circle linking to `place_url(place)`, listed
    with the most projects first; "" when no place can be put on the map. Not coloured by
    phase: a city's projects are of several phases, and a circle in the colour of the most
    common one would hide the others (the phase filter shows them)."""
    by_size = sorted(places, key=lambda place: (-place.project_count, place.name.casefold()))
    markers = [marker for place in by_size if (marker := place_marker(place, url=place_url(place)))]
    if not markers:
        return ""
    return country_map(
        markers,
        title=title,
        countries=PROJECT_COUNTRIES,
        note=_(
            "Each circle is a place, with the number of projects there: choose it to list them."
        ),
    )


class ReconstructionProjectListView(PublishedListView):
    model = ReconstructionProject
    filterset_class = PublicReconstructionProjectFilterSet

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Every project the filters select, not only this page's, in one query: each project
        # with its city, or past the limit only the places with their counts. The page's count
        # decides, being known already (no query); it includes projects without coordinates,
        # so it may switch to places a few projects early.
        queryset: ReconstructionProjectQuerySet = self.object_list
        count = context["paginator"].count
        title = (
            _("Where these projects are") if context["filtered"] else _("Where the projects are")
        )
        if count > PROJECT_POINTS_LIMIT:
            context["projects_map"] = places_map(
                queryset.places_for_map(), title=title, place_url=self.place_url
            )
        else:
            projects = list(queryset.for_map()) if count else []
            context["projects_map"] = projects_map(projects, title=title)
        return context

    def place_url(self, place: Place) -> str:
        """This list narrowed to `place`, with the other filters as set (and no page number)."""
        values = {name: self.request.GET.get(name, "") for name in self.filterset.filters}
        values["city"] = place.slug
        return f"{self.request.path}?{urlencode({k: v for k, v in values.items() if v})}"


class ReconstructionProjectDetailView(PublishedDetailView):
    model = ReconstructionProject
    section_name = _("Reconstruction")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # The lead photo and gallery are the general photos; before and after stand apart.
        context = super().get_context_data(**kwargs)
        project: ReconstructionProject = self.object
        photos = list(project.photos.all())
        general = [photo for photo in photos if photo.role == Photo.Role.GENERAL]
        point = map_point(project)
        context.update(
            lead_photo=general[0] if general else None,
            before_photos=[photo for photo in photos if photo.role == Photo.Role.BEFORE],
            after_photos=[photo for photo in photos if photo.role == Photo.Role.AFTER],
            photos=general[1:],
            milestones=list(project.milestones.all()),
            funders=list(project.funders.all()),
            partners=list(project.implementing_partners.all()),
            location_map=country_map(
                [replace(point, url="")],  # the page itself: no link to follow
                title=_("Location of the site"),
                countries=(project.place.country.code or PROJECT_COUNTRIES[0],),
            )
            if point
            else "",
        )
        return context
