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
