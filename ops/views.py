"""/healthz for load balancers and monitors, and the 500 handler that knows a database outage."""

from __future__ import annotations

import logging
import secrets
import sys

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.template import TemplateDoesNotExist, loader
from django.views import defaults
from django.views.decorators.http import require_safe

from ops.middleware import is_database_outage, outage_response
from ops.request_id import current_request_id

HEALTH_CACHE_KEY = "ops:healthz"

logger = logging.getLogger("ops.health")


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 while this node can serve pages, that is while the database answers; 503 otherwise.

    A dead cache only makes the node "degraded": pages still serve without it (ops/cache.py),
    so a load balancer should keep sending it traffic. No login, no throttling, two cheap
    checks: `SELECT 1` and a cache write and read of a short key.
    """
    database = _database_state()
    cache_state = _cache_state()
    if database != "ok":
        status = "unavailable"
    elif cache_state != "ok":
        status = "degraded"
    else:
        status = "ok"
    response = JsonResponse(
        {"status": status, "database": database, "cache": cache_state},
        status=200 if database == "ok" else 503,
    )
    response["Cache-Control"] = "no-store"
    # Logged below with its cause; Django would add a line without it at every probe.
    response._has_been_logged = True
    return response


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("Health check: database unavailable: %s: %s", type(error).__name__, error)
        return "error"
    return "ok"


def _cache_state() -> str:
    # A fresh value each time: a cache that swallows its errors (ops/cache.py) reads a miss.
    token = secrets.token_hex(8)
    try:
        cache.set(HEALTH_CACHE_KEY, token, timeout=10)
        ok = cache.get(HEALTH_CACHE_KEY) == token
    except Exception as error:  # Any backend's own error type: the answer is the same.
        logger.warning("Health check: cache unavailable: %s: %s", type(error).__name__, error)
        return "error"
    return "ok" if ok else "error"


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """`handler500`: a 503 when the error being handled is a database outage (raised in a
    middleware, where `DatabaseOutageMiddleware.process_exception` cannot see it), else the
    standalone 500 page, with the request's id for the reader to quote (the traceback is logged
    under it)."""
    exception = sys.exc_info()[1]
    if is_database_outage(exception):
        return outage_response(request, exception)
    try:
        template = loader.get_template(template_name)
    except TemplateDoesNotExist:
        return defaults.server_error(request, template_name)
    # No request context: its processors may need the database, or be what failed.
    return HttpResponseServerError(template.render({"request_id": current_request_id()}))
