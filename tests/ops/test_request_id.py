"""Request ids and logs: every response names its request, every log line written while it is
handled carries the same id, and a server error leaves its traceback on stderr under it."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import path

import config.urls
from editorial import content_version
from ops.request_id import HEADER
from public.page_cache import page_key

pytestmark = pytest.mark.django_db

A_NEW_ID = re.compile(r"[0-9a-f]{32}")


def fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a view that fails")


def warn(request: HttpRequest) -> HttpResponse:
    logging.getLogger("ops.cache").warning("Cache unavailable (a test)")
    return HttpResponse("ok")


# The URLconf of these tests: the site's, with a view that fails and one that logs.
urlpatterns = [path("fail/", fail), path("warn/", warn), *config.urls.urlpatterns]
handler500 = config.urls.handler500


@pytest.fixture
def stderr() -> Iterator[io.StringIO]:
    """What the LOGGING handler (settings: "Operations: logs") writes to stderr."""
    [handler] = [h for h in logging.getLogger().handlers if h.get_name() == "stderr"]
    written = io.StringIO()
    previous = handler.setStream(written)
    yield written
    handler.setStream(previous)


@pytest.fixture
def client() -> Client:
    # Django's handler500 path re-raises in the test client unless told not to.
    return Client(raise_request_exception=False)


@pytest.mark.urls(__name__)
def test_a_server_error_leaves_its_traceback_on_stderr_under_the_request_id(
    client: Client, stderr: io.StringIO
) -> None:
    response = client.get("/fail/")

    assert response.status_code == 500
    request_id = response[HEADER]
    assert A_NEW_ID.fullmatch(request_id)
    log = stderr.getvalue()
    assert f"[ERROR] [{request_id}] django.request: Internal Server Error: /fail/\n" in log
    assert "Traceback (most recent call last):" in log
    assert "RuntimeError: a view that fails" in log


@pytest.mark.urls(__name__)
def test_the_500_page_shows_the_request_id(client: Client) -> None:
    response = client.get("/fail/")

    assert f"<code>{response[HEADER]}</code>" in response.content.decode()


@pytest.mark.urls(__name__)
def test_our_loggers_reach_stderr_with_the_request_id(client: Client, stderr: io.StringIO) -> None:
    response = client.get("/warn/")

    assert f"[WARNING] [{response[HEADER]}] ops.cache: Cache unavailable (a test)" in (
        stderr.getvalue()
    )


def test_a_line_logged_outside_a_request_has_no_id(stderr: io.StringIO) -> None:
    logging.getLogger("ops.outage").error("Database unavailable (a test)")

    assert "[ERROR] [-] ops.outage: Database unavailable (a test)" in stderr.getvalue()


def test_a_client_error_is_not_logged(client: Client, stderr: io.StringIO) -> None:
    # gunicorn's access log has every 4xx; a line each would bury the tracebacks.
    assert client.get("/en/no-such-page/").status_code == 404
    assert stderr.getvalue() == ""


def test_each_response_has_a_new_request_id(client: Client) -> None:
    first, second = client.get("/en/")[HEADER], client.get("/en/")[HEADER]

    assert A_NEW_ID.fullmatch(first) and A_NEW_ID.fullmatch(second)
    assert first != second


@pytest.mark.parametrize(
    "offered",
    ["0b9d3e0c-5f5e-4a8e-9a53-2f7f6c1f8d42", "7c1a1ad4f1e84bd4a8f6a6a5d1c7d2e0", "lb.1234_abcd"],
)
@pytest.mark.urls(__name__)
def test_a_plain_request_id_from_the_proxy_is_kept(
    client: Client, stderr: io.StringIO, offered: str
) -> None:
    response = client.get("/fail/", HTTP_X_REQUEST_ID=offered)

    assert response[HEADER] == offered
    assert f"[{offered}] django.request: Internal Server Error" in stderr.getvalue()


@pytest.mark.parametrize(
    "forged",
    [
        pytest.param("abcdef12\nFAKE LOG LINE", id="newline"),
        pytest.param("abcdef12\r\nSet-Cookie: x=1", id="carriage return"),
        pytest.param("a" * 500, id="500 characters"),
        pytest.param("<b>abcdef12</b>", id="markup"),
        pytest.param("short", id="too short"),
        pytest.param("", id="empty"),
    ],
)
@pytest.mark.urls(__name__)
def test_a_forged_request_id_is_replaced(client: Client, stderr: io.StringIO, forged: str) -> None:
    response = client.get("/fail/", HTTP_X_REQUEST_ID=forged)

    assert A_NEW_ID.fullmatch(response[HEADER])
    assert f"<code>{forged}</code>" not in response.content.decode()
    assert "FAKE LOG LINE" not in stderr.getvalue()
    assert f"[{response[HEADER]}] django.request" in stderr.getvalue()


def test_a_page_from_the_cache_has_its_own_request_id_and_its_stored_copy_none(
    client: Client,
) -> None:
    assert content_version.caching_enabled()
    made = client.get("/en/")
    hit = client.get("/en/")

    assert hit[content_version.HIT_HEADER] == "hit"
    assert A_NEW_ID.fullmatch(hit[HEADER])
    assert hit[HEADER] != made[HEADER]
    _version, stored = cache.get(page_key(RequestFactory().get("/en/")))
    assert HEADER not in stored
