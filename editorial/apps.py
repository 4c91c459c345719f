from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Shared records")

    def ready(self) -> None:
        from pillow_heif import register_heif_opener

        # Phones upload HEIC: Pillow reads it through pillow-heif (editorial/uploads.py).
        register_heif_opener(thumbnails=False)

        from editorial import content_version

        # Any write to the record retires every cached page and API answer.
        content_version.connect_signals()

        from django.db.models.signals import post_delete

        from editorial.models import Rendition
        from editorial.photo_files import withdraw_deleted

        # A deleted rendition's public copy must not outlive it.
        post_delete.connect(withdraw_deleted, sender=Rendition, dispatch_uid="photo_files")
