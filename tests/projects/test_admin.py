from typing import Any

import pytest
from django.test import Client

from editorial.models import Status
from editorial.roles import EDITORS
from projects.models import Milestone, ReconstructionProject
from tests.admin_helpers import (
    add_url,
    change_url,
    changelist_url,
    form_data,
    inline_rows,
    login_staff,
    queries_to_get,
)
from tests.factories import (
    MilestoneFactory,
    OrganizationFactory,
    PhotoFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
)

pytestmark = pytest.mark.django_db


def make_projects(count: int) -> None:
    """Projects with everything their list shows: a city, funders, milestones and a photo."""
    for _ in range(count):
        project = ReconstructionProjectFactory(milestones=2, photos=1)
        project.funders.add(OrganizationFactory(), OrganizationFactory())


def make_milestones(count: int) -> None:
    for _ in range(count):
        PhotoFactory(content_object=MilestoneFactory())


LISTS = [
    pytest.param(ReconstructionProject, make_projects, id="reconstructionproject"),
    pytest.param(Milestone, make_milestones, id="milestone"),
]


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_changelist_loads(admin_client: Client, model: type, make_rows: Any) -> None:
    make_rows(2)
    response = admin_client.get(changelist_url(model))
    assert response.status_code == 200
    assert response.context["cl"].result_count == model.objects.count()


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_change_form_loads(admin_client: Client, model: type, make_rows: Any) -> None:
    make_rows(1)
    assert admin_client.get(change_url(model.objects.first())).status_code == 200


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_add_form_loads(admin_client: Client, model: type, make_rows: Any) -> None:
    assert admin_client.get(add_url(model)).status_code == 200


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_changelist_queries_do_not_grow_with_rows(
    admin_client: Client, model: type, make_rows: Any
) -> None:
    make_rows(5)
    few = queries_to_get(admin_client, changelist_url(model))
    make_rows(45)
    assert queries_to_get(admin_client, changelist_url(model)) == few


def test_project_change_form_queries_do_not_grow_with_milestones_and_photos(
    admin_client: Client,
) -> None:
    few = ReconstructionProjectFactory(milestones=5, photos=5)
    many = ReconstructionProjectFactory(milestones=50, photos=50)
    assert queries_to_get(admin_client, change_url(many)) == queries_to_get(
        admin_client, change_url(few)
    )


def test_milestone_change_form_queries_do_not_grow_with_photos(admin_client: Client) -> None:
    few, many = MilestoneFactory(), MilestoneFactory()
    PhotoFactory.create_batch(5, content_object=few)
    PhotoFactory.create_batch(50, content_object=many)
    assert queries_to_get(admin_client, change_url(many)) == queries_to_get(
        admin_client, change_url(few)
    )


def test_milestone_inline_links_to_the_milestone_page_for_its_photos(
    admin_client: Client,
) -> None:
    milestone = MilestoneFactory()
    content = admin_client.get(change_url(milestone.project)).content.decode()
    assert f'href="{change_url(milestone)}"' in content


def test_milestones_are_added_inline(admin_client: Client) -> None:
    project = ReconstructionProjectFactory()
    data = form_data(admin_client.get(change_url(project)))
    inline_rows(
        data,
        "milestones",
        [{"date": "2024-09-01", "title_en": "School reopened", "title_uk": "Школу відкрито"}],
    )
    assert admin_client.post(change_url(project), data).status_code == 302
    assert project.milestones.get().title_uk == "Школу відкрито"


def test_project_changelist_lists_funders(admin_client: Client) -> None:
    project = ReconstructionProjectFactory()
    project.funders.add(OrganizationFactory(name="Heydar Aliyev Foundation"))
    content = admin_client.get(changelist_url(ReconstructionProject)).content.decode()
    assert "Heydar Aliyev Foundation" in content


def test_project_changelist_searches_the_city(admin_client: Client) -> None:
    ReconstructionProjectFactory(slug="irpin", place=PlaceFactory(name_uk="Ірпінь"))
    ReconstructionProjectFactory(slug="other")
    response = admin_client.get(f"{changelist_url(ReconstructionProject)}?q=Ірпінь")
    assert [project.slug for project in response.context["cl"].result_list] == ["irpin"]


def test_project_changelist_filters_by_phase(admin_client: Client) -> None:
    ReconstructionProjectFactory(slug="design", phase="design")
    ReconstructionProjectFactory(slug="planned")
    response = admin_client.get(f"{changelist_url(ReconstructionProject)}?phase__exact=design")
    assert [project.slug for project in response.context["cl"].result_list] == ["design"]


def test_editor_may_change_a_milestone_of_a_draft_project(client: Client) -> None:
    login_staff(client, EDITORS)
    milestone = MilestoneFactory()
    data = form_data(client.get(change_url(milestone)))
    data["title_en"] = "Roof repaired"
    assert client.post(change_url(milestone), data).status_code == 302
    milestone.refresh_from_db()
    assert milestone.title_en == "Roof repaired"


def test_editor_sees_a_milestone_of_a_published_project_read_only(client: Client) -> None:
    login_staff(client, EDITORS)
    milestone = MilestoneFactory(project=ReconstructionProjectFactory(status=Status.PUBLISHED))
    response = client.get(change_url(milestone))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
