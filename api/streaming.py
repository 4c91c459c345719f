"""What the streamed files share (the IATI activity file, the CSV exports of the lists): rows
read a chunk at a time, and a validator cheap enough to answer 304 before anything is read.

A streamed body cannot be hashed for its ETag the way PartnerApiMiddleware tags every other
answer: it does not exist yet when the headers go out, and making it only to compare a hash
would cost what streaming saves. The files are tagged from what decides their content instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Model, QuerySet
from django.utils import timezone

from editorial.publishing import Publishable, Status
from editorial.revisions import Revision, Transition

# Rows read per query (and per prefetch of their children) while streaming, unless the caller
# says otherwise. Read at each call, so a test may set a smaller one.
CHUNK_SIZE = 500


def in_chunks(queryset: QuerySet, size: int | None = None) -> Iterator[list[Model]]:
    """The queryset's rows, `size` (else `CHUNK_SIZE`) at a time, each chunk with its
    prefetched children: one query per prefetched relation per chunk, the rows themselves from
    one cursor.

    A chunk's rows are let go once the caller has taken the next one, so memory holds one
    chunk, however many rows there are.
    """
    size = size or CHUNK_SIZE
    rows = queryset.prefetch_related(None).iterator(chunk_size=size)
    while chunk := list(islice(rows, size)):
        _prefetch(queryset, chunk)
        yield chunk
        for record in chunk:
            _release(record)


def _prefetch(queryset: QuerySet, rows: list[Model]) -> None:
    # As the queryset prefetches for its own rows (a page of a list), not as `.iterator()`
    # would: a queryset class that fetches several relations in one query does so for every
    # chunk too, where `.iterator()` would fall back on a query per relation, or per row.
    chunk = queryset._chain()
    chunk._result_cache = rows
    chunk._prefetch_related_objects()


def _release(record: Model) -> None:
    # A prefetched child refers back to its parent through the cache: a reference cycle that
    # only the garbage collector's rare full pass would free, so memory would climb by a chunk
    # at a time. Breaking it, children's children included, frees each row at once.
    prefetched = record.__dict__.pop("_prefetched_objects_cache", {})
    for related in prefetched.values():
        for child in getattr(related, "_result_cache", None) or ():
            _release(child)


def last_change(model: type[Publishable]) -> tuple[int, dt.datetime | None]:
    """How many rows of `model` are live, and when the live set last changed (three queries).

    Only what the public may see counts, so a draft's edit changes neither the ETag nor the
    date (which would tell when unpublished work happened): the latest edit of a live row,
    the latest go-live time passed, the latest expiry passed, and the latest time a live row
    left the file by being unpublished or archived (its revision says when).
    """
    now = timezone.now()
    live = model.objects.published().aggregate(
        count=Count("pk"), edited=Max("updated_at"), went_live=Max("publish_at")
    )
    expired = model.objects.filter(status=Status.PUBLISHED, expire_at__lte=now).aggregate(
        moment=Max("expire_at")
    )["moment"]
    withdrawn = Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        transition__in=(Transition.UNPUBLISHED, Transition.ARCHIVED),
    ).aggregate(moment=Max("created_at"))["moment"]
    moments = [m for m in (live["edited"], live["went_live"], expired, withdrawn) if m]
    return live["count"], max(moments, default=None)


def state_text(state: tuple[int, dt.datetime | None]) -> str:
    """`last_change()`'s answer as a part of a fingerprint."""
    count, moment = state
    return f"{count}@{moment.isoformat() if moment else ''}"


def weak_etag(*parts: str) -> str:
    """A weak ETag (the same content, not necessarily the same bytes) from what decides a
    file's content."""
    fingerprint = "|".join(parts)
    return f'W/"{hashlib.sha256(fingerprint.encode()).hexdigest()[:32]}"'
