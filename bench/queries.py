"""SQL queries per request, counted through Django's test client with the server's settings.

A separate pass from the load: the counts come from `CaptureQueriesContext` in a process of
its own, never from the measured server. Each address is asked twice after the process has
warmed up (content types, translations and URL resolvers loaded once): "cold" right after the
cache is cleared, "warm" again at once, which is what the cache serves under load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseBase
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.endpoints import Endpoint, Group

# Enough to load what a process keeps (every model's content type, the templates, the map
# outlines): the search, sitemap and exports take long at full scale and load nothing more.
WARM_UP_GROUPS = (Group.HOME, Group.LIST, Group.DETAIL, Group.API)


@dataclass(frozen=True)
class QueryCount:
    status: int
    cold: int
    warm: int | None  # None for exports: asked once, they are too long to ask twice


def client(host: str) -> Client:
    """A client that speaks to the site as wrk does: through the TLS proxy, on the bench host."""
    return Client(raise_request_exception=False, HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https")


def _get(browser: Client, path: str) -> tuple[int, int]:
    """(status, queries) of one request, a streamed body read to its end inside the count."""
    with CaptureQueriesContext(connection) as captured:
        response: HttpResponseBase = browser.get(path)
        if response.streaming:
            # The test client closes the response when its content is exhausted; closing it
            # again would fire request_finished, whose handler closes the database connection
            # inside a test's transaction (PostgreSQL then says "the connection is closed").
            for _chunk in response.streaming_content:
                pass
    return response.status_code, len(captured.captured_queries)


def count_queries(endpoints: Iterable[Endpoint], *, host: str) -> dict[str, QueryCount]:
    """Cold and warm query counts of each endpoint, by label."""
    endpoints = [endpoint for endpoint in endpoints if endpoint.group.runs_queries]
    browser = client(host)
    for endpoint in endpoints:  # warm the process (content types, templates), not the cache
        if endpoint.group in WARM_UP_GROUPS:
            _get(browser, endpoint.path)
    counts = {}
    for endpoint in endpoints:
        cache.clear()
        status, cold = _get(browser, endpoint.path)
        warm = None if endpoint.group is Group.EXPORT else _get(browser, endpoint.path)[1]
        counts[endpoint.label] = QueryCount(status=status, cold=cold, warm=warm)
    cache.clear()
    return counts
