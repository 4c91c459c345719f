"""`seedbulk`: a synthetic record at a small scale, public like any other, written in bulk.

Most tests read one small run, seeded once for the module inside a transaction rolled back
at its end (as the loaddemo tests do).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import models, transaction
from django.test import Client, override_settings

from aid.models import AidPackage
from editorial import photo_files
from editorial.models import Photo, Publishable, Rendition, Revision, Status
from editorial.snapshots import take_snapshot
from people.models import RehabilitationGroup, SisterCityPartnership
from projects.models import ReconstructionProject
from tests.demo.seedbulk_runs import seedbulk
from tests.media_migration import MIGRATION, assert_migration_keeps_every_file, files_under
from tests.search_documents import found_by_title, on_postgresql, stale_documents

pytestmark = pytest.mark.django_db

SMALL = {"aid_packages": 30, "projects": 8, "groups": 6, "partnerships": 10}
ITEMS: dict[type[models.Model], str] = {
    AidPackage: "aid_packages",
    ReconstructionProject: "projects",
    RehabilitationGroup: "groups",
    SisterCityPartnership: "partnerships",
}
API = {
    AidPackage: "/api/v1/aid-packages/",
    ReconstructionProject: "/api/v1/projects/",
    RehabilitationGroup: "/api/v1/rehabilitation-groups/",
    SisterCityPartnership: "/api/v1/partnerships/",
}
LIST_PAGES = {
    AidPackage: "/en/aid/",
    ReconstructionProject: "/en/projects/",
    RehabilitationGroup: "/en/rehabilitation/",
    SisterCityPartnership: "/en/partnerships/",
}


@pytest.fixture(scope="module")
def bulk_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bulk-media")


@pytest.fixture(scope="module")
def seeded(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest, bulk_media: Path
) -> Iterator[str]:
    """One small run for the module; its rows vanish with the rollback at the end."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=bulk_media):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield seedbulk(**SMALL)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def test_seedbulk_creates_the_asked_number_of_each_kind(seeded: str) -> None:
    for model, name in ITEMS.items():
        assert model.objects.filter(slug__startswith="bulk-").count() == SMALL[name]
    assert "aid.AidPackage: 30" in seeded


def test_seedbulk_gives_every_item_children_sources_photos_and_a_revision(seeded: str) -> None:
    for model in ITEMS:
        items = model.objects.annotate(
            source_count=models.Count("sources", distinct=True),
            photo_count=models.Count("photos", distinct=True),
        )
        assert all(item.source_count >= 1 and item.photo_count >= 1 for item in items)
        assert Revision.objects.filter(content_type__model=model._meta.model_name).count() == (
            items.count()
        )
    assert AidPackage.objects.filter(items__isnull=True).count() == 0
    assert ReconstructionProject.objects.filter(milestones__isnull=True).count() == 0
    assert Rendition.objects.count() == Photo.objects.count() * 6  # 3 widths, WebP and JPEG


@pytest.mark.parametrize("model", list(ITEMS), ids=lambda model: model.__name__)
def test_seedbulk_revision_snapshots_are_what_the_workflow_takes(
    seeded: str, model: type[Publishable]
) -> None:
    for item in model.objects.order_by("pk")[:5]:
        revision = Revision.objects.for_object(item).get()
        assert revision.snapshot == take_snapshot(item)
        assert revision.status_after == item.status
        assert revision.base_version == item.version


def test_seedbulk_fills_all_three_languages(seeded: str) -> None:
    for model in ITEMS:
        for language in ("en", "uk", "az"):
            empty = model.objects.filter(**{f"title_{language}": ""}) | model.objects.filter(
                **{f"summary_{language}": ""}
            )
            assert not empty.exists(), (model, language)
    titles = AidPackage.objects.values_list("title_en", "title_uk", "title_az").first()
    assert len(set(titles)) == 3  # translated, not copied


def test_seedbulk_mixes_published_and_hidden_items(seeded: str) -> None:
    statuses = set(AidPackage.objects.values_list("status", flat=True))
    assert Status.PUBLISHED in statuses
    assert statuses & {Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED}
    public = AidPackage.objects.published().count()
    assert 0.6 * SMALL["aid_packages"] <= public < SMALL["aid_packages"]


def test_seedbulk_renditions_are_files_named_for_their_photo(seeded: str, bulk_media: Path) -> None:
    for rendition in Rendition.objects.select_related("photo")[:20]:
        assert (bulk_media / "private" / rendition.file.name).is_file()
        assert Path(rendition.file.name).name.startswith(f"photo-{rendition.photo_id}-")
    assert (bulk_media / "private" / Photo.objects.first().image.name).is_file()


def test_seedbulk_public_copies_are_exactly_those_of_visible_photos(
    seeded: str, bulk_media: Path
) -> None:
    photos = list(Photo.objects.all())
    visible = photo_files.visible_photo_ids(photos)
    assert 0 < len(visible) < len(photos)
    copied = set()
    for rendition in Rendition.objects.all():
        assert bool(rendition.public_name) == (rendition.photo_id in visible)
        if rendition.public_name:
            assert (bulk_media / "public" / rendition.public_name).is_file()
            copied.add(rendition.public_name)
    public_root = bulk_media / "public"
    on_disk = {str(p.relative_to(public_root)) for p in public_root.rglob("*") if p.is_file()}
    assert on_disk == copied


@pytest.mark.parametrize("model", list(ITEMS), ids=lambda model: model.__name__)
def test_seedbulk_published_items_are_public(
    client: Client, seeded: str, model: type[Publishable]
) -> None:
    item = model.objects.published().order_by("pk").first()
    detail = client.get(item.get_absolute_url())
    assert detail.status_code == 200
    assert b"/media/renditions/bulk/" in detail.content  # its photos, as renditions
    assert client.get(f"{API[model]}{item.slug}/").status_code == 200
    listed = client.get(LIST_PAGES[model], {"page": 1})
    newest = model.objects.published().for_listing().first()
    assert newest.get_absolute_url().encode() in listed.content


@pytest.mark.parametrize("model", list(ITEMS), ids=lambda model: model.__name__)
def test_seedbulk_unpublished_items_are_not(
    client: Client, seeded: str, model: type[Publishable]
) -> None:
    public = model.objects.published().values("pk")
    hidden = model.objects.exclude(pk__in=public).order_by("pk")
    item = hidden.first()
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.get(f"{API[model]}{item.slug}/").status_code == 404


@pytest.mark.parametrize("model", list(ITEMS), ids=lambda model: model.__name__)
def test_seedbulk_published_items_are_found_by_search(
    seeded: str, model: type[Publishable]
) -> None:
    assert found_by_title(model.objects.published().order_by("pk").first())


@on_postgresql
def test_seedbulk_search_documents_are_written_with_the_rows(seeded: str) -> None:
    # bulk_create sends no signal: the database's triggers wrote them, batch by batch.
    assert stale_documents() == {}


def test_the_move_to_private_storage_keeps_every_seedbulk_file(
    seeded: str, bulk_media: Path, settings: pytest.FixtureRequest
) -> None:
    settings.MEDIA_ROOT = bulk_media
    public = files_under(bulk_media / "public")
    assert_migration_keeps_every_file(bulk_media)
    MIGRATION.to_private(None, None)
    assert files_under(bulk_media / "public") == {}  # backwards removed the public copies
    photo_files.restore_public_copies()  # what syncmedia --verify and restore do
    assert set(files_under(bulk_media / "public")) == set(public)
