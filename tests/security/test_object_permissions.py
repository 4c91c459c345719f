"""Every admin view of one object checks the user's permission (issue 4): a role matrix over
the change form, history, revision, previews, review, rollback, photo upload, delete, the
autocomplete endpoint and the partner keys; bulk actions; and forged POSTs that try to set
what only the workflow may set. The transition URLs themselves are covered role by role in
tests/editorial/test_admin_workflow.py, the preview's login in tests/editorial/test_preview.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aid.models import AidPackage
from editorial import workflow
from editorial.models import Organization, Photo, Status
from editorial.revisions import Revision
from editorial.snapshots import take_snapshot
from partners.models import PartnerKey
from projects.models import Milestone
from tests.admin_helpers import admin_url, change_url, changelist_url, form_data
from tests.factories import (
    AidPackageFactory,
    MilestoneFactory,
    OrganizationFactory,
    PhotoFactory,
    ReconstructionProjectFactory,
)
from tests.workflow_helpers import ROLES, make_user

pytestmark = pytest.mark.django_db

STAFF = ("editor", "publisher", "superuser")
ALL_STAFF_ROLES = {"editor": 200, "publisher": 200, "superuser": 200, "staff_without_group": 403}
PUBLISHERS_ONLY = {"editor": 403, "publisher": 200, "superuser": 200, "staff_without_group": 403}
SUPERUSER_ONLY = {"editor": 403, "publisher": 403, "superuser": 200, "staff_without_group": 403}


def _world() -> dict[str, Any]:
    """A draft, and a live package with a pending change and revisions; a partner key."""
    root = get_user_model().objects.create_superuser("root", password="unused")
    draft = AidPackageFactory()
    PhotoFactory(content_object=draft)
    live = AidPackageFactory()
    workflow.record_save(obj=live, user=root, created=True)
    workflow.publish(obj=live, user=root)
    live.refresh_from_db()
    snapshot = take_snapshot(live)
    snapshot["fields"]["title_en"] = "Pending title"
    workflow.hold_pending(obj=live, user=root, snapshot=snapshot, base_version=live.version)
    key = PartnerKey(name="Partner", contact_email="p@example.org")
    key.set_new_key()
    key.save()
    first = Revision.objects.for_object(live).order_by("created_at", "pk").first()
    return {"draft": draft, "live": live, "revision": first, "key": key}


def matrix_urls(world: dict[str, Any]) -> dict[str, tuple[str, dict[str, int]]]:
    draft, live, revision = world["draft"], world["live"], world["revision"]
    autocomplete = "/admin/autocomplete/?app_label=aid&model_name=aidpackage&field_name=funder"
    return {
        "change": (change_url(live), ALL_STAFF_ROLES),
        "history": (admin_url(AidPackage, "history", live.pk), ALL_STAFF_ROLES),
        "revision": (admin_url(AidPackage, "revision", live.pk, revision.pk), ALL_STAFF_ROLES),
        "revision_preview": (
            admin_url(AidPackage, "revision_preview", live.pk, revision.pk),
            ALL_STAFF_ROLES,
        ),
        "preview": (admin_url(AidPackage, "preview", live.pk), ALL_STAFF_ROLES),
        "draft_preview": (admin_url(AidPackage, "preview", draft.pk), ALL_STAFF_ROLES),
        "review": (admin_url(AidPackage, "review", live.pk), ALL_STAFF_ROLES),
        "rollback": (admin_url(AidPackage, "rollback", live.pk, revision.pk), PUBLISHERS_ONLY),
        "photo_upload": (admin_url(AidPackage, "photos", draft.pk), ALL_STAFF_ROLES),
        "delete": (admin_url(AidPackage, "delete", live.pk), SUPERUSER_ONLY),
        "autocomplete": (autocomplete, ALL_STAFF_ROLES),
        "photo_change": (change_url(draft.photos.get()), ALL_STAFF_ROLES),
        "partner_key": (change_url(world["key"]), SUPERUSER_ONLY),
        "partner_key_history": (
            admin_url(PartnerKey, "history", world["key"].pk),
            SUPERUSER_ONLY,
        ),
        "partner_keys": (changelist_url(PartnerKey), SUPERUSER_ONLY),
    }


VIEWS = [
    "change",
    "history",
    "revision",
    "revision_preview",
    "preview",
    "draft_preview",
    "review",
    "rollback",
    "photo_upload",
    "delete",
    "autocomplete",
    "photo_change",
    "partner_key",
    "partner_key_history",
    "partner_keys",
]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("role", ROLES)
def test_object_admin_url_answers_each_role(client: Client, role: str, view: str) -> None:
    world = _world()
    url, expected = matrix_urls(world)[view]
    user = make_user(role)
    if role != "anonymous":
        client.force_login(user)
    response = client.get(url)
    if role in ("anonymous", "inactive_publisher"):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == expected[role], (role, view)


@pytest.mark.parametrize("view", ["revision", "rollback", "revision_preview"])
def test_a_revision_of_another_item_is_404(admin_client: Client, view: str) -> None:
    world = _world()
    # The live item's revision asked for through the draft's URL.
    url = admin_url(AidPackage, view, world["draft"].pk, world["revision"].pk)
    assert admin_client.get(url).status_code == 404


def test_unknown_object_is_404_not_a_leak(admin_client: Client) -> None:
    for name in ("history", "preview", "review"):
        assert admin_client.get(admin_url(AidPackage, name, 999999)).status_code in (302, 404)


def test_view_on_site_shortcut_checks_the_permission(client: Client) -> None:
    from django.contrib.contenttypes.models import ContentType

    draft = AidPackageFactory(slug="secret-draft")
    content_type = ContentType.objects.get_for_model(draft)
    client.force_login(make_user("staff_without_group"))
    response = client.get(reverse("admin:view_on_site", args=[content_type.pk, draft.pk]))
    assert response.status_code in (403, 404)
    assert "secret-draft" not in response.get("Location", "")


# --- Autocomplete -----------------------------------------------------------------------------


def _autocomplete(client: Client, **params: str) -> Any:
    return client.get(reverse("admin:autocomplete"), params)


def test_editor_searches_organisations_through_autocomplete(client: Client) -> None:
    OrganizationFactory(name_en="Azercell")
    client.force_login(make_user("editor"))
    response = _autocomplete(
        client, app_label="aid", model_name="aidpackage", field_name="funder", term="Azer"
    )
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Azercell"]


@pytest.mark.parametrize(
    "params",
    [
        {"app_label": "aid", "model_name": "aidpackage", "field_name": "funder"},
        {"app_label": "projects", "model_name": "milestone", "field_name": "project"},
    ],
)
def test_staff_without_view_permission_get_403_from_autocomplete(
    client: Client, params: dict[str, str]
) -> None:
    OrganizationFactory(name_en="Azercell")
    client.force_login(make_user("staff_without_group"))
    assert _autocomplete(client, **params, term="").status_code == 403


@pytest.mark.parametrize(
    "params",
    [
        # A field that is not an autocomplete field, on a model editors cannot see.
        {"app_label": "partners", "model_name": "partnerkey", "field_name": "created_by"},
        {"app_label": "auth", "model_name": "user", "field_name": "groups"},
        {"app_label": "aid", "model_name": "aidpackage", "field_name": "created_by"},
    ],
)
def test_autocomplete_of_a_forged_field_is_403(client: Client, params: dict[str, str]) -> None:
    client.force_login(make_user("editor"))
    assert _autocomplete(client, **params, term="").status_code == 403


# --- Bulk actions -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_bulk_delete_of_a_published_item_is_refused(client: Client, role: str) -> None:
    package = AidPackageFactory(published=True)
    client.force_login(make_user(role))
    client.post(
        changelist_url(AidPackage),
        {"action": "delete_selected", "_selected_action": [package.pk], "post": "yes"},
    )
    assert AidPackage.objects.filter(pk=package.pk).exists()


@pytest.mark.parametrize("role", ["editor", "publisher", "staff_without_group"])
def test_bulk_revoke_of_partner_keys_is_refused(client: Client, role: str) -> None:
    key = PartnerKey(name="Partner", contact_email="p@example.org")
    key.set_new_key()
    key.save()
    client.force_login(make_user(role))
    response = client.post(
        changelist_url(PartnerKey), {"action": "revoke_keys", "_selected_action": [key.pk]}
    )
    assert response.status_code == 403
    key.refresh_from_db()
    assert key.revoked_at is None


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_partner_key_cannot_be_added_by_a_role(client: Client, role: str) -> None:
    client.force_login(make_user(role))
    response = client.post(
        admin_url(PartnerKey, "add"), {"name": "Mine", "contact_email": "me@example.org"}
    )
    assert response.status_code == 403
    assert not PartnerKey.objects.exists()


@pytest.mark.parametrize("role", ["editor", "staff_without_group"])
def test_rollback_post_by_a_non_publisher_changes_nothing(client: Client, role: str) -> None:
    world = _world()
    live = world["live"]
    before = (live.version, Revision.objects.for_object(live).count())
    client.force_login(make_user(role))
    url = admin_url(AidPackage, "rollback", live.pk, world["revision"].pk)
    assert client.post(url, {"comment": ""}).status_code == 403
    live.refresh_from_db()
    assert (live.version, Revision.objects.for_object(live).count()) == before


def test_photo_upload_post_by_staff_without_group_adds_nothing(client: Client) -> None:
    from tests.factories import png_file

    draft = AidPackageFactory()
    client.force_login(make_user("staff_without_group"))
    response = client.post(
        admin_url(AidPackage, "photos", draft.pk),
        {"files": [png_file()], "alt_text": "x", "credit": "x"},
    )
    assert response.status_code == 403
    assert not Photo.objects.exists()


# --- Forged POSTs through the change form ------------------------------------------------------


def test_editor_cannot_set_state_or_audit_fields_through_the_change_form(client: Client) -> None:
    root = get_user_model().objects.create_superuser("root", password="unused")
    package = AidPackageFactory(created_by=root)
    editor = make_user("editor")
    client.force_login(editor)
    data = form_data(client.get(change_url(package)))
    later = timezone.localtime() + dt.timedelta(days=3)
    data.update(
        {
            "title_en": "Edited",
            "status": Status.PUBLISHED,
            "publish_at": later.isoformat(),
            "publish_at_0": later.date().isoformat(),
            "publish_at_1": "12:00:00",
            "expire_at_0": later.date().isoformat(),
            "expire_at_1": "13:00:00",
            "published_at_0": later.date().isoformat(),
            "published_at_1": "12:00:00",
            "created_by": str(editor.pk),
            "updated_by": str(root.pk),
            "published_by": str(editor.pk),
            "reviewed_by": str(editor.pk),
        }
    )
    response = client.post(change_url(package), data)
    assert response.status_code == 302
    package.refresh_from_db()
    assert package.title_en == "Edited"
    assert package.status == Status.DRAFT
    assert (package.publish_at, package.expire_at, package.published_at) == (None, None, None)
    assert package.created_by == root
    assert package.updated_by == editor
    assert package.published_by is None
    assert not package.is_public()


def test_editor_adding_an_item_with_a_forged_state_gets_a_draft(client: Client) -> None:
    root = get_user_model().objects.create_superuser("root", password="unused")
    editor = make_user("editor")
    client.force_login(editor)
    data = form_data(client.get(admin_url(AidPackage, "add")))
    data.update(
        {
            "title_en": "Forged",
            "slug": "forged",
            "summary_en": "Summary",
            "sector": AidPackageFactory.sector,
            "funder": str(OrganizationFactory().pk),
            "status": Status.PUBLISHED,
            "created_by": str(root.pk),
            "published_by": str(root.pk),
            "version": "99",
        }
    )
    response = client.post(admin_url(AidPackage, "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    package = AidPackage.objects.get(slug="forged")
    assert package.status == Status.DRAFT
    assert package.created_by == editor
    assert package.published_by is None
    assert package.version < 99


@pytest.mark.parametrize("forged", [6, 4, 10**9])
def test_a_forged_version_is_refused(client: Client, forged: int) -> None:
    package = AidPackageFactory(title_en="Kept", version=5)
    client.force_login(make_user("editor"))
    data = form_data(client.get(change_url(package)))
    data.update({"title_en": "Edited", "version": str(forged)})
    version = package.version
    response = client.post(change_url(package), data)
    assert response.status_code == 200  # the form again, with the error
    package.refresh_from_db()
    assert (package.title_en, package.version) == ("Kept", version)


def test_editor_forging_a_live_items_change_form_only_proposes(client: Client) -> None:
    package = AidPackageFactory(published=True, title_en="Live")
    client.force_login(make_user("editor"))
    data = form_data(client.get(change_url(package)))
    data.update({"title_en": "Edited", "status": Status.DRAFT, "expire_at_0": "2020-01-01"})
    client.post(change_url(package), data)
    package.refresh_from_db()
    assert (package.title_en, package.status, package.expire_at) == (
        "Live",
        Status.PUBLISHED,
        None,
    )


def test_editor_cannot_change_a_milestone_of_a_live_project(client: Client) -> None:
    project = ReconstructionProjectFactory(published=True)
    milestone = MilestoneFactory(project=project, title_en="Kept")
    client.force_login(make_user("editor"))
    data = form_data(client.get(change_url(milestone)))
    data["title_en"] = "Edited"
    response = client.post(change_url(milestone), data)
    assert response.status_code == 403
    assert Milestone.objects.get(pk=milestone.pk).title_en == "Kept"


def test_editor_cannot_change_a_photo_of_a_live_item(client: Client) -> None:
    package = AidPackageFactory(published=True)
    photo = PhotoFactory(content_object=package, shows_minors=True, consent_on_file=False)
    client.force_login(make_user("editor"))
    data = form_data(client.get(change_url(photo)))
    data.update({"consent_on_file": "on", "alt_text_en": "Edited"})
    response = client.post(change_url(photo), data)
    assert response.status_code == 403
    photo.refresh_from_db()
    assert (photo.consent_on_file, photo.alt_text_en) == (False, PhotoFactory.alt_text)


def test_staff_without_group_cannot_post_a_change(client: Client) -> None:
    package = AidPackageFactory(title_en="Kept")
    organisation = OrganizationFactory(name_en="Kept")
    client.force_login(make_user("staff_without_group"))
    assert client.post(change_url(package), {"title_en": "x"}).status_code == 403
    assert client.post(change_url(organisation), {"name_en": "x"}).status_code == 403
    assert AidPackage.objects.get().title_en == "Kept"
    assert Organization.objects.get(pk=organisation.pk).name_en == "Kept"
