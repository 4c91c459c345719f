"""Preview: a draft, a pending change or an old revision rendered by the public page's own view.

The snapshot is written to the database inside a transaction that is always rolled back, and
the page is rendered from `for_detail()` inside it, so the preview is exactly what the public
page would show (the same template, context, prefetches and photo rules) and nothing of it is
ever committed, scheduled (renditions wait for a commit) or seen by another connection.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import resolve
from django.utils import translation
from django.views.generic import DetailView

from editorial.languages import page_languages
from editorial.publishing import Publishable
from editorial.snapshots import Snapshot, apply_snapshot


class NoPublicPage(Exception):
    """The model has no public detail page to preview."""


def preview_response(
    request: HttpRequest,
    obj: Publishable,
    *,
    snapshot: Snapshot | None,
    language: str,
    preview_url: str,
    label: str,
) -> TemplateResponse:
    """Render `obj` (with `snapshot` applied, if given) as its public page in `language`.

    `preview_url` is this preview's own address: the language switcher links to it with
    `?lang=`, so staff can read the preview in every language without reaching the public URL.
    """
    if not obj.public_url_name:
        raise NoPublicPage(type(obj).__name__)
    with translation.override(language), transaction.atomic():
        try:
            if snapshot is not None:
                apply_snapshot(obj, snapshot)
            row = type(obj).objects.for_detail().get(pk=obj.pk)
            public_url = row.get_absolute_url()
            match = resolve(public_url)
            view_class = match.func.view_class
            response = render_detail(
                request,
                view_class,
                row,
                preview_label=label,
                current_section=match.namespace,
                page_languages=page_languages(
                    request, lambda code: f"{preview_url}?{urlencode({'lang': code})}", language
                ),
                canonical_url=request.build_absolute_uri(public_url),
            )
            response.render()
        finally:
            transaction.set_rollback(True)
    # Staff-only and never to be cached or indexed by anything between us and the browser.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Content-Language"] = language
    return response


def render_detail(
    request: HttpRequest, view_class: type[DetailView], obj: Model, **extra: Any
) -> TemplateResponse:
    """Render `obj` through `view_class`'s template and context, as the public page would.

    `view_class` is the public page's detail view; `obj` a row that `published()` may not
    return (a draft, a pending change, an old revision).
    """
    view = view_class()
    view.setup(request, slug=obj.slug)
    view.object = obj
    context = view.get_context_data(object=obj, **extra)
    return TemplateResponse(request, view.get_template_names(), context)
