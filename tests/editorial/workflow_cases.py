"""What the workflow service's tests share (test_workflow*.py): a valid starting state for each
transition, the transitions by name with the roles allowed and what each leaves behind, and an
edit of a live package to hold for approval."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from django.utils import timezone

from aid.models import AidPackage
from editorial import workflow
from editorial.publishing import Status
from editorial.revisions import Revision, Transition
from editorial.snapshots import Snapshot, take_snapshot
from tests.factories import AidPackageFactory
from tests.workflow_helpers import (
    make_user,
)

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
