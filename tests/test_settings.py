"""Settings come from the environment through small readers that fail loudly on bad values.

Importing settings under another environment runs in a subprocess, so this test process keeps
the settings it started with.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from config.env import env_bool, env_int, env_list, env_str
from tests.factories import AidPackageFactory

REPO = Path(__file__).resolve().parent.parent
DEPLOY_PREFIXES = ("DJANGO_", "DATABASE_", "REDIS_", "MEDIA_ROOT", "STATIC_ROOT", "STAFF_2FA_")

# Printed as JSON by the subprocess: what a deploy would start with.
PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "secret_key": settings.SECRET_KEY,
    "debug": settings.DEBUG,
    "engine": settings.DATABASES["default"]["ENGINE"],
    "name": str(settings.DATABASES["default"]["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
}))
"""


def import_settings(**environ: str) -> subprocess.CompletedProcess[str]:
    """Import config.settings in a fresh interpreter with only the deploy variables given."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(DEPLOY_PREFIXES)}
    env.update(environ, DJANGO_SETTINGS_MODULE="config.settings")
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def loaded(**environ: str) -> dict[str, Any]:
    result = import_settings(**environ)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("YES", True),
        (" on ", True),
        ("0", False),
        ("False", False),
        ("no", False),
        ("off", False),
        ("", False),
    ],
)
def test_env_bool_parses_words(monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool) -> None:
    monkeypatch.setenv("KORPU_TEST_FLAG", raw)
    assert env_bool("KORPU_TEST_FLAG", not expected) is expected


@pytest.mark.parametrize("default", [True, False])
def test_env_bool_unset_gives_default(monkeypatch: pytest.MonkeyPatch, default: bool) -> None:
    monkeypatch.delenv("KORPU_TEST_FLAG", raising=False)
    assert env_bool("KORPU_TEST_FLAG", default) is default


@pytest.mark.parametrize("raw", ["maybe", "2", "y", "enabled"])
def test_env_bool_rejects_other_words(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("DJANGO_DEBUG", raw)
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG"):
        env_bool("DJANGO_DEBUG", False)


@pytest.mark.parametrize(("raw", "expected"), [("42", 42), (" 7 ", 7), ("-1", -1), ("", 60)])
def test_env_int_parses_integers(monkeypatch: pytest.MonkeyPatch, raw: str, expected: int) -> None:
    monkeypatch.setenv("KORPU_TEST_INT", raw)
    assert env_int("KORPU_TEST_INT", 60) == expected


def test_env_int_unset_gives_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KORPU_TEST_INT", raising=False)
    assert env_int("KORPU_TEST_INT", 60) == 60


@pytest.mark.parametrize("raw", ["sixty", "4.2", "1e3"])
def test_env_int_rejects_non_integers(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("KORPU_TEST_INT", raw)
    with pytest.raises(ImproperlyConfigured, match="KORPU_TEST_INT"):
        env_int("KORPU_TEST_INT", 60)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("korpu.example.org", ["korpu.example.org"]),
        (" a.org, b.org ,,c.org, ", ["a.org", "b.org", "c.org"]),
        ("", []),
    ],
)
def test_env_list_splits_on_commas(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: list[str]
) -> None:
    monkeypatch.setenv("KORPU_TEST_LIST", raw)
    assert env_list("KORPU_TEST_LIST", ["default"]) == expected


def test_env_list_unset_gives_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KORPU_TEST_LIST", raising=False)
    assert env_list("KORPU_TEST_LIST", ["localhost"]) == ["localhost"]


def test_env_str_unset_gives_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KORPU_TEST_STR", raising=False)
    assert env_str("KORPU_TEST_STR", "fallback") == "fallback"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        pytest.param({}, "DJANGO_SECRET_KEY is not set", id="no secret key, DEBUG off"),
        pytest.param({"DJANGO_DEBUG": "0"}, "DJANGO_SECRET_KEY is not set", id="DEBUG=0"),
        pytest.param(
            {"DJANGO_SECRET_KEY": "s3cret", "DJANGO_DEBUG": "maybe"},
            "DJANGO_DEBUG='maybe' is not a boolean",
            id="DJANGO_DEBUG=maybe",
        ),
        pytest.param(
            {"DJANGO_DEBUG": "1", "DATABASE_CONN_MAX_AGE": "forever"},
            "DATABASE_CONN_MAX_AGE='forever' is not an integer",
            id="bad integer",
        ),
        pytest.param(
            {"DJANGO_DEBUG": "1", "DJANGO_LOG_LEVEL": "loud"},
            "DJANGO_LOG_LEVEL must be one of",
            id="DJANGO_LOG_LEVEL=loud",
        ),
        pytest.param(
            {"DJANGO_DEBUG": "1", "EMAIL_TIMEOUT": "0"},
            "EMAIL_TIMEOUT must be a positive",
            id="EMAIL_TIMEOUT=0",
        ),
    ],
)
def test_settings_refuse_to_start_on_bad_environment(environ: dict[str, str], message: str) -> None:
    result = import_settings(**environ)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_settings_debug_starts_without_secret_key_on_local_defaults() -> None:
    values = loaded(DJANGO_DEBUG="1")
    assert values["debug"] is True
    assert values["secret_key"]
    assert values["engine"] == "django.db.backends.sqlite3"
    assert Path(values["name"]).parent == REPO / "var"
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"


def test_settings_production_reads_database_and_cache_urls() -> None:
    values = loaded(
        DJANGO_SECRET_KEY="s3cret",
        DATABASE_URL="postgres://korpu:pw@db.internal:5432/korpu",
        REDIS_URL="redis://cache.internal:6379/1",
    )
    assert (values["secret_key"], values["debug"]) == ("s3cret", False)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "korpu"
    assert values["cache"] == "ops.cache.ResilientRedisCache"  # Django's, failing as misses
    assert values["cache_location"] == "redis://cache.internal:6379/1"


def test_settings_languages_are_english_ukrainian_azerbaijani() -> None:
    assert [code for code, _name in settings.LANGUAGES] == ["en", "uk", "az"]
    assert settings.LANGUAGE_CODE == "en"


def test_settings_translations_fall_back_to_english() -> None:
    assert settings.MODELTRANSLATION_FALLBACK_LANGUAGES == ("en",)
    assert settings.MODELTRANSLATION_DEFAULT_LANGUAGE == "en"


def manage(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(DEPLOY_PREFIXES)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(environ)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_manage_py_runs_on_a_developer_machine_without_any_configuration() -> None:
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_manage_py_still_refuses_debug_off_without_a_secret_key() -> None:
    result = manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.django_db
def test_pages_are_compressed_for_browsers_that_accept_gzip(client: Client) -> None:
    response = client.get("/en/aid/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


@pytest.mark.django_db
def test_a_compressed_api_response_still_answers_304_to_its_etag(client: Client) -> None:
    AidPackageFactory.create_batch(3, published=True)  # GZip leaves out tiny responses
    first = client.get("/api/v1/aid-packages/", HTTP_ACCEPT_ENCODING="gzip")
    again = client.get(
        "/api/v1/aid-packages/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert first["Content-Encoding"] == "gzip"
    assert again.status_code == 304
