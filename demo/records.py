"""Idempotent writes for the demo loader: create a row, update only what changed, count it.

`update_or_create` would save every row on every run (bumping `updated_at` and `version`);
here an unchanged row is not written at all, so a second run leaves the database as it was.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal, TypeVar

from django.db import models

Outcome = Literal["created", "updated", "unchanged", "deleted"]
OUTCOMES: tuple[Outcome, ...] = ("created", "updated", "unchanged", "deleted")
M = TypeVar("M", bound=models.Model)


class Tally:
    """How many rows of each model a run created, updated, left unchanged or deleted."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}

    def add(self, model: type[models.Model], outcome: Outcome, count: int = 1) -> None:
        label = model._meta.label
        self.counts.setdefault(label, Counter())[outcome] += count

    def total(self, outcome: Outcome) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    def lines(self) -> list[str]:
        """One line per model, e.g. 'aid.AidPackage: 12 created, 0 updated, 0 unchanged'."""
        rows = []
        for label, counter in self.counts.items():
            parts = [f"{counter[o]} {o}" for o in OUTCOMES if o != "deleted" or counter[o]]
            rows.append(f"{label}: {', '.join(parts)}")
        return rows


def sync(
    model: type[M],
    *,
    lookup: dict[str, Any],
    values: dict[str, Any],
    on_create: dict[str, Any] | None = None,
) -> tuple[M, Outcome]:
    """Make the row found by `lookup` carry `values`; `on_create` is used only for a new row.

    Foreign keys are passed by their column (`funder_id`), so comparing costs no query.
    A changed publishable row gets its `version` bumped, as any other save would.
    """
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values, **(on_create or {}))
        obj.full_clean()
        obj.save()
        return obj, "created"
    changed = [name for name, value in values.items() if not _same(getattr(obj, name), value)]
    if not changed:
        return obj, "unchanged"
    for name in changed:
        setattr(obj, name, values[name])
    if hasattr(obj, "version"):
        obj.version += 1
    obj.full_clean()
    obj.save()
    return obj, "updated"


def sync_m2m(obj: models.Model, field: str, pks: list[int]) -> bool:
    """Point a many-to-many field at exactly `pks`; True if it had to change."""
    manager = getattr(obj, field)
    if set(manager.values_list("pk", flat=True)) == set(pks):
        return False
    manager.set(pks)
    return True


def _same(current: Any, wanted: Any) -> bool:
    # CountryField returns a Country object; compare it by its code.
    if hasattr(current, "code") and isinstance(wanted, str):
        return current.code == wanted
    return current == wanted
