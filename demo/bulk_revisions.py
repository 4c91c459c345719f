"""The one revision each seeded item gets, built in memory instead of through the workflow.

The workflow writes a revision per save and transition, each after a query per item to take
its snapshot; for tens of thousands of items that is what `seedbulk` avoids. Instead every item
gets the revision of the transition that left it in its state ('created' for a draft,
'submitted', 'published' or 'scheduled', 'archived'), whose snapshot has exactly the shape
`editorial.snapshots.take_snapshot` gives, taken from the rows just inserted. So the admin's
history, diff and rollback work on seeded items as on any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from editorial.models import Revision, Status, Transition
from editorial.snapshots import Snapshot, snapshot_from_rows

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
    return snapshot_from_rows(
        plan.obj,
        m2m=plan.m2m,
        children={name: [child for child, _ in rows] for name, rows in plan.children.items()},
        photos=plan.photos,
    )


def _transition(obj: models.Model) -> str:
    if obj.status == Status.DRAFT:
        return Transition.CREATED
    if obj.status == Status.IN_REVIEW:
        return Transition.SUBMITTED
    if obj.status == Status.ARCHIVED:
        return Transition.ARCHIVED
    scheduled = obj.publish_at is not None and obj.publish_at > obj.published_at
    return Transition.SCHEDULED if scheduled else Transition.PUBLISHED
