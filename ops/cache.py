"""A Redis cache that the site can live without.

Django's RedisCache raises when Redis is down, so every page and API request that touches the
cache (sessions do not, the API's rate limits do) would fail with it. Here an error is a miss:
reads return the default, writes do nothing, and after a failure Redis is left alone for a few
seconds so that a dead server costs one failed connection per process, not one per call.
The price while it is down: nothing is cached and the API's rate limits are not enforced,
which for a read-only public API is the better way to fail.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger("ops.cache")

T = TypeVar("T")

# How long to stop trying Redis after it failed.
RETRY_AFTER_SECONDS = 5.0


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new `redis.Redis` for every cache call, and each one fills its table of
    response callbacks anew: ~0.2 ms, a third of what serving a cached page costs. One client
    per connection pool does the same work; it is thread-safe, taking a connection from the
    pool for each command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: str | None = None, *, write: bool = False) -> Any:
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class ResilientRedisCache(RedisCache):
    """RedisCache whose errors are logged and read as misses; see the module docstring."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        # Without timeouts an unreachable host (not a refused port) would hang each request.
        options = {"socket_connect_timeout": 1, "socket_timeout": 1, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient
        self._skip_until = 0.0

    def _call(self, operation: Callable[[], T], fallback: T) -> T:
        if time.monotonic() < self._skip_until:
            return fallback
        try:
            result = operation()
        except RedisError as error:
            if not self._skip_until:
                logger.warning(
                    "Cache unavailable, serving without it: %s: %s", type(error).__name__, error
                )
            self._skip_until = time.monotonic() + RETRY_AFTER_SECONDS
            return fallback
        if self._skip_until:
            logger.info("Cache available again")
            self._skip_until = 0.0
        return result

    def add(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        return self._call(lambda: RedisCache.add(self, key, value, timeout, version), False)

    def get(self, key: str, default: Any = None, version: Any = None) -> Any:
        return self._call(lambda: RedisCache.get(self, key, default, version), default)

    def set(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        self._call(lambda: RedisCache.set(self, key, value, timeout, version), None)

    def touch(self, key: str, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        return self._call(lambda: RedisCache.touch(self, key, timeout, version), False)

    def delete(self, key: str, version: Any = None) -> bool:
        return self._call(lambda: RedisCache.delete(self, key, version), False)

    def get_many(self, keys: Iterable[str], version: Any = None) -> dict[str, Any]:
        return self._call(lambda: RedisCache.get_many(self, keys, version), {})

    def has_key(self, key: str, version: Any = None) -> bool:
        return self._call(lambda: RedisCache.has_key(self, key, version), False)

    def incr(self, key: str, delta: int = 1, version: Any = None) -> int:
        missing = object()
        value = self._call(lambda: RedisCache.incr(self, key, delta, version), missing)
        if value is missing:
            raise ValueError(f"Key '{key}' not found")  # What a miss gives.
        return value

    def set_many(
        self, data: dict[str, Any], timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> list[str]:
        return self._call(lambda: RedisCache.set_many(self, data, timeout, version), list(data))

    def delete_many(self, keys: Iterable[str], version: Any = None) -> None:
        self._call(lambda: RedisCache.delete_many(self, keys, version), None)

    def count(self, key: str, timeout: int) -> int:
        """Add one to the counter `key`, which lives `timeout` seconds from its first count,
        and return its new value; 0 while Redis is unavailable.

        One round trip and atomic however many processes count at once: SET NX gives a new
        counter its lifetime, INCR keeps it. (Django's incr checks that the key exists first,
        a second round trip, and a key that expires in between comes back without a TTL.)"""
        name = self.make_and_validate_key(key)

        def count() -> int:
            pipeline = self._cache.get_client(name, write=True).pipeline(transaction=False)
            pipeline.set(name, 0, ex=timeout, nx=True)
            pipeline.incr(name)
            return int(pipeline.execute()[-1])

        return self._call(count, 0)

    def clear(self) -> bool:
        return self._call(lambda: RedisCache.clear(self), False)
