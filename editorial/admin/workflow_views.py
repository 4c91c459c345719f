"""The admin's side of the editorial workflow: the change form's transition buttons, the
transition pages, review of a pending change and preview. Every write here is one call into
`editorial/workflow.py`, which checks the user's permission and the item's state on the server;
which buttons to show comes from the transition table (`editorial/transitions.py`), and this
module only turns the service's refusals into HTTP answers and messages.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _

from editorial import workflow
from editorial.admin.item_pages import ItemPagesMixin
from editorial.admin.workflow_actions import ACTIONS, LIVE_LABELS, CommentForm, RequiredCommentForm
from editorial.publishing import Publishable, Status
from editorial.snapshots import diff, take_snapshot


class WorkflowAdminMixin(ItemPagesMixin):
    """URLs and views for transitions, review and preview on a publishable's admin."""

    def get_urls(self) -> list[URLPattern]:
        return [
            self._item_path("<path:object_id>/workflow/review/", self.review_view, "review"),
            self._item_path("<path:object_id>/workflow/preview/", self.preview_view, "preview"),
            self._item_path(
                "<path:object_id>/workflow/<str:action>/", self.transition_view, "transition"
            ),
            *super().get_urls(),
        ]

    def workflow_context(self, request: HttpRequest, obj: Publishable) -> dict[str, Any]:
        """What the change form shows about the workflow: buttons, the pending banner."""
        pending = workflow.pending_revision(obj)
        live = obj.status == Status.PUBLISHED
        actions = [
            {
                "label": LIVE_LABELS.get(action.name, action.label) if live else action.label,
                "url": self._url("transition", obj.pk, action.name),
            }
            for action in ACTIONS.values()
            if workflow.may_start(action.name, request.user, obj, pending=pending is not None)
        ]
        return {
            "workflow_actions": actions,
            "pending_revision": pending,
            "review_url": self._url("review", obj.pk),
            "preview_url": self._url("preview", obj.pk) if obj.public_url_name else None,
            "history_url": self._url("history", obj.pk),
        }

    # --- Transitions ---------------------------------------------------------------------------

    def transition_view(self, request: HttpRequest, object_id: str, action: str) -> HttpResponse:
        if action not in ACTIONS:
            raise Http404(_("No such transition."))
        step = ACTIONS[action]
        obj = self._viewable(request, object_id)
        if not workflow.may_attempt(action, request.user, self.model):
            raise PermissionDenied
        form = step.form(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            return self._run(
                request,
                obj,
                lambda: step.run(obj=obj, user=request.user, data=form.cleaned_data),
                step.done,
            )
        if request.method == "GET" and not workflow.may_start(
            action, request.user, obj, pending=workflow.pending_revision(obj) is not None
        ):
            messages.warning(
                request,
                _("“%(action)s” is not possible while the item is %(state)s.")
                % {"action": step.label, "state": obj.get_status_display().lower()},
            )
            return self._back(obj)
        return self._render(
            request,
            "transition.html",
            obj,
            title=f"{step.label}: {obj}",
            action=step,
            form=form,
            media=self.media + form.media,
        )

    # --- Review of a pending change ------------------------------------------------------------

    def review_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = self._viewable(request, object_id)
        pending = workflow.pending_revision(obj)
        if pending is None:
            messages.info(request, _("No change is waiting for approval on this item."))
            return self._back(obj)
        may_decide = workflow.may_attempt("publish", request.user, self.model)
        return self._render(
            request,
            "review.html",
            obj,
            title=_("Review the change to “%(item)s”") % {"item": obj},
            pending=pending,
            changes=diff(self.model, take_snapshot(obj), pending.snapshot),
            may_decide=may_decide,
            preview_url=self._url("preview", obj.pk) if obj.public_url_name else None,
            approve_url=self._url("transition", obj.pk, "publish"),
            send_back_url=self._url("transition", obj.pk, "request_changes"),
            # Both forms have a `comment`: distinct ids keep each label on its own textarea.
            send_back_form=RequiredCommentForm(auto_id="id_send_back_%s"),
            approve_form=CommentForm(),
        )

    # --- Preview -------------------------------------------------------------------------------

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The page as it will look once approved: the pending change if one waits, else the
        row as it stands (a draft, an item in review, or the live version)."""
        obj = self._viewable(request, object_id)
        if not obj.public_url_name:
            raise Http404(_("This kind of item has no public page."))
        pending = workflow.pending_revision(obj)
        if pending is not None:
            label = _("the change waiting for approval")
        elif obj.is_public():
            label = _("the live version")
        else:
            label = _("this %(state)s version") % {"state": obj.get_status_display().lower()}
        return self._preview(
            request,
            obj,
            pending.snapshot if pending else None,
            label,
            self._url("preview", obj.pk),
        )
