"""`manage.py syncmedia`: public storage holds the files of public photos, and nothing else."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from editorial import photo_files


class Command(BaseCommand):
    help = (
        "Copy the renditions of photos that have become public (an item whose go-live time has "
        "come) to public storage, delete the public copies of photos that no longer are (an "
        "expired item), and delete files nothing refers to (uploads of edits sent back or "
        "abandoned, left more than an hour ago). Run it every minute; a publish or an unpublish "
        "made in the admin does the same for its own item at once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--verify",
            action="store_true",
            help="Also check that every public copy exists, and copy it again if not (after a "
            "restore onto a new machine).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would change; touch nothing."
        )

    def handle(
        self, *args: Any, verify: bool = False, dry_run: bool = False, **options: Any
    ) -> None:
        result = photo_files.sync_all(verify=verify, dry_run=dry_run)
        orphans = photo_files.orphaned_files()
        if not dry_run:
            photo_files.delete_orphans(orphans)
        prefix = "Dry run: would have " if dry_run else ""
        self.stdout.write(
            f"{prefix}published {result.published} renditions, withdrew {result.withdrawn}, "
            f"repaired {result.repaired}; deleted {len(orphans.private)} private and "
            f"{len(orphans.public)} public files that nothing refers to."
        )
        if result.failed:
            ids = ", ".join(str(pk) for pk in result.failed)
            self.stdout.write(
                self.style.WARNING(f"Renditions whose file could not be read: {ids}.")
            )
