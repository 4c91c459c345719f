"""Files are public only while their photo is (issue 15, item 1).

Everything is stored privately; only the renditions of a public photo on a published item are
copied to public storage (`MEDIA_ROOT/public/`, the one directory the web server serves), under
random names, and they are deleted as soon as the photo stops being public. Anything else
reaches a browser only through Django's checked view at /admin/media/.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from editorial import content_version, photo_files, workflow
from editorial.models import Photo, Rendition, Revision
from editorial.publishing import Status
from editorial.renditions import ensure_renditions
from editorial.snapshots import take_snapshot
from tests.factories import AidPackageFactory, MilestoneFactory, PhotoFactory, png_file
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db


def public_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT) / "public"
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def private_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT) / "private"
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def draft_with_photo(**photo: Any) -> tuple[Any, Photo]:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    image = PhotoFactory(content_object=package, **photo)
    ensure_renditions(image)
    return package, image


@pytest.fixture
def publisher() -> Any:
    return make_user("publisher")


def publish(package: Any, publisher: Any, capture: Any, **kwargs: Any) -> None:
    with capture(execute=True):
        workflow.publish(obj=package, user=publisher, **kwargs)


def renditions_of(photo: Photo) -> list[Rendition]:
    return list(Rendition.objects.filter(photo=photo).order_by("pk"))


# --- Where files are written ------------------------------------------------------------------


def test_an_upload_and_its_renditions_are_written_to_private_storage_only() -> None:
    _package, photo = draft_with_photo()
    assert public_files() == set()
    assert photo.image.name in private_files()
    assert {r.file.name for r in renditions_of(photo)} <= private_files()
    assert all(r.public_name == "" for r in renditions_of(photo))


def test_publishing_copies_the_renditions_to_public_storage_under_random_names(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    renditions = renditions_of(photo)
    assert {r.public_name for r in renditions} == public_files()
    for rendition in renditions:
        # Nothing public (the photo's id, the original's name, the item) is in the name.
        assert re.fullmatch(
            r"renditions/[0-9a-f]{2}/[0-9a-f]{32}-\d+w\.(webp|jpg)", rendition.public_name
        )
        assert rendition.url == f"/media/{rendition.public_name}"


def test_the_public_page_links_only_public_copies(
    client: Client, publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    html = client.get(package.get_absolute_url()).content.decode()
    for rendition in renditions_of(photo):
        assert f"/media/{rendition.public_name}" in html
    assert "/admin/media/" not in html
    assert photo.image.name not in html


@pytest.mark.parametrize("how", ["unpublish", "archive"])
def test_taking_an_item_off_the_site_deletes_its_public_files_at_once(
    how: str, publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    assert public_files()
    with django_capture_on_commit_callbacks(execute=True):
        getattr(workflow, how)(obj=package, user=publisher)
    assert public_files() == set()
    assert all(r.public_name == "" for r in renditions_of(photo))


def test_publishing_again_gives_new_addresses(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    first = {r.public_name for r in renditions_of(photo)}
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(obj=package, user=publisher)
    publish(package, publisher, django_capture_on_commit_callbacks)
    second = {r.public_name for r in renditions_of(photo)}
    assert first.isdisjoint(second)
    assert public_files() == second


def test_a_photo_marked_as_showing_minors_without_consent_loses_its_public_files(
    admin_client: Client, publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    old = {r.public_name for r in renditions_of(photo)}
    assert old
    photo.shows_minors = True
    photo.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.record_child_change(owner=package, user=publisher, comment="minors")
    assert public_files() == set()
    for name in old:
        assert not (Path(settings.MEDIA_ROOT) / "public" / name).exists()


def test_a_photo_of_minors_without_consent_on_a_published_item_is_never_copied(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, _photo = draft_with_photo(shows_minors=True, consent_on_file=False)
    publish(package, publisher, django_capture_on_commit_callbacks)
    assert public_files() == set()


def test_deleting_a_published_photo_deletes_its_public_files(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert public_files() == set()


def test_a_milestone_photo_follows_its_project(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    milestone = MilestoneFactory(project__status=Status.IN_REVIEW)
    photo = PhotoFactory(content_object=milestone)
    ensure_renditions(photo)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(obj=milestone.project, user=publisher)
    assert public_files() == {r.public_name for r in renditions_of(photo)} != {""}
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(obj=milestone.project, user=publisher)
    assert public_files() == set()


# --- Go-live and expiry: syncmedia ------------------------------------------------------------


def test_syncmedia_publishes_at_go_live_and_withdraws_at_expiry(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    soon = timezone.now() + dt.timedelta(hours=1)
    publish(package, publisher, django_capture_on_commit_callbacks, at=soon)
    assert public_files() == set()  # scheduled: not public yet
    AidPackageFactory._meta.model.objects.filter(pk=package.pk).update(
        publish_at=timezone.now() - dt.timedelta(seconds=1),
        expire_at=timezone.now() + dt.timedelta(hours=1),
    )
    call_command("syncmedia", stdout=io.StringIO())
    assert public_files() == {r.public_name for r in renditions_of(photo)} != {""}
    AidPackageFactory._meta.model.objects.filter(pk=package.pk).update(
        expire_at=timezone.now() - dt.timedelta(seconds=1)
    )
    call_command("syncmedia", stdout=io.StringIO())
    assert public_files() == set()


def test_syncmedia_dry_run_changes_nothing(publisher: Any) -> None:
    package, _photo = draft_with_photo()
    AidPackageFactory._meta.model.objects.filter(pk=package.pk).update(status=Status.PUBLISHED)
    before = (public_files(), private_files())
    call_command("syncmedia", "--dry-run", stdout=io.StringIO())
    assert (public_files(), private_files()) == before


def test_syncmedia_verify_copies_a_lost_public_file_again(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    lost = renditions_of(photo)[0].public_name
    (Path(settings.MEDIA_ROOT) / "public" / lost).unlink()
    call_command("syncmedia", "--verify", stdout=io.StringIO())
    assert lost in public_files()


# --- The checked view -------------------------------------------------------------------------


def test_the_files_of_a_draft_answer_404_to_the_public(client: Client) -> None:
    _package, photo = draft_with_photo()
    for url in [photo.image.url, *(r.url for r in renditions_of(photo))]:
        assert url.startswith("/admin/media/")
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ["editor", "publisher", "superuser"])
def test_staff_who_may_view_the_item_get_its_private_files(client: Client, role: str) -> None:
    _package, photo = draft_with_photo()
    client.force_login(make_user(role))
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_staff_without_a_role_get_404(client: Client) -> None:
    _package, photo = draft_with_photo()
    client.force_login(make_user("staff_without_group"))
    assert client.get(photo.image.url).status_code == 404


def test_a_public_photo_not_yet_copied_is_served_through_the_check(client: Client) -> None:
    """Its renditions: between a go-live time and the next syncmedia."""
    package, photo = draft_with_photo()
    AidPackageFactory._meta.model.objects.filter(pk=package.pk).update(status=Status.PUBLISHED)
    rendition = renditions_of(photo)[0]
    assert rendition.url.startswith("/admin/media/")
    assert client.get(rendition.url).status_code == 200


def test_the_original_of_a_public_photo_is_staff_only(client: Client) -> None:
    package, photo = draft_with_photo()
    AidPackageFactory._meta.model.objects.filter(pk=package.pk).update(status=Status.PUBLISHED)
    assert client.get(photo.image.url).status_code == 404
    client.force_login(make_user("editor"))
    assert client.get(photo.image.url).status_code == 200


def test_the_api_gives_the_largest_public_copy_and_never_the_original(
    client: Client, publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    [shown] = client.get(f"/api/v1/aid-packages/{package.slug}/").json()["photos"]
    [jpeg] = [r for r in renditions_of(photo) if r.format == "jpeg"]
    assert shown["url"] == f"http://testserver/media/{jpeg.public_name}"
    assert (shown["width"], shown["height"]) == (jpeg.width, jpeg.height)
    urls = [shown["url"], *(r["url"] for r in shown["renditions"])]
    assert all(url.startswith("http://testserver/media/renditions/") for url in urls)
    csv = client.get("/api/v1/aid-packages/", {"format": "csv"}).content.decode()
    assert "/admin/media/" not in csv and photo.image.name not in csv


def test_the_api_gives_the_size_of_the_file_it_links(client: Client) -> None:
    # An original wider than the widest rendition: url, width and height describe one file.
    package = AidPackageFactory(published=True)
    PhotoFactory(content_object=package, image=png_file(size=(2000, 1000)))
    [shown] = client.get(f"/api/v1/aid-packages/{package.slug}/").json()["photos"]
    assert (shown["width"], shown["height"]) == (1600, 800)


def test_the_api_gives_no_address_for_a_photo_without_renditions(client: Client) -> None:
    package = AidPackageFactory(published=True)
    PhotoFactory(content_object=package, renditions=False)
    [shown] = client.get(f"/api/v1/aid-packages/{package.slug}/").json()["photos"]
    assert shown["url"] is None and shown["renditions"] == []
    assert shown["width"] is None and shown["height"] is None


def test_minors_without_consent_are_refused_even_on_a_published_item(client: Client) -> None:
    package, photo = draft_with_photo(shows_minors=True)
    AidPackageFactory._meta.model.objects.filter(pk=package.pk).update(status=Status.PUBLISHED)
    assert client.get(photo.image.url).status_code == 404
    assert client.get(renditions_of(photo)[0].url).status_code == 404


@pytest.mark.parametrize("name", ["../../etc/passwd", "photos/none.png", "private/x", "%00"])
def test_names_of_no_stored_photo_answer_404(client: Client, name: str) -> None:
    assert client.get(f"/admin/media/{name}").status_code == 404


def test_the_checked_view_refuses_writes(client: Client) -> None:
    _package, photo = draft_with_photo()
    client.force_login(make_user("publisher"))
    assert client.post(photo.image.url).status_code == 405


def test_a_held_change_s_new_photo_reaches_staff_and_nobody_else(
    client: Client, publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, _photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    name = held_upload(package, make_user("editor"))
    assert not Photo.objects.filter(image=name).exists()  # its row was rolled back
    assert name in private_files()
    assert client.get(f"/admin/media/{name}").status_code == 404
    client.force_login(publisher)
    assert client.get(f"/admin/media/{name}").status_code == 200


def held_upload(package: Any, editor: Any) -> str:
    """A photo added in an edit of a live item, held for approval: the name of its file."""
    storage = Photo._meta.get_field("image").storage
    name = storage.save("photos/2026/12/held.png", png_file())
    package.refresh_from_db()
    snapshot = take_snapshot(package)
    snapshot["photos"].append(
        {**snapshot["photos"][0], "id": 10_000, "image": name, "alt_text_en": "Held"}
    )
    workflow.hold_pending(obj=package, user=editor, snapshot=snapshot, base_version=package.version)
    return name


# --- Files nothing refers to ------------------------------------------------------------------


def later() -> dt.datetime:
    return timezone.now() + photo_files.ORPHAN_GRACE + dt.timedelta(minutes=1)


def test_the_upload_of_a_change_sent_back_is_cleaned_up(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    package.refresh_from_db()
    name = held_upload(package, make_user("editor"))
    assert name not in photo_files.orphaned_files(now=later()).private  # still pending
    workflow.request_changes(obj=package, user=publisher, comment="Not this photo")
    orphans = photo_files.orphaned_files(now=later())
    assert orphans.private == [name]
    photo_files.delete_orphans(orphans)
    assert name not in private_files()
    assert photo.image.name in private_files()


def test_an_abandoned_upload_is_cleaned_up_only_after_the_grace_time() -> None:
    storage = Photo._meta.get_field("image").storage
    name = storage.save("photos/2026/12/abandoned.png", png_file())
    assert photo_files.orphaned_files().private == []
    assert photo_files.orphaned_files(now=later()).private == [name]


def test_a_stray_public_file_is_cleaned_up() -> None:
    stray = Path(settings.MEDIA_ROOT) / "public" / "renditions" / "ab" / "stray.webp"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"x")
    assert photo_files.orphaned_files(now=later()).public == ["renditions/ab/stray.webp"]


def test_files_in_use_are_never_orphans(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, _photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    assert photo_files.orphaned_files(now=later()) == photo_files.Orphans([], [])


def test_rolling_back_to_a_revision_whose_upload_was_cleaned_up_skips_that_photo(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    package.refresh_from_db()
    held_upload(package, make_user("editor"))
    workflow.request_changes(obj=package, user=publisher, comment="No")
    photo_files.delete_orphans(photo_files.orphaned_files(now=later()))
    sent_back = Revision.objects.for_object(package).get(state="rejected")
    workflow.rollback(obj=package, user=publisher, revision=sent_back)
    assert list(package.photos.values_list("pk", flat=True)) == [photo.pk]


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_a_held_edit_marking_a_live_photo_as_showing_minors_hides_it_at_once(
    client: Client, role: str, publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    old = [r.url for r in renditions_of(photo)]
    package.refresh_from_db()
    snapshot = take_snapshot(package)
    snapshot["photos"][0]["shows_minors"] = True
    with django_capture_on_commit_callbacks(execute=True):
        workflow.hold_pending(
            obj=package,
            user=publisher if role == "publisher" else make_user(role),
            snapshot=snapshot,
            base_version=package.version,
        )
    assert public_files() == set()
    photo.refresh_from_db()
    assert not photo.is_public()
    assert photo.pk not in photo_files.visible_photo_ids([photo])
    page = client.get(package.get_absolute_url()).content.decode()
    assert not any(url in page for url in old)
    assert all(client.get(r.url).status_code == 404 for r in renditions_of(photo))
    # The held edit itself is untouched and can be approved as it stands.
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(obj=package, user=publisher)
    photo.refresh_from_db()
    assert photo.shows_minors and not photo.consent_on_file


def test_a_held_edit_that_shows_less_otherwise_waits_for_approval(
    publisher: Any, django_capture_on_commit_callbacks: Any
) -> None:
    package, photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    package.refresh_from_db()
    snapshot = take_snapshot(package)
    snapshot["photos"][0]["caption_en"] = "A new caption"
    workflow.hold_pending(
        obj=package, user=make_user("editor"), snapshot=snapshot, base_version=package.version
    )
    photo.refresh_from_db()
    assert photo.caption_en != "A new caption" and photo.is_public()
    assert public_files()


def test_syncmedia_goes_on_when_cached_pages_cannot_be_retired(
    publisher: Any,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    package, _photo = draft_with_photo()
    publish(package, publisher, django_capture_on_commit_callbacks)
    AidPackageFactory._meta.model.objects.filter(pk=package.pk).update(status=Status.DRAFT)

    def unreachable() -> None:
        raise content_version.CacheUnreachable

    monkeypatch.setattr(content_version, "bump", unreachable)
    call_command("syncmedia", stdout=io.StringIO())
    assert public_files() == set()  # withdrawn all the same
    assert "could not be retired" in caplog.text
