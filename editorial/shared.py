"""Shared records: the organisations, places and sources that many items link to.

One row is shown by every item that links it, so a change to the row reaches all their public
pages at once, with no pending revision and no review. This module finds which published items
show a record; `editorial.roles.may_change_shared_record` decides who may change it.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property

from editorial.publishing import Publishable, Status

# How many items of each kind a record's admin page lists by name.
SHOWN_PER_KIND = 10


@functools.cache
def published_usages(
    model: type[models.Model],
) -> tuple[tuple[type[Publishable], tuple[str, ...]], ...]:
    """Each publishable model that links `model`, with the lookups from it to a row of `model`,
    e.g. (ReconstructionProject, ("place", "place__region")).

    Read from the relations themselves (hidden ones included, such as an aid package's origin),
    so a link added to any app is covered without a change here.
    """
    usages: dict[type[Publishable], list[str]] = {}
    for relation in model._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and relation.is_relation and not relation.concrete):
            continue
        item_model = relation.related_model
        if not issubclass(item_model, Publishable):
            continue
        name = relation.field.name
        lookups = [name, *(f"{name}__{parent}" for parent in model.shown_with)]
        usages.setdefault(item_model, []).extend(lookups)
    return tuple((item_model, tuple(lookups)) for item_model, lookups in usages.items())


def _published(item_model: type[Publishable]) -> models.QuerySet:
    # Every item a publisher approved counts, scheduled or past its expiry too: its page shows
    # the record as it is at the moment the item is (again) live, without another review.
    return item_model._default_manager.filter(status=Status.PUBLISHED)


class SharedRecordQuerySet(models.QuerySet):
    def in_use_by_published(self) -> SharedRecordQuerySet:
        """Records that a published item (live, scheduled or expired) shows: only those who may
        publish such items may change them."""
        used = [
            Q(pk__in=_published(item_model).filter(**{f"{lookup}__isnull": False}).values(lookup))
            for item_model, lookups in published_usages(self.model)
            for lookup in lookups
        ]
        if not used:
            return self.none()
        return self.filter(functools.reduce(operator.or_, used))

    def not_in_use_by_published(self) -> SharedRecordQuerySet:
        return self.exclude(pk__in=self.in_use_by_published().values("pk"))


@dataclass(frozen=True)
class Dependants:
    """The published items of one kind that show a shared record."""

    kind: type[Publishable]
    items: list[Publishable]  # the first SHOWN_PER_KIND, in the kind's own order
    more: bool  # whether more items of this kind show it too


class SharedRecord(models.Model):
    """What organisations, places and sources share: knowing which published items show them."""

    # Relations whose record every mention of this one names too: a project's page gives its
    # place and the place's region, so whatever shows a city shows its region.
    shown_with: ClassVar[tuple[str, ...]] = ()

    objects = SharedRecordQuerySet.as_manager()

    class Meta:
        abstract = True

    @cached_property
    def published_dependants(self) -> list[Dependants]:
        """The published items (live, scheduled or expired) that show this record, kind by kind.

        One query per kind of item that can link it, however many items do; kept for the
        instance's life, as the admin asks several times while answering one request.
        """
        found = []
        for item_model, lookups in published_usages(type(self)):
            links = functools.reduce(
                operator.or_,
                (
                    Q(pk__in=item_model._default_manager.filter(**{lookup: self}).values("pk"))
                    for lookup in lookups
                ),
            )
            # The long texts stay in the database: a list names its items.
            long_texts = [
                field.name
                for field in item_model._meta.concrete_fields
                if isinstance(field, models.TextField)
            ]
            items = list(
                _published(item_model).filter(links).defer(*long_texts)[: SHOWN_PER_KIND + 1]
            )
            if items:
                found.append(
                    Dependants(
                        kind=item_model,
                        items=items[:SHOWN_PER_KIND],
                        more=len(items) > SHOWN_PER_KIND,
                    )
                )
        return found
