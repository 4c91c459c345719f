"""Where uploaded files live: private storage for everything, public storage for the copies
the public may fetch.

Every file Körpü stores (photo originals, renditions, anything a future FileField holds) goes
to the *default* storage, which is private: the web server never serves it, and a browser
reaches it only through `editorial.private_media`, after a permission check. Only the renditions
of a photo the public may see are copied to the *public* storage (`editorial.photo_files`),
under names drawn at random each time they are published, and deleted from it as soon as the
photo stops being public.

On local disk both live under `MEDIA_ROOT`: `private/` and `public/`. The web server may serve
`MEDIA_ROOT/public/` at `MEDIA_URL`, and nothing else of `MEDIA_ROOT`.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.functional import cached_property

PUBLIC = "public"
PRIVATE_DIR = "private"
PUBLIC_DIR = "public"
# The address private files are served at, through Django (editorial.private_media): under the
# admin's, so that the second sign-in step guards it as it guards every admin page.
PRIVATE_MEDIA_URL = "/admin/media/"


class PrivateMediaStorage(FileSystemStorage):
    """`MEDIA_ROOT/private/`. Its addresses lead to Django's permission-checked view."""

    @cached_property
    def base_location(self) -> str:
        # Read from the setting at first use (and again when a test changes MEDIA_ROOT:
        # FileSystemStorage clears these properties on that signal).
        return self._value_or_setting(
            self._location, os.path.join(settings.MEDIA_ROOT, PRIVATE_DIR)
        )

    @cached_property
    def base_url(self) -> str:
        return self._value_or_setting(self._base_url, PRIVATE_MEDIA_URL)


class PublicMediaStorage(FileSystemStorage):
    """`MEDIA_ROOT/public/`, the one directory the web server serves, at `MEDIA_URL`."""

    @cached_property
    def base_location(self) -> str:
        return self._value_or_setting(self._location, os.path.join(settings.MEDIA_ROOT, PUBLIC_DIR))


def private_storage() -> Storage:
    """Where every uploaded file is kept (the default storage)."""
    return storages["default"]


def public_storage() -> Storage:
    """Where the files of public photos are copied for the web server or a CDN to serve."""
    return storages[PUBLIC]
