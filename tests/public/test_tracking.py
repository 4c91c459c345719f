"""Tracking parameters (utm_*, fbclid, ...) are dropped from public pages: a link shared
widely is one cached page, and no reader's click identifier is copied into its links."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from editorial.content_version import HIT_HEADER
from public.tracking import drop_tracking_parameters, is_tracking
from tests.factories import AidPackageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def packages() -> list[Any]:
    return [
        AidPackageFactory(published=True, published_at=timezone.now(), sector="energy")
        for _ in range(21)  # two pages
    ]


@pytest.mark.parametrize(
    ("name", "tracking"),
    [
        ("utm_source", True),
        ("UTM_Campaign", True),
        ("fbclid", True),
        ("gclid", True),
        ("sector", False),
        ("page", False),
        ("q", False),
        ("utm", False),
    ],
)
def test_what_counts_as_tracking(name: str, tracking: bool) -> None:
    assert is_tracking(name) is tracking


def test_only_tracking_parameters_are_dropped_in_their_order() -> None:
    request = RequestFactory().get("/en/aid/?sector=energy&fbclid=A1&page=2&utm_source=x&q=")
    assert request.GET["fbclid"] == "A1"  # read once before, as middleware may

    drop_tracking_parameters(request)

    assert request.META["QUERY_STRING"] == "sector=energy&page=2&q="
    assert list(request.GET) == ["sector", "page", "q"]
    assert request.get_full_path() == "/en/aid/?sector=energy&page=2&q="


def test_every_reader_of_a_shared_link_gets_the_one_cached_page(
    client: Client, packages: list[Any]
) -> None:
    clean = client.get("/en/aid/?sector=energy")
    first = client.get("/en/aid/?sector=energy&fbclid=reader-one&utm_source=newsletter")
    second = client.get("/en/aid/?utm_medium=social&sector=energy&fbclid=reader-two")

    assert clean.get(HIT_HEADER) is None
    assert first.get(HIT_HEADER) == second.get(HIT_HEADER) == "hit"
    assert second.content == clean.content


def test_no_click_identifier_reaches_the_page_links(client: Client, packages: list[Any]) -> None:
    page = client.get("/en/aid/?fbclid=reader-one&utm_campaign=flood&page=1").content.decode()

    assert "reader-one" not in page
    assert "flood" not in page
    assert "utm_" not in page
    assert '<link rel="canonical" href="http://testserver/en/aid/?page=1">' in page


def test_staff_pages_drop_them_too(client: Client, packages: list[Any], admin_user: Any) -> None:
    client.force_login(admin_user)

    page = client.get("/en/aid/?fbclid=reader-one").content.decode()

    assert "reader-one" not in page


def test_the_api_keeps_its_query_string_and_refuses_unknown_parameters(client: Client) -> None:
    response = client.get("/api/v1/aid-packages/?utm_source=newsletter")

    assert response.status_code == 400
    assert "utm_source" in response.content.decode()
