"""`manage.py renditions`: fill in the photo renditions that are missing, idempotently."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from editorial.models import Photo
from editorial.renditions import missing_renditions, renditions_for


class Command(BaseCommand):
    help = (
        "Create the renditions (resized WebP and JPEG copies) that photos lack, e.g. after "
        "RENDITION_WIDTHS changed or an upload whose renditions failed. Existing ones are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what is missing, judged from the database; open and write nothing.",
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        photos = Photo.objects.exclude(image="").order_by("pk")
        if dry_run:
            wanting = [
                len(missing)
                for photo in photos.prefetch_related("renditions").iterator(chunk_size=200)
                if (missing := missing_renditions(photo))
            ]
            self.stdout.write(
                f"Dry run: {sum(wanting)} renditions missing for {len(wanting)} "
                f"of {photos.count()} photos; nothing written."
            )
            return
        run = renditions_for(photos)
        photo_count = len({rendition.photo_id for rendition in run.created})
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(run.created)} renditions created for {photo_count} photos "
                f"({sum(rendition.bytes for rendition in run.created)} bytes)."
            )
        )
        if run.failed:
            ids = ", ".join(str(pk) for pk in run.failed)
            self.stdout.write(self.style.WARNING(f"Originals that could not be read: {ids}."))
