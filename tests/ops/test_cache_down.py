"""Redis down: pages and the API still serve. Errors read as cache misses (ops/cache.py), so
while it is down nothing is cached and the API's rate limits are not enforced, the better
failure for a read-only public API than refusing everyone. A change to the record, though, is
refused while the cached pages of other processes cannot be retired (issue 15)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.test import Client

from aid.models import AidPackage
from editorial import content_version, workflow
from editorial.content_version import CacheUnreachable
from editorial.publishing import Status
from editorial.revisions import Revision
from ops.cache import ResilientRedisCache
from tests.admin_helpers import admin_url
from tests.factories import AidPackageFactory, PhotoFactory
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every connection is refused at once.
DEAD_REDIS = {
    "default": {"BACKEND": "ops.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
}


@pytest.fixture
def dead_cache(settings: Any) -> None:
    settings.CACHES = DEAD_REDIS


def test_pages_serve_while_redis_is_down(client: Client, settings: Any):
    AidPackageFactory(published=True, slug="generators")
    settings.CACHES = DEAD_REDIS

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


# --- Changes while Redis is down: refused, or loud (issue 15) ---------------------------------


@pytest.fixture
def live_package() -> Any:
    return AidPackageFactory(published=True, slug="generators", title="Generators for Kharkiv")


def unpublish_url(package: Any) -> str:
    return admin_url(AidPackage, "transition", package.pk, "unpublish")


def test_an_unpublish_that_cannot_reach_the_cache_is_refused_and_changes_nothing(
    live_package: Any, settings: Any
) -> None:
    publisher = make_user("publisher")
    revisions = Revision.objects.count()
    settings.CACHES = DEAD_REDIS

    with pytest.raises(CacheUnreachable):
        workflow.unpublish(obj=live_package, user=publisher)

    live_package.refresh_from_db()
    assert live_package.status == Status.PUBLISHED
    assert Revision.objects.count() == revisions


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda package: package.delete(), id="delete"),
        pytest.param(
            lambda package: PhotoFactory(content_object=package, shows_minors=True), id="new-photo"
        ),
        pytest.param(lambda package: AidPackage.objects.filter(pk=package.pk).delete(), id="bulk"),
    ],
)
def test_any_change_to_the_record_that_cannot_reach_the_cache_is_rolled_back(
    live_package: Any, settings: Any, change: Any
) -> None:
    settings.CACHES = DEAD_REDIS

    with pytest.raises(CacheUnreachable), transaction.atomic():
        change(live_package)

    assert AidPackage.objects.filter(pk=live_package.pk, status=Status.PUBLISHED).exists()
    assert not live_package.photos.exists()


def test_the_admin_says_an_unpublish_was_refused_while_the_cache_is_down(
    client: Client, live_package: Any, settings: Any, caplog: Any
) -> None:
    client.force_login(make_user("publisher"))
    client.get("/en/aid/generators/")  # the page another process would go on serving
    settings.CACHES = DEAD_REDIS

    with caplog.at_level(logging.ERROR, logger="ops.outage"):
        response = client.post(unpublish_url(live_package), {"comment": ""})

    assert response.status_code == 503
    assert "Nothing was saved" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert any("could not be reached" in record.getMessage() for record in caplog.records)
    live_package.refresh_from_db()
    assert live_package.status == Status.PUBLISHED


@pytest.mark.parametrize(
    ("language", "title", "sentence"),
    [
        ("uk", "Не збережено", "Нічого не збережено."),
        ("az", "Yadda saxlanılmadı", "Heç nə yadda saxlanılmadı."),
    ],
)
def test_the_refusal_is_in_the_admins_language(
    client: Client, live_package: Any, settings: Any, language: str, title: str, sentence: str
) -> None:
    client.force_login(make_user("publisher"))
    settings.CACHES = DEAD_REDIS

    response = client.post(
        unpublish_url(live_package), {"comment": ""}, HTTP_ACCEPT_LANGUAGE=language
    )

    page = response.content.decode()
    assert response.status_code == 503
    assert f'<html lang="{language}">' in page
    assert response["Content-Language"] == language
    assert f"<title>{title} · Körpü</title>" in page and sentence in page
    assert "/healthz" in page
    english = ["Not saved", "Nothing was saved", "whoever runs the servers", "administration"]
    assert not [words for words in english if words in page]


def test_with_the_content_cache_off_changes_go_on_while_redis_is_down(
    live_package: Any, settings: Any
) -> None:
    settings.CONTENT_CACHE_SECONDS = 0
    settings.CACHES = DEAD_REDIS

    workflow.unpublish(obj=live_package, user=make_user("publisher"))

    live_package.refresh_from_db()
    assert live_package.status == Status.DRAFT


def lose_the_cache_at_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on the cache answers inside a transaction and is gone once it commits."""
    monkeypatch.setattr(
        content_version,
        "_incremented",
        lambda: transaction.get_connection().in_atomic_block,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_unpublish_whose_bump_fails_after_the_commit_fails_loudly(
    client: Client, live_package: Any, caplog: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.force_login(make_user("publisher"))
    lose_the_cache_at_commit(monkeypatch)

    with caplog.at_level(logging.ERROR, logger="editorial.content_version"):
        response = client.post(unpublish_url(live_package), {"comment": ""})

    assert response.status_code == 503
    assert "Your change was saved" in response.content.decode()
    logged = [r.levelno for r in caplog.records if r.name == "editorial.content_version"]
    assert logged and set(logged) == {logging.ERROR}
    live_package.refresh_from_db()
    assert live_package.status == Status.DRAFT  # committed: only the bump after it failed


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_saved_without_its_bump_is_told_in_the_admins_language(
    client: Client, live_package: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.force_login(make_user("publisher"))
    lose_the_cache_at_commit(monkeypatch)

    response = client.post(unpublish_url(live_package), {"comment": ""}, HTTP_ACCEPT_LANGUAGE="uk")

    page = response.content.decode()
    assert response.status_code == 503
    assert '<html lang="uk">' in page
    assert "Вашу зміну збережено" in page and "Your change was saved" not in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failed_bump_after_the_commit_belongs_to_that_request_only(
    client: Client, live_package: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.force_login(make_user("publisher"))
    lose_the_cache_at_commit(monkeypatch)
    client.post(unpublish_url(live_package), {"comment": ""})

    assert client.get("/en/aid/").status_code == 200
