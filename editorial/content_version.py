"""The content version: one number that changes whenever anything the public sees may change.

Cached pages and API answers are stored under keys that contain it (public/page_cache.py,
api/answer_cache.py), so bumping it retires all of them at once, in every process that shares
the cache; nothing has to know which page shows which row. Saving or deleting any row of the
content apps bumps it (a draft's save too: invalidating more than needed is cheap, serving a
stale page is not). Code that writes without signals (bulk_create, QuerySet.update) calls
`bump()` itself.

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
"""

from __future__ import annotations

import logging
import time
from contextlib import suppress
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from editorial.publishing import Publishable, Status

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


def publishable_models() -> list[type[Publishable]]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.abstract
    ]


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
