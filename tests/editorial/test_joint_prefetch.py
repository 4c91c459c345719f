"""Joint prefetches (editorial/joint_prefetch.py): fetched once for all the rows of a queryset,
and a plain prefetch of their own lookup wherever Django prefetches without the queryset."""

from __future__ import annotations

from typing import Any

import pytest

from projects.models import ReconstructionProject
from tests.factories import (
    MilestoneFactory,
    OrganizationFactory,
    PhotoFactory,
    ReconstructionProjectFactory,
)

pytestmark = pytest.mark.django_db


def project_with_children(name: str) -> ReconstructionProject:
    project = ReconstructionProjectFactory(slug=name)
    PhotoFactory(content_object=project, alt_text=f"{name} site")
    PhotoFactory(content_object=MilestoneFactory(project=project), alt_text=f"{name} milestone")
    project.funders.add(OrganizationFactory(name=f"{name} funder"))
    project.implementing_partners.add(OrganizationFactory(name=f"{name} builder"))
    return project


def described(project: ReconstructionProject) -> tuple[list[str], ...]:
    return (
        [photo.alt_text for photo in project.photos.all()],
        [photo.alt_text for m in project.milestones.all() for photo in m.photos.all()],
        [organisation.name for organisation in project.funders.all()],
        [organisation.name for organisation in project.implementing_partners.all()],
    )


EXPECTED = {
    name: ([f"{name} site"], [f"{name} milestone"], [f"{name} funder"], [f"{name} builder"])
    for name in ("irpin", "kyiv")
}


def test_joint_prefetches_run_once_for_all_rows(django_assert_num_queries: Any) -> None:
    for name in EXPECTED:
        project_with_children(name)
    ReconstructionProject.objects.for_detail().first()  # content types are cached per process

    # projects, funders and partners, sources, milestones, photos of both kinds, renditions
    with django_assert_num_queries(6):
        projects = list(ReconstructionProject.objects.for_detail().order_by("slug"))
        found = {project.slug: described(project) for project in projects}

    assert found == EXPECTED


def test_no_rows_no_joint_prefetch_query(django_assert_num_queries: Any) -> None:
    project_with_children("irpin")

    with django_assert_num_queries(1):
        assert list(ReconstructionProject.objects.for_detail().filter(slug="none")) == []


def test_iterated_in_chunks_the_rows_still_get_their_own(django_assert_num_queries: Any) -> None:
    # iterator() prefetches through Django alone: what a joint prefetch would add is then read
    # when used, one query at a time, but never wrongly.
    for name in EXPECTED:
        project_with_children(name)

    rows = ReconstructionProject.objects.for_detail().order_by("slug").iterator(chunk_size=10)
    found = {project.slug: described(project) for project in rows}

    assert found == EXPECTED
