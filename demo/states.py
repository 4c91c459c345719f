"""Walk each demo item to its editorial state through the workflow, once, so its history is real.

An item is walked only while it has no revisions: a new row, or a row written by a loader from
before revisions were kept. After that its state and history are its own, so a second run
writes nothing and the demo users' own work on it is left alone.
"""

from __future__ import annotations

from django.utils import timezone

from demo.accounts import DemoUsers
from demo.content.states import (
    ARCHIVE_COMMENT,
    EXPIRED_AFTER,
    PROPOSED_EDITS,
    SCHEDULED_IN,
    SUBMIT_COMMENT,
    DemoState,
)
from demo.records import Tally
from editorial import workflow
from editorial.publishing import Publishable, Status
from editorial.revisions import Revision
from editorial.snapshots import take_snapshot


def settle_states(
    items: list[tuple[Publishable, DemoState]], *, users: DemoUsers, tally: Tally
) -> None:
    """Give every item without a history its 'created' revision and walk it to its state."""
    for obj, state in items:
        if Revision.objects.for_object(obj).exists():
            continue
        if obj.status != Status.DRAFT:
            # Written by an earlier loader that set the state directly: start from a draft.
            type(obj).objects.filter(pk=obj.pk).update(
                status=Status.DRAFT, publish_at=None, expire_at=None
            )
            obj.refresh_from_db()
        revisions = walk(obj, state, users=users)
        tally.add(Revision, "created", len(revisions))


def walk(obj: Publishable, state: DemoState, *, users: DemoUsers) -> list[Revision]:
    """From a new draft to `state`: created and saved by the editor, submitted by the editor,
    approved by the publisher, then whatever the state adds. Returns the revisions made."""
    editor, publisher = users.editor, users.publisher
    revisions = [workflow.record_save(obj=obj, user=editor, created=True)]
    if state == DemoState.DRAFT:
        return revisions
    revisions.append(workflow.submit(obj=obj, user=editor, comment=SUBMIT_COMMENT))
    if state == DemoState.IN_REVIEW:
        return revisions
    now = timezone.now()
    if state == DemoState.SCHEDULED:
        went_live = workflow.publish(obj=obj, user=publisher, at=now + SCHEDULED_IN)
    elif state == DemoState.EXPIRED:
        live_for, expired_for = EXPIRED_AFTER
        went_live = workflow.publish(
            obj=obj, user=publisher, at=now - live_for, expire_at=now - expired_for
        )
    else:
        went_live = workflow.publish(obj=obj, user=publisher)
    revisions.append(went_live)
    if state == DemoState.ARCHIVED:
        revisions.append(workflow.archive(obj=obj, user=publisher, comment=ARCHIVE_COMMENT))
    if state in (DemoState.PENDING_CHANGE, DemoState.SENT_BACK):
        revisions += _propose_edit(obj, users=users)
    return revisions


def _propose_edit(obj: Publishable, *, users: DemoUsers) -> list[Revision]:
    """The editor's change to the live item, held for approval; sent back if it says so."""
    edit = PROPOSED_EDITS[obj.slug]
    obj.refresh_from_db()
    snapshot = take_snapshot(obj)
    snapshot["fields"].update(edit.fields)
    revisions = [
        workflow.hold_pending(
            obj=obj,
            user=users.editor,
            snapshot=snapshot,
            base_version=obj.version,
            comment=edit.comment,
        )
    ]
    if edit.sent_back:
        revisions.append(
            workflow.request_changes(obj=obj, user=users.publisher, comment=edit.sent_back)
        )
    return revisions
