"""Uploading several photos to an item at once, from its change form."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from aid.models import AidPackage
from editorial.models import Photo, Revision
from editorial.publishing import Status
from tests.factories import AidPackageFactory, PhotoFactory
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db


def jpeg(name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def upload_url(package: AidPackage) -> str:
    return reverse("admin:aid_aidpackage_photos", args=[package.pk])


def post(client: Client, package: AidPackage, files: list[SimpleUploadedFile]) -> Any:
    return client.post(
        upload_url(package),
        {"files": files, "alt_text": "Generators on a loading dock", "credit": "AZERTAC"},
    )


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def logged_in(role: str) -> Client:
    client = Client()
    client.force_login(make_user(role))
    return client


def test_editor_uploads_several_photos_after_the_last_one(
    django_capture_on_commit_callbacks: Any,
) -> None:
    package = AidPackageFactory(photos=1)
    versions = package.version
    with django_capture_on_commit_callbacks(execute=True):
        response = post(logged_in("editor"), package, [jpeg("a.jpg"), jpeg("b.jpg"), jpeg("c.jpg")])

    assert response.status_code == 302
    photos = list(package.photos.order_by("order"))
    assert [p.order for p in photos] == [0, 1, 2, 3]
    assert {p.alt_text_en for p in photos[1:]} == {"Generators on a loading dock"}
    assert all(p.renditions.exists() for p in photos[1:])
    package.refresh_from_db()
    assert package.version == versions + 1
    assert Revision.objects.for_object(package).first().comment == "3 photos added."


def test_one_bad_file_stores_nothing_and_names_the_file() -> None:
    package = AidPackageFactory()
    bad = SimpleUploadedFile("notes.jpg", b"just some text", content_type="image/jpeg")

    response = post(logged_in("editor"), package, [jpeg("a.jpg"), bad])

    assert response.status_code == 200
    assert "notes.jpg: This file is not an image." in response.content.decode()
    assert not Photo.objects.exists()
    assert stored_files() == []


def test_a_live_item_takes_photos_through_its_form_only() -> None:
    package = AidPackageFactory(published=True)

    response = post(logged_in("publisher"), package, [jpeg("a.jpg")])

    assert response.status_code == 302
    assert not package.photos.exists()
    assert stored_files() == []


@pytest.mark.parametrize("role", ["anonymous", "staff_without_group"])
def test_bulk_upload_is_refused_without_permission(role: str) -> None:
    package = AidPackageFactory()
    client = Client()
    if role != "anonymous":
        client.force_login(make_user(role))

    response = post(client, package, [jpeg("a.jpg")])

    assert response.status_code in (302, 403)
    if role == "anonymous":
        assert "/admin/login/" in response["Location"]
    assert not package.photos.exists()


def test_too_many_files_are_refused() -> None:
    package = AidPackageFactory()
    response = post(logged_in("editor"), package, [jpeg(f"{n}.jpg") for n in range(21)])
    assert response.status_code == 200
    assert "Choose between 1 and 20 photos." in response.content.decode()
    assert not package.photos.exists()


def test_change_form_offers_the_upload_for_drafts_only() -> None:
    client = logged_in("editor")
    draft = AidPackageFactory()
    live = AidPackageFactory(published=True)
    change = "admin:aid_aidpackage_change"

    assert upload_url(draft) in client.get(reverse(change, args=[draft.pk])).content.decode()
    assert upload_url(live) not in client.get(reverse(change, args=[live.pk])).content.decode()


def test_upload_page_loads_for_an_editor() -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    PhotoFactory(content_object=package)
    response = logged_in("editor").get(upload_url(package))
    assert response.status_code == 200
    assert b"multiple" in response.content
