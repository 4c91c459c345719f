"""The editorial workflow: every change of state, and every save, goes through here.

Each function checks the user's permission on the server, locks the item's row, changes
state and version, writes a Revision, and queues e-mail, all in one transaction. The admin
only calls these functions.

States: draft → in review → published → archived. Which transition may start from which state,
and who may start it, is the table in `editorial/transitions.py`, which these functions enforce.
While an item is published, an edit does not reach the row: it is held as a pending revision
(`hold_pending`) until a publisher approves it (`publish`) or sends it back (`request_changes`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial import content_version, notifications, photo_files
from editorial.publishing import Publishable, publishable_owner
from editorial.renditions import ensure_renditions_on_commit
from editorial.revisions import SUBMISSIONS, Revision, RevisionState, Transition
from editorial.roles import has_model_perm
from editorial.snapshots import Snapshot, apply_snapshot, take_snapshot
from editorial.transitions import LIVE, TRANSITIONS, Role

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


def may_attempt(name: str, user: User, model: type[models.Model]) -> bool:
    """Whether the user's role allows transition `name` on items of `model`, in any state."""
    if TRANSITIONS[name].role == Role.PUBLISHER:
        return may_publish(user, model)
    return may_edit(user, model)


def may_start(name: str, user: User, obj: Publishable, *, pending: bool) -> bool:
    """Whether to offer `user` transition `name` on `obj` now (the admin's buttons): the table
    allows it from the item's state, with or without a `pending` change, and the role allows it.
    """
    return TRANSITIONS[name].allows(obj.status, pending=pending) and may_attempt(
        name, user, type(obj)
    )


def may_change_child(user: User, child: models.Model) -> bool:
    """Whether `user` may change or delete `child` (a milestone, a photo) on its own page, given
    the state of the item it belongs to; the model permissions are checked apart."""
    owner = publishable_owner(child)
    if owner is None or TRANSITIONS["change_child"].allows(owner.status):
        return True
    return may_start("change_live_child", user, owner, pending=False)


def takes_edits(obj: Publishable) -> bool:
    """Whether the item's form may be saved at all: in its row, or held for approval."""
    return TRANSITIONS["save"].allows(obj.status) or TRANSITIONS["hold"].allows(obj.status)


def held_for_approval(obj: Publishable) -> bool:
    """Whether a save of the existing item's form waits for a publisher's approval (`hold`)
    instead of changing its row (`save`)."""
    return TRANSITIONS["hold"].allows(obj.status)


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotPermitted(message)


def _require_role(name: str, user: User, obj: Publishable) -> None:
    if TRANSITIONS[name].role == Role.PUBLISHER:
        message = _("Only a publisher may do this.")
    else:
        message = _("You may not edit this item.")
    _require(may_attempt(name, user, type(obj)), message)


def _require_state(item: Publishable, *names: str, pending: bool = False) -> None:
    """Refuse unless the table allows one of the transitions `names` from the item's state."""
    rules = [TRANSITIONS[name] for name in names]
    if not any(rule.allows(item.status, pending=pending) for rule in rules):
        raise NotAllowedNow(str(rules[0].refusal))


def _begin(name: str, *, obj: Publishable, user: User, comment: str = "") -> Publishable:
    """Check who may start transition `name` and, where it needs one, its comment; then lock
    the item's row."""
    _require_role(name, user, obj)
    if TRANSITIONS[name].comment_required and not comment.strip():
        raise NotAllowedNow(_("Say what should change: the comment is required."))
    return _locked(obj)


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
    _require_state(locked, "save")
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
    _require_state(locked, "change_child", "change_live_child")
    in_place = TRANSITIONS["change_child"].allows(locked.status)
    _require_role("change_child" if in_place else "change_live_child", user, locked)
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
    locked = _begin("hold", obj=obj, user=user)
    _require_state(locked, "hold")
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


@transaction.atomic
def save_edit(
    *,
    obj: Publishable,
    user: User,
    created: bool,
    base_version: int | None,
    write: Callable[[], None],
) -> Revision:
    """Save an edit made in the item's form, where `write` writes the row and its inline
    children: a draft's or an item in review's is recorded (`record_save`); a live item's is
    held for a publisher's approval (`hold_pending`) and its row stays as it was."""
    if created:
        # record_save stamps created_by on its own copy of the row; `write` saves this one.
        obj.created_by = user
    if created or not held_for_approval(obj):
        write()
        return record_save(obj=obj, user=user, created=created)
    # The live row must not change: the edit is written inside a savepoint, read back as a
    # snapshot, and rolled back.
    savepoint = transaction.savepoint()
    write()
    snapshot = take_snapshot(obj)
    transaction.savepoint_rollback(savepoint)
    return hold_pending(obj=obj, user=user, snapshot=snapshot, base_version=base_version)


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
    locked = _begin("submit", obj=obj, user=user)
    _require_state(locked, "submit")
    _save_state(locked, user, status=TRANSITIONS["submit"].target)
    revision = _record(locked, user=user, transition=Transition.SUBMITTED, comment=comment)
    notifications.submitted(revision)
    return revision


@transaction.atomic
def request_changes(*, obj: Publishable, user: User, comment: str) -> Revision:
    """Send an item in review back to draft, or a pending edit of a live item back to its
    author. A comment saying what to change is required."""
    locked = _begin("request_changes", obj=obj, user=user, comment=comment)
    pending = pending_revision(locked)
    _require_state(locked, "request_changes", pending=pending is not None)
    if _resolve_pending(pending, user, RevisionState.REJECTED):
        author = pending.user
    else:
        author = _last_submitter(locked)
        _save_state(
            locked,
            user,
            status=TRANSITIONS["request_changes"].target,
            reviewed_at=timezone.now(),
            reviewed_by=user,
        )
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
    locked = _begin("publish", obj=obj, user=user)
    pending = pending_revision(locked)
    # This serves both rows, now and later: between them they take a live item with a pending
    # change or without one (which is published again as it stands).
    _require_state(locked, "publish", "schedule", pending=pending is not None)
    expire_at = locked.expire_at if expire_at is UNCHANGED else expire_at
    if at and at > timezone.now() and locked.is_public():
        # Going live later would take the approved version off the site until then.
        raise NotAllowedNow(
            _("This item is live. Publish the change now, or unpublish the item first.")
        )
    if at and expire_at and expire_at <= at:
        raise NotAllowedNow(_("The expiry time must come after the go-live time."))
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
        status=TRANSITIONS["publish"].target,
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


def publish_now(*, obj: Publishable, user: User, comment: str = "") -> Revision:
    """Publish a draft or an item in review now; on a live item, approve the change waiting
    for approval, and the item keeps its go-live time."""
    at = obj.publish_at if obj.status in LIVE else None
    return publish(obj=obj, user=user, at=at, comment=comment)


@transaction.atomic
def unpublish(*, obj: Publishable, user: User, comment: str = "") -> Revision:
    """Take a published item off the public site; it becomes a draft again."""
    locked = _begin("unpublish", obj=obj, user=user)
    _require_state(locked, "unpublish")
    _resolve_pending(pending_revision(locked), user, RevisionState.SUPERSEDED)
    _save_state(locked, user, status=TRANSITIONS["unpublish"].target)
    return _record(locked, user=user, transition=Transition.UNPUBLISHED, comment=comment)


@transaction.atomic
def archive(*, obj: Publishable, user: User, comment: str = "") -> Revision:
    """Withdraw an item for good without deleting it: deleting a record means archiving it."""
    locked = _begin("archive", obj=obj, user=user)
    _require_state(locked, "archive")
    _resolve_pending(pending_revision(locked), user, RevisionState.SUPERSEDED)
    _save_state(locked, user, status=TRANSITIONS["archive"].target)
    return _record(locked, user=user, transition=Transition.ARCHIVED, comment=comment)


@transaction.atomic
def restore_from_archive(*, obj: Publishable, user: User, comment: str = "") -> Revision:
    """Archived → draft, to be reviewed and published again."""
    locked = _begin("restore", obj=obj, user=user)
    _require_state(locked, "restore")
    _save_state(locked, user, status=TRANSITIONS["restore"].target)
    return _record(locked, user=user, transition=Transition.RESTORED_FROM_ARCHIVE, comment=comment)


@transaction.atomic
def rollback(*, obj: Publishable, user: User, revision: Revision, comment: str = "") -> Revision:
    """Bring back what the item said at `revision`, as a new revision; history stays as it was.

    The item keeps its editorial state: rolling back a live item changes the live page.
    """
    locked = _begin("rollback", obj=obj, user=user)
    _require_state(locked, "rollback")
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
