"""API answers from the cache: the rendered body of a list, detail or stats response, per
address, language, format and compression. How an answer is keyed, made once and retired by
the content version is editorial/content_version.py's; what is here is only the API's part.

Looked up inside the view, after DRF has checked the partner key, the rate limit, the query
parameters and the format, so a cached answer never skips any of them. The answer is kept
as it is sent: rendered, with the ETag that PartnerApiMiddleware would add, and gzipped as
GZipMiddleware would for a client that takes gzip. Rendering a page of fifty packages as
JSON or CSV again, hashing it and compressing it (a 200 KB page: ~4 ms) cost far more than
the lookup. Both middlewares leave such an answer as it is (it has an ETag; it is encoded),
and the ETag still answers If-None-Match with 304.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import set_response_etag
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from editorial import content_version
from editorial.content_version import get_or_make

KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Link",
    "ETag",
    "Content-Encoding",
    "Vary",
)
# The site's own GZipMiddleware rules (what is worth compressing, the weakened ETag, Vary),
# applied once when an answer is made rather than at every hit.
_compress = GZipMiddleware(lambda request: HttpResponse()).process_response


def api_key(request: Request) -> str:
    # The absolute address: public_url and the API links in the data name the host.
    return content_version.api_answer_key(
        request, request.LANGUAGE_CODE, request.accepted_renderer.format
    )


def _as_sent(request: Request, response: HttpResponse) -> HttpResponse:
    """The answer as the middleware below and above the view would finish it."""
    if response.status_code != 200:
        return response
    set_response_etag(response)  # of the uncompressed body, as PartnerApiMiddleware's
    return _compress(request, response)


def cached_response(view: APIView, request: Request, build: Callable[[], Response]) -> HttpResponse:
    """`build()`'s response, rendered, or the one stored for the same request since the last
    change to the record."""
    if not content_version.caching_enabled():
        return build()

    def make() -> HttpResponse:
        response = view.finalize_response(request, build())
        return _as_sent(request, response.render())

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
