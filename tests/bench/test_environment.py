"""The server's environment: production settings on the bench's own database and cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.environment import Target, database_name, server_env, with_database

TARGET = Target(
    "postgres://postgres@127.0.0.1:5432/korpu_bench", "redis://127.0.0.1:6379/5", Path("/v")
)


def test_server_env_is_production_behind_a_tls_proxy() -> None:
    env = server_env(TARGET, secret_key="k" * 50, base={})
    assert env["DJANGO_DEBUG"] == "0"
    assert env["DJANGO_SECRET_KEY"] == "k" * 50
    assert env["DJANGO_TRUST_X_FORWARDED_PROTO"] == "1"
    assert "DJANGO_SECURE_SSL_REDIRECT" not in env  # on, as production's default
    assert env["DJANGO_ALLOWED_HOSTS"] == "127.0.0.1,localhost"


def test_server_env_uses_the_bench_database_cache_and_directories() -> None:
    env = server_env(TARGET, secret_key="k", base={})
    assert env["DATABASE_URL"] == TARGET.database_url
    assert env["REDIS_URL"] == "redis://127.0.0.1:6379/5"
    assert env["MEDIA_ROOT"] == "/v/media-korpu_bench"
    assert env["STATIC_ROOT"] == "/v/static"


def test_server_env_raises_the_api_limits_in_the_form_the_settings_accept() -> None:
    from partners.models import RATE_PATTERN

    env = server_env(TARGET, secret_key="k", base={})
    for name in ("API_RATE_ANONYMOUS", "API_RATE_PARTNER"):
        assert RATE_PATTERN.fullmatch(env[name])


def test_server_env_drops_a_developers_local_overrides_and_keeps_the_rest() -> None:
    base = {"DJANGO_SECURE_SSL_REDIRECT": "0", "CONTENT_CACHE_SECONDS": "0", "PATH": "/bin"}
    env = server_env(TARGET, secret_key="k", base=base)
    assert "DJANGO_SECURE_SSL_REDIRECT" not in env
    assert "CONTENT_CACHE_SECONDS" not in env
    assert env["PATH"] == "/bin"


def test_workers_are_not_recycled_during_the_bench() -> None:
    assert server_env(TARGET, secret_key="k", base={})["GUNICORN_MAX_REQUESTS"] == "0"


def test_database_name_is_read_from_a_postgres_url() -> None:
    assert database_name("postgresql://u@h:5432/korpu_x") == "korpu_x"


@pytest.mark.parametrize("url", ["sqlite:///var/x.sqlite3", "postgres://u@h:5432/"])
def test_database_name_refuses_what_is_not_a_postgres_database(url: str) -> None:
    with pytest.raises(ValueError, match=r"PostgreSQL|names no database"):
        database_name(url)


def test_with_database_keeps_server_and_user() -> None:
    assert with_database(TARGET.database_url, "korpu_bench_small") == (
        "postgres://postgres@127.0.0.1:5432/korpu_bench_small"
    )
