"""API answers from the cache: the rendered body of a list, detail or stats response, per
address, language and format, with the content version it was made under
(editorial/answer_cache.py).

Looked up inside the view, after DRF has checked the partner key, the rate limit, the query
parameters and the format, so a cached answer never skips any of them. The rendered body is
kept, not the data: turning a page of fifty packages into JSON or CSV again costs more than
the lookup. The ETag is still added (and 304 answered) by PartnerApiMiddleware.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.http import HttpResponse
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from editorial import content_version
from editorial.answer_cache import get_or_make

KEY = "korpu:api:{digest}"
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Link")


def api_key(request: Request) -> str:
    # The absolute address: public_url and the API links in the data name the host.
    renderer = request.accepted_renderer.format
    address = f"{request.LANGUAGE_CODE}|{renderer}|{request.build_absolute_uri()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return KEY.format(digest=digest)


def cached_response(view: APIView, request: Request, build: Callable[[], Response]) -> HttpResponse:
    """`build()`'s response, rendered, or the body stored for the same request since the
    last change to the record."""
    if not content_version.caching_enabled():
        return build()

    def make() -> HttpResponse:
        response = view.finalize_response(request, build())
        return response.render()

    def keep(response: HttpResponse) -> tuple[bytes, dict[str, str]] | None:
        if response.status_code != 200:
            return None
        headers = {name: response[name] for name in KEPT_HEADERS if name in response}
        return response.content, headers

    stored, made = get_or_make(api_key(request), make, keep)
    if stored is None:
        return made
    content, headers = stored
    return HttpResponse(content, headers={**headers, content_version.HIT_HEADER: "hit"})
