"""Writes that span models and have side effects: adding several photos to an item at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editorial import workflow
from editorial.models import Photo, Publishable
from editorial.renditions import ensure_renditions_on_commit
from editorial.uploads import validate_and_clean

BULK_UPLOAD_MAX_FILES = 20


def add_photos(
    *,
    item: Publishable,
    user: workflow.User,
    files: Sequence[File],
    alt_text: str,
    credit: str,
    taken_on: dt.date | None = None,
    shows_minors: bool = False,
    consent_on_file: bool = False,
) -> list[Photo]:
    """Add `files` to a draft or in-review `item` as photos after its last one, all or none.

    Every file is checked and cleaned (editorial/uploads.py) before anything is stored; a
    refusal names the file. A live item takes photos through its form instead, so that the
    change waits for approval like any other. The save is recorded as a revision.
    """
    if not (workflow.may_edit(user, type(item)) and user.has_perm("editorial.add_photo")):
        raise workflow.NotPermitted(_("You may not add photos to this item."))
    if not item.edits_in_place():
        raise workflow.NotAllowedNow(
            _("This item is live or archived: add photos in its form, so the change is reviewed.")
        )
    if not 1 <= len(files) <= BULK_UPLOAD_MAX_FILES:
        raise ValidationError(
            _("Choose between 1 and %(most)d photos.") % {"most": BULK_UPLOAD_MAX_FILES}
        )
    cleaned = []
    for upload in files:
        try:
            cleaned.append(validate_and_clean(upload))
        except ValidationError as refusal:
            raise ValidationError(
                [f"{upload.name}: {message}" for message in refusal.messages]
            ) from refusal
    stored: list[Photo] = []
    try:
        with transaction.atomic():
            last = item.photos.aggregate(last=Max("order"))["last"]
            start = 0 if last is None else last + 1
            for offset, content in enumerate(cleaned):
                photo = Photo(
                    content_object=item,
                    alt_text_en=alt_text,
                    credit=credit,
                    taken_on=taken_on,
                    shows_minors=shows_minors,
                    consent_on_file=consent_on_file,
                    order=start + offset,
                )
                photo.image.save(content.name, content, save=False)
                stored.append(photo)
                photo.save()
            comment = ngettext("%(count)d photo added.", "%(count)d photos added.", len(stored))
            workflow.record_save(
                obj=item, user=user, created=False, comment=comment % {"count": len(stored)}
            )
    except Exception:
        # The rows are gone with the transaction; their files would stay behind.
        for photo in stored:
            photo.image.delete(save=False)
        raise
    ensure_renditions_on_commit(stored)
    return stored
