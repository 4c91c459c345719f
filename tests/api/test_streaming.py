"""Rows for streamed files: a chunk at a time with their children, each chunk let go once the
next is taken."""

from __future__ import annotations

from typing import Any

import pytest

from aid.models import AidPackage
from api import streaming
from editorial.renditions import ensure_renditions, photos_prefetch
from tests.factories import AidPackageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def packages() -> list[Any]:
    made = [AidPackageFactory(published=True, items=2, photos=1) for _ in range(5)]
    for package in made:
        ensure_renditions(package.photos.get())
    return made


def rows() -> Any:
    return AidPackage.objects.prefetch_related("items", photos_prefetch()).order_by("pk")


def test_chunks_hold_chunk_size_rows_in_order(
    packages: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(streaming, "CHUNK_SIZE", 2)
    sizes = [[p.pk for p in chunk] for chunk in streaming.in_chunks(rows())]
    assert sizes == [[p.pk for p in packages[i : i + 2]] for i in (0, 2, 4)]


def test_each_chunk_costs_a_query_per_prefetch(
    packages: list[Any], monkeypatch: pytest.MonkeyPatch, django_assert_num_queries: Any
) -> None:
    monkeypatch.setattr(streaming, "CHUNK_SIZE", 2)
    # the rows (one cursor); per chunk of 2, 2 and 1: items, photos, renditions
    with django_assert_num_queries(1 + 3 * 3):
        for chunk in streaming.in_chunks(rows()):
            for package in chunk:
                assert len(package.items.all()) == 2
                assert len(package.photos.all()[0].renditions.all()) == 2


def test_a_chunk_is_let_go_when_the_next_is_taken(
    packages: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Prefetched children point back at their parents: the caches are emptied, down to the
    photos' renditions, so each chunk is freed at once rather than by the garbage collector."""
    monkeypatch.setattr(streaming, "CHUNK_SIZE", 2)
    chunks = streaming.in_chunks(rows())
    first = next(chunks)
    photos = [package.photos.all()[0] for package in first]
    assert all("_prefetched_objects_cache" in photo.__dict__ for photo in photos)
    next(chunks)
    assert not [p for p in first if "_prefetched_objects_cache" in p.__dict__]
    assert not [p for p in photos if "_prefetched_objects_cache" in p.__dict__]


def test_each_chunk_is_prefetched_as_the_queryset_prefetches_its_rows(
    packages: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A queryset class with its own way of prefetching (several relations in one query) keeps
    it for every chunk: `.iterator()` alone would prefetch relation by relation instead."""
    monkeypatch.setattr(streaming, "CHUNK_SIZE", 2)
    queryset = rows()
    prefetched: list[int] = []

    class OwnPrefetching(type(queryset)):
        def _prefetch_related_objects(self) -> None:
            prefetched.append(len(self._result_cache))
            super()._prefetch_related_objects()

    queryset.__class__ = OwnPrefetching
    chunks = [len(chunk) for chunk in streaming.in_chunks(queryset)]
    assert prefetched == chunks == [2, 2, 1]
