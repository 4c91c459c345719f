import pytest
from django.test import Client

from editorial.models import Status
from editorial.roles import EDITORS
from projects.models import ReconstructionProject
from tests.admin_helpers import (
    change_url,
    changelist_url,
    form_data,
    inline_rows,
    login_staff,
)
from tests.factories import (
    MilestoneFactory,
    OrganizationFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
)

pytestmark = pytest.mark.django_db


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
