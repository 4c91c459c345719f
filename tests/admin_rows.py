"""Rows for the admin page tests: how to fill each admin's list, and how to build one item
with many children (inline rows, photos) for its change form."""

from __future__ import annotations

from collections.abc import Callable

from django.db import models

from aid.models import AidPackage, ReportedFigure
from editorial.models import Organization, Photo, Place, Source
from partners.models import PartnerKey
from people.models import RehabilitationGroup, SisterCityPartnership
from projects.models import Milestone, ReconstructionProject
from tests.factories import (
    AidPackageFactory,
    MilestoneFactory,
    OrganizationFactory,
    PartnershipActivityFactory,
    PhotoFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    ReportedFigureFactory,
    SisterCityPartnershipFactory,
    SourceFactory,
)

# --- Rows for the lists -----------------------------------------------------------------------


def make_places(count: int) -> None:
    for _ in range(count):
        PlaceFactory(region=PlaceFactory(kind=Place.Kind.REGION))


def make_photos(count: int) -> None:
    """Photos on two kinds of item, so the list fetches each kind's items once."""
    for index in range(count):
        owner = AidPackageFactory() if index % 2 else MilestoneFactory()
        PhotoFactory(content_object=owner, shows_minors=bool(index % 3))


def make_packages(count: int) -> None:
    """Packages with everything their list shows: a funder, items, and photos, one of them
    of minors without consent."""
    for _ in range(count):
        package = AidPackageFactory(items=2, photos=1)
        PhotoFactory(content_object=package, shows_minors=True)


def make_figures(count: int) -> None:
    ReportedFigureFactory.create_batch(count)


def make_projects(count: int) -> None:
    """Projects with everything their list shows: a city, funders, milestones and a photo."""
    for _ in range(count):
        project = ReconstructionProjectFactory(milestones=2, photos=1)
        project.funders.add(OrganizationFactory(), OrganizationFactory())


def make_milestones(count: int) -> None:
    for _ in range(count):
        PhotoFactory(content_object=MilestoneFactory())


def make_groups(count: int) -> None:
    """Groups with everything their list shows: host, home regions and photos of children."""
    for _ in range(count):
        group = RehabilitationGroupFactory(host_institution=OrganizationFactory(), photos=1)
        group.home_regions.add(PlaceFactory(kind=Place.Kind.REGION))
        PhotoFactory(content_object=group, shows_minors=True)


def make_partnerships(count: int) -> None:
    for _ in range(count):
        partnership = SisterCityPartnershipFactory(photos=1)
        PartnershipActivityFactory.create_batch(2, partnership=partnership)


def make_partner_keys(count: int) -> None:
    for n in range(count):
        partner_key = PartnerKey(name=f"Partner {n}", contact_email=f"data{n}@example.org")
        partner_key.set_new_key()
        partner_key.save()


MAKE_ROWS: dict[type[models.Model], Callable[[int], object]] = {
    Organization: OrganizationFactory.create_batch,
    Place: make_places,
    Source: SourceFactory.create_batch,
    Photo: make_photos,
    AidPackage: make_packages,
    ReportedFigure: make_figures,
    ReconstructionProject: make_projects,
    Milestone: make_milestones,
    RehabilitationGroup: make_groups,
    SisterCityPartnership: make_partnerships,
    PartnerKey: make_partner_keys,
}

# --- One item with `count` of each child its change form shows --------------------------------


def package_with_children(count: int) -> AidPackage:
    return AidPackageFactory(items=count, photos=count)


def figure_with_children(count: int) -> ReportedFigure:
    return ReportedFigureFactory(photos=count)


def project_with_children(count: int) -> ReconstructionProject:
    return ReconstructionProjectFactory(milestones=count, photos=count)


def milestone_with_children(count: int) -> Milestone:
    milestone = MilestoneFactory()
    PhotoFactory.create_batch(count, content_object=milestone)
    return milestone


def group_with_children(count: int) -> RehabilitationGroup:
    return RehabilitationGroupFactory(photos=count)


def partnership_with_children(count: int) -> SisterCityPartnership:
    partnership = SisterCityPartnershipFactory(photos=count)
    PartnershipActivityFactory.create_batch(count, partnership=partnership)
    return partnership


MAKE_WITH_CHILDREN: dict[type[models.Model], Callable[[int], models.Model]] = {
    AidPackage: package_with_children,
    ReportedFigure: figure_with_children,
    ReconstructionProject: project_with_children,
    Milestone: milestone_with_children,
    RehabilitationGroup: group_with_children,
    SisterCityPartnership: partnership_with_children,
}
