"""What every admin page about one publishable item shares (transitions, review, preview,
history, photo upload): finding the item the user may view, its admin URLs, rendering a page in
the admin's frame, and turning a workflow service's refusal into an answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from editorial import workflow
from editorial.preview import preview_response
from editorial.publishing import Publishable
from editorial.revisions import Revision
from editorial.snapshots import Snapshot


class ItemPagesMixin:
    """The steps the pages of one item on a publishable's admin share."""

    model: type[Publishable]
    admin_site: admin.AdminSite

    def _viewable(self, request: HttpRequest, object_id: str) -> Publishable:
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No such item."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _item_path(self, route: str, view: Callable[..., HttpResponse], name: str) -> URLPattern:
        """A page of the item, behind the admin's login, named as `_url` finds it."""
        opts = self.model._meta
        return path(
            route,
            self.admin_site.admin_view(view),
            name=f"{opts.app_label}_{opts.model_name}_{name}",
        )

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
