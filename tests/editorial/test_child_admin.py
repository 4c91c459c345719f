"""A photo or milestone changed on its own admin page is a change of the item it belongs to:
the item's history records it, and a form of the item opened before it cannot save over it."""

from __future__ import annotations

import pytest
from django.test import Client

from editorial.models import Photo, Status
from editorial.revisions import Revision, Transition
from editorial.roles import EDITORS, PUBLISHERS
from projects.models import Milestone
from tests.admin_helpers import admin_url, change_url, form_data, login_staff
from tests.factories import AidPackageFactory, MilestoneFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def test_publishers_caption_change_on_a_live_items_photo_is_in_the_items_history(
    client: Client,
) -> None:
    package = AidPackageFactory(published=True)
    photo = PhotoFactory(content_object=package, caption_en="Old caption")
    version = package.version
    login_staff(client, PUBLISHERS, "publisher")
    data = form_data(client.get(change_url(photo)))
    data["caption_en"] = "New caption"

    response = client.post(change_url(photo), data)

    assert response.status_code == 302
    package.refresh_from_db()
    assert package.version == version + 1
    revision = Revision.objects.for_object(package).get()
    assert revision.transition == Transition.SAVED
    assert revision.user.username == "publisher"
    assert "changed on its own page" in revision.comment
    assert revision.snapshot["photos"][0]["caption_en"] == "New caption"


def test_an_item_form_opened_before_the_photo_change_is_refused(client: Client) -> None:
    package = AidPackageFactory(status=Status.DRAFT)
    photo = PhotoFactory(content_object=package, caption_en="Old caption")
    login_staff(client, EDITORS, "editor")
    stale_item_form = form_data(client.get(change_url(package)))
    photo_form = form_data(client.get(change_url(photo)))
    photo_form["caption_en"] = "New caption"
    client.post(change_url(photo), photo_form)

    response = client.post(change_url(package), stale_item_form)

    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    assert Photo.objects.get(pk=photo.pk).caption_en == "New caption"


def test_editor_may_not_change_a_live_items_photo_by_a_forged_post(client: Client) -> None:
    package = AidPackageFactory(published=True)
    photo = PhotoFactory(content_object=package, caption_en="Old caption")
    login_staff(client, PUBLISHERS, "publisher")
    data = form_data(client.get(change_url(photo)))
    login_staff(client, EDITORS, "editor")
    data["caption_en"] = "Forged"

    response = client.post(change_url(photo), data)

    assert response.status_code == 403
    assert Photo.objects.get(pk=photo.pk).caption_en == "Old caption"
    assert not Revision.objects.for_object(package).exists()


def test_deleting_a_milestone_of_a_draft_is_in_the_projects_history(client: Client) -> None:
    milestone = MilestoneFactory(project__status=Status.DRAFT, title_en="Roof done")
    login_staff(client, EDITORS, "editor")

    response = client.post(admin_url(Milestone, "delete", milestone.pk), {"post": "yes"})

    assert response.status_code == 302
    revision = Revision.objects.for_object(milestone.project).get()
    assert "Roof done" in revision.comment and "deleted" in revision.comment
    assert revision.snapshot["children"]["milestones"] == []
