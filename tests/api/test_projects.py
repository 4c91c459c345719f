"""The projects endpoint reads the photos of projects and milestones, and their funders and
partners, a page at a time: each project and milestone still gets exactly its own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.factories import (
    MilestoneFactory,
    OrganizationFactory,
    PhotoFactory,
    ReconstructionProjectFactory,
)

pytestmark = pytest.mark.django_db

PROJECTS = "/api/v1/projects/"


def by_slug(client: Any) -> dict[str, dict[str, Any]]:
    return {project["slug"]: project for project in client.get(PROJECTS).json()["results"]}


def names(organisations: list[dict[str, Any]]) -> list[str]:
    return [organisation["name"] for organisation in organisations]


def test_each_project_lists_its_own_funders_and_partners_in_name_order(client: Any) -> None:
    city = OrganizationFactory(name="Irpin City Council")
    school = ReconstructionProjectFactory(published=True, slug="school")
    school.funders.add(OrganizationFactory(name="SOCAR"), OrganizationFactory(name="Azersu"))
    school.implementing_partners.add(city)
    library = ReconstructionProjectFactory(published=True, slug="library")
    library.funders.add(city)  # a partner of one project, a funder of another
    ReconstructionProjectFactory(published=True, slug="park")

    projects = by_slug(client)

    assert names(projects["school"]["funders"]) == ["Azersu", "SOCAR"]
    assert names(projects["school"]["implementing_partners"]) == ["Irpin City Council"]
    assert names(projects["library"]["funders"]) == ["Irpin City Council"]
    assert projects["library"]["implementing_partners"] == []
    assert projects["park"]["funders"] == projects["park"]["implementing_partners"] == []


def test_each_milestone_lists_its_own_public_photos(client: Any) -> None:
    school = ReconstructionProjectFactory(published=True, slug="school")
    PhotoFactory(content_object=school, alt_text="The school")
    began = MilestoneFactory(project=school, date=dt.date(2024, 5, 1))
    reopened = MilestoneFactory(project=school, date=dt.date(2025, 4, 30))
    PhotoFactory(content_object=began, alt_text="Scaffolding")
    PhotoFactory(content_object=reopened, alt_text="Pupils", shows_minors=True)
    library = ReconstructionProjectFactory(published=True, slug="library")
    PhotoFactory(content_object=MilestoneFactory(project=library), alt_text="Shelves")

    projects = by_slug(client)

    def alt_texts(owner: dict[str, Any]) -> list[str]:
        return [photo["alt_text"] for photo in owner["photos"]]

    assert alt_texts(projects["school"]) == ["The school"]
    assert [alt_texts(m) for m in projects["school"]["milestones"]] == [["Scaffolding"], []]
    assert alt_texts(projects["library"]) == []
    assert [alt_texts(m) for m in projects["library"]["milestones"]] == [["Shelves"]]
