"""Every error answer that repeats what was asked for repeats it as text, never as markup
(issue 15): HTML pages escape it, JSON writes `<`, `>` and `&` as `\\u` escapes, and a bare
message is text/plain. A `<meta http-equiv=refresh>` would send a staff member's browser
elsewhere even where the Content-Security-Policy stops scripts."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, urlencode

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import Client

from aid.models import AidPackage
from editorial import workflow
from editorial.models import Status
from editorial.revisions import Revision
from tests.admin_helpers import admin_url
from tests.factories import AidPackageFactory

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://example.org/">',
    "script": "<script>alert(1)</script>",
}


def _query(**params: str) -> str:
    return "?" + urlencode(params)


def _preview(payload: str) -> str:
    package = AidPackageFactory(status=Status.DRAFT)
    return admin_url(AidPackage, "preview", package.pk) + _query(lang=payload)


def _revision_preview(payload: str) -> str:
    package = AidPackageFactory(status=Status.DRAFT)
    user = get_user_model().objects.get(username="admin")
    workflow.record_save(obj=package, user=user, created=False)
    revision = Revision.objects.for_object(package).get()
    return admin_url(AidPackage, "revision_preview", package.pk, revision.pk) + _query(lang=payload)


# Each address answers 400 (404 for the last) and repeats the payload, or part of it.
ERROR_ANSWERS: dict[str, Callable[[str], str]] = {
    "staff preview ?lang=": _preview,
    "staff revision preview ?lang=": _revision_preview,
    "API ?lang=": lambda payload: "/api/v1/aid-packages/" + _query(lang=payload),
    "API filter value": lambda payload: "/api/v1/aid-packages/" + _query(sector=payload),
    "API parameter name": lambda payload: "/api/v1/aid-packages/" + _query(**{payload: "1"}),
    "API ?format=": lambda payload: "/api/v1/aid-packages/" + _query(format=payload),
    "API CSV export filter": lambda payload: (
        "/api/v1/aid-packages/export.csv" + _query(sector=payload)
    ),
    "API stats parameter": lambda payload: "/api/v1/stats/" + _query(**{payload: "1"}),
    "aid list filter": lambda payload: "/en/aid/" + _query(sector=payload),
    "project list filter": lambda payload: "/en/projects/" + _query(phase=payload),
    "group list filter": lambda payload: "/en/rehabilitation/" + _query(cohort=payload),
    "partnership list filter": lambda payload: "/en/partnerships/" + _query(kind=payload),
    "search too long": lambda payload: "/en/search/" + _query(q=payload * 10),
    "search with a null": lambda payload: "/en/search/" + _query(q=payload + "\x00"),
    "page not found": lambda payload: "/en/aid/" + quote(payload) + "/",
}


def assert_inert(response: HttpResponse, payload: str) -> None:
    """The answer cannot be read as markup: text/plain that no browser sniffs, or no trace of
    the payload's tags in the body."""
    content_type = response["Content-Type"]
    if content_type.startswith("text/plain"):
        assert response["X-Content-Type-Options"] == "nosniff"
        return
    body = response.content.decode()
    assert payload not in body
    assert "<meta http-equiv" not in body.lower()
    assert "<script>alert" not in body


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
@pytest.mark.parametrize("answer", ERROR_ANSWERS.keys())
def test_error_answers_repeat_no_markup(admin_client: Client, answer: str, payload: str) -> None:
    response = admin_client.get(ERROR_ANSWERS[answer](payload))

    assert response.status_code == (404 if answer == "page not found" else 400)
    assert_inert(response, payload)


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_staff_preview_names_the_unknown_language_in_plain_text(
    admin_client: Client, payload: str
) -> None:
    response = admin_client.get(_preview(payload))

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Unknown language" in response.content.decode()


def test_api_errors_escape_markup_and_keep_the_message(client: Client) -> None:
    response = client.get("/api/v1/aid-packages/", {"sector": "<b>&"})

    assert response.status_code == 400
    assert b"\\u003cb\\u003e\\u0026" in response.content
    assert "<b>&" in response.json()["sector"][0]
