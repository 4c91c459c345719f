"""Get a page or API answer from the cache, or make it once however many ask at the same time.

One entry per address (the caller's key), holding the content version it was made under and
the answer; it is served only while that version is current (editorial/content_version.py).
The version and the entry come back in one round trip to the cache, which is most of what a
hit costs.

When a publish retires every entry and a crowd asks for the same page (news breaking, a link
shared), the first request makes it and the others wait for it, up to `WAIT_SECONDS`, instead
of all running the same expensive view at once and starving the workers. An older copy is
never served meanwhile: it may show something just unpublished.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.gzip import re_accepts_gzip

from editorial import content_version

T = TypeVar("T")

# A waiting request gives up and makes the answer itself after this long (a slow first search
# on a large record takes seconds); the maker's claim lapses after LOCK_SECONDS should it die.
WAIT_SECONDS = 15.0
POLL_SECONDS = 0.05
LOCK_SECONDS = 60
# Kept in place of an answer that may not be stored (an error, a redirect, a page that sets a
# cookie), so that others asking for it make it at once instead of waiting for a copy that
# will never come.
NOT_KEPT = "korpu:not-kept"
NOT_KEPT_SECONDS = 60


def address_key(prefix: str, request: HttpRequest, *variant: str) -> str:
    """The key of one address's answer: its absolute URI (pages and API data name the host),
    whether it is a HEAD, whether the client takes gzip (answers are kept compressed, as
    sent), and whatever else the caller says varies it (language, format)."""
    gzip = bool(re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")))
    parts = (request.method == "HEAD", gzip, *variant, request.build_absolute_uri())
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return f"{prefix}:{digest}"


def _lookup(key: str) -> tuple[int, Any | None]:
    version, entry = content_version.current_and(key)
    if entry is not None and entry[0] == version:
        return version, entry[1]
    return version, None


def _wait_for(key: str, version: int) -> Any | None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        now, stored = _lookup(key)
        if stored is not None or now != version:
            return stored  # None if a newer publish came first: make it for that one
    return None


def get_or_make(key: str, make: Callable[[], T], keep: Callable[[T], Any | None]) -> Any:
    """What is stored under `key` for the current version, else `make()`.

    `keep(made)` says what to store of a made answer (None: nothing, e.g. an error page).
    Returns `(stored, None)` from the cache, `(None, made)` when made here.
    """
    version, stored = _lookup(key)
    lock = f"{key}:making:{version}"
    claimed = False
    if stored is None:
        claimed = cache.add(lock, 1, timeout=LOCK_SECONDS)
        if not claimed:
            stored = _wait_for(key, version)
    if stored == NOT_KEPT:
        return None, make()
    if stored is not None:
        return stored, None
    try:
        made = make()
        kept = keep(made)
        if kept is None:
            # Not content: no need to look up the schedule (the database may be what failed).
            cache.set(key, (version, NOT_KEPT), NOT_KEPT_SECONDS)
        else:
            timeout = content_version.cache_timeout(version)
            if timeout > 0:
                cache.set(key, (version, kept), timeout)
    finally:
        if claimed:
            cache.delete(lock)
    return None, made
