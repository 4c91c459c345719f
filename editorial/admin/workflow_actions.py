"""What the admin shows of each workflow transition: its button's label, the form of its
confirmation page, the service it calls and the message after. Keyed by the transition's name in
`editorial/transitions.py`, which alone says from which states, and for whom, each is offered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils.translation import gettext_lazy as _

from editorial import workflow
from editorial.publishing import Publishable
from editorial.revisions import Revision


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Optional. Kept in the item's history."),
    )


class RequiredCommentForm(CommentForm):
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Required: say what should change. The author receives it by e-mail."),
    )


class ScheduleForm(CommentForm):
    at = forms.SplitDateTimeField(
        label=_("Go live at"),
        widget=AdminSplitDateTime,
        help_text=_("The item stays hidden from the public until this time."),
    )
    expire_at = forms.SplitDateTimeField(
        label=_("Expire at"),
        required=False,
        widget=AdminSplitDateTime,
        help_text=_("Optional. The item disappears from the public site at this time."),
    )


# --- Transitions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """One transition as the admin offers it: a button, a confirmation page, a service call."""

    name: str
    label: Any
    form: type[forms.Form]
    run: Callable[..., Revision]
    done: Any


def _with_comment(transition: Callable[..., Revision]) -> Callable[..., Revision]:
    def run(*, obj: Publishable, user: Any, data: dict[str, Any]) -> Revision:
        return transition(obj=obj, user=user, comment=data["comment"])

    return run


def _schedule(*, obj: Publishable, user: Any, data: dict[str, Any]) -> Revision:
    return workflow.publish(
        obj=obj, user=user, at=data["at"], expire_at=data["expire_at"], comment=data["comment"]
    )


# In the order the change form shows the buttons.
ACTIONS: dict[str, Action] = {
    action.name: action
    for action in [
        Action(
            "submit",
            _("Submit for review"),
            CommentForm,
            _with_comment(workflow.submit),
            _("Sent for review. Publishers have been told."),
        ),
        Action(
            "request_changes",
            _("Request changes"),
            RequiredCommentForm,
            _with_comment(workflow.request_changes),
            _("Sent back to the author with your comment."),
        ),
        Action(
            "publish",
            _("Publish now"),
            CommentForm,
            _with_comment(workflow.publish_now),
            _("Published."),
        ),
        Action("schedule", _("Schedule"), ScheduleForm, _schedule, _("Scheduled.")),
        Action(
            "unpublish",
            _("Unpublish"),
            CommentForm,
            _with_comment(workflow.unpublish),
            _("Unpublished: the item is a draft again and hidden from the public."),
        ),
        Action(
            "archive",
            _("Archive"),
            CommentForm,
            _with_comment(workflow.archive),
            _("Archived: hidden from the public and read-only; it can be restored."),
        ),
        Action(
            "restore",
            _("Restore from archive"),
            CommentForm,
            _with_comment(workflow.restore_from_archive),
            _("Restored from the archive as a draft."),
        ),
    ]
}


# On a live item these two decide about a pending change.
LIVE_LABELS = {"publish": _("Approve & publish"), "request_changes": _("Send back")}
