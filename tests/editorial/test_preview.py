"""Preview in the admin: a draft, a pending change and an old revision rendered by the public
page's own view, to staff only, without changing anything."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from aid.models import AidPackage
from editorial import workflow
from editorial.models import Status
from editorial.revisions import Revision
from editorial.roles import EDITORS
from people.models import RehabilitationGroup, SisterCityPartnership
from projects.models import ReconstructionProject
from tests.admin_helpers import admin_url, change_url, form_data, login_staff
from tests.editorial.test_admin_workflow import log_in
from tests.factories import (
    AidPackageFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)
from tests.workflow_helpers import state_of

pytestmark = pytest.mark.django_db


def preview_url(obj: object) -> str:
    return admin_url(type(obj), "preview", obj.pk)


def test_staff_preview_a_draft_through_the_public_template(client: Client) -> None:
    package = AidPackageFactory(status=Status.DRAFT, title_en="Draft transformers")
    login_staff(client, EDITORS, "editor")

    response = client.get(preview_url(package))

    assert response.status_code == 200
    assert "aid/aidpackage_detail.html" in [t.name for t in response.templates]
    content = response.content.decode()
    assert "Draft transformers" in content
    assert 'class="preview-banner"' in content
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize(
    "factory",
    [
        AidPackageFactory,
        ReconstructionProjectFactory,
        RehabilitationGroupFactory,
        SisterCityPartnershipFactory,
    ],
)
def test_every_publishable_with_a_page_has_a_preview(admin_client: Client, factory) -> None:
    item = factory(status=Status.IN_REVIEW, title_en="Waiting for review")
    response = admin_client.get(preview_url(item))
    assert response.status_code == 200
    assert "Waiting for review" in response.content.decode()


def test_preview_of_a_pending_change_shows_the_change_and_leaves_the_live_row(
    client: Client,
) -> None:
    package = AidPackageFactory(published=True, title_en="Live title", items=2)
    log_in(client, "editor")
    data = form_data(client.get(change_url(package)))
    data.update({"title_en": "Proposed title", "items-0-DELETE": "on"})
    client.post(change_url(package), data)
    before = state_of(package)

    response = client.get(preview_url(package))

    content = response.content.decode()
    assert "Proposed title" in content and "Live title" not in content
    assert "the change waiting for approval" in content
    assert state_of(package) == before  # rolled back: row, children and revisions untouched
    public = Client().get(package.get_absolute_url()).content.decode()
    assert "Live title" in public and "Proposed title" not in public


def test_preview_of_an_old_revision(admin_client: Client) -> None:
    package = AidPackageFactory(title_en="First title")
    user = get_user_model().objects.create_superuser("root", password="unused")
    workflow.record_save(obj=package, user=user, created=False)
    first = Revision.objects.for_object(package).get()
    AidPackage.objects.filter(pk=package.pk).update(title_en="Second title", status="published")

    response = admin_client.get(admin_url(AidPackage, "revision_preview", package.pk, first.pk))

    assert "First title" in response.content.decode()
    assert AidPackage.objects.get(pk=package.pk).title_en == "Second title"


def test_preview_in_each_language_links_the_other_previews(admin_client: Client) -> None:
    package = AidPackageFactory(status=Status.DRAFT, title_en="Cable", title_uk="Кабель")

    response = admin_client.get(preview_url(package) + "?lang=uk")

    content = response.content.decode()
    assert '<html lang="uk">' in content and "Кабель" in content
    assert f'href="{preview_url(package)}?lang=az"' in content
    assert f'href="{package.get_absolute_url()}"' not in content.split("<main")[0]


def test_unknown_preview_language_is_a_clear_400(admin_client: Client) -> None:
    package = AidPackageFactory(status=Status.DRAFT)
    response = admin_client.get(preview_url(package) + "?lang=xx")
    assert response.status_code == 400
    assert "Unknown language" in response.content.decode()


@pytest.mark.parametrize(
    "model_factory",
    [AidPackageFactory, ReconstructionProjectFactory],
)
def test_anonymous_visitors_are_sent_to_the_login_page(client: Client, model_factory) -> None:
    item = model_factory(status=Status.DRAFT, title_en="Secret draft")
    response = client.get(preview_url(item))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert "Secret draft" not in response.content.decode()


def test_staff_without_permission_on_the_model_get_403(client: Client) -> None:
    package = AidPackageFactory(status=Status.DRAFT)
    client.force_login(
        get_user_model().objects.create_user("nobody", password="unused", is_staff=True)
    )
    assert client.get(preview_url(package)).status_code == 403


def test_change_form_links_to_the_preview(admin_client: Client) -> None:
    package = AidPackageFactory(status=Status.DRAFT)
    content = admin_client.get(change_url(package)).content.decode()
    assert f'href="{preview_url(package)}"' in content


def test_drafts_public_address_stays_404(client: Client) -> None:
    for model, factory in (
        (AidPackage, AidPackageFactory),
        (ReconstructionProject, ReconstructionProjectFactory),
        (RehabilitationGroup, RehabilitationGroupFactory),
        (SisterCityPartnership, SisterCityPartnershipFactory),
    ):
        item = factory(status=Status.DRAFT)
        assert model.objects.filter(pk=item.pk).exists()
        assert client.get(item.get_absolute_url()).status_code == 404


def test_view_on_site_is_offered_only_for_a_public_item(admin_client: Client) -> None:
    draft = AidPackageFactory(status=Status.DRAFT)
    live = AidPackageFactory(published=True)
    assert "View on site" not in admin_client.get(change_url(draft)).content.decode()
    assert "View on site" in admin_client.get(change_url(live)).content.decode()


def test_preview_marks_the_items_section_in_the_navigation(admin_client: Client) -> None:
    package = AidPackageFactory(status=Status.DRAFT)
    content = admin_client.get(preview_url(package)).content.decode()
    assert 'href="/en/aid/" aria-current="page"' in content


def test_review_page_gives_each_comment_box_its_own_id(client: Client) -> None:
    package = AidPackageFactory(published=True)
    log_in(client, "editor")
    data = form_data(client.get(change_url(package)))
    data["title_en"] = "Proposed"
    client.post(change_url(package), data)
    log_in(client, "publisher")
    content = client.get(admin_url(AidPackage, "review", package.pk)).content.decode()
    assert content.count('id="id_comment"') == 1
    assert content.count('id="id_send_back_comment"') == 1
