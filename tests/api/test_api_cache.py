"""API answers from the cache: after the partner key and the rate limit, per language and
address, with their Link header, rendered as JSON or CSV as asked."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from partners.models import PartnerKey
from tests.factories import AidPackageFactory
from tests.partners.test_keys import issue_key, with_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def packages() -> list[Any]:
    return [
        AidPackageFactory(published=True, title=f"Package {n}", title_uk=f"Пакет {n}")
        for n in range(3)
    ]


def test_a_repeated_request_costs_no_query(
    client: Client, packages: list[Any], django_assert_num_queries: Any
) -> None:
    first = client.get("/api/v1/aid-packages/?page_size=2")
    with django_assert_num_queries(0):
        second = client.get("/api/v1/aid-packages/?page_size=2")

    assert second.json() == first.json()
    assert second.get("X-Korpu-Cache") == "hit"
    assert second["Content-Type"] == first["Content-Type"] == "application/json"
    assert second["Link"] == first["Link"]
    assert second["ETag"] == first["ETag"]


def test_languages_and_formats_are_kept_apart(client: Client, packages: list[Any]) -> None:
    for _ in range(2):
        english = client.get("/api/v1/aid-packages/")
        ukrainian = client.get("/api/v1/aid-packages/", headers={"accept-language": "uk"})
        csv = client.get("/api/v1/aid-packages/?format=csv&lang=uk")

    assert "Package 0" in english.content.decode()
    assert "Пакет 0" in ukrainian.content.decode()
    assert ukrainian["Content-Language"] == "uk"
    assert csv["Content-Type"].startswith("text/csv")
    assert csv["Content-Disposition"] == 'attachment; filename="aidpackage.csv"'
    assert "Пакет 0" in csv.content.decode()
    assert csv.get("X-Korpu-Cache") == "hit"


def test_a_revoked_key_is_refused_even_when_the_answer_is_cached(
    client: Client, packages: list[Any]
) -> None:
    key, secret = issue_key("Nightly mirror")
    auth = with_key(secret)
    assert client.get("/api/v1/aid-packages/", headers=auth).status_code == 200
    assert client.get("/api/v1/aid-packages/", headers=auth).status_code == 200

    PartnerKey.objects.filter(pk=key.pk).revoke()

    assert client.get("/api/v1/aid-packages/", headers=auth).status_code == 401


def test_the_rate_limit_counts_cached_answers(
    client: Client, packages: list[Any], settings: Any
) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "3/min", "partner": "10/min"},
    }
    codes = [client.get("/api/v1/aid-packages/").status_code for _ in range(4)]

    assert codes == [200, 200, 200, 429]


def test_stats_follow_a_new_publication(client: Client, packages: list[Any]) -> None:
    before = client.get("/api/v1/stats/").json()
    assert client.get("/api/v1/stats/").json() == before

    AidPackageFactory(published=True)

    assert client.get("/api/v1/stats/").json() != before


GZIP = {"accept-encoding": "gzip, deflate, br"}


def _sent(response: Any) -> tuple[bytes, dict[str, str]]:
    headers = {
        name: response.get(name, "")
        for name in ("Content-Type", "Content-Encoding", "ETag", "Vary", "Link")
    }
    return response.content, headers


@pytest.mark.parametrize("headers", [GZIP, {}], ids=["gzip", "identity"])
def test_a_hit_is_sent_exactly_as_the_answer_it_was_made_from(
    client: Client, packages: list[Any], headers: dict[str, str]
) -> None:
    made = client.get("/api/v1/aid-packages/", headers=headers)
    hit = client.get("/api/v1/aid-packages/", headers=headers)

    assert made.get("X-Korpu-Cache") is None
    assert hit.get("X-Korpu-Cache") == "hit"
    assert _sent(hit) == _sent(made)
    assert "Accept-Encoding" in hit["Vary"]


def test_clients_that_take_gzip_get_the_stored_compressed_body(
    client: Client, packages: list[Any]
) -> None:
    import gzip
    import json

    plain = client.get("/api/v1/aid-packages/")
    client.get("/api/v1/aid-packages/", headers=GZIP)
    compressed = client.get("/api/v1/aid-packages/", headers=GZIP)

    assert compressed.get("X-Korpu-Cache") == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(compressed.content)) == plain.json()
    # One ETag per body, weak once compressed: both match the same If-None-Match.
    assert compressed["ETag"] == f"W/{plain['ETag']}"
    for headers in (GZIP, {}):
        again = client.get(
            "/api/v1/aid-packages/", headers={**headers, "if-none-match": plain["ETag"]}
        )
        assert again.status_code == 304


def test_a_short_answer_is_not_compressed(client: Client, packages: list[Any]) -> None:
    for _ in range(2):
        response = client.get("/api/v1/aid-packages/?sector=demining", headers=GZIP)

    assert response.get("X-Korpu-Cache") == "hit"
    assert response.json()["count"] == 0
    assert not response.has_header("Content-Encoding")


def test_a_hit_is_neither_compressed_nor_hashed_again(client: Client, packages: list[Any]) -> None:
    from unittest import mock

    client.get("/api/v1/aid-packages/", headers=GZIP)
    refuse = mock.Mock(side_effect=AssertionError("done again at a hit"))
    with (
        mock.patch("django.middleware.gzip.compress_string", refuse),
        mock.patch("api.middleware.set_response_etag", refuse),
    ):
        hit = client.get("/api/v1/aid-packages/", headers=GZIP)

    assert hit.get("X-Korpu-Cache") == "hit"
    assert hit["Content-Encoding"] == "gzip"
