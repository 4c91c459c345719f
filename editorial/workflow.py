"""The editorial workflow: every change of state, and every save, goes through here.

Each function checks the user's permission on the server, locks the item's row, changes
state and version, writes a Revision, and queues e-mail, all in one transaction. The admin
only calls these functions.

States: draft → in review → published → archived. While an item is published, an edit does
not reach the row: it is held as a pending revision (`hold_pending`) until a publisher approves
it (`publish`) or sends it back (`request_changes`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial import content_version, notifications, photo_files
from editorial.publishing import Publishable, Status
from editorial.renditions import ensure_renditions_on_commit
from editorial.revisions import SUBMISSIONS, Revision, RevisionState, Transition
from editorial.roles import has_model_perm
from editorial.snapshots import Snapshot, apply_snapshot, take_snapshot

User = AbstractBaseUser | AnonymousUser
UNCHANGED: Any = object()


class WorkflowError(Exception):
    """A transition was refused; the message is written for the person who tried it."""


class NotPermitted(WorkflowError, PermissionDenied):
    pass


class NotAllowedNow(WorkflowError):
    pass


class EditConflict(WorkflowError):
    pass


# --- Who may do what ------------------------------------------------------------------------


def may_edit(user: User, model: type[models.Model]) -> bool:
    return has_model_perm(user, "change", model)


def may_publish(user: User, model: type[models.Model]) -> bool:
    return has_model_perm(user, "publish", model)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotPermitted(message)


def _require_editor(user: User, obj: Publishable) -> None:
    _require(may_edit(user, type(obj)), _("You may not edit this item."))


def _require_publisher(user: User, obj: Publishable) -> None:
    _require(may_publish(user, type(obj)), _("Only a publisher may do this."))


# --- Helpers --------------------------------------------------------------------------------


def _locked(obj: Publishable) -> Publishable:
    """The item's row, locked until the transaction ends, so transitions cannot interleave."""
    return type(obj).objects.select_for_update().get(pk=obj.pk)


def _record(
    obj: Publishable,
    *,
    user: User,
    transition: str,
    comment: str = "",
    state: str = RevisionState.RECORD,
    snapshot: Snapshot | None = None,
    base_version: int | None = None,
    restored_from: Revision | None = None,
) -> Revision:
    return Revision.objects.create(
        item=obj,
        object_repr=str(obj)[:250],
        user=user if user.is_authenticated else None,
        transition=transition,
        comment=comment,
        state=state,
        status_after=obj.status,
        base_version=obj.version if base_version is None else base_version,
        snapshot=take_snapshot(obj) if snapshot is None else snapshot,
        restored_from=restored_from,
    )


def _save_state(obj: Publishable, user: User, **changes: Any) -> None:
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.version += 1
    obj.updated_by = user if user.is_authenticated else None
    obj.save(update_fields=[*changes, "version", "updated_by", "updated_at"])
    # Any change of state or content may put the item's photos in or out of public view.
    photo_files.sync_on_commit(obj)


def pending_revision(obj: Publishable) -> Revision | None:
    return Revision.objects.for_object(obj).pending().first()


def _resolve_pending(pending: Revision | None, user: User, state: str) -> Revision | None:
    """Close a pending revision (if any) as approved, rejected or superseded."""
    if pending:
        pending.state = state
        pending.resolved_by = user if user.is_authenticated else None
        pending.resolved_at = timezone.now()
        pending.save(update_fields=["state", "resolved_by", "resolved_at"])
    return pending


# --- Saving ---------------------------------------------------------------------------------


def check_version(obj: Publishable, *, expected_version: int) -> Publishable:
    """Lock the row and refuse the save if someone saved since the form was opened.

    Call it inside the transaction that then saves, so that the lock covers the save.
    """
    if transaction.get_autocommit():
        raise RuntimeError("check_version() must run inside the transaction that saves.")
    current = _locked(obj)
    if current.version != expected_version:
        who = current.updated_by or _("someone")
        raise EditConflict(
            _(
                "%(who)s saved this item at %(when)s, after you opened it. Nothing you entered "
                "has been saved: it is still in the form below. Compare it with the current "
                "version (open the item in a new tab), merge the changes and save again."
            )
            % {"who": who, "when": timezone.localtime(current.updated_at).strftime("%H:%M")}
        )
    return current


@transaction.atomic
def record_save(*, obj: Publishable, user: User, created: bool, comment: str = "") -> Revision:
    """Count a save the admin has written to a draft or in-review item, and keep a revision."""
    _require(
        has_model_perm(user, "add" if created else "change", type(obj)),
        _("You may not edit this item."),
    )
    locked = _locked(obj)
    if not locked.edits_in_place():
        raise NotAllowedNow(_("A published or archived item is changed through the workflow."))
    _save_state(locked, user, **({"created_by": user} if created else {}))
    obj.version = locked.version
    return _record(
        locked,
        user=user,
        transition=Transition.CREATED if created else Transition.SAVED,
        comment=comment,
    )


@transaction.atomic
def record_child_change(*, owner: Publishable, user: User, comment: str) -> Revision:
    """Count a change made to a child (a milestone, a photo) on its own admin page as a save of
    the item it belongs to, and keep a revision of the item as it now is.

    Such a change reaches a live item at once, so only a publisher may make it there; bumping the
    item's version makes a form of the item opened before it refuse to save over it.
    """
    locked = _locked(owner)
    if locked.status == Status.ARCHIVED:
        raise NotAllowedNow(_("Archived items are read-only. Restore it from the archive first."))
    if locked.edits_in_place():
        _require_editor(user, locked)
    else:
        _require_publisher(user, locked)
    _save_state(locked, user)
    owner.version = locked.version
    return _record(locked, user=user, transition=Transition.SAVED, comment=comment)


@transaction.atomic
def hold_pending(
    *, obj: Publishable, user: User, snapshot: Snapshot, base_version: int, comment: str = ""
) -> Revision:
    """Keep an edit of a published item for a publisher to approve; the live row is untouched.

    A newer edit replaces an older pending one, which stays in the history as superseded.
    """
    _require_editor(user, obj)
    locked = _locked(obj)
    if locked.status != Status.PUBLISHED:
        raise NotAllowedNow(_("Only a published item holds changes for approval."))
    if locked.version != base_version:
        raise EditConflict(_("The item changed after you opened it; open it again and redo."))
    previous = pending_revision(locked)
    if previous and previous.base_version != base_version:
        raise EditConflict(_("Another change is waiting for approval; open the item again."))
    _resolve_pending(previous, user, RevisionState.SUPERSEDED)
    revision = _record(
        locked,
        user=user,
        transition=Transition.EDITED_WHILE_LIVE,
        comment=comment,
        state=RevisionState.PENDING,
        snapshot=snapshot,
        base_version=base_version,
    )
    _withhold_minors_at_once(locked, snapshot)
    notifications.submitted(revision)
    return revision


def _withhold_minors_at_once(item: Publishable, snapshot: Snapshot) -> None:
    """A held edit that marks a live photo as showing minors without consent on file takes
    that photo off the public site now: showing less needs no review, and waiting for one would
    leave children on view. Only those two flags of the live row change, and not the item's
    version, so the held edit can still be approved as it stands."""
    withheld = [
        row["id"]
        for row in snapshot["photos"]
        if row.get("shows_minors") and not row.get("consent_on_file")
    ]
    live = item.photos.filter(pk__in=withheld).exclude(shows_minors=True, consent_on_file=False)
    if live.update(shows_minors=True, consent_on_file=False):
        # update() sends no signal: the pages showing the photo go, and its public files.
        content_version.bump_now_and_on_commit()
        photo_files.sync_on_commit(item)


# --- Transitions ----------------------------------------------------------------------------


@transaction.atomic
def submit(*, obj: Publishable, user: User, comment: str = "") -> Revision:
    """Draft → in review. Publishers are told."""
    _require_editor(user, obj)
    locked = _locked(obj)
    if locked.status != Status.DRAFT:
        raise NotAllowedNow(_("Only a draft can be sent for review."))
    _save_state(locked, user, status=Status.IN_REVIEW)
    revision = _record(locked, user=user, transition=Transition.SUBMITTED, comment=comment)
    notifications.submitted(revision)
    return revision


@transaction.atomic
def request_changes(*, obj: Publishable, user: User, comment: str) -> Revision:
    """Send an item in review back to draft, or a pending edit of a live item back to its
    author. A comment saying what to change is required."""
    _require_publisher(user, obj)
    if not comment.strip():
        raise NotAllowedNow(_("Say what should change: the comment is required."))
    locked = _locked(obj)
    pending = _resolve_pending(pending_revision(locked), user, RevisionState.REJECTED)
    if pending:
        author = pending.user
    elif locked.status == Status.IN_REVIEW:
        author = _last_submitter(locked)
        _save_state(locked, user, status=Status.DRAFT, reviewed_at=timezone.now(), reviewed_by=user)
    else:
        raise NotAllowedNow(_("Nothing is waiting for review on this item."))
    revision = _record(locked, user=user, transition=Transition.CHANGES_REQUESTED, comment=comment)
    notifications.sent_back(revision, author)
    return revision


@transaction.atomic
def publish(
    *,
    obj: Publishable,
    user: User,
    at: dt.datetime | None = None,
    expire_at: dt.datetime | None = UNCHANGED,
    comment: str = "",
) -> Revision:
    """Approve and publish now, or at `at`. A pending edit of a live item is applied first."""
    _require_publisher(user, obj)
    locked = _locked(obj)
    if locked.status == Status.ARCHIVED:
        raise NotAllowedNow(_("Restore the item from the archive before publishing it."))
    expire_at = locked.expire_at if expire_at is UNCHANGED else expire_at
    if at and at > timezone.now() and locked.is_public():
        # Going live later would take the approved version off the site until then.
        raise NotAllowedNow(
            _("This item is live. Publish the change now, or unpublish the item first.")
        )
    if at and expire_at and expire_at <= at:
        raise NotAllowedNow(_("The expiry time must come after the go-live time."))
    pending = pending_revision(locked)
    if pending:
        if pending.base_version != locked.version:
            raise EditConflict(_("The item changed after this edit was made; send it back."))
        apply_snapshot(locked, pending.snapshot)
        # Photos added in the held edit had their rows rolled back before renditions ran.
        ensure_renditions_on_commit(locked.photos.all())
        _resolve_pending(pending, user, RevisionState.APPROVED)
    author = pending.user if pending else _last_submitter(locked)
    now = timezone.now()
    _save_state(
        locked,
        user,
        status=Status.PUBLISHED,
        publish_at=at,
        expire_at=expire_at,
        reviewed_at=now,
        reviewed_by=user,
        published_at=locked.published_at or now,
        published_by=locked.published_by or user,
    )
    scheduled = at is not None and at > now
    revision = _record(
        locked,
        user=user,
        transition=Transition.SCHEDULED if scheduled else Transition.PUBLISHED,
        comment=comment,
    )
    notifications.published(revision, author)
    return revision


@transaction.atomic
def unpublish(*, obj: Publishable, user: User, comment: str = "") -> Revision:
    """Take a published item off the public site; it becomes a draft again."""
    _require_publisher(user, obj)
    locked = _locked(obj)
    if locked.status != Status.PUBLISHED:
        raise NotAllowedNow(_("Only a published item can be unpublished."))
    _resolve_pending(pending_revision(locked), user, RevisionState.SUPERSEDED)
    _save_state(locked, user, status=Status.DRAFT)
    return _record(locked, user=user, transition=Transition.UNPUBLISHED, comment=comment)


@transaction.atomic
def archive(*, obj: Publishable, user: User, comment: str = "") -> Revision:
    """Withdraw an item for good without deleting it: deleting a record means archiving it."""
    _require_publisher(user, obj)
    locked = _locked(obj)
    if locked.status == Status.ARCHIVED:
        raise NotAllowedNow(_("The item is already archived."))
    _resolve_pending(pending_revision(locked), user, RevisionState.SUPERSEDED)
    _save_state(locked, user, status=Status.ARCHIVED)
    return _record(locked, user=user, transition=Transition.ARCHIVED, comment=comment)


@transaction.atomic
def restore_from_archive(*, obj: Publishable, user: User, comment: str = "") -> Revision:
    """Archived → draft, to be reviewed and published again."""
    _require_publisher(user, obj)
    locked = _locked(obj)
    if locked.status != Status.ARCHIVED:
        raise NotAllowedNow(_("Only an archived item can be restored from the archive."))
    _save_state(locked, user, status=Status.DRAFT)
    return _record(locked, user=user, transition=Transition.RESTORED_FROM_ARCHIVE, comment=comment)


@transaction.atomic
def rollback(*, obj: Publishable, user: User, revision: Revision, comment: str = "") -> Revision:
    """Bring back what the item said at `revision`, as a new revision; history stays as it was.

    The item keeps its editorial state: rolling back a live item changes the live page.
    """
    _require_publisher(user, obj)
    locked = _locked(obj)
    if (revision.content_type.model_class(), revision.object_id) != (type(obj), obj.pk):
        raise NotAllowedNow(_("That revision belongs to another item."))
    _resolve_pending(pending_revision(locked), user, RevisionState.SUPERSEDED)
    apply_snapshot(locked, revision.snapshot)
    ensure_renditions_on_commit(locked.photos.all())
    _save_state(locked, user)
    return _record(
        locked,
        user=user,
        transition=Transition.ROLLED_BACK,
        comment=comment,
        restored_from=revision,
    )


def _last_submitter(obj: Publishable) -> Any:
    submitted = (
        Revision.objects.for_object(obj)
        .filter(transition__in=SUBMISSIONS)
        .select_related("user")
        .first()
    )
    return submitted.user if submitted else None
