"""Turn a publishable item into a JSON snapshot and back, and compare two snapshots.

A snapshot holds the item's content: every editable field in every language, its
many-to-many links, its inline children (`revision_children`) and its photos' metadata.
Editorial state, scheduling and audit stamps are not content: restoring an old revision
brings back what the item said, not whether it was live.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator

from editorial.publishing import Publishable

Snapshot = dict[str, Any]

NOT_CONTENT = {"id", "version", *Publishable.STATE_FIELDS, *Publishable.AUDIT_FIELDS}
PHOTO_FIELDS_SKIPPED = {"content_type", "object_id", "created_at", "width", "height"}


def _translated_originals(model: type[models.Model]) -> set[str]:
    """`title` when `title_en`, `title_uk`, `title_az` exist. The original column follows the
    active language, so reading or writing it would mix languages: only the copies count."""
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def _content_fields(model: type[models.Model], skip: set[str]) -> list[models.Field]:
    skip = skip | _translated_originals(model)
    generic = {
        part
        for field in model._meta.private_fields
        if isinstance(field, GenericForeignKey)
        for part in (field.ct_field, field.fk_field)
    }
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in skip and field.name not in generic and not field.primary_key
    ]


def _row(obj: models.Model, fields: list[models.Field]) -> dict[str, Any]:
    """Field values as JSON-friendly text (dates, decimals) keyed by attname (`funder_id`)."""
    row: dict[str, Any] = {}
    for field in fields:
        value = field.value_from_object(obj)
        if isinstance(field, models.FileField):
            value = value.name if value else ""
        elif value is not None and not isinstance(value, bool | int | str):
            value = field.value_to_string(obj)
        row[field.attname] = value
    return row


def _child_fields(model: type[models.Model], parent_field: str) -> list[models.Field]:
    return _content_fields(model, {parent_field})


# A model's field lists never change once the apps are loaded: `seedbulk` snapshots tens of
# thousands of rows of a few models, so each list is worked out once.
@functools.cache
def _item_fields(model: type[models.Model]) -> list[models.Field]:
    return _content_fields(model, NOT_CONTENT)


@functools.cache
def _children_fields(model: type[models.Model], name: str) -> list[models.Field]:
    relation = model._meta.get_field(name)
    return _child_fields(relation.related_model, relation.field.name)


@functools.cache
def _photo_fields(model: type[models.Model]) -> list[models.Field]:
    return _content_fields(model._meta.get_field("photos").related_model, PHOTO_FIELDS_SKIPPED)


def take_snapshot(obj: Publishable) -> Snapshot:
    """Everything an editor can change about `obj`, as it is in the database now."""
    model = type(obj)
    return snapshot_from_rows(
        obj,
        m2m={
            field.name: getattr(obj, field.name).values_list("pk", flat=True)
            for field in model._meta.many_to_many
        },
        children={name: getattr(obj, name).order_by("pk") for name in model.revision_children},
        photos=obj.photos.order_by("pk"),
    )


def snapshot_from_rows(
    obj: Publishable,
    *,
    m2m: Mapping[str, Iterable[int]],
    children: Mapping[str, Iterable[models.Model]],
    photos: Iterable[models.Model],
) -> Snapshot:
    """The snapshot of `obj` from rows at hand: the primary keys of its many-to-many links and
    its inline children, each by field name (a name left out has none), and its photos.

    `take_snapshot` reads them from the database; `seedbulk` passes the rows it has just
    inserted, without a query per item. Either way a snapshot has this one shape.
    """
    model = type(obj)
    snapshot: Snapshot = {
        "fields": _row(obj, _item_fields(model)),
        "m2m": {field.name: sorted(m2m.get(field.name, [])) for field in model._meta.many_to_many},
        "children": {},
        "photos": [],
    }
    for name in model.revision_children:
        fields = _children_fields(model, name)
        snapshot["children"][name] = [
            {"id": child.pk, **_row(child, fields)} for child in children.get(name, [])
        ]
    photo_fields = _photo_fields(model)
    snapshot["photos"] = [{"id": photo.pk, **_row(photo, photo_fields)} for photo in photos]
    return snapshot


def _assign(obj: models.Model, fields: list[models.Field], row: dict[str, Any]) -> None:
    for field in fields:
        if field.attname not in row:
            continue  # a field added after the snapshot keeps its current value
        value = row[field.attname]
        if isinstance(field, models.FileField):
            setattr(obj, field.attname, value)
        else:
            setattr(obj, field.attname, field.to_python(value) if value is not None else None)


def _sync_children(
    manager: Any, model: type[models.Model], fields: list[models.Field], rows: list[dict], **owner
) -> None:
    """Make the children match `rows`: update by id, delete the missing, recreate the gone."""
    wanted = {row["id"]: row for row in rows}
    existing = {child.pk: child for child in manager.all()}
    manager.exclude(pk__in=wanted).delete()
    # A gone child comes back under its old id unless another row has taken that id since
    # (SQLite reuses ids freed by a rolled-back insert); then it gets a new one.
    taken = set(
        model._default_manager.filter(pk__in=wanted)
        .exclude(pk__in=existing)
        .values_list("pk", flat=True)
    )
    for pk, row in wanted.items():
        child = existing.get(pk) or model(pk=None if pk in taken else pk, **owner)
        _assign(child, fields, row)
        child.save(force_insert=child._state.adding)


def apply_snapshot(obj: Publishable, snapshot: Snapshot) -> None:
    """Write `snapshot`'s content onto `obj` and its children. The caller saves `obj`'s state
    and wraps the whole in a transaction."""
    model = type(obj)
    _assign(obj, _content_fields(model, NOT_CONTENT), snapshot["fields"])
    obj.save()
    for name, pks in snapshot["m2m"].items():
        getattr(obj, name).set(pks)
    for name, rows in snapshot["children"].items():
        relation = model._meta.get_field(name)
        child_model = relation.related_model
        fields = _child_fields(child_model, relation.field.name)
        _sync_children(getattr(obj, name), child_model, fields, rows, **{relation.field.name: obj})
    photo_model = model._meta.get_field("photos").related_model
    photo_fields = _content_fields(photo_model, PHOTO_FIELDS_SKIPPED)
    # An upload of an edit sent back long ago may have been cleaned up (editorial/photo_files.py):
    # such a photo cannot come back.
    storage = photo_model._meta.get_field("image").storage
    photos = [
        row for row in snapshot["photos"] if not row.get("image") or storage.exists(row["image"])
    ]
    _sync_children(obj.photos, photo_model, photo_fields, photos, content_object=obj)


# --- Differences ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One difference between two snapshots, labelled for a person to read."""

    label: str
    before: str
    after: str


def _label(model: type[models.Model], attname: str) -> str:
    for field in model._meta.concrete_fields:
        if field.attname == attname:
            return str(field.verbose_name)
    return attname


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _readable(model: type[models.Model], attname: str, value: Any) -> str:
    """A choice's label, a related row's name, or the value itself, for a person to read."""
    field = next((f for f in model._meta.concrete_fields if f.attname == attname), None)
    if field is not None and value not in (None, ""):
        if field.choices:
            return _text(dict(field.flatchoices).get(value, value))
        if field.is_relation:
            related = field.related_model._default_manager.filter(pk=value).first()
            return _text(related if related is not None else value)
    return _text(value)


def _row_changes(
    model: type[models.Model], prefix: str, before: dict[str, Any], after: dict[str, Any]
) -> list[Change]:
    return [
        Change(
            f"{prefix}{_label(model, key)}",
            _readable(model, key, before.get(key)),
            _readable(model, key, after.get(key)),
        )
        for key in dict.fromkeys([*before, *after])
        if key != "id" and _same(before.get(key)) != _same(after.get(key))
    ]


def _same(value: Any) -> Any:
    """What a person would compare: an empty text stored as NULL or "" means nothing, and a
    browser sends a textarea's line breaks as CRLF where an import wrote LF."""
    if value is None:
        return ""
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def _children_changes(
    model: type[models.Model], noun: str, before: list[dict], after: list[dict]
) -> list[Change]:
    changes: list[Change] = []
    old = {row["id"]: row for row in before}
    new = {row["id"]: row for row in after}
    for number, pk in enumerate(dict.fromkeys([*old, *new]), start=1):
        prefix = f"{noun} {number}: "
        if pk not in new:
            changes.append(Change(f"{noun} {number}", _("present"), _("removed")))
        elif pk not in old:
            changes.append(Change(f"{noun} {number}", _("absent"), _("added")))
            changes.extend(_row_changes(model, prefix, {}, new[pk]))
        else:
            changes.extend(_row_changes(model, prefix, old[pk], new[pk]))
    return changes


def diff(model: type[Publishable], before: Snapshot, after: Snapshot) -> list[Change]:
    """What changed from `before` to `after`, field by field, translations and children too."""
    changes = _row_changes(model, "", before["fields"], after["fields"])
    for name in dict.fromkeys([*before["m2m"], *after["m2m"]]):
        old, new = before["m2m"].get(name, []), after["m2m"].get(name, [])
        if sorted(old) != sorted(new):
            related = model._meta.get_field(name).related_model
            names = {o.pk: str(o) for o in related.objects.filter(pk__in=[*old, *new])}
            changes.append(
                Change(
                    str(model._meta.get_field(name).verbose_name),
                    _text(", ".join(names.get(pk, str(pk)) for pk in old)),
                    _text(", ".join(names.get(pk, str(pk)) for pk in new)),
                )
            )
    for name in dict.fromkeys([*before["children"], *after["children"]]):
        child_model = model._meta.get_field(name).related_model
        noun = str(child_model._meta.verbose_name).capitalize()
        changes += _children_changes(
            child_model, noun, before["children"].get(name, []), after["children"].get(name, [])
        )
    photo_model = model._meta.get_field("photos").related_model
    changes += _children_changes(
        photo_model, _("Photo"), before.get("photos", []), after.get("photos", [])
    )
    return changes
