"""Rate limits: anonymous clients per IP address, partners per key at a higher rate.

Rates come from settings (`API_RATE_ANONYMOUS`, `API_RATE_PARTNER` in the environment) and a
key's own `rate`; counts live in Django's cache (Redis when REDIS_URL is set, so every web
process shares them; otherwise each process counts on its own). A throttled client gets 429
with Retry-After, from DRF.

Each client has one counter per window of the rate's duration (a minute for "60/min"), added
to atomically: DRF's own throttles read a list of the client's request times and write it
back, so requests in parallel overwrite each other's entries and a client with many
connections goes over its limit, and the list grows with the rate (600 times for "600/min",
read and written on every request). A window's counter is one number and one round trip.
The price is the edge of a window: a client may spend one window's allowance at its end and
the next one's at the start.

The client's address is REMOTE_ADDR only. X-Forwarded-For is not trusted, because any client
can write it (DRF's own throttles trust it unless NUM_PROXIES is set). Behind a reverse proxy,
the proxy must pass the client's address on as REMOTE_ADDR, or every anonymous client shares
one limit.
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.core import checks
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from ops.cache import ResilientRedisCache
from partners.models import RATE_PATTERN, PartnerKey

ANONYMOUS = "anonymous"
PARTNER = "partner"


def count_request(key: str, timeout: int) -> int:
    """Count one request under `key` (kept `timeout` seconds); the count so far, or 0 while
    the cache is unavailable (the limits are then not enforced: ops/cache.py)."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, ResilientRedisCache):
        return backend.count(key, timeout)
    backend.add(key, 0, timeout)  # local memory: each step is atomic under its lock
    try:
        return backend.incr(key)
    except ValueError:
        return 0


class LiveRateThrottle(SimpleRateThrottle):
    """A count per client and fixed window (see the module docstring), at a rate read from
    the settings on each request, not once at import as DRF's is, so that tests (and
    `override_settings`) can change it."""

    def __init__(self) -> None:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        self.seconds_left = 0.0

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        client = self.get_cache_key(request, view)
        if client is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        self.seconds_left = (window + 1) * self.duration - now
        # Kept a second past its window: the last request of a window may count just after.
        count = count_request(f"{client}:{window}", timeout=self.duration + 1)
        return count <= self.num_requests

    def wait(self) -> float:
        """Seconds until the window ends: Retry-After on the 429."""
        return self.seconds_left


class AnonymousRateThrottle(LiveRateThrottle):
    """Requests without a partner key, counted per client IP address (REMOTE_ADDR)."""

    scope = ANONYMOUS

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if isinstance(request.auth, PartnerKey):
            return None
        ident = request.META.get("REMOTE_ADDR") or "unknown"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class PartnerKeyRateThrottle(LiveRateThrottle):
    """Requests with a partner key, counted per key, at the key's own rate or the default."""

    scope = PARTNER

    def allow_request(self, request: Request, view: Any) -> bool:
        key = request.auth
        if not isinstance(key, PartnerKey):
            return True
        if key.rate:
            self.rate = key.rate
            self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


@checks.register(checks.Tags.security)
def check_rates(app_configs: list[AppConfig] | None, **kwargs: Any) -> list[checks.Error]:
    """A bad API_RATE_* would otherwise surface only as a 500 on the first API request."""
    rates = api_settings.DEFAULT_THROTTLE_RATES
    return [
        checks.Error(
            f"The {scope} API rate {rates.get(scope)!r} is not a rate like 60/min.",
            hint="Set API_RATE_ANONYMOUS and API_RATE_PARTNER to <number>/<s|min|hour|day>.",
            id="partners.E001",
        )
        for scope in (ANONYMOUS, PARTNER)
        if rates.get(scope) is not None and not RATE_PATTERN.fullmatch(str(rates.get(scope)))
    ]
