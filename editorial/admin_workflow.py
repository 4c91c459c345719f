"""The admin's side of the editorial workflow: transition pages, review of a pending change,
preview, revision history and restore. Every write here is one call into
`editorial/workflow.py`, which checks the user's permission and the item's state on the
server; this module only decides which buttons to show and turns the service's refusals into
HTTP answers and messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from editorial import workflow
from editorial.preview import preview_response
from editorial.publishing import Publishable, Status
from editorial.revisions import Revision
from editorial.snapshots import Change, Snapshot, diff, take_snapshot

# --- Forms ----------------------------------------------------------------------------------


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
    states: frozenset[str]
    publisher_only: bool
    form: type[forms.Form]
    run: Callable[..., Revision]
    done: Any
    # Offered on a published item only while a change waits for approval, or only while none does.
    needs_pending: bool | None = None


def _publish(*, obj: Publishable, user: Any, data: dict[str, Any]) -> Revision:
    # Approving a change of a live item keeps its go-live time; from draft or review it goes
    # live now.
    at = obj.publish_at if obj.status == Status.PUBLISHED else None
    return workflow.publish(obj=obj, user=user, at=at, comment=data["comment"])


def _with_comment(transition: Callable[..., Revision]) -> Callable[..., Revision]:
    def run(*, obj: Publishable, user: Any, data: dict[str, Any]) -> Revision:
        return transition(obj=obj, user=user, comment=data["comment"])

    return run


ACTIONS: dict[str, Action] = {
    action.name: action
    for action in [
        Action(
            "submit",
            _("Submit for review"),
            frozenset({Status.DRAFT}),
            False,
            CommentForm,
            _with_comment(workflow.submit),
            _("Sent for review. Publishers have been told."),
        ),
        Action(
            "request_changes",
            _("Request changes"),
            frozenset({Status.IN_REVIEW, Status.PUBLISHED}),
            True,
            RequiredCommentForm,
            _with_comment(workflow.request_changes),
            _("Sent back to the author with your comment."),
            needs_pending=True,
        ),
        Action(
            "publish",
            _("Publish now"),
            frozenset({Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED}),
            True,
            CommentForm,
            _publish,
            _("Published."),
            needs_pending=True,
        ),
        Action(
            "schedule",
            _("Schedule"),
            frozenset({Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED}),
            True,
            ScheduleForm,
            lambda *, obj, user, data: workflow.publish(
                obj=obj,
                user=user,
                at=data["at"],
                expire_at=data["expire_at"],
                comment=data["comment"],
            ),
            _("Scheduled."),
            needs_pending=False,
        ),
        Action(
            "unpublish",
            _("Unpublish"),
            frozenset({Status.PUBLISHED}),
            True,
            CommentForm,
            _with_comment(workflow.unpublish),
            _("Unpublished: the item is a draft again and hidden from the public."),
        ),
        Action(
            "archive",
            _("Archive"),
            frozenset({Status.DRAFT, Status.IN_REVIEW, Status.PUBLISHED}),
            True,
            CommentForm,
            _with_comment(workflow.archive),
            _("Archived: hidden from the public and read-only; it can be restored."),
        ),
        Action(
            "restore",
            _("Restore from archive"),
            frozenset({Status.ARCHIVED}),
            True,
            CommentForm,
            _with_comment(workflow.restore_from_archive),
            _("Restored from the archive as a draft."),
        ),
    ]
}


# On a live item these two decide about a pending change.
LIVE_LABELS = {"publish": _("Approve & publish"), "request_changes": _("Send back")}


def may_attempt(action: Action, user: Any, model: type[models.Model]) -> bool:
    """Whether the user's role allows the action at all; the service checks it again."""
    if action.publisher_only:
        return workflow.may_publish(user, model)
    return workflow.may_edit(user, model)


def offered(action: Action, user: Any, obj: Publishable, pending: Revision | None) -> bool:
    """Whether to show the button: the role allows it and it makes sense in this state."""
    if obj.status not in action.states or not may_attempt(action, user, type(obj)):
        return False
    if obj.status == Status.PUBLISHED and action.needs_pending is not None:
        return action.needs_pending == (pending is not None)
    return True


# --- The admin mixin ------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    revision: Revision
    changes_url: str
    restore_url: str | None


class WorkflowAdminMixin:
    """URLs and views for transitions, review, history and restore on a publishable's admin."""

    model: type[Publishable]
    admin_site: admin.AdminSite

    def get_urls(self) -> list[URLPattern]:
        prefix = f"{self.model._meta.app_label}_{self.model._meta.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/workflow/review/",
                wrap(self.review_view),
                name=f"{prefix}_review",
            ),
            path(
                "<path:object_id>/workflow/rollback/<int:revision_id>/",
                wrap(self.rollback_view),
                name=f"{prefix}_rollback",
            ),
            path(
                "<path:object_id>/workflow/preview/",
                wrap(self.preview_view),
                name=f"{prefix}_preview",
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/preview/",
                wrap(self.revision_preview_view),
                name=f"{prefix}_revision_preview",
            ),
            path(
                "<path:object_id>/workflow/<str:action>/",
                wrap(self.transition_view),
                name=f"{prefix}_transition",
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/",
                wrap(self.revision_view),
                name=f"{prefix}_revision",
            ),
            *super().get_urls(),
        ]

    # --- Shared steps --------------------------------------------------------------------------

    def _viewable(self, request: HttpRequest, object_id: str) -> Publishable:
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No such item."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _url(self, name: str, *args: Any) -> str:
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}", args=args
        )

    def _back(self, obj: Publishable) -> HttpResponseRedirect:
        return HttpResponseRedirect(self._url("change", obj.pk))

    def _render(
        self, request: HttpRequest, template: str, obj: Publishable, **context: Any
    ) -> TemplateResponse:
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request,
            f"admin/editorial/{template}",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "module_name": capfirst(str(self.model._meta.verbose_name_plural)),
                "object": obj,
                "change_url": self._url("change", obj.pk),
                "history_url": self._url("history", obj.pk),
                **context,
            },
        )

    def _run(
        self,
        request: HttpRequest,
        obj: Publishable,
        run: Callable[[], Revision],
        done: Any,
    ) -> HttpResponse:
        """Call the service; a refusal becomes 403 or a message, success a message."""
        try:
            run()
        except workflow.NotPermitted as refusal:
            raise PermissionDenied(str(refusal)) from refusal
        except (workflow.NotAllowedNow, workflow.EditConflict) as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, done)
        return self._back(obj)

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
            if offered(action, request.user, obj, pending)
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
        if not may_attempt(step, request.user, self.model):
            raise PermissionDenied
        form = step.form(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            return self._run(
                request,
                obj,
                lambda: step.run(obj=obj, user=request.user, data=form.cleaned_data),
                step.done,
            )
        if request.method == "GET" and not offered(
            step, request.user, obj, workflow.pending_revision(obj)
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
        may_decide = workflow.may_publish(request.user, self.model)
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

    def _preview(
        self,
        request: HttpRequest,
        obj: Publishable,
        snapshot: Snapshot | None,
        label: str,
        url: str,
    ) -> HttpResponse:
        language = request.GET.get("lang") or translation.get_language()
        if language not in dict(settings.LANGUAGES):
            # Plain text: the answer repeats what was asked for, which may be markup.
            return HttpResponseBadRequest(
                _("Unknown language “%(code)s”: use one of %(codes)s.")
                % {"code": language, "codes": ", ".join(dict(settings.LANGUAGES))},
                content_type="text/plain; charset=utf-8",
            )
        return preview_response(
            request, obj, snapshot=snapshot, language=language, preview_url=url, label=label
        )

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

    def revision_preview_view(
        self, request: HttpRequest, object_id: str, revision_id: int
    ) -> HttpResponse:
        obj = self._viewable(request, object_id)
        if not obj.public_url_name:
            raise Http404(_("This kind of item has no public page."))
        revision = self._revision(obj, revision_id)
        label = _("the revision of %(when)s") % {
            "when": date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT")
        }
        return self._preview(
            request,
            obj,
            revision.snapshot,
            label,
            self._url("revision_preview", obj.pk, revision.pk),
        )

    # --- History and restore -------------------------------------------------------------------

    def _revision(self, obj: Publishable, revision_id: int) -> Revision:
        return get_object_or_404(
            Revision.objects.for_object(obj).select_related("user"), pk=revision_id
        )

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        obj = self._viewable(request, object_id)
        may_restore = workflow.may_publish(request.user, self.model)
        revisions = Revision.objects.for_object(obj).select_related("user").defer("snapshot")
        return self._render(
            request,
            "history.html",
            obj,
            title=_("History of “%(item)s”") % {"item": obj},
            rows=[
                HistoryRow(
                    revision,
                    self._url("revision", obj.pk, revision.pk),
                    self._url("rollback", obj.pk, revision.pk) if may_restore else None,
                )
                for revision in revisions
            ],
            **(extra_context or {}),
        )

    def revision_view(self, request: HttpRequest, object_id: str, revision_id: int) -> HttpResponse:
        """What one revision changed compared with the revision before it."""
        obj = self._viewable(request, object_id)
        revision = self._revision(obj, revision_id)
        previous = (
            Revision.objects.for_object(obj)
            .filter(
                models.Q(created_at__lt=revision.created_at)
                | models.Q(created_at=revision.created_at, pk__lt=revision.pk)
            )
            .only("snapshot")
            .first()
        )
        changes: list[Change] = (
            diff(self.model, previous.snapshot, revision.snapshot) if previous else []
        )
        return self._render(
            request,
            "revision.html",
            obj,
            title=_("Changes in revision of %(when)s")
            % {"when": date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT")},
            revision=revision,
            previous=previous,
            changes=changes,
            preview_url=(
                self._url("revision_preview", obj.pk, revision.pk) if obj.public_url_name else None
            ),
        )

    def rollback_view(self, request: HttpRequest, object_id: str, revision_id: int) -> HttpResponse:
        obj = self._viewable(request, object_id)
        if not workflow.may_publish(request.user, self.model):
            raise PermissionDenied
        revision = self._revision(obj, revision_id)
        form = CommentForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            return self._run(
                request,
                obj,
                lambda: workflow.rollback(
                    obj=obj,
                    user=request.user,
                    revision=revision,
                    comment=form.cleaned_data["comment"],
                ),
                _("The earlier version is restored, as a new revision."),
            )
        return self._render(
            request,
            "rollback.html",
            obj,
            title=_("Restore this version of “%(item)s”") % {"item": obj},
            revision=revision,
            form=form,
            changes=diff(self.model, take_snapshot(obj), revision.snapshot),
        )
