"""Public pages of reconstruction projects: the list with its map, and each project."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from editorial.maps import MapPoint, country_map
from editorial.models import Photo
from editorial.views import PublishedDetailView, PublishedListView
from projects.models import Phase, ReconstructionProject
from projects.public_filters import PublicReconstructionProjectFilterSet
from projects.querysets import ReconstructionProjectQuerySet

# Projects are in Ukraine; their maps show it whole, so a point is seen in its country.
PROJECT_COUNTRIES = ("UA",)


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


class ReconstructionProjectListView(PublishedListView):
    model = ReconstructionProject
    filterset_class = PublicReconstructionProjectFilterSet

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Every project the filters select, not only this page's: one query, no prefetches.
        queryset: ReconstructionProjectQuerySet = self.object_list
        projects = list(queryset.for_map()) if context["paginator"].count else []
        title = (
            _("Where these projects are") if context["filtered"] else _("Where the projects are")
        )
        context["projects_map"] = projects_map(projects, title=title)
        return context


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
