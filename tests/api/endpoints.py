"""The list endpoints with a factory that builds one object of each, rich in children."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import pytest

from tests.factories import (
    AidPackageFactory,
    MilestoneFactory,
    OrganizationFactory,
    PartnershipActivityFactory,
    PhotoFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
    SourceFactory,
)


def rich_package(**kwargs: Any) -> Any:
    package = AidPackageFactory(
        recipient=OrganizationFactory(), origin=PlaceFactory(), items=2, photos=2, **kwargs
    )
    package.sources.add(SourceFactory())
    return package


def rich_project(**kwargs: Any) -> Any:
    project = ReconstructionProjectFactory(photos=2, **kwargs)
    project.funders.add(OrganizationFactory())
    project.implementing_partners.add(OrganizationFactory())
    project.sources.add(SourceFactory())
    for milestone in MilestoneFactory.create_batch(2, project=project):
        PhotoFactory(content_object=milestone)
    return project


def rich_group(**kwargs: Any) -> Any:
    group = RehabilitationGroupFactory(
        host_institution=OrganizationFactory(),
        host_place=PlaceFactory(country="AZ"),
        photos=2,
        **kwargs,
    )
    group.home_regions.add(PlaceFactory(kind="region"))
    group.partners.add(OrganizationFactory())
    group.sources.add(SourceFactory())
    return group


def rich_partnership(**kwargs: Any) -> Any:
    partnership = SisterCityPartnershipFactory(photos=2, **kwargs)
    PartnershipActivityFactory.create_batch(2, partnership=partnership)
    partnership.sources.add(SourceFactory())
    return partnership


class Endpoint(NamedTuple):
    path: str
    make: Callable[..., Any]
    list_queries: int  # with children and photos; the same for 5 or 30 objects
    detail_queries: int


ENDPOINTS = {
    # count, packages with funder/recipient/origin, items, photos, renditions, sources
    "aid-packages": Endpoint("/api/v1/aid-packages/", rich_package, 6, 5),
    # count, projects with place, funders and partners, sources, milestones, the photos of the
    # projects and their milestones, renditions
    "projects": Endpoint("/api/v1/projects/", rich_project, 7, 6),
    # count, groups with host institution and place, regions, partners, photos, renditions,
    # sources
    "rehabilitation-groups": Endpoint("/api/v1/rehabilitation-groups/", rich_group, 7, 6),
    # count, partnerships with both places, activities, photos, renditions, sources
    "partnerships": Endpoint("/api/v1/partnerships/", rich_partnership, 6, 5),
}

ENDPOINT_PARAMS = [pytest.param(endpoint, id=name) for name, endpoint in ENDPOINTS.items()]
