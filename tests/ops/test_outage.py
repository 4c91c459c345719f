"""Database unreachable: 503 with Retry-After and a plain page (JSON under /api/), never a
traceback, logged once; the next request after the database is back is served as usual."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.test import Client

from tests.factories import AidPackageFactory

pytestmark = pytest.mark.django_db


@contextmanager
def database_down(error: type[Exception] = OperationalError) -> Iterator[None]:
    """Every new query fails as when PostgreSQL refuses connections (or SQLite's file is gone)."""
    refused = error('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    connection = connections["default"]
    with ExitStack() as stack:
        for name in ("ensure_connection", "cursor", "chunked_cursor"):
            stack.enter_context(mock.patch.object(connection, name, side_effect=refused))
        yield


def db_touching_middleware(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable:
    """Like a session or authentication middleware that reads the database before the view."""

    def middleware(request: HttpRequest) -> HttpResponse:
        get_user_model().objects.exists()
        return get_response(request)

    return middleware


def failing_middleware(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable:
    def middleware(request: HttpRequest) -> HttpResponse:
        raise RuntimeError("a bug, not an outage")

    return middleware


@pytest.fixture
def client() -> Client:
    # Django's handler500 path re-raises in the test client unless told not to.
    return Client(raise_request_exception=False)


@pytest.fixture
def with_middleware(settings: Any) -> Callable[[str], None]:
    def add(name: str) -> None:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.{name}"]

    return add


def assert_unavailable(response: HttpResponse) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert b"Traceback" not in response.content


def test_a_page_answers_503_with_the_plain_page_while_the_database_is_down(client):
    AidPackageFactory(published=True)

    with database_down():
        response = client.get("/en/aid/")

    assert_unavailable(response)
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "The record is temporarily unavailable" in html
    assert 'lang="uk"' in html and 'lang="az"' in html


def test_the_api_answers_503_in_json_while_the_database_is_down(client):
    with database_down():
        response = client.get("/api/v1/aid-packages/")

    assert_unavailable(response)
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "detail": "The database is unavailable. Try again in a minute."
    }


def test_a_lost_connection_answers_503_too(client):
    with database_down(InterfaceError):
        response = client.get("/api/v1/stats/")

    assert_unavailable(response)


def test_a_database_error_in_a_middleware_answers_503(client, with_middleware):
    # Django turns it into a response before any outer middleware sees it: handler500 does.
    with_middleware("db_touching_middleware")

    with database_down():
        page, api = client.get("/en/"), client.get("/api/v1/stats/")

    assert_unavailable(page)
    assert "The record is temporarily unavailable" in page.content.decode()
    assert_unavailable(api)
    assert json.loads(api.content)["detail"]


def test_the_site_recovers_when_the_database_is_back(client, with_middleware):
    with_middleware("db_touching_middleware")
    AidPackageFactory(published=True, slug="generators")
    with database_down():
        assert client.get("/en/aid/generators/").status_code == 503

    assert client.get("/en/aid/generators/").status_code == 200
    assert client.get("/api/v1/aid-packages/").status_code == 200


@pytest.mark.parametrize("where", ["view", "middleware"])
def test_an_outage_is_logged_once_with_its_type(client, caplog, with_middleware, where):
    if where == "middleware":
        with_middleware("db_touching_middleware")
    with caplog.at_level(logging.INFO), database_down():
        client.get("/en/aid/")

    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].name == "ops.outage"
    assert "OperationalError" in errors[0].getMessage()
    assert errors[0].exc_info is None  # One line, no traceback in the log either.


def test_other_errors_still_give_the_plain_500(client, with_middleware):
    with_middleware("failing_middleware")

    response = client.get("/en/")

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_the_503_page_needs_no_tags_variables_or_database(django_assert_num_queries):
    source = loader.get_template("503.html").template.source
    assert "{%" not in source and "{{" not in source
    with django_assert_num_queries(0):
        assert '<html lang="en">' in loader.get_template("503.html").render()
