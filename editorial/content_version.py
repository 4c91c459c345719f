"""HTTP caching of public pages and API answers, and how a change retires them: the one module
to read for "how is a cached page invalidated?".

The content version is one number that changes whenever anything the public sees may change.
Every cached page (public/page_cache.py) and API answer (api/answer_cache.py) is stored with
the version it was made under and served only while that version is current, so bumping it
retires all of them at once, in every process that shares the cache; nothing has to know which
page shows which row. Saving or deleting any row of the content apps bumps it (a draft's save
too: invalidating more than needed is cheap, serving a stale page is not). Code that writes
without signals (bulk_create, QuerySet.update) calls `bump()` itself.

The bump happens twice: at once, so that the writing request (and a test) never reads its own
stale copy, and again when the transaction commits, because a reader that ran between the first
bump and the commit may have stored the old content under the new number.

A write whose bump cannot reach the cache would leave every other process serving the old
pages until they expire, an unpublished item included. So while caching is on the first bump
raises `CacheUnreachable` instead: inside the writer's transaction, which rolls back, so the
change is refused and nothing is saved (ops/middleware.py answers 503 saying so). If the
second bump fails, the change is already committed: it is logged at ERROR and the request is
made to fail loudly all the same (`failed_after_commit()`); what can stay stale then is only
what was made between the two bumps, and this process retries the bump at its next read.

Scheduled changes need no bump: a cached entry never outlives the next go-live or expiry time
of any published item (`cache_timeout()`).

Each address has one entry (`page_key()`, `api_answer_key()`), and it is made once
(`get_or_make()`): when a bump has retired every entry and a crowd asks for the same page, the
first request makes it and the others wait for it.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from contextlib import suppress
from contextvars import ContextVar
from datetime import datetime
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone

from editorial.publishing import Status, publishable_models

KEY = "korpu:content-version"
SCHEDULE_KEY = "korpu:next-scheduled-change:{version}"
# On every answer served from the cache: for tests, and for anyone reading a slow page's headers.
HIT_HEADER = "X-Korpu-Cache"
# Rows of these apps are what the public pages, feeds, sitemap and API are made of.
CONTENT_APPS = frozenset({"editorial", "aid", "projects", "people"})

logger = logging.getLogger("editorial.content_version")

# A bump that could not reach the cache (Redis down) is retried by this process at its next
# read of the version, so pages stored before the outage are not served once it is back.
_bump_pending = False
# Set when a committed change's bump failed, for the request that made it to fail loudly.
_failed_after_commit: ContextVar[bool] = ContextVar("failed_after_commit", default=False)


class CacheUnreachable(Exception):
    """The content version could not be bumped: other processes would serve old pages."""


def caching_enabled() -> bool:
    return settings.CONTENT_CACHE_SECONDS > 0


def _retry_pending_bump() -> None:
    if _bump_pending:
        # Still down: the read goes on without the cache, as the cache's own errors do.
        with suppress(CacheUnreachable):
            bump()


def current() -> int:
    """The version now. A missing key (a new or flushed cache) starts from the clock, so a
    version number is never reused for different content."""
    _retry_pending_bump()
    version = cache.get(KEY)
    if version is None:
        version = time.time_ns()
        if not cache.add(KEY, version, timeout=None):
            version = cache.get(KEY, version)
    return version


def current_and(key: str) -> tuple[int, Any]:
    """The version now and what is stored under `key`, in one round trip to the cache."""
    _retry_pending_bump()
    found = cache.get_many([KEY, key])
    if KEY not in found:
        return current(), None
    return found[KEY], found.get(key)


def _incremented() -> bool:
    """Whether the cache confirmed a new version (ops/cache.py reads its errors as misses)."""
    try:
        cache.incr(KEY)
        return True
    except ValueError:  # no key yet, or the cache is unreachable
        pass
    if cache.add(KEY, time.time_ns(), timeout=None):
        return True
    try:
        cache.incr(KEY)  # another process added it first
        return True
    except ValueError:
        return False


def bump() -> None:
    """Retire every cached page and API answer, in every process. Raises `CacheUnreachable`
    when the cache could not be reached while caching is on (with it off, nothing is served
    from the cache, and the failure is only retried)."""
    global _bump_pending
    _bump_pending = not _incremented()
    if _bump_pending and caching_enabled():
        raise CacheUnreachable(
            "The shared cache (Redis) could not be reached to retire the cached pages."
        )


def _bump_after_commit() -> None:
    try:
        bump()
    except CacheUnreachable:
        _failed_after_commit.set(True)
        logger.error(
            "A change was committed but the content version could not be bumped after it: "
            "other processes may serve pages made before the commit for up to %s s (this "
            "one retries the bump at its next read).",
            settings.CONTENT_CACHE_SECONDS,
        )


def bump_now_and_on_commit() -> None:
    """Bump inside the writer's transaction, so that a failure rolls the write back, and again
    once it commits. Outside a transaction the row is already written: only the second runs,
    at once."""
    if transaction.get_connection().in_atomic_block:
        bump()
    transaction.on_commit(_bump_after_commit)


def failed_after_commit() -> bool:
    """Whether a change committed in this request (or task) could not bump the version."""
    return _failed_after_commit.get()


def forget_failures() -> None:
    """At the start of a request: a failure belongs to the request that made it."""
    _failed_after_commit.set(False)


def _on_content_write(sender: type, **kwargs: Any) -> None:
    bump_now_and_on_commit()


def _on_m2m_change(sender: type, action: str, **kwargs: Any) -> None:
    if action.startswith("post_"):
        bump_now_and_on_commit()


def connect_signals() -> None:
    """Called from EditorialConfig.ready(). Connected model by model: a receiver for every
    sender would cost every other model Django's fast (signal-less) delete."""
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            uid = f"content_version:{model._meta.label}"
            post_save.connect(_on_content_write, sender=model, dispatch_uid=f"{uid}:save")
            post_delete.connect(_on_content_write, sender=model, dispatch_uid=f"{uid}:delete")
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(_on_m2m_change, sender=through, dispatch_uid=f"{uid}:{field}")


# --- Scheduled go-live and expiry -------------------------------------------------------------


def next_scheduled_change(now: datetime) -> datetime | None:
    """The earliest future go-live or expiry time among approved items: when the public
    record changes next without anyone saving anything. One query, however many models."""
    moments = [
        model.objects.filter(status=Status.PUBLISHED, **{f"{field}__gt": now})
        .order_by()
        .annotate(moment=F(field))
        .values_list("moment", flat=True)
        for model in publishable_models()
        for field in ("publish_at", "expire_at")
    ]
    first, *others = moments
    return first.union(*others, all=True).order_by("moment").first()


def cache_timeout(version: int) -> int:
    """Seconds a page or API answer made now may be kept: CONTENT_CACHE_SECONDS, cut short by
    the next scheduled change (0: do not store). The next change is looked up once per version
    and kept until it passes."""
    limit = settings.CONTENT_CACHE_SECONDS
    now = timezone.now()
    key = SCHEDULE_KEY.format(version=version)
    stored = cache.get(key)
    if stored is None or (stored and stored <= now):
        moment = next_scheduled_change(now)
        stored = moment or ""  # "" remembers that nothing is scheduled
        keep = limit if moment is None else min(limit, (moment - now).total_seconds())
        if int(keep) > 0:
            cache.set(key, stored, timeout=int(keep))
    if not stored:
        return limit
    # Whole seconds, rounded down: the entry goes a little before the change, never after.
    return max(0, min(limit, int((stored - now).total_seconds())))


# --- Keys: one entry per address --------------------------------------------------------------

PAGE_KEY_PREFIX = "korpu:page"
API_KEY_PREFIX = "korpu:api"


def address_key(prefix: str, request: HttpRequest, *variant: str) -> str:
    """The key of one address's answer: its absolute URI (pages and API data name the host),
    whether it is a HEAD, whether the client takes gzip (answers are kept compressed, as
    sent), and whatever else the caller says varies it (language, format)."""
    gzip = bool(re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")))
    parts = (request.method == "HEAD", gzip, *variant, request.build_absolute_uri())
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return f"{prefix}:{digest}"


def page_key(request: HttpRequest) -> str:
    """A public page's key: its address says its language (/<lang>/...)."""
    return address_key(PAGE_KEY_PREFIX, request)


def api_answer_key(request: HttpRequest, language: str, format_: str) -> str:
    """An API answer's key: its address, and the language and format it was answered in (they
    may come from headers, not the address)."""
    return address_key(API_KEY_PREFIX, request, language, format_)


# --- Make once: one request makes a missing answer, the others wait ----------------------------
# The version and the entry come back in one round trip to the cache, which is most of what a
# hit costs. When a bump retires every entry and a crowd asks for the same page (news breaking,
# a link shared), the first request makes it and the others wait for it, up to `WAIT_SECONDS`,
# instead of all running the same expensive view at once and starving the workers. An older
# copy is never served meanwhile: it may show something just unpublished.

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


def _lookup(key: str) -> tuple[int, Any | None]:
    version, entry = current_and(key)
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
            timeout = cache_timeout(version)
            if timeout > 0:
                cache.set(key, (version, kept), timeout)
    finally:
        if claimed:
            cache.delete(lock)
    return None, made
