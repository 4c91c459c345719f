"""The workflow's transition table: for each transition, the states it may start from, the state
it leaves the item in, who may start it and whether it needs a comment.

It is the one place these are written. `editorial/workflow.py` enforces it (its refusals are
the `refusal` of each row), and the admin reads it to decide which buttons to show. Saves are
rows too: an item is edited in its row while `save` allows, held for approval while `hold` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _

from editorial.publishing import Status

# A draft or an item in review is edited in its row; a live item's edit waits for approval.
IN_PLACE = frozenset({Status.DRAFT, Status.IN_REVIEW})
LIVE = frozenset({Status.PUBLISHED})
NOT_ARCHIVED = IN_PLACE | LIVE
ANY_STATE = frozenset(Status)


class Role(StrEnum):
    """Who may start a transition: whoever may change the kind of item (editors, publishers,
    superusers), or whoever may publish it (publishers, superusers)."""

    EDITOR = "editor"
    PUBLISHER = "publisher"


@dataclass(frozen=True)
class TransitionRule:
    sources: frozenset[str]
    # The state the item is left in; None where the transition keeps it.
    target: str | None
    role: Role
    # What NotAllowedNow says when the item's state does not allow the transition.
    refusal: Any
    comment_required: bool = False
    # On a live item: allowed only while a change waits for approval (True), only while none
    # does (False), or either way (None).
    needs_pending: bool | None = None

    def allows(self, status: str, *, pending: bool = False) -> bool:
        """Whether an item in `status` (with a change waiting for approval, or not) may take
        this transition."""
        if status not in self.sources:
            return False
        if status in LIVE and self.needs_pending is not None:
            return self.needs_pending == pending
        return True


TRANSITIONS: dict[str, TransitionRule] = {
    "submit": TransitionRule(
        sources=frozenset({Status.DRAFT}),
        target=Status.IN_REVIEW,
        role=Role.EDITOR,
        refusal=_("Only a draft can be sent for review."),
    ),
    # Sends an item in review back to draft; on a live item, its pending change goes back to
    # its author and the item stays live.
    "request_changes": TransitionRule(
        sources=frozenset({Status.IN_REVIEW, Status.PUBLISHED}),
        target=Status.DRAFT,
        role=Role.PUBLISHER,
        refusal=_("Nothing is waiting for review on this item."),
        comment_required=True,
        needs_pending=True,
    ),
    # Goes live now; on a live item, approves the change waiting for approval.
    "publish": TransitionRule(
        sources=NOT_ARCHIVED,
        target=Status.PUBLISHED,
        role=Role.PUBLISHER,
        refusal=_("Restore the item from the archive before publishing it."),
        needs_pending=True,
    ),
    # Goes live at a time to come (`workflow.publish` with `at`).
    "schedule": TransitionRule(
        sources=NOT_ARCHIVED,
        target=Status.PUBLISHED,
        role=Role.PUBLISHER,
        refusal=_("Restore the item from the archive before publishing it."),
        needs_pending=False,
    ),
    "unpublish": TransitionRule(
        sources=LIVE,
        target=Status.DRAFT,
        role=Role.PUBLISHER,
        refusal=_("Only a published item can be unpublished."),
    ),
    "archive": TransitionRule(
        sources=NOT_ARCHIVED,
        target=Status.ARCHIVED,
        role=Role.PUBLISHER,
        refusal=_("The item is already archived."),
    ),
    "restore": TransitionRule(
        sources=frozenset({Status.ARCHIVED}),
        target=Status.DRAFT,
        role=Role.PUBLISHER,
        refusal=_("Only an archived item can be restored from the archive."),
    ),
    # Brings back an earlier revision's content; the item keeps its state.
    "rollback": TransitionRule(sources=ANY_STATE, target=None, role=Role.PUBLISHER, refusal=""),
    # A save of the item's form, recorded as a revision (a new item needs the add permission).
    "save": TransitionRule(
        sources=IN_PLACE,
        target=None,
        role=Role.EDITOR,
        refusal=_("A published or archived item is changed through the workflow."),
    ),
    # A save of a live item's form, held for a publisher's approval; the live row is untouched.
    "hold": TransitionRule(
        sources=LIVE,
        target=None,
        role=Role.EDITOR,
        refusal=_("Only a published item holds changes for approval."),
    ),
    # A child (a milestone, a photo) changed on its own page changes its item at once, without
    # a pending revision: editors may do that while the item is not public, publishers while
    # it is live, nobody while it is archived.
    "change_child": TransitionRule(
        sources=IN_PLACE,
        target=None,
        role=Role.EDITOR,
        refusal=_("Archived items are read-only. Restore it from the archive first."),
    ),
    "change_live_child": TransitionRule(
        sources=LIVE,
        target=None,
        role=Role.PUBLISHER,
        refusal=_("Archived items are read-only. Restore it from the archive first."),
    ),
}
