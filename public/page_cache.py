"""Whole public pages from the cache, for visitors who are not signed in.

A page is stored once made, by its address and whether it was compressed, with the content
version it was made under, and served from there until anything public changes. A hit skips
everything below this middleware: sessions, the view, templates and gzip. How a page is keyed,
made once and retired is editorial/content_version.py's; what is here is which requests and
answers this cache takes.

What is stored: 200 answers to GET of the public site's own pages (the URL namespaces below,
the sitemap and robots.txt), without cookies, without `Cache-Control: private`, and without a
CSP nonce (a stored nonce would not match the next response's header). What is never served
from here: anything to a request with a session cookie (staff see live pages, and their
responses are private), the admin, the API (it has its own cache, behind its keys and rate
limits: api/answer_cache.py), static files and media. Tracking parameters are dropped from
public page requests first (public/tracking.py), so a link shared with them is one page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from editorial import content_version
from editorial.content_version import get_or_make, page_key
from public.tracking import drop_tracking_parameters
from staff.sessions import signed_in_staff

# The URL namespaces of the public site (config/urls.py) and its pages outside them.
PUBLIC_NAMESPACES = frozenset({"public", "aid", "projects", "rehabilitation", "partnerships"})
PUBLIC_URL_NAMES = frozenset({"sitemap", "sitemap-section", "robots"})


@functools.cache
def _healthz() -> str:
    return reverse("healthz")


@functools.cache
def _prefixes_outside_public_site() -> tuple[str, ...]:
    files = (settings.STATIC_URL, settings.MEDIA_URL)  # "/static/" once Django has read them
    return (settings.API_PREFIX, reverse("admin:index"), *(f"/{url.lstrip('/')}" for url in files))


def _outside_public_site(path: str) -> bool:
    # Never stored, so not even looked up: each lookup is a round trip to the cache. The API
    # keeps its query strings as sent: it answers 400 to a parameter it does not know.
    return path.startswith(_prefixes_outside_public_site())


def _may_use_cache(request: HttpRequest) -> bool:
    """For a GET or HEAD of the public site (the caller has checked)."""
    return (
        content_version.caching_enabled()
        and request.path != _healthz()
        and not _from_signed_in_staff(request)
    )


def _from_signed_in_staff(request: HttpRequest) -> bool:
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    return bool(session_key) and signed_in_staff(session_key)


def _as_for_anyone(request: HttpRequest) -> None:
    """Make the page as for a visitor without a session: one whose cookie is made up, expired
    or not staff's would otherwise get a Set-Cookie deleting it and Vary: Cookie, a page that
    may not be stored, or be stored for them alone."""
    request.COOKIES.pop(settings.SESSION_COOKIE_NAME, None)


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
        if request.method not in ("GET", "HEAD") or _outside_public_site(request.path):
            return self.get_response(request)
        drop_tracking_parameters(request)
        if not _may_use_cache(request):
            return self.get_response(request)
        _as_for_anyone(request)

        def keep(response: HttpResponse) -> HttpResponse | None:
            return response if _may_store(request, response) else None

        stored, made = get_or_make(page_key(request), lambda: self.get_response(request), keep)
        if stored is None:
            return made
        stored[content_version.HIT_HEADER] = "hit"
        return stored
