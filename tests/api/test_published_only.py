"""Every list and detail endpoint shows published content only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from editorial.models import Status
from editorial.renditions import ensure_renditions
from tests.api.endpoints import ENDPOINT_PARAMS, Endpoint
from tests.factories import AidPackageFactory, PhotoFactory, png_file
from tests.queries import CACHE_MISS

pytestmark = pytest.mark.django_db

HIDDEN = {
    "draft": {"status": Status.DRAFT},
    "in-review": {"status": Status.IN_REVIEW},
    "archived": {"status": Status.ARCHIVED},
    "not-yet-live": {
        "status": Status.PUBLISHED,
        "publish_at": timezone.now() + dt.timedelta(days=1),
    },
    "expired": {
        "status": Status.PUBLISHED,
        "publish_at": timezone.now() - dt.timedelta(days=2),
        "expire_at": timezone.now() - dt.timedelta(days=1),
    },
}


def make_all(endpoint: Endpoint) -> None:
    endpoint.make(slug="shown", published=True)
    for slug, state in HIDDEN.items():
        endpoint.make(slug=slug, **state)


@pytest.mark.parametrize("endpoint", ENDPOINT_PARAMS)
def test_list_shows_only_published(client: Any, endpoint: Endpoint) -> None:
    make_all(endpoint)
    response = client.get(endpoint.path)
    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["results"]] == ["shown"]
    assert response.json()["count"] == 1


@pytest.mark.parametrize("endpoint", ENDPOINT_PARAMS)
def test_detail_of_published_has_absolute_url(client: Any, endpoint: Endpoint) -> None:
    make_all(endpoint)
    response = client.get(f"{endpoint.path}shown/")
    assert response.status_code == 200
    assert response.json()["url"] == f"http://testserver{endpoint.path}shown/"


@pytest.mark.parametrize("slug", HIDDEN)
@pytest.mark.parametrize("endpoint", ENDPOINT_PARAMS)
def test_detail_of_unpublished_is_404(client: Any, endpoint: Endpoint, slug: str) -> None:
    make_all(endpoint)
    assert client.get(f"{endpoint.path}{slug}/").status_code == 404


@pytest.mark.parametrize("endpoint", ENDPOINT_PARAMS)
def test_csv_has_header_and_one_row_per_object(client: Any, endpoint: Endpoint) -> None:
    for n in range(3):
        endpoint.make(slug=f"shown-{n}", published=True)
    endpoint.make(slug="draft")
    response = client.get(endpoint.path, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode().splitlines()
    header = lines[0].split(",")
    assert header[:2] == ["url", "slug"]
    assert len(lines) == 4
    assert sorted(line.split(",")[1] for line in lines[1:]) == ["shown-0", "shown-1", "shown-2"]


@pytest.mark.parametrize("endpoint", ENDPOINT_PARAMS)
def test_list_queries_do_not_grow(
    client: Any, endpoint: Endpoint, django_assert_num_queries: Any
) -> None:
    for n in range(5):
        endpoint.make(slug=f"few-{n}", published=True)
    with django_assert_num_queries(endpoint.list_queries + CACHE_MISS):
        assert client.get(endpoint.path).status_code == 200
    for n in range(25):
        endpoint.make(slug=f"many-{n}", published=True)
    with django_assert_num_queries(endpoint.list_queries + CACHE_MISS):
        response = client.get(endpoint.path)
    assert response.json()["count"] == 30


@pytest.mark.parametrize("endpoint", ENDPOINT_PARAMS)
def test_detail_queries(client: Any, endpoint: Endpoint, django_assert_num_queries: Any) -> None:
    endpoint.make(slug="one", published=True)
    with django_assert_num_queries(endpoint.detail_queries + CACHE_MISS):
        assert client.get(f"{endpoint.path}one/").status_code == 200


def test_renditions_of_a_replaced_original_are_not_listed(client: Client) -> None:
    package = AidPackageFactory(published=True)
    photo = PhotoFactory(content_object=package, image=png_file(size=(1200, 800)))
    ensure_renditions(photo)
    photo.image = png_file("replacement.png", size=(1200, 800))
    photo.save()

    body = client.get(f"/api/v1/aid-packages/{package.slug}/").json()

    assert body["photos"][0]["renditions"] == []
