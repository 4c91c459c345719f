"""An item's history in the admin: its revisions, what each changed, a preview of each, and
restoring one (`workflow.rollback`, publishers only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from editorial import workflow
from editorial.admin.item_pages import ItemPagesMixin
from editorial.admin.workflow_actions import CommentForm
from editorial.publishing import Publishable
from editorial.revisions import Revision
from editorial.snapshots import Change, diff, take_snapshot


@dataclass(frozen=True)
class HistoryRow:
    revision: Revision
    changes_url: str
    restore_url: str | None


class HistoryAdminMixin(ItemPagesMixin):
    """URLs and views for an item's history, its revisions and restoring one."""

    def get_urls(self) -> list[URLPattern]:
        return [
            self._item_path(
                "<path:object_id>/workflow/rollback/<int:revision_id>/",
                self.rollback_view,
                "rollback",
            ),
            self._item_path(
                "<path:object_id>/history/<int:revision_id>/preview/",
                self.revision_preview_view,
                "revision_preview",
            ),
            self._item_path(
                "<path:object_id>/history/<int:revision_id>/", self.revision_view, "revision"
            ),
            *super().get_urls(),
        ]

    def _revision(self, obj: Publishable, revision_id: int) -> Revision:
        return get_object_or_404(
            Revision.objects.for_object(obj).select_related("user"), pk=revision_id
        )

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        obj = self._viewable(request, object_id)
        may_restore = workflow.may_attempt("rollback", request.user, self.model)
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
        if not workflow.may_attempt("rollback", request.user, self.model):
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
