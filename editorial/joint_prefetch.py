"""Prefetches that fetch for several levels or relations of the rows in one query.

`prefetch_related` asks one query per relation and per level: a project's photos, then its
milestones' photos, its funders, then its partners. A `JointPrefetch` is declared among the other
lookups like any `Prefetch`; `JointPrefetchQuerySet` fetches it once the ordinary lookups are
done, with every row of the page at hand, so that one query can serve them all.

Anywhere else (`prefetch_related_objects()`, `.iterator()`) it is the plain `Prefetch` of its own
lookup: what it would have added is then read when used, one query at a time, never wrongly.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Model, Prefetch, prefetch_related_objects


class JointPrefetch(Prefetch):
    """A `Prefetch` that, given all the rows at once, fetches more than its own lookup."""

    def fetch(self, rows: list[Model]) -> None:
        raise NotImplementedError


class JointPrefetchQuerySet(models.QuerySet):
    """Runs its `JointPrefetch` lookups after the ordinary ones, each once for all the rows."""

    def _prefetch_related_objects(self) -> None:
        # Django calls this once the rows are fetched, for a list, a page or a get().
        lookups = self._prefetch_related_lookups
        joint = [lookup for lookup in lookups if isinstance(lookup, JointPrefetch)]
        ordinary = [lookup for lookup in lookups if not isinstance(lookup, JointPrefetch)]
        rows = self._result_cache
        prefetch_related_objects(rows, *ordinary)
        if rows:
            for lookup in joint:
                lookup.fetch(rows)
        self._prefetch_done = True


def set_prefetched(row: Model, relation: str, objects: list[Model]) -> None:
    """Make `row.<relation>.all()` give `objects` without a query, as `prefetch_related` does
    (django.db.models.query.prefetch_one_level)."""
    manager = getattr(row, relation)
    queryset = manager.get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(row, "_prefetched_objects_cache"):
        row._prefetched_objects_cache = {}
    row._prefetched_objects_cache[manager.prefetch_cache_name] = queryset
