"""Private files reach a browser only here, after a check of who asks.

A file is served if the public may see it (a rendition of a public photo on a published item:
its public copy may simply not be made yet), or if the user is staff allowed to view the item
it belongs to (originals, the admin's thumbnails, previews of drafts and held changes).
Anything else answers 404, as a file that does not exist would: the answer says nothing of
what is stored.
"""

from __future__ import annotations

import json

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_safe

from editorial import photo_files
from editorial.models import Photo, Rendition, Revision
from editorial.publishing import publishable_owner
from editorial.roles import has_model_perm
from editorial.storage import private_storage


def _photo_of(name: str) -> tuple[Photo | None, bool]:
    """The photo `name` is a file of, and whether it is its original."""
    photo = Photo.objects.filter(image=name).first()
    if photo is not None:
        return photo, True
    rendition = Rendition.objects.filter(file=name).select_related("photo").first()
    return (rendition.photo if rendition else None), False


def may_see(user: AbstractBaseUser | AnonymousUser, photo: Photo, *, original: bool) -> bool:
    """Whether `user` may fetch a file of `photo`: a rendition of a photo the public may see,
    or, for staff who may view its item, any of its files. An original (full size, named as
    uploaded) is never the public's: pages and the API give renditions."""
    if not original and photo_files.is_visible(photo):
        return True
    if not (user.is_authenticated and user.is_staff):
        return False
    owner = publishable_owner(photo)
    return owner is not None and has_model_perm(user, "view", type(owner))


def _held_by(user: AbstractBaseUser | AnonymousUser, name: str) -> bool:
    """Whether `name` is the upload of a revision (an edit held for approval, whose photo has no
    row until it is approved) of an item `user` may view. Staff only: the search reads
    revisions, which nobody else may make the site do."""
    if not (user.is_authenticated and user.is_staff):
        return False
    needle = json.dumps(name)  # as the snapshot stores it: quoted, escaped
    for revision in Revision.objects.filter(snapshot__icontains=needle).only(
        "content_type", "snapshot"
    )[:20]:
        images = {photo.get("image") for photo in revision.snapshot.get("photos", [])}
        model = revision.content_type.model_class()
        if name in images and model is not None and has_model_perm(user, "view", model):
            return True
    return False


@require_safe
def serve_private(request: HttpRequest, name: str) -> FileResponse:
    if "\x00" in name:  # no stored name has one, and PostgreSQL refuses it in a query
        raise Http404("No such file.")
    photo, original = _photo_of(name)
    if photo is None:
        allowed = _held_by(request.user, name)
    else:
        allowed = may_see(request.user, photo, original=original)
    if not allowed:
        raise Http404("No such file.")
    storage = private_storage()
    try:
        response = FileResponse(storage.open(name, "rb"), filename=name.rsplit("/", 1)[-1])
    except FileNotFoundError:
        raise Http404("No such file.") from None
    response["Content-Disposition"] = "inline"
    # Visibility can change at any moment: no browser or proxy may keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response
