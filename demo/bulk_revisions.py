"""The one revision each seeded item gets, built in memory instead of through the workflow.

The workflow writes a revision per save and transition, each after a query per item to take
its snapshot; for tens of thousands of items that is what `seedbulk` avoids. Instead every item
gets the revision of the transition that left it in its state ('created' for a draft,
'submitted', 'published' or 'scheduled', 'archived'), whose snapshot has exactly the shape
`editorial.snapshots.take_snapshot` gives, taken from the rows just inserted. So the admin's
history, diff and rollback work on seeded items as on any other.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from django.db import models

from editorial.models import Photo, Revision, Status, Transition
from editorial.snapshots import (
    NOT_CONTENT,
    PHOTO_FIELDS_SKIPPED,
    Snapshot,
    _child_fields,
    _content_fields,
    _row,
)

if TYPE_CHECKING:
    from demo.bulk_rows import Plan


def revision_for(plan: Plan, content_type_id: int) -> Revision:
    """The revision recording how `plan.obj` (already inserted) reached its state."""
    obj = plan.obj
    return Revision(
        content_type_id=content_type_id,
        object_id=obj.pk,
        object_repr=str(obj)[:250],
        transition=_transition(obj),
        status_after=obj.status,
        base_version=obj.version,
        snapshot=snapshot_of(plan),
    )


def snapshot_of(plan: Plan) -> Snapshot:
    """`take_snapshot(plan.obj)` without its queries: from the plan's saved rows."""
    model = type(plan.obj)
    snapshot: Snapshot = {
        "fields": _row(plan.obj, _fields(model)),
        "m2m": {f.name: sorted(plan.m2m.get(f.name, [])) for f in model._meta.many_to_many},
        "children": {},
        "photos": [{"id": p.pk, **_row(p, _photo_fields())} for p in plan.photos],
    }
    for name in model.revision_children:
        fields = _children_fields(model, name)
        snapshot["children"][name] = [
            {"id": child.pk, **_row(child, fields)} for child, _ in plan.children.get(name, [])
        ]
    return snapshot


def _transition(obj: models.Model) -> str:
    if obj.status == Status.DRAFT:
        return Transition.CREATED
    if obj.status == Status.IN_REVIEW:
        return Transition.SUBMITTED
    if obj.status == Status.ARCHIVED:
        return Transition.ARCHIVED
    scheduled = obj.publish_at is not None and obj.publish_at > obj.published_at
    return Transition.SCHEDULED if scheduled else Transition.PUBLISHED


# Field lists are the same for every row of a model: work them out once.
@functools.cache
def _fields(model: type[models.Model]) -> list[models.Field]:
    return _content_fields(model, NOT_CONTENT)


@functools.cache
def _children_fields(model: type[models.Model], name: str) -> list[models.Field]:
    relation = model._meta.get_field(name)
    return _child_fields(relation.related_model, relation.field.name)


@functools.cache
def _photo_fields() -> list[models.Field]:
    return _content_fields(Photo, PHOTO_FIELDS_SKIPPED)
