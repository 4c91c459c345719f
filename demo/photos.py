"""Demo illustrations attached to publishable items, stored through Django's storage API.

A file's name carries a digest of what is drawn on it, so a second run finds the file it
needs already in place and writes nothing; a changed title gives a new name and a new file.
Files are not rolled back with the database, so the loader tracks those it wrote
(`NewFiles`) and removes them when the transaction does not commit.
"""

from __future__ import annotations

import hashlib
import posixpath
from typing import Any, NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import models, transaction

from demo.content import Text, translated
from demo.content.captions import CREDIT, Theme, alt_text, caption
from demo.illustrations import render_illustration
from demo.records import Tally
from editorial.models import Photo
from editorial.renditions import ensure_renditions

# Part of every file's digest: bump it when the drawing code changes, to redraw them all.
DRAWING_VERSION = "1"


class PhotoSpec(NamedTuple):
    """One illustration of an item: its role (general, before, after) and how it looks."""

    role: str
    theme: Theme


class NewFiles:
    """Names of the files this run saved, to delete if its transaction does not commit."""

    def __init__(self) -> None:
        self.saved: list[tuple[Storage, str]] = []

    def add(self, storage: Storage, name: str) -> None:
        self.saved.append((storage, name))

    def delete_all(self) -> None:
        """Remove every file this run wrote (after a rollback or a dry run)."""
        for storage, name in self.saved:
            if storage.exists(name):
                storage.delete(name)
        self.saved.clear()


def sync_photos(
    owner: models.Model,
    *,
    slug: str,
    title: Text,
    specs: list[PhotoSpec],
    tally: Tally,
    new_files: NewFiles,
) -> None:
    """Give `owner` exactly these illustrations, in this order; reuse files already in place."""
    content_type = ContentType.objects.get_for_model(owner)
    existing = {
        photo.order: photo
        for photo in Photo.objects.filter(content_type=content_type, object_id=owner.pk)
    }
    for order, spec in enumerate(specs):
        values = _photo_values(spec, title)
        file_name = _file_name(content_type, slug, order, spec, title.en)
        photo = existing.pop(order, None)
        if photo is None:
            photo = Photo(content_type=content_type, object_id=owner.pk, order=order, **values)
            _save_with_file(photo, file_name, spec, title.en, new_files)
            tally.add(Photo, "created")
            continue
        changed = [name for name, value in values.items() if getattr(photo, name) != value]
        for name in changed:
            setattr(photo, name, values[name])
        if not _has_file(photo, file_name):
            _save_with_file(photo, file_name, spec, title.en, new_files)
        elif changed:
            photo.full_clean()
            photo.save()
        else:
            tally.add(Photo, "unchanged")
            continue
        tally.add(Photo, "updated")
    for photo in existing.values():  # beyond the wanted list: left from an older demo
        _delete_file_on_commit(photo.image.storage, photo.image.name)
        photo.delete()
        tally.add(Photo, "deleted")


def _photo_values(spec: PhotoSpec, title: Text) -> dict[str, Any]:
    return {
        "role": spec.role,
        "credit": CREDIT,
        "shows_minors": False,  # shapes and words only: no person is drawn
        "consent_on_file": False,
        **translated("caption", caption(spec.role, title)),
        **translated("alt_text", alt_text(spec.theme)),
    }


def _file_name(
    content_type: ContentType, slug: str, order: int, spec: PhotoSpec, title: str
) -> str:
    recipe = "|".join((DRAWING_VERSION, title, spec.role, spec.theme.shape, str(spec.theme.rgb)))
    digest = hashlib.sha256(recipe.encode()).hexdigest()[:10]
    return f"demo-{content_type.model}-{slug}-{order}-{spec.role}-{digest}.jpg"


def _has_file(photo: Photo, file_name: str) -> bool:
    name = photo.image.name or ""
    return posixpath.basename(name) == file_name and photo.image.storage.exists(name)


def _save_with_file(
    photo: Photo, file_name: str, spec: PhotoSpec, title: str, new_files: NewFiles
) -> None:
    """Draw the illustration, store it under its deterministic name, then save the row (the
    image field reads the width and height from the file)."""
    storage = photo.image.storage
    old_name = photo.image.name
    target = photo.image.field.generate_filename(photo, file_name)
    if storage.exists(target) and not Photo.objects.filter(image=target).exists():
        # Left over from a database that has since been reset: replace it, keeping the
        # name deterministic instead of letting the storage add a random suffix.
        storage.delete(target)
    photo.image.save(file_name, ContentFile(render_illustration(spec.theme, title)), save=False)
    new_files.add(storage, photo.image.name)
    photo.full_clean()
    photo.save()
    for rendition in ensure_renditions(photo):
        new_files.add(rendition.file.storage, rendition.file.name)
    if old_name and old_name != photo.image.name:
        _delete_file_on_commit(storage, old_name)


def _delete_file_on_commit(storage: Storage, name: str) -> None:
    # Only once the new state is committed: after a rollback the old row still needs it.
    if name:
        transaction.on_commit(lambda: storage.delete(name) if storage.exists(name) else None)
