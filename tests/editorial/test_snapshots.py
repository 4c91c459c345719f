"""Snapshots: an item's content as JSON and back, and the readable diff between two of them.

A snapshot holds every language column, the many-to-many links, the inline children and the
photos' metadata; it never holds the untranslated original column (which follows whatever
language is active) nor the editorial state.
"""

from __future__ import annotations

import pytest
from django.utils import translation

from aid.models import AidItem, AidPackage, Sector
from editorial.snapshots import Change, apply_snapshot, diff, take_snapshot
from tests.factories import AidPackageFactory, OrganizationFactory, SourceFactory
from tests.workflow_helpers import CONTENT_KINDS, PACKAGE, build_package, rewrite_content

pytestmark = pytest.mark.django_db


def fresh(obj: AidPackage) -> AidPackage:
    return type(obj).objects.get(pk=obj.pk)


@pytest.mark.parametrize("kind", CONTENT_KINDS.values(), ids=CONTENT_KINDS.keys())
def test_snapshot_applied_unchanged_is_identity(kind) -> None:
    obj = kind.build()
    snapshot = take_snapshot(obj)

    apply_snapshot(fresh(obj), snapshot)

    assert take_snapshot(fresh(obj)) == snapshot


@pytest.mark.parametrize("kind", CONTENT_KINDS.values(), ids=CONTENT_KINDS.keys())
def test_snapshot_applied_after_edit_restores_everything(kind) -> None:
    obj = kind.build()
    snapshot = take_snapshot(obj)
    rewrite_content(obj, kind)
    assert take_snapshot(fresh(obj)) != snapshot

    apply_snapshot(fresh(obj), snapshot)

    assert take_snapshot(fresh(obj)) == snapshot


def test_snapshot_holds_language_columns_not_original_columns() -> None:
    snapshot = take_snapshot(build_package())

    fields, item, photo = (
        snapshot["fields"],
        snapshot["children"]["items"][0],
        snapshot["photos"][0],
    )
    assert {"title_en", "title_uk", "title_az", "summary_uk", "legal_basis_az"} <= set(fields)
    assert {"title", "summary", "body", "legal_basis"}.isdisjoint(fields)
    assert {"description_en", "description_uk"} <= set(item)
    assert "description" not in item
    assert {"caption_en", "caption_uk", "alt_text_az"} <= set(photo)
    assert {"caption", "alt_text"}.isdisjoint(photo)


def test_snapshot_leaves_out_editorial_state() -> None:
    fields = take_snapshot(build_package(published=True))["fields"]

    assert {"status", "version", "publish_at", "expire_at", "updated_by_id"}.isdisjoint(fields)


def test_snapshot_holds_links_children_and_photos() -> None:
    package = build_package()

    snapshot = take_snapshot(package)

    assert snapshot["m2m"] == {"sources": [package.sources.get().pk]}
    assert [row["id"] for row in snapshot["children"]["items"]] == sorted(
        package.items.values_list("pk", flat=True)
    )
    assert snapshot["photos"][0]["caption_uk"] == "Loading dock [uk]"


def test_apply_under_another_language_keeps_each_language_in_its_column() -> None:
    package = build_package()
    snapshot = take_snapshot(package)
    rewrite_content(package, PACKAGE)

    with translation.override("uk"):
        apply_snapshot(fresh(package), snapshot)

    restored = fresh(package)
    assert (restored.title_en, restored.title_uk, restored.title_az) == (
        "Generators for Kharkiv [en]",
        "Generators for Kharkiv [uk]",
        "Generators for Kharkiv [az]",
    )
    with translation.override("en"):
        assert fresh(package).title == "Generators for Kharkiv [en]"
        assert restored.items.order_by("pk").first().description == "Item 1 [en]"
    assert take_snapshot(restored) == snapshot


def test_apply_recreates_a_deleted_child() -> None:
    package = build_package()
    snapshot = take_snapshot(package)
    gone = package.items.order_by("pk").last().pk
    AidItem.objects.filter(pk=gone).delete()

    apply_snapshot(fresh(package), snapshot)

    back = AidItem.objects.get(pk=gone)
    assert (back.package_id, back.description_uk, back.order) == (package.pk, "Item 2 [uk]", 2)


def test_apply_deletes_a_child_the_snapshot_lacks() -> None:
    package = build_package()
    snapshot = take_snapshot(package)
    extra = PACKAGE.child_factory(package=package)

    apply_snapshot(fresh(package), snapshot)

    assert not AidItem.objects.filter(pk=extra.pk).exists()


def test_diff_of_unchanged_snapshot_is_empty() -> None:
    snapshot = take_snapshot(build_package())

    assert diff(AidPackage, snapshot, snapshot) == []


def test_diff_labels_each_language_separately() -> None:
    package = build_package()
    before = take_snapshot(package)
    AidPackage.objects.filter(pk=package.pk).update(title_uk="Генератори для Харкова")

    changes = diff(AidPackage, before, take_snapshot(fresh(package)))

    assert changes == [
        Change("title [uk]", "Generators for Kharkiv [uk]", "Генератори для Харкова")
    ]


def test_diff_lists_every_language_that_changed() -> None:
    package = build_package()
    before = take_snapshot(package)
    AidPackage.objects.filter(pk=package.pk).update(summary_en="New", summary_az="Yeni")

    labels = [change.label for change in diff(AidPackage, before, take_snapshot(fresh(package)))]

    assert labels == ["summary [en]", "summary [az]"]


def test_diff_names_added_removed_and_edited_children() -> None:
    package = build_package()
    before = take_snapshot(package)
    first, second = package.items.order_by("pk")
    AidItem.objects.filter(pk=first.pk).update(description_uk="Трансформатори")
    second.delete()
    PACKAGE.child_factory(package=package, description_en="Cable drums")

    changes = diff(AidPackage, before, take_snapshot(fresh(package)))

    assert Change("Item 1: description [uk]", "Item 1 [uk]", "Трансформатори") in changes
    assert Change("Item 2", "present", "removed") in changes
    assert Change("Item 3", "absent", "added") in changes
    assert Change("Item 3: description [en]", "—", "Cable drums") in changes


def test_diff_names_many_to_many_links_by_name() -> None:
    package = build_package()
    old = package.sources.get()
    before = take_snapshot(package)
    new = SourceFactory(title="Generators delivered", publisher="Ukrinform")
    package.sources.set([new])

    changes = diff(AidPackage, before, take_snapshot(fresh(package)))

    assert changes == [Change("sources", str(old), str(new))]


def test_diff_lists_photo_metadata() -> None:
    package = build_package()
    before = take_snapshot(package)
    package.photos.update(caption_az="Yükləmə sahəsi")

    changes = diff(AidPackage, before, take_snapshot(fresh(package)))

    assert changes == [Change("Photo 1: caption [az]", "Loading dock [az]", "Yükləmə sahəsi")]


def test_diff_names_choices_and_related_rows_as_a_person_reads_them() -> None:
    package = AidPackageFactory(sector=Sector.ENERGY)
    before = take_snapshot(package)
    package.sector = Sector.DEMINING
    package.funder = OrganizationFactory(name="Mine Action Agency")
    package.save()

    changes = {
        c.label: (c.before, c.after) for c in diff(AidPackage, before, take_snapshot(package))
    }

    assert changes["sector"] == ("Energy", "Demining")
    assert changes["funder"][1] == "Mine Action Agency"


def test_diff_ignores_line_breaks_sent_as_crlf_by_a_browser() -> None:
    package = AidPackageFactory(body_en="First paragraph.\n\nSecond paragraph.")
    before = take_snapshot(package)
    package.body_en = "First paragraph.\r\n\r\nSecond paragraph."
    package.save()
    assert diff(AidPackage, before, take_snapshot(package)) == []
