"""Every request gets an id: in its response's `X-Request-ID` header, in every log line written
while it is handled, and on the 500 page, so that whoever quotes it from the page (or the access
log) leads to the traceback on stderr.

A proxy in front may hand its own id on in `X-Request-ID` (nginx: `$request_id`), and then the
same id is in its logs and ours. The header comes from outside, and the id is written into log
lines and a page, so only a plain token is taken; anything else is replaced by a new id.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# Letters, digits, '-', '_', '.': a UUID, nginx's 32 hex digits, a load balancer's trace id.
VALID_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,63}")
# In log lines written outside any request: at start-up, in a management command.
NO_REQUEST = "-"

_current: ContextVar[str] = ContextVar("request_id", default=NO_REQUEST)


def current_request_id() -> str:
    """The id of the request being handled, or "-" outside one."""
    return _current.get()


def _request_id(request: HttpRequest) -> str:
    offered = request.headers.get(HEADER, "")
    return offered if VALID_ID.fullmatch(offered) else uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Gives every record the `request_id` that the log format prints (settings: LOGGING)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get()
        return True


class RequestIdMiddleware:
    """First in MIDDLEWARE: every log line below it carries the id, and the header goes on every
    response, those of the outage page and the page cache included. The page cache is below, so
    the header is added after a page is stored and a stored page never carries another's id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = _request_id(request)
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response
