"""API answers from the cache: the data of a list, detail or stats response, per address and
language, under the content version (editorial/content_version.py).

Stored inside the view, after DRF has checked the partner key and the rate limit, so a cached
answer never skips either; what is stored is the response's data and its Link header, not the
rendered body, so JSON and CSV are rendered (and ETagged by PartnerApiMiddleware) as ever.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from rest_framework.request import Request
from rest_framework.response import Response

from editorial import content_version

KEY = "korpu:api:{version}:{digest}"
KEPT_HEADERS = ("Link",)


def api_key(request: Request, version: int) -> str:
    # The absolute address: public_url and the API links in the data name the host.
    address = f"{request.LANGUAGE_CODE}|{request.build_absolute_uri()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return KEY.format(version=version, digest=digest)


def cached_response(request: Request, build: Callable[[], Response]) -> Response:
    """`build()`'s response, or the one stored for the same request since the last change."""
    if not content_version.caching_enabled():
        return build()
    version = content_version.current()
    key = api_key(request, version)
    stored = cache.get(key)
    if stored is not None:
        data, headers = stored
        return Response(data, headers={**headers, content_version.HIT_HEADER: "hit"})
    response = build()
    if response.status_code == 200:
        timeout = content_version.cache_timeout(version)
        if timeout > 0:
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.data, headers), timeout)
    return response
