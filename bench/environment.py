"""The environment the benchmark serves the site with: production settings (DEBUG off, the
SSL redirect on behind a trusted TLS proxy, manifest static files, Redis), its own database,
cache, media and static directories, and API rate limits raised out of the way."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = ROOT / "var" / "bench"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/korpu_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/5"
HOST = "127.0.0.1"
# Far above what one loopback client can send, so the benchmark measures the app, not 429s;
# the throttle still counts every API request in Redis, as in production.
UNLIMITED_RATE = "1000000/s"
# Set by a developer's shell for local work; the bench must not inherit them.
DROPPED = ("DJANGO_SECURE_SSL_REDIRECT", "DJANGO_SECURE_HSTS_SECONDS", "CONTENT_CACHE_SECONDS")


@dataclass(frozen=True)
class Target:
    """Where the site's data lives for one run: a database, a cache and its directories."""

    database_url: str
    redis_url: str
    var_dir: Path = VAR_DIR

    @property
    def database_name(self) -> str:
        return database_name(self.database_url)

    @property
    def media_root(self) -> Path:
        return self.var_dir / f"media-{self.database_name}"

    @property
    def static_root(self) -> Path:
        return self.var_dir / "static"


def database_name(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise ValueError(f"The benchmark runs on PostgreSQL; {url!r} is not a postgres:// URL.")
    name = parts.path.lstrip("/")
    if not name or "/" in name:
        raise ValueError(f"{url!r} names no database.")
    return name


def with_database(url: str, name: str) -> str:
    """The same server and user, another database."""
    parts = urlsplit(url)
    return parts._replace(path=f"/{name}").geturl()


def new_secret_key() -> str:
    return secrets.token_urlsafe(50)


def server_env(
    target: Target, *, secret_key: str, base: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The variables of the server and of every `manage.py` and probe the bench runs."""
    env = {
        name: value
        for name, value in (os.environ if base is None else base).items()
        if name not in DROPPED
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secret_key,
        DJANGO_ALLOWED_HOSTS=f"{HOST},localhost",
        # wrk sends X-Forwarded-Proto: https as a TLS proxy would, so the SSL redirect and
        # HSTS stay on as in production.
        DJANGO_TRUST_X_FORWARDED_PROTO="1",
        DATABASE_URL=target.database_url,
        REDIS_URL=target.redis_url,
        MEDIA_ROOT=str(target.media_root),
        STATIC_ROOT=str(target.static_root),
        API_RATE_ANONYMOUS=UNLIMITED_RATE,
        API_RATE_PARTNER=UNLIMITED_RATE,
        GUNICORN_ACCESS_LOG=str(target.var_dir / "access.log"),
        # Workers are not recycled during the run: a recycled worker would hide the memory
        # growth the benchmark measures, and its queued connections would count as errors.
        GUNICORN_MAX_REQUESTS="0",
        PYTHONUNBUFFERED="1",
    )
    return env
