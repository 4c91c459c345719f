"""Partner keys on the API: accepted in either header, refused loudly when wrong, stored hashed,
and their last use recorded without a write per request."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from partners.authentication import PartnerKeyAuthentication
from partners.models import PartnerKey

pytestmark = pytest.mark.django_db

STATS = "/api/v1/stats/"


def issue_key(name: str = "Partner", **fields: Any) -> tuple[PartnerKey, str]:
    """A saved key and the key itself, as the admin issues them."""
    partner_key = PartnerKey(name=name, contact_email="data@example.org", **fields)
    key = partner_key.set_new_key()
    partner_key.save()
    return partner_key, key


def with_key(key: str) -> dict[str, str]:
    return {"authorization": f"Api-Key {key}"}


def key_updates(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]


def test_key_in_authorization_header_is_accepted(client: Client) -> None:
    _, key = issue_key()
    assert client.get(STATS, headers=with_key(key)).status_code == 200


def test_key_in_x_api_key_header_is_accepted(client: Client) -> None:
    _, key = issue_key()
    assert client.get(STATS, headers={"x-api-key": key}).status_code == 200


def test_key_grants_no_user() -> None:
    """A key only raises the rate limit: the request stays anonymous, with no staff rights."""
    partner_key, key = issue_key()
    request = Request(APIRequestFactory().get(STATS, HTTP_AUTHORIZATION=f"Api-Key {key}"))
    user, auth = PartnerKeyAuthentication().authenticate(request)
    assert isinstance(user, AnonymousUser)
    assert auth == partner_key


def test_unknown_key_is_401_with_a_message(client: Client) -> None:
    issue_key()
    response = client.get(STATS, headers=with_key("A" * 43))
    assert response.status_code == 401
    assert response.json() == {"detail": "Unknown API key: check that it was copied whole."}
    assert response["WWW-Authenticate"] == 'Api-Key realm="api"'


def test_a_key_differing_only_after_its_prefix_is_401(client: Client) -> None:
    _, key = issue_key()
    wrong = key[:-1] + ("A" if key[-1] != "A" else "B")
    assert client.get(STATS, headers=with_key(wrong)).status_code == 401


@pytest.mark.parametrize(
    "header",
    [
        {"authorization": "Api-Key"},
        {"authorization": "Api-Key short"},
        {"authorization": "Api-Key " + "é" * 43},
        {"authorization": "Api-Key two words-that-are-long-enough-to-be-a-key-each"},
        {"x-api-key": ""},
    ],
    ids=["empty", "short", "bad-characters", "two-words", "empty-x-api-key"],
)
def test_malformed_key_is_401_without_a_query(
    client: Client, header: dict[str, str], django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(0):  # refused before any lookup
        response = client.get(STATS, headers=header)
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Malformed API key")


def test_revoked_key_is_401_saying_so(client: Client) -> None:
    partner_key, key = issue_key()
    PartnerKey.objects.filter(pk=partner_key.pk).revoke()
    response = client.get(STATS, headers=with_key(key))
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_other_authorization_schemes_are_left_alone(client: Client) -> None:
    """A staging site behind HTTP basic auth sends it to the API too."""
    assert client.get(STATS, headers={"authorization": "Basic dXNlcjpwYXNz"}).status_code == 200


def test_keys_are_stored_hashed() -> None:
    partner_key, key = issue_key()
    row = PartnerKey.objects.filter(pk=partner_key.pk).values().get()
    assert not any(key in str(value) for value in row.values())
    assert row["key_hash"] == hashlib.sha256(key.encode()).hexdigest()
    assert row["prefix"] == key[:8]
    assert len(key) >= 43  # 32 random bytes


def test_new_keys_differ() -> None:
    assert issue_key()[1] != issue_key()[1]


def test_first_use_records_last_used_at(client: Client) -> None:
    partner_key, key = issue_key()
    assert partner_key.last_used_at is None
    client.get(STATS, headers=with_key(key))
    partner_key.refresh_from_db()
    assert timezone.now() - partner_key.last_used_at < dt.timedelta(seconds=10)


def test_last_used_at_is_written_at_most_once_a_minute(client: Client) -> None:
    _, key = issue_key()
    with CaptureQueriesContext(connection) as first:
        client.get(STATS, headers=with_key(key))
    with CaptureQueriesContext(connection) as second:
        client.get(STATS, headers=with_key(key))
    assert len(key_updates(first)) == 1
    assert key_updates(second) == []


def test_last_used_at_is_written_again_after_a_minute(client: Client) -> None:
    partner_key, key = issue_key()
    two_minutes_ago = timezone.now() - dt.timedelta(minutes=2)
    PartnerKey.objects.filter(pk=partner_key.pk).update(last_used_at=two_minutes_ago)
    client.get(STATS, headers=with_key(key))
    partner_key.refresh_from_db()
    assert partner_key.last_used_at > two_minutes_ago + dt.timedelta(minutes=1)


def test_a_concurrent_request_does_not_write_again(django_assert_num_queries: Any) -> None:
    """Two requests that read the key before either wrote: the second UPDATE matches no row."""
    partner_key, _ = issue_key()
    stale = PartnerKey.objects.get(pk=partner_key.pk)
    partner_key.record_use()
    written = PartnerKey.objects.get(pk=partner_key.pk).last_used_at
    with django_assert_num_queries(1):  # the conditional UPDATE, which changes nothing
        stale.record_use()
    assert PartnerKey.objects.get(pk=partner_key.pk).last_used_at == written


def test_schema_declares_the_key_as_an_api_key_scheme(client: Client) -> None:
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    scheme = schema["components"]["securitySchemes"]["PartnerKey"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "X-Api-Key")
    assert "Authorization: Api-Key" in scheme["description"]
    # Every operation takes the key and works without one.
    security = [op["security"] for path in schema["paths"].values() for op in path.values()]
    assert security
    assert all(s == [{"PartnerKey": []}, {}] for s in security)
