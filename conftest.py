"""Settings every test runs with: fast hashing, throwaway media and static, no manifest,
English as the active language, an empty cache, no API throttling, and the rate limits' clock
held still."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _test_settings(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # WhiteNoise warns on every request when STATIC_ROOT is missing; tests never collect.
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _english_between_tests() -> Iterator[None]:
    """LocaleMiddleware leaves a request's language active in the thread, and modeltranslation
    writes `title=` to the active language's column: each test starts and ends in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _unthrottled_api(settings: pytest.FixtureRequest) -> None:
    """Throttling has its own tests (tests/partners/); elsewhere a test's outcome would depend on
    how many API requests ran before it in the same process."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": None, "partner": None},
    }
    cache.clear()


# The start of a day, so of a minute and an hour too (100 days after the epoch).
START_OF_A_WINDOW = 100 * 86_400.0


@pytest.fixture(autouse=True)
def _rate_limit_clock_at_a_windows_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rate limits count per fixed window (partners/throttling.py). On the real clock, a test
    that sends a few requests under "2/min" failed whenever they straddled a minute's end; the
    tests that move the clock on set their own."""
    from partners.throttling import LiveRateThrottle

    monkeypatch.setattr(LiveRateThrottle, "timer", lambda self: START_OF_A_WINDOW)


@pytest.fixture(autouse=True)
def _content_cache_on(settings: pytest.FixtureRequest) -> None:
    """Production caches pages and API answers (with Redis); every test runs with that cache on,
    so any test that changes the record and reads it back also checks the invalidation."""
    settings.CONTENT_CACHE_SECONDS = 600
