"""Redis down: pages and the API still serve. Errors read as cache misses (ops/cache.py), so
while it is down nothing is cached and the API's rate limits are not enforced, the better
failure for a read-only public API than refusing everyone."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client

from ops.cache import ResilientRedisCache
from tests.factories import AidPackageFactory

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every connection is refused at once.
DEAD_REDIS = {
    "default": {"BACKEND": "ops.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
}


@pytest.fixture
def dead_cache(settings: Any) -> None:
    settings.CACHES = DEAD_REDIS


@pytest.mark.usefixtures("dead_cache")
def test_pages_serve_while_redis_is_down(client: Client):
    AidPackageFactory(published=True, slug="generators")

    assert client.get("/en/").status_code == 200
    assert client.get("/en/aid/generators/").status_code == 200


@pytest.mark.usefixtures("dead_cache")
def test_the_api_serves_while_redis_is_down(client: Client):
    assert client.get("/api/v1/stats/").status_code == 200
    assert client.get("/api/v1/aid-packages/").status_code == 200


@pytest.mark.usefixtures("dead_cache")
def test_throttling_lets_requests_through_while_redis_is_down(client: Client, settings: Any):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "1/min", "partner": "1/min"},
    }

    statuses = [client.get("/api/v1/stats/").status_code for _ in range(3)]

    assert statuses == [200, 200, 200]


@pytest.mark.usefixtures("dead_cache")
def test_a_dead_cache_reads_as_misses_and_writes_as_no_ops():
    cache = caches["default"]
    assert isinstance(cache, ResilientRedisCache)

    cache.set("key", "value")
    assert cache.get("key") is None
    assert cache.get("key", "default") == "default"
    assert cache.get_or_set("key", "computed") == "computed"
    assert cache.add("key", "value") is False
    assert cache.get_many(["key", "other"]) == {}
    assert cache.set_many({"key": 1}) == ["key"]
    assert cache.delete("key") is False
    with pytest.raises(ValueError):
        cache.incr("key")


@pytest.mark.usefixtures("dead_cache")
def test_a_dead_cache_is_logged_once_and_then_left_alone(caplog: Any):
    cache = caches["default"]

    with caplog.at_level(logging.INFO, logger="ops.cache"):
        for _ in range(5):
            cache.get("key")

    warnings = [r for r in caplog.records if r.name == "ops.cache"]
    assert len(warnings) == 1
    assert "ConnectionError" in warnings[0].getMessage()


def test_settings_use_the_resilient_cache_when_redis_url_is_set():
    # In a fresh interpreter: the settings module is read once per process.
    environment = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/0"}
    backend = subprocess.run(
        [
            sys.executable,
            "-c",
            "import config.settings as s; print(s.CACHES['default']['BACKEND'])",
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    ).stdout.strip()

    assert backend == "ops.cache.ResilientRedisCache"


def test_one_redis_client_serves_every_call(settings: Any):
    # Django makes a new redis.Redis per call; ops.cache keeps one per connection pool.
    settings.CACHES = DEAD_REDIS
    cache = caches["default"]
    client = cache._cache.get_client("key")
    assert cache._cache.get_client("other", write=True) is client
    assert cache.get("key") is None  # refused: read as a miss

    # The same client once a server answers at that address (a real one, its own database).
    settings.CACHES = {
        "default": {
            "BACKEND": "ops.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
        }
    }
    live = caches["default"]
    try:
        live.set("key", {"answer": 42})
        assert live.get("key") == {"answer": 42}
        assert live.get_many(["key", "missing"]) == {"key": {"answer": 42}}
        assert live._cache.get_client("key") is live._cache.get_client("key", write=True)
    finally:
        live.clear()
