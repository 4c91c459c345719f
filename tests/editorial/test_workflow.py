"""The workflow service (editorial/workflow.py): who may do what, from which state, what each
transition leaves in the history, pending changes of live items, rollback, scheduling, and
refusals that leave everything as it was.

Users belong to the real "Editors" and "Publishers" groups the data migrations create.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
from django.db.models import F
from django.utils import timezone, translation

from aid.models import AidPackage
from editorial import publishing, workflow
from editorial.publishing import Status
from editorial.revisions import Revision, RevisionState, Transition
from editorial.snapshots import Snapshot, take_snapshot
from editorial.workflow import EditConflict, NotAllowedNow, NotPermitted
from tests.factories import AidItemFactory, AidPackageFactory
from tests.workflow_helpers import (
    CONTENT_KINDS,
    PACKAGE,
    ROLES,
    build_package,
    make_user,
    rewrite_content,
    state_of,
)

pytestmark = pytest.mark.django_db

COMMENT = "Checked against the presidential order"
EDITING = frozenset({"editor", "publisher", "superuser"})
PUBLISHING = frozenset({"publisher", "superuser"})


def fresh(obj: AidPackage) -> AidPackage:
    return type(obj).objects.get(pk=obj.pk)


def edit_of(obj: AidPackage, **fields: Any) -> Snapshot:
    """What the admin would hold for approval: the live content with `fields` changed and the
    last item removed."""
    snapshot = take_snapshot(obj)
    snapshot["fields"].update(fields)
    snapshot["children"]["items"].pop()
    return snapshot


def hold(obj: AidPackage, user: Any, **fields: Any) -> Revision:
    return workflow.hold_pending(
        obj=obj,
        user=user,
        snapshot=edit_of(obj, **fields),
        base_version=fresh(obj).version,
    )


def public_titles() -> list[str]:
    return list(AidPackage.objects.published().values_list("title_en", flat=True))


# --- Valid starting states, one per function ---------------------------------------------------

Start = tuple[AidPackage, dict[str, Any]]


def draft() -> Start:
    return AidPackageFactory(items=2), {}


def in_review() -> Start:
    return AidPackageFactory(status=Status.IN_REVIEW, items=2), {}


def in_review_to_schedule() -> Start:
    return AidPackageFactory(status=Status.IN_REVIEW, items=2), {
        "at": timezone.now() + dt.timedelta(days=1)
    }


def published() -> Start:
    return AidPackageFactory(published=True, items=2), {}


def archived() -> Start:
    return AidPackageFactory(status=Status.ARCHIVED, items=2), {}


def draft_with_earlier_revision() -> Start:
    package = AidPackageFactory(items=2, title="Before")
    earlier = workflow.record_save(obj=package, user=make_user("editor", "author"), created=False)
    AidPackage.objects.filter(pk=package.pk).update(title_en="After")
    return fresh(package), {"revision": earlier}


def published_with_edit_to_hold() -> Start:
    package = AidPackageFactory(published=True, items=2)
    return package, {
        "snapshot": edit_of(package, title_en="Edited while live"),
        "base_version": package.version,
    }


def published_with_pending_edit() -> Start:
    package = AidPackageFactory(published=True, items=2)
    hold(package, make_user("editor", "author"), title_en="Edited while live")
    return fresh(package), {}


def record_save(**kwargs: Any) -> Revision:
    """A save the admin has written to an existing item."""
    return workflow.record_save(created=False, **kwargs)


class Step(NamedTuple):
    run: Callable[..., Revision]
    start: Callable[[], Start]
    roles: frozenset[str]
    status_after: str
    transition: str


STEPS = {
    "submit": Step(workflow.submit, draft, EDITING, Status.IN_REVIEW, Transition.SUBMITTED),
    "request_changes": Step(
        workflow.request_changes,
        in_review,
        PUBLISHING,
        Status.DRAFT,
        Transition.CHANGES_REQUESTED,
    ),
    "publish": Step(
        workflow.publish, in_review, PUBLISHING, Status.PUBLISHED, Transition.PUBLISHED
    ),
    "schedule": Step(
        workflow.publish, in_review_to_schedule, PUBLISHING, Status.PUBLISHED, Transition.SCHEDULED
    ),
    "unpublish": Step(
        workflow.unpublish, published, PUBLISHING, Status.DRAFT, Transition.UNPUBLISHED
    ),
    "archive": Step(workflow.archive, published, PUBLISHING, Status.ARCHIVED, Transition.ARCHIVED),
    "restore_from_archive": Step(
        workflow.restore_from_archive,
        archived,
        PUBLISHING,
        Status.DRAFT,
        Transition.RESTORED_FROM_ARCHIVE,
    ),
    "rollback": Step(
        workflow.rollback,
        draft_with_earlier_revision,
        PUBLISHING,
        Status.DRAFT,
        Transition.ROLLED_BACK,
    ),
    "hold_pending": Step(
        workflow.hold_pending,
        published_with_edit_to_hold,
        EDITING,
        Status.PUBLISHED,
        Transition.EDITED_WHILE_LIVE,
    ),
    "approve_pending": Step(
        workflow.publish,
        published_with_pending_edit,
        PUBLISHING,
        Status.PUBLISHED,
        Transition.PUBLISHED,
    ),
    "reject_pending": Step(
        workflow.request_changes,
        published_with_pending_edit,
        PUBLISHING,
        Status.PUBLISHED,
        Transition.CHANGES_REQUESTED,
    ),
    "record_save": Step(
        record_save,
        draft,
        EDITING,
        Status.DRAFT,
        Transition.SAVED,
    ),
}
# The versions these change: all but the two that leave the live row alone.
STATE_CHANGES = [name for name in STEPS if name not in ("hold_pending", "reject_pending")]


def run(name: str, user: Any, **overrides: Any) -> tuple[AidPackage, Revision]:
    step = STEPS[name]
    obj, kwargs = step.start()
    return obj, step.run(obj=obj, user=user, **{"comment": COMMENT, **kwargs, **overrides})


MATRIX = [(name, role) for name in STEPS for role in ROLES]


# --- Role by transition -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "role"),
    [pytest.param(n, r, id=f"{n}-{r}") for n, r in MATRIX if r in STEPS[n].roles],
)
def test_transition_succeeds_for_permitted_role(name: str, role: str) -> None:
    user = make_user(role)

    obj, revision = run(name, user)

    assert fresh(obj).status == STEPS[name].status_after
    assert (revision.user, revision.transition) == (user, STEPS[name].transition)


@pytest.mark.parametrize(
    ("name", "role"),
    [pytest.param(n, r, id=f"{n}-{r}") for n, r in MATRIX if r not in STEPS[n].roles],
)
def test_transition_refused_to_role_changes_nothing(name: str, role: str) -> None:
    step = STEPS[name]
    obj, kwargs = step.start()
    user = make_user(role)
    before = state_of(obj)

    with pytest.raises(NotPermitted):
        step.run(obj=obj, user=user, comment=COMMENT, **kwargs)

    assert state_of(obj) == before


def other_items_revision() -> Start:
    package, _ = draft()
    other = AidPackageFactory()
    revision = workflow.record_save(obj=other, user=make_user("editor", "author"), created=False)
    return package, {"revision": revision}


def draft_with_edit_to_hold() -> Start:
    package, _ = draft()
    return package, {"snapshot": take_snapshot(package), "base_version": package.version}


WRONG_STATE: dict[str, tuple[Callable[..., Revision], Callable[[], Start], dict[str, Any]]] = {
    "submit_published": (workflow.submit, published, {}),
    "submit_in_review": (workflow.submit, in_review, {}),
    "submit_archived": (workflow.submit, archived, {}),
    "request_changes_without_comment": (workflow.request_changes, in_review, {"comment": " \n"}),
    "request_changes_on_draft": (workflow.request_changes, draft, {}),
    "request_changes_on_live_item_without_pending": (workflow.request_changes, published, {}),
    "publish_archived": (workflow.publish, archived, {}),
    "unpublish_draft": (workflow.unpublish, draft, {}),
    "unpublish_archived": (workflow.unpublish, archived, {}),
    "archive_archived": (workflow.archive, archived, {}),
    "restore_published": (workflow.restore_from_archive, published, {}),
    "restore_draft": (workflow.restore_from_archive, draft, {}),
    "rollback_to_another_items_revision": (workflow.rollback, other_items_revision, {}),
    "hold_pending_on_draft": (workflow.hold_pending, draft_with_edit_to_hold, {}),
    "record_save_on_published": (record_save, published, {}),
    "record_save_on_archived": (record_save, archived, {}),
}


@pytest.mark.parametrize("case", WRONG_STATE)
def test_transition_from_wrong_state_is_refused_and_changes_nothing(case: str) -> None:
    function, start, overrides = WRONG_STATE[case]
    obj, kwargs = start()
    user = make_user("publisher")  # may do everything: only the state refuses
    before = state_of(obj)

    with pytest.raises(NotAllowedNow):
        function(obj=obj, user=user, **{"comment": COMMENT, **kwargs, **overrides})

    assert state_of(obj) == before


def test_record_save_checks_the_locked_rows_state() -> None:
    package = AidPackageFactory(items=2)  # the admin loaded it as a draft, then it went live:
    AidPackage.objects.filter(pk=package.pk).update(status=Status.PUBLISHED)
    before = state_of(package)

    with pytest.raises(NotAllowedNow):
        workflow.record_save(obj=package, user=make_user("editor"), created=False)

    assert state_of(package) == before


def test_record_save_of_new_item_stamps_created_by() -> None:
    package = AidPackageFactory()
    editor = make_user("editor")

    workflow.record_save(obj=package, user=editor, created=True)

    assert fresh(package).created_by == editor


def test_record_save_of_new_item_records_created() -> None:
    package = AidPackageFactory()

    revision = workflow.record_save(obj=package, user=make_user("editor"), created=True)

    assert revision.transition == Transition.CREATED
    assert package.version == fresh(package).version == 2  # the caller's copy follows


# --- Revisions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", STEPS)
def test_transition_writes_one_revision_with_who_what_why(name: str) -> None:
    step = STEPS[name]
    obj, kwargs = step.start()
    user = make_user("publisher")
    count = Revision.objects.for_object(obj).count()

    revision = step.run(obj=obj, user=user, comment=COMMENT, **kwargs)

    assert Revision.objects.for_object(obj).count() == count + 1
    assert Revision.objects.for_object(obj).first() == revision
    assert (revision.user, revision.transition, revision.comment, revision.status_after) == (
        user,
        step.transition,
        COMMENT,
        fresh(obj).status,
    )


@pytest.mark.parametrize("name", STATE_CHANGES)
def test_transition_counts_a_version_and_stamps_who(name: str) -> None:
    step = STEPS[name]
    obj, kwargs = step.start()
    user = make_user("publisher")
    version = obj.version

    step.run(obj=obj, user=user, comment=COMMENT, **kwargs)

    after = fresh(obj)
    assert (after.version, after.updated_by) == (version + 1, user)


def test_transition_revision_snapshot_is_the_content_after() -> None:
    package = build_package(status=Status.IN_REVIEW)

    revision = workflow.publish(obj=package, user=make_user("publisher"))

    assert revision.snapshot == take_snapshot(fresh(package))
    assert revision.base_version == fresh(package).version


@pytest.mark.parametrize("kind", CONTENT_KINDS.values(), ids=CONTENT_KINDS.keys())
def test_rollback_restores_earlier_content_as_a_new_revision(kind) -> None:
    obj = kind.build()
    editor, publisher = make_user("editor"), make_user("publisher")
    earlier = workflow.record_save(obj=obj, user=editor, created=False)
    rewrite_content(obj, kind)
    workflow.record_save(obj=obj, user=editor, created=False)
    history = list(Revision.objects.for_object(obj).values())

    revision = workflow.rollback(obj=obj, user=publisher, revision=earlier, comment=COMMENT)

    assert take_snapshot(fresh(obj)) == earlier.snapshot
    assert (revision.transition, revision.restored_from, revision.user) == (
        Transition.ROLLED_BACK,
        earlier,
        publisher,
    )
    assert revision.pk not in {row["id"] for row in history}
    assert list(Revision.objects.for_object(obj).exclude(pk=revision.pk).values()) == history


def test_rollback_brings_back_every_language_link_item_and_caption() -> None:
    package = build_package()
    source = package.sources.get()
    items = sorted(package.items.values_list("pk", "description_uk"))
    earlier = workflow.record_save(obj=package, user=make_user("editor"), created=False)
    rewrite_content(package, PACKAGE)

    workflow.rollback(obj=package, user=make_user("publisher"), revision=earlier)

    restored = fresh(package)
    assert [getattr(restored, f"title_{lang}") for lang in ("en", "uk", "az")] == [
        "Generators for Kharkiv [en]",
        "Generators for Kharkiv [uk]",
        "Generators for Kharkiv [az]",
    ]
    assert list(restored.sources.all()) == [source]
    assert sorted(restored.items.values_list("pk", "description_uk")) == items
    assert restored.photos.get().caption_uk == "Loading dock [uk]"


def test_rollback_of_live_item_changes_the_public_page() -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW, items=2, title="Generators")
    editor, publisher = make_user("editor"), make_user("publisher")
    approved = workflow.publish(obj=package, user=publisher)
    hold(package, editor, title_en="Transformers")
    workflow.publish(obj=package, user=publisher)
    assert public_titles() == ["Transformers"]

    workflow.rollback(obj=package, user=publisher, revision=approved)

    assert public_titles() == ["Generators"]
    assert fresh(package).items.count() == 2


def test_rollback_keeps_the_editorial_state() -> None:
    package = AidPackageFactory(published=True)
    earlier = workflow.unpublish(obj=package, user=make_user("publisher"))
    workflow.publish(obj=package, user=make_user("publisher", "other"))

    workflow.rollback(obj=package, user=make_user("superuser"), revision=earlier)

    assert fresh(package).status == Status.PUBLISHED


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


# --- Scheduling --------------------------------------------------------------------------------

GO_LIVE = dt.datetime(2030, 3, 1, 9, 0, tzinfo=dt.UTC)  # a whole second: SQLite drops zeros
US = dt.timedelta(microseconds=1)


def freeze(monkeypatch: pytest.MonkeyPatch, when: dt.datetime) -> None:
    monkeypatch.setattr(publishing.timezone, "now", lambda: when)


def test_publish_at_future_time_records_scheduled(monkeypatch: pytest.MonkeyPatch) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    freeze(monkeypatch, GO_LIVE - dt.timedelta(days=1))

    revision = workflow.publish(obj=package, user=make_user("publisher"), at=GO_LIVE)

    assert revision.transition == Transition.SCHEDULED
    assert (fresh(package).status, fresh(package).publish_at) == (Status.PUBLISHED, GO_LIVE)
    assert list(AidPackage.objects.scheduled()) == [package]


def test_scheduled_item_is_hidden_until_its_go_live_time(monkeypatch: pytest.MonkeyPatch) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    freeze(monkeypatch, GO_LIVE - dt.timedelta(days=1))
    workflow.publish(obj=package, user=make_user("publisher"), at=GO_LIVE)

    freeze(monkeypatch, GO_LIVE - US)

    assert not AidPackage.objects.published().exists()


def test_scheduled_item_is_public_at_exactly_its_go_live_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    freeze(monkeypatch, GO_LIVE - dt.timedelta(days=1))
    workflow.publish(obj=package, user=make_user("publisher"), at=GO_LIVE)

    freeze(monkeypatch, GO_LIVE)

    assert list(AidPackage.objects.published()) == [package]


def test_publish_at_past_time_records_published(monkeypatch: pytest.MonkeyPatch) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    freeze(monkeypatch, GO_LIVE)

    revision = workflow.publish(obj=package, user=make_user("publisher"), at=GO_LIVE - US)

    assert revision.transition == Transition.PUBLISHED
    assert list(AidPackage.objects.published()) == [package]


@pytest.mark.parametrize(
    ("row_expiry", "expire_at"),
    [
        pytest.param(None, GO_LIVE, id="expiry-at-go-live"),
        pytest.param(None, GO_LIVE - US, id="expiry-before-go-live"),
        pytest.param(GO_LIVE - dt.timedelta(hours=1), workflow.UNCHANGED, id="kept-expiry-before"),
    ],
)
def test_publish_refuses_expiry_not_after_go_live(
    monkeypatch: pytest.MonkeyPatch, row_expiry: dt.datetime | None, expire_at: Any
) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW, expire_at=row_expiry)
    freeze(monkeypatch, GO_LIVE - dt.timedelta(days=1))
    before = state_of(package)

    with pytest.raises(NotAllowedNow):
        workflow.publish(obj=package, user=make_user("publisher"), at=GO_LIVE, expire_at=expire_at)

    assert state_of(package) == before


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


@pytest.mark.parametrize("name", STEPS)
def test_transition_is_undone_when_its_revision_cannot_be_written(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    step = STEPS[name]
    obj, kwargs = step.start()
    user = make_user("publisher")
    before = state_of(obj)

    def refuse(**kwargs: Any) -> Revision:
        raise RuntimeError("disk full")

    monkeypatch.setattr(Revision.objects, "create", refuse)

    with pytest.raises(RuntimeError):
        step.run(obj=obj, user=user, comment=COMMENT, **kwargs)

    assert state_of(obj) == before


def test_publishing_a_live_item_later_is_refused_and_keeps_it_live() -> None:
    package = AidPackageFactory(published=True)
    later = timezone.now() + dt.timedelta(days=1)

    with pytest.raises(NotAllowedNow, match="live"):
        workflow.publish(obj=package, user=make_user("publisher"), at=later)

    assert AidPackage.objects.published().filter(pk=package.pk).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_check_version_refuses_to_run_outside_a_transaction() -> None:
    package = AidPackageFactory()
    with pytest.raises(RuntimeError, match="transaction"):
        workflow.check_version(package, expected_version=package.version)
