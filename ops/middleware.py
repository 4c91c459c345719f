"""The answer when the database cannot be reached: 503 with Retry-After, never a traceback.

A view's database error reaches `DatabaseOutageMiddleware.process_exception`. An error raised
in another middleware (the session or the user loaded from the database) never reaches it:
Django turns it into a response inside that middleware's wrapper by calling `handler500` with
the exception still being handled, so `ops.views.server_error` asks the same question there.
The connection is not reopened here: Django opens a new one on the next request, so the site
recovers by itself once the database is back.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from contextlib import suppress

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation

from editorial import content_version

logger = logging.getLogger("ops.outage")

RETRY_AFTER_SECONDS = 30
API_DETAIL = "The database is unavailable. Try again in a minute."


def is_database_outage(exception: BaseException | None) -> bool:
    """Whether `exception` means the database cannot be used now (refused, gone, timed out,
    locked), as opposed to a bug. Django wraps psycopg's and sqlite3's errors in its own."""
    return isinstance(exception, OperationalError | InterfaceError)


def outage_response(request: HttpRequest, exception: BaseException) -> HttpResponse:
    """503 for `request`: the plain trilingual page, or JSON under /api/. Logs the error once."""
    logger.error(
        "Database unavailable while serving %s: %s: %s",
        request.path,
        type(exception).__name__,
        exception,
    )
    _close_broken_connections()
    if request.path.startswith(settings.API_PREFIX):
        response = HttpResponse(
            json.dumps({"detail": API_DETAIL}), content_type="application/json", status=503
        )
    else:
        # Like Django's 500: no request context, so no context processor touches the database.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Logged above with its cause; Django would log it again as "Service Unavailable".
    response._has_been_logged = True
    return response


def _close_broken_connections() -> None:
    for connection in connections.all(initialized_only=True):
        # Inside a transaction someone else owns (a test's), closing would break it; Django
        # closes an unusable connection at the end of the request anyway.
        if connection.in_atomic_block:
            continue
        # Closing a broken connection may fail too; Django forgets it all the same.
        with suppress(DatabaseError):
            connection.close_if_unusable_or_obsolete()


class DatabaseOutageMiddleware:
    """503 instead of 500 when a view fails because the database is unreachable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_database_outage(exception):
            return outage_response(request, exception)
        return None


def cache_outage_response(request: HttpRequest, *, saved: bool) -> HttpResponse:
    """503 for a change the page cache could not be told of: refused (`saved=False`, nothing
    changed) or committed but perhaps not yet seen everywhere (`saved=True`)."""
    minutes = max(1, -(-settings.CONTENT_CACHE_SECONDS // 60))
    # In the language LocaleMiddleware chose for the request (the admin's follows the browser),
    # named here rather than left active from it: a committed change's answer is made after
    # that middleware has returned.
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    with translation.override(language):
        page = loader.get_template("503_cache.html").render({"saved": saved, "minutes": minutes})
    response = HttpResponse(page, status=503)
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    if not saved:
        logger.error("Change refused at %s: the cache could not be reached", request.path)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Logged (here or by editorial.content_version) with its cause; not again by Django.
    response._has_been_logged = True
    return response


class CacheOutageMiddleware:
    """A change that cannot retire the cached pages everywhere fails loudly (see "Cache down"):
    refused and rolled back when the first bump of the content version fails (the exception
    reaches here from the view), a 503 that says it was saved when only the bump after the
    commit failed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        content_version.forget_failures()
        response = self.get_response(request)
        if content_version.failed_after_commit():
            return cache_outage_response(request, saved=True)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, content_version.CacheUnreachable):
            return cache_outage_response(request, saved=False)
        return None
