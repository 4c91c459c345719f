"""Whole public pages from the cache, for visitors who are not signed in.

A page is stored once made, under the content version (editorial/content_version.py), its
address and whether it was compressed, and served from there until anything public changes.
A hit skips everything below this middleware: sessions, the view, templates and gzip.

What is stored: 200 answers to GET of the public site's own pages (the URL namespaces below,
the sitemap and robots.txt), without cookies, without `Cache-Control: private`, and without a
CSP nonce (a stored nonce would not match the next response's header). What is never served
from here: anything to a request with a session cookie (staff see live pages, and their
responses are private), the admin, the API (it has its own cache, behind its keys and rate
limits: editorial/api_cache.py), static files and media.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip

from editorial import content_version

# The URL namespaces of the public site (config/urls.py) and its pages outside them.
PUBLIC_NAMESPACES = frozenset({"public", "aid", "projects", "rehabilitation", "partnerships"})
PUBLIC_URL_NAMES = frozenset({"sitemap", "robots"})
KEY = "korpu:page:{version}:{digest}"


def page_key(request: HttpRequest, version: int) -> str:
    gzip = bool(re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")))
    address = f"{request.method == 'HEAD'}|{gzip}|{request.build_absolute_uri()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return KEY.format(version=version, digest=digest)


def _may_use_cache(request: HttpRequest) -> bool:
    return (
        content_version.caching_enabled()
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _is_public_page(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is None:
        return False
    return bool(set(match.namespaces) & PUBLIC_NAMESPACES) or (
        not match.namespaces and match.url_name in PUBLIC_URL_NAMES
    )


def _may_store(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and not getattr(request, "csp_nonce", None)
        and _is_public_page(request)
    )


class PublicPageCacheMiddleware:
    """Below the security, CSP and outage middleware (their headers go on every response,
    hits included) and above GZip (so a hit is stored compressed and served as it is)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _may_use_cache(request):
            return self.get_response(request)
        version = content_version.current()
        key = page_key(request, version)
        stored = cache.get(key)
        if stored is not None:
            stored[content_version.HIT_HEADER] = "hit"
            return stored
        response = self.get_response(request)
        if _may_store(request, response):
            timeout = content_version.cache_timeout(version)
            if timeout > 0:
                cache.set(key, response, timeout)
        return response
