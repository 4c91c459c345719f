"""Which files of a photo the public may fetch, and public storage kept in step with that.

Every file is kept in private storage (`editorial.storage`). A photo's renditions are copied to
public storage only while the public may see the photo: it does not show minors without
consent on file (`Photo.is_public`) and the item whose page shows it is in `published()`. Each
copy gets a name drawn at random (`Rendition.public_name`), so no address can be guessed from
anything public, and a photo published again gets new addresses. When the photo stops being
public its copies are deleted.

What moves a photo across that line calls `sync_on_commit` or `sync`: every workflow
transition and save (`workflow._save_state`), a rendition made or discarded. A go-live or
expiry time passes without any write, so `manage.py syncmedia` (run every minute) follows
those. In between a page links a rendition without a public copy through Django's checked
view (`Rendition.url`), so a page never shows a broken image, and never more than it should.

`orphaned_files` finds what nothing refers to any more (uploads of edits that were sent back or
abandoned, renditions of deleted photos, public copies left by a failed run) for
`syncmedia` to delete.
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
import secrets
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import Storage
from django.db import models, transaction
from django.utils import timezone

from editorial import content_version
from editorial.publishing import Publishable, parent_field
from editorial.revisions import RevisionState
from editorial.storage import private_storage, public_storage

if TYPE_CHECKING:
    from editorial.models import Photo, Rendition

logger = logging.getLogger(__name__)

PUBLIC_DIR = "renditions"
# Files younger than this are never orphans: an upload or a copy may be between its file and
# its row.
ORPHAN_GRACE = dt.timedelta(hours=1)
# Revisions whose photos nobody will bring back: their uploads may go once nothing else
# refers to them. (A rollback to such a revision skips a photo whose file is gone.)
CLOSED_STATES = (RevisionState.REJECTED, RevisionState.SUPERSEDED)


# --- Who may see a photo ----------------------------------------------------------------------


def _published_owner_ids(model: type[models.Model], ids: set[int]) -> set[int]:
    """Of the rows `ids` of `model`, those a public page shows: published items, or children
    (a milestone) of published items."""
    if issubclass(model, Publishable):
        return set(model.objects.published().filter(pk__in=ids).values_list("pk", flat=True))
    parent = parent_field(model)
    if parent is None:
        return set()
    published = parent.related_model.objects.published()
    rows = model._default_manager.filter(pk__in=ids, **{f"{parent.name}__in": published})
    return set(rows.values_list("pk", flat=True))


def visible_photo_ids(photos: Iterable[Photo]) -> set[int]:
    """Ids of the `photos` whose files the public may fetch: one query per kind of owner."""
    by_type: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for photo in photos:
        if photo.is_public():
            by_type[photo.content_type_id][photo.object_id].append(photo.pk)
    visible: set[int] = set()
    for type_id, owners in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for owner_id in _published_owner_ids(model, set(owners)):
            visible.update(owners[owner_id])
    return visible


def is_visible(photo: Photo) -> bool:
    return photo.pk in visible_photo_ids([photo])


def photos_shown_by(item: Publishable) -> models.QuerySet[Photo]:
    """The photos on `item`'s public page: its own and its children's (a project's milestones)."""
    from editorial.models import Photo

    model = type(item)
    condition = models.Q(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)
    # The same children whose photos the detail page fetches (`for_detail()`).
    for name in model._default_manager.get_queryset().detail_photo_children:
        children = getattr(item, name).all()
        condition |= models.Q(
            content_type=ContentType.objects.get_for_model(children.model),
            object_id__in=children.values("pk"),
        )
    return Photo.objects.filter(condition)


# --- Keeping public storage in step -----------------------------------------------------------


@dataclass
class SyncResult:
    published: int = 0  # renditions copied to public storage
    withdrawn: int = 0  # public copies deleted
    repaired: int = 0  # public copies found missing and copied again (verify=True)
    failed: list[int] = field(default_factory=list)  # renditions whose file could not be read


def public_name(width: int, extension: str, *, directory: str = "") -> str:
    """A fresh, unguessable name for a public copy: 128 random bits, under `directory` (by
    default one of 256, from the token)."""
    token = secrets.token_hex(16)
    return f"{PUBLIC_DIR}/{directory or token[:2]}/{token}-{width}w{extension}"


def _public_name(rendition: Rendition) -> str:
    return public_name(rendition.width, posixpath.splitext(rendition.file.name)[1])


def _copy(rendition: Rendition, name: str, public: Storage) -> str:
    with private_storage().open(rendition.file.name, "rb") as source:
        return public.save(name, source)


def _publish(rendition: Rendition, public: Storage) -> bool:
    from editorial.models import Rendition

    name = _copy(rendition, _public_name(rendition), public)
    # Only if no other process published it meanwhile; else ours is one copy too many.
    claimed = Rendition.objects.filter(pk=rendition.pk, public_name="").update(public_name=name)
    if not claimed:
        public.delete(name)
        return False
    rendition.public_name = name
    return True


def withdraw(renditions: Iterable[Rendition]) -> int:
    """Delete the public copies of `renditions` and forget their names. Files first: from the
    moment this returns, no public address of theirs answers."""
    from editorial.models import Rendition

    public = public_storage()
    withdrawn = [r for r in renditions if r.public_name]
    for rendition in withdrawn:
        public.delete(rendition.public_name)
    if withdrawn:
        Rendition.objects.filter(pk__in=[r.pk for r in withdrawn]).update(public_name="")
        for rendition in withdrawn:
            rendition.public_name = ""
    return len(withdrawn)


def sync(photos: Iterable[Photo], *, verify: bool = False, dry_run: bool = False) -> SyncResult:
    """Copy the current renditions of visible photos to public storage, and delete the public
    copies of every other rendition of `photos`. `verify` also copies again a public copy that
    has gone missing (a restore onto a new machine, a file deleted by hand). `dry_run` only
    counts."""
    from editorial.renditions import current_renditions

    photos = list(photos)
    result = SyncResult()
    if not photos:
        return result
    visible = visible_photo_ids(photos)
    models.prefetch_related_objects(photos, "renditions")
    public = public_storage()
    unwanted: list[Rendition] = []
    for photo in photos:
        current = current_renditions(photo) if photo.pk in visible else []
        unwanted.extend(r for r in photo.renditions.all() if r.public_name and r not in current)
        for rendition in current:
            try:
                if not rendition.public_name:
                    result.published += dry_run or _publish(rendition, public)
                elif verify and not public.exists(rendition.public_name):
                    if not dry_run:
                        _copy(rendition, rendition.public_name, public)
                    result.repaired += 1
            except OSError:
                logger.exception("Rendition %s could not be published.", rendition.pk)
                result.failed.append(rendition.pk)
    result.withdrawn = len(unwanted) if dry_run else withdraw(unwanted)
    if not dry_run and (result.published or result.withdrawn or result.repaired):
        try:
            content_version.bump()
        except content_version.CacheUnreachable:
            # The files have moved already; cached pages may link a withdrawn copy (a broken
            # picture, not a leak) until they expire.
            logger.error("Photo files synced, but cached pages could not be retired.")
    return result


def sync_on_commit(item: Publishable) -> None:
    """`sync` the photos `item`'s page shows once the current transaction is committed (at once
    outside one). A failure is logged; `manage.py syncmedia` makes up for it."""
    model, pk = type(item), item.pk

    def sync_item() -> None:
        item = model._default_manager.filter(pk=pk).first()
        if item is not None:
            sync(photos_shown_by(item))

    transaction.on_commit(sync_item, robust=True)


def sync_all(*, verify: bool = False, dry_run: bool = False, batch_size: int = 500) -> SyncResult:
    """`sync` every photo, a batch at a time: what the go-live and expiry times changed."""
    from editorial.models import Photo

    total = SyncResult()
    batch: list[Photo] = []
    for photo in Photo.objects.order_by("pk").iterator(chunk_size=batch_size):
        batch.append(photo)
        if len(batch) == batch_size:
            _add(total, sync(batch, verify=verify, dry_run=dry_run))
            batch = []
    _add(total, sync(batch, verify=verify, dry_run=dry_run))
    return total


def _add(total: SyncResult, part: SyncResult) -> None:
    total.published += part.published
    total.withdrawn += part.withdrawn
    total.repaired += part.repaired
    total.failed.extend(part.failed)


def restore_public_copies() -> int:
    """Copy again every public copy the rows name that public storage lacks (after a restore
    onto a new machine: a backup keeps private storage only). Changes no row."""
    from editorial.models import Rendition

    public, restored = public_storage(), 0
    for rendition in Rendition.objects.exclude(public_name="").iterator(chunk_size=500):
        if not public.exists(rendition.public_name):
            _copy(rendition, rendition.public_name, public)
            restored += 1
    return restored


def withdraw_deleted(sender: type, instance: Rendition, **kwargs: Any) -> None:
    """post_delete of a rendition (a photo deleted, an original replaced): its public copy
    goes once the deletion is committed."""
    if instance.public_name:
        transaction.on_commit(partial(public_storage().delete, instance.public_name), robust=True)


# --- Files nothing refers to ------------------------------------------------------------------


def _files(storage: Storage, directory: str) -> Iterator[str]:
    try:
        subdirectories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for subdirectory in subdirectories:
        yield from _files(storage, f"{directory}/{subdirectory}" if directory else subdirectory)


def _snapshot_images(snapshot: dict[str, Any]) -> Iterator[str]:
    for photo in snapshot.get("photos", []):
        if photo.get("image"):
            yield photo["image"]


def referenced_files() -> tuple[set[str], set[str]]:
    """(names in private storage, names in public storage) that rows or open revisions use."""
    from editorial.models import Photo, Rendition, Revision

    private = set(Photo.objects.exclude(image="").values_list("image", flat=True))
    private.update(Rendition.objects.values_list("file", flat=True))
    revisions = Revision.objects.exclude(state__in=CLOSED_STATES).values_list("snapshot", flat=True)
    for snapshot in revisions.iterator(chunk_size=200):
        private.update(_snapshot_images(snapshot or {}))
    public = set(Rendition.objects.exclude(public_name="").values_list("public_name", flat=True))
    return private, public


@dataclass(frozen=True)
class Orphans:
    private: list[str]
    public: list[str]


def orphaned_files(*, now: dt.datetime | None = None) -> Orphans:
    """Files in either storage that no row and no open revision refers to, older than
    `ORPHAN_GRACE`."""
    now = now or timezone.now()
    private_used, public_used = referenced_files()

    def old(storage: Storage, name: str) -> bool:
        return storage.get_modified_time(name) < now - ORPHAN_GRACE

    private, public = private_storage(), public_storage()
    return Orphans(
        private=[
            name
            for directory in ("photos", "renditions")
            for name in _files(private, directory)
            if name not in private_used and old(private, name)
        ],
        public=[
            name
            for name in _files(public, PUBLIC_DIR)
            if name not in public_used and old(public, name)
        ],
    )


def delete_orphans(orphans: Orphans) -> None:
    private, public = private_storage(), public_storage()
    for name in orphans.public:
        public.delete(name)
    for name in orphans.private:
        private.delete(name)
