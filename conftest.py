"""Settings every test runs with: fast hashing, throwaway media, no static manifest."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
