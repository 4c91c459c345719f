"""The workflow service (editorial/workflow.py): who may do what, from which state, what each
transition leaves in the history, pending changes of live items, rollback, scheduling, and
refusals that leave everything as it was.

Users belong to the real "Editors" and "Publishers" groups the data migrations create.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from aid.models import AidPackage
from editorial import workflow
from editorial.publishing import Status
from editorial.revisions import Revision, Transition
from editorial.snapshots import take_snapshot
from editorial.workflow import NotAllowedNow, NotPermitted
from tests.editorial.workflow_cases import (
    COMMENT,
    STATE_CHANGES,
    STEPS,
    Start,
    archived,
    draft,
    fresh,
    hold,
    in_review,
    public_titles,
    published,
    record_save,
    run,
)
from tests.factories import AidPackageFactory
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
