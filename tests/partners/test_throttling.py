"""Rate limits: anonymous clients per IP address, partners per key at a higher rate, 429 with
Retry-After once a client is over, on every API endpoint."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client

from tests.partners.test_keys import issue_key, with_key

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parent.parent.parent
STATS = "/api/v1/stats/"
ANONYMOUS_RATE = 3
PARTNER_RATE = 5


@pytest.fixture(autouse=True)
def tiny_rates(settings: Any) -> Iterator[None]:
    """Tiny rates, and counts from zero: the cache outlives a test within a process."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            "anonymous": f"{ANONYMOUS_RATE}/min",
            "partner": f"{PARTNER_RATE}/min",
        },
    }
    cache.clear()
    yield
    cache.clear()


def statuses(client: Client, count: int, path: str = STATS, **kwargs: Any) -> list[int]:
    return [client.get(path, **kwargs).status_code for _ in range(count)]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/aid-packages/",
        "/api/v1/aid-packages/no-such-package/",
        "/api/v1/projects/",
        "/api/v1/rehabilitation-groups/",
        "/api/v1/partnerships/",
        "/api/v1/aid-packages/export.csv",
        STATS,
        "/api/v1/iati/activities.xml",
        "/api/v1/schema/",
        "/api/v1/docs/",
    ],
)
def test_every_endpoint_is_throttled(client: Client, path: str) -> None:
    answered = statuses(client, ANONYMOUS_RATE, path)
    assert 429 not in answered
    assert client.get(path).status_code == 429


def test_throttled_answer_says_when_to_come_back(client: Client) -> None:
    statuses(client, ANONYMOUS_RATE)
    response = client.get(STATS)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response["Content-Type"] == "application/json"
    assert "throttled" in response.json()["detail"]


def test_anonymous_clients_are_counted_per_address(client: Client) -> None:
    statuses(client, ANONYMOUS_RATE + 1)
    assert client.get(STATS, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_x_forwarded_for_is_not_trusted(client: Client) -> None:
    """Anyone can write the header: a new value each time must not reset the count."""
    answered = [
        client.get(STATS, headers={"x-forwarded-for": f"198.51.100.{n}"}).status_code
        for n in range(ANONYMOUS_RATE + 1)
    ]
    assert answered[-1] == 429


def test_a_partner_key_raises_the_limit(client: Client) -> None:
    _, key = issue_key()
    statuses(client, ANONYMOUS_RATE + 1)  # the address is throttled for anonymous reads
    assert statuses(client, PARTNER_RATE, headers=with_key(key)) == [200] * PARTNER_RATE
    response = client.get(STATS, headers=with_key(key))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60


def test_partners_are_counted_per_key(client: Client) -> None:
    _, first = issue_key("First")
    _, second = issue_key("Second")
    statuses(client, PARTNER_RATE + 1, headers=with_key(first))
    assert client.get(STATS, headers=with_key(second)).status_code == 200


def test_a_key_with_its_own_rate_gets_it(client: Client) -> None:
    _, key = issue_key(rate="8/min")
    assert 429 not in statuses(client, 8, headers=with_key(key))
    assert client.get(STATS, headers=with_key(key)).status_code == 429


def test_default_rates_come_from_the_environment() -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "API_RATE_ANONYMOUS": "7/hour",
        "API_RATE_PARTNER": "70000/day",
    }
    code = (
        "from django.conf import settings; print(settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "{'anonymous': '7/hour', 'partner': '70000/day'}"


def test_a_bad_rate_stops_the_start(settings: Any) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "lots", "partner": "600/min"},
    }
    with pytest.raises(SystemCheckError, match=r"partners\.E001"):
        call_command("check")


# --- Counting ---------------------------------------------------------------------------------


@pytest.fixture
def live_redis(settings: Any) -> Iterator[Any]:
    """The real Redis behind ops.cache, in a database of its own."""
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "ops.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": "throttling-test",
        }
    }
    backend = caches["default"]
    backend.clear()
    yield backend
    backend.clear()


def test_parallel_requests_are_all_counted(live_redis: Any) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from partners.throttling import count_request

    with ThreadPoolExecutor(max_workers=16) as pool:
        counts = list(pool.map(lambda _n: count_request("client", timeout=60), range(400)))

    assert sorted(counts) == list(range(1, 401))  # none lost, none repeated
    client = live_redis._cache.get_client()
    key = live_redis.make_key("client")
    assert 0 < client.ttl(key) <= 60
    assert live_redis.get("client") == 400


def test_the_api_limit_holds_with_redis(client: Client, live_redis: Any) -> None:
    assert statuses(client, ANONYMOUS_RATE + 1) == [200] * ANONYMOUS_RATE + [429]


def test_a_new_window_starts_a_new_count(client: Client, monkeypatch: Any) -> None:
    from partners.throttling import LiveRateThrottle

    clock = [6_000_000.0]  # 100,000 minutes: the start of a window
    monkeypatch.setattr(LiveRateThrottle, "timer", lambda self: clock[0])

    assert statuses(client, ANONYMOUS_RATE) == [200] * ANONYMOUS_RATE
    clock[0] += 45
    refused = client.get(STATS)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "15"  # the rest of the minute

    clock[0] += 15
    assert statuses(client, ANONYMOUS_RATE + 1) == [200] * ANONYMOUS_RATE + [429]


def test_a_client_with_many_connections_gets_no_more_than_its_limit(
    live_redis: Any, settings: Any
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from django.test import RequestFactory
    from rest_framework.request import Request

    from partners.throttling import AnonymousRateThrottle

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "100/hour", "partner": "100/hour"},
    }
    request = Request(RequestFactory().get(STATS, REMOTE_ADDR="203.0.113.9"))

    def ask(_n: int) -> bool:
        return AnonymousRateThrottle().allow_request(request, None)

    with ThreadPoolExecutor(max_workers=16) as pool:
        allowed = list(pool.map(ask, range(300)))

    assert allowed.count(True) == 100
