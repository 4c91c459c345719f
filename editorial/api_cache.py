"""API answers from the cache: the data of a list, detail or stats response, per address and
language, with the content version it was made under (editorial/answer_cache.py).

Stored inside the view, after DRF has checked the partner key and the rate limit, so a cached
answer never skips either; what is stored is the response's data and its Link header, not the
rendered body, so JSON and CSV are rendered (and ETagged by PartnerApiMiddleware) as ever.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from editorial import content_version
from editorial.answer_cache import get_or_make

KEY = "korpu:api:{digest}"
KEPT_HEADERS = ("Link",)


def api_key(request: Request) -> str:
    # The absolute address: public_url and the API links in the data name the host.
    address = f"{request.LANGUAGE_CODE}|{request.build_absolute_uri()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return KEY.format(digest=digest)


def cached_response(request: Request, build: Callable[[], Response]) -> Response:
    """`build()`'s response, or the one stored for the same request since the last change."""
    if not content_version.caching_enabled():
        return build()

    def keep(response: Response) -> tuple[Any, dict[str, str]] | None:
        if response.status_code != 200:
            return None
        return response.data, {name: response[name] for name in KEPT_HEADERS if name in response}

    stored, made = get_or_make(api_key(request), build, keep)
    if stored is None:
        return made
    data, headers = stored
    return Response(data, headers={**headers, content_version.HIT_HEADER: "hit"})
