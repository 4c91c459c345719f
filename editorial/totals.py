"""Totals over several querysets, of any models, read in one query.

`queryset.aggregate()` asks at once, one query per queryset. A page that shows totals of several
tables (the home page, the stats API, the sitemap index) describes each as a `Totals` and reads
them all with `read_totals()`: one SELECT whose first part is an aggregate query of its own and
whose other figures are scalar subqueries beside it. Every figure comes back as `aggregate()`
would give it, with the aggregate's `default` where nothing was counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Aggregate, QuerySet, Subquery, Value


@dataclass(frozen=True)
class Totals:
    """`queryset.aggregate(**aggregates)`, not asked yet."""

    queryset: QuerySet
    aggregates: Mapping[str, Aggregate]

    def one_row(self, names: tuple[str, ...] | None = None) -> QuerySet:
        """The aggregates (those named, else all) as a query of exactly one row, even over no
        rows: grouped by a constant, which Django leaves out of GROUP BY, so nothing is grouped.
        Unordered, since a default ordering would be grouped by; without prefetches, which
        rows of values cannot take."""
        names = tuple(self.aggregates) if names is None else names
        return (
            self.queryset.order_by()
            .prefetch_related(None)
            .annotate(_everything=Value(1))
            .values("_everything")
            .annotate(**{name: self.aggregates[name] for name in names})
            .values(*names)
        )


def read_totals(*parts: Totals) -> dict[str, Any]:
    """The figures of every part in one query, by name; names must not repeat across parts.

    A part whose queryset is known to be empty (`none()`) needs no query at all: Django answers
    its aggregate with each figure's empty value.
    """
    names = [name for part in parts for name in part.aggregates]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"Each figure needs its own name; repeated: {', '.join(repeated)}.")
    empty = [part for part in parts if part.queryset.query.is_empty()]
    asked = [part for part in parts if not part.queryset.query.is_empty()]
    figures = {
        name: value
        for part in empty
        for name, value in part.queryset.aggregate(**part.aggregates).items()
    }
    if not asked:
        return figures
    # The part with the most figures is the query itself: each figure beside it is a subquery.
    first = max(asked, key=lambda part: len(part.aggregates))
    others = [part for part in asked if part is not first]
    beside = {name: Subquery(part.one_row((name,))) for part in others for name in part.aggregates}
    figures.update(first.one_row().annotate(**beside).get())
    return figures
