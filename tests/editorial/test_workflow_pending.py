"""The workflow service (editorial/workflow.py) on a live item: edits held for approval as
pending changes, approved, sent back or superseded, and saves refused when made from an outdated
version.

Users belong to the real "Editors" and "Publishers" groups the data migrations create.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import F
from django.utils import translation

from aid.models import AidPackage
from editorial import workflow
from editorial.publishing import Status
from editorial.revisions import Revision, RevisionState
from editorial.snapshots import take_snapshot
from editorial.workflow import EditConflict
from tests.editorial.workflow_cases import (
    STEPS,
    edit_of,
    fresh,
    hold,
    public_titles,
)
from tests.factories import AidItemFactory, AidPackageFactory
from tests.workflow_helpers import (
    build_package,
    make_user,
    state_of,
)

pytestmark = pytest.mark.django_db

# --- Pending changes of a live item ------------------------------------------------------------


def test_hold_pending_leaves_live_row_and_items_unchanged() -> None:
    package = build_package(published=True)
    before = state_of(package)

    hold(package, make_user("editor"), title_en="Transformers", title_uk="Трансформатори")

    after = state_of(package)
    assert (after["row"], after["content"]) == (before["row"], before["content"])
    assert public_titles() == ["Generators for Kharkiv [en]"]
    with translation.override("uk"):
        assert AidPackage.objects.published().get().title == "Generators for Kharkiv [uk]"


def test_hold_pending_keeps_exactly_one_pending_revision() -> None:
    package = build_package(published=True)
    editor = make_user("editor")
    snapshot = edit_of(package, title_en="Transformers")

    revision = workflow.hold_pending(
        obj=package, user=editor, snapshot=snapshot, base_version=package.version
    )

    assert list(Revision.objects.for_object(package).pending()) == [revision]
    assert workflow.pending_revision(package) == revision
    assert (revision.user, revision.snapshot, revision.base_version) == (
        editor,
        snapshot,
        package.version,
    )


def test_second_hold_pending_supersedes_the_first() -> None:
    package = build_package(published=True)
    first = hold(package, make_user("editor"), title_en="Transformers")
    colleague = make_user("editor", "colleague")

    second = hold(package, colleague, title_en="Cables")

    first.refresh_from_db()
    assert (first.state, first.resolved_by) == (RevisionState.SUPERSEDED, colleague)
    assert list(Revision.objects.for_object(package).pending()) == [second]


def test_publish_applies_the_pending_edit() -> None:
    package = build_package(published=True)
    kept_item = package.items.order_by("pk").first()
    snapshot = edit_of(package, title_en="Transformers", title_uk="Трансформатори")
    snapshot["photos"][0]["caption_uk"] = "Навантажувальна рампа"
    pending = workflow.hold_pending(
        obj=package, user=make_user("editor"), snapshot=snapshot, base_version=package.version
    )
    publisher = make_user("publisher")

    workflow.publish(obj=package, user=publisher)

    live = fresh(package)
    assert (live.title_en, live.title_uk, live.status) == (
        "Transformers",
        "Трансформатори",
        Status.PUBLISHED,
    )
    assert list(live.items.all()) == [kept_item]
    assert live.photos.get().caption_uk == "Навантажувальна рампа"
    assert public_titles() == ["Transformers"]
    pending.refresh_from_db()
    assert (pending.state, pending.resolved_by) == (RevisionState.APPROVED, publisher)
    assert pending.resolved_at is not None
    assert workflow.pending_revision(package) is None


def test_request_changes_rejects_pending_edit_and_keeps_live_row(
    mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    package = build_package(published=True)
    author = make_user("editor")
    pending = hold(package, author, title_en="Transformers")
    before = state_of(package)
    publisher = make_user("publisher")

    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(obj=package, user=publisher, comment="Cite the order")

    pending.refresh_from_db()
    assert (pending.state, pending.resolved_by) == (RevisionState.REJECTED, publisher)
    after = state_of(package)
    assert (after["row"], after["content"]) == (before["row"], before["content"])
    assert public_titles() == ["Generators for Kharkiv [en]"]
    assert [message.to for message in mailoutbox] == [[author.email]]
    assert "Cite the order" in mailoutbox[0].body


@pytest.mark.parametrize("name", ["unpublish", "archive"])
def test_taking_item_off_the_site_supersedes_its_pending_edit(name: str) -> None:
    package = AidPackageFactory(published=True, items=2)
    pending = hold(package, make_user("editor"), title_en="Transformers")

    STEPS[name].run(obj=package, user=make_user("publisher"))

    pending.refresh_from_db()
    assert pending.state == RevisionState.SUPERSEDED
    assert fresh(package).title_en != "Transformers"


def test_approving_pending_edit_never_touches_another_items_children() -> None:
    """The admin holds an edit by writing it inside a savepoint it then rolls back, so an item
    added in the edit has an id nothing keeps. SQLite gives that id to the next item anyone
    adds (PostgreSQL sequences do not roll back); this test gives it explicitly."""
    package = AidPackageFactory(published=True, items=1)
    snapshot = take_snapshot(package)
    other_package = AidPackageFactory()
    other_item = AidItemFactory(package=other_package, description_en="Other package's")
    added = {**snapshot["children"]["items"][0], "id": other_item.pk, "description_en": "Added"}
    snapshot["children"]["items"].append(added)
    workflow.hold_pending(
        obj=package, user=make_user("editor"), snapshot=snapshot, base_version=package.version
    )

    workflow.publish(obj=package, user=make_user("publisher"))

    other_item.refresh_from_db()
    assert (other_item.package, other_item.description_en) == (other_package, "Other package's")
    assert "Added" in fresh(package).items.values_list("description_en", flat=True)


# --- Concurrent edits --------------------------------------------------------------------------


def test_check_version_refuses_stale_version_and_names_who_saved() -> None:
    package = AidPackageFactory()
    opened_at = package.version
    workflow.record_save(obj=package, user=make_user("editor", "olena"), created=False)

    with pytest.raises(EditConflict, match="olena saved this item"):
        workflow.check_version(package, expected_version=opened_at)


def test_check_version_returns_the_current_row() -> None:
    package = AidPackageFactory()

    assert workflow.check_version(package, expected_version=package.version) == package


def test_hold_pending_refuses_stale_base_version() -> None:
    package = AidPackageFactory(published=True, items=2)
    opened = fresh(package)
    workflow.publish(obj=package, user=make_user("publisher"), comment="Re-published")
    before = state_of(package)

    with pytest.raises(EditConflict):
        workflow.hold_pending(
            obj=package,
            user=make_user("editor"),
            snapshot=edit_of(opened, title_en="Transformers"),
            base_version=opened.version,
        )

    assert state_of(package) == before


def test_publish_refuses_pending_edit_of_an_older_version() -> None:
    package = AidPackageFactory(published=True, items=2)
    hold(package, make_user("editor"), title_en="Transformers")
    # A save that went round the workflow after the edit was held.
    AidPackage.objects.filter(pk=package.pk).update(version=F("version") + 1, title_en="Meanwhile")
    before = state_of(package)

    with pytest.raises(EditConflict):
        workflow.publish(obj=package, user=make_user("publisher"))

    assert state_of(package) == before
    assert workflow.pending_revision(package) is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_check_version_refuses_to_run_outside_a_transaction() -> None:
    package = AidPackageFactory()
    with pytest.raises(RuntimeError, match="transaction"):
        workflow.check_version(package, expected_version=package.version)
