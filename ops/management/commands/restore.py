"""manage.py restore: an archive of `manage.py backup` into an empty, migrated database."""

from __future__ import annotations

import tempfile
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, RestorePlan, open_archive, plan_restore, restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into this (migrated) database and "
        "media storage. Every checksum is verified first. Refuses a database that already "
        "holds content, or media files that differ, unless --force. Refuses an archive "
        "without the staff accounts' second sign-in steps (from before they were kept) unless "
        "--without-second-factors."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path, help="archive.tar.gz, or a backup directory")
        parser.add_argument(
            "--dry-run", action="store_true", help="verify and report; change nothing"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="load over existing content: rows with the archive's ids and media files of "
            "its names are overwritten, others are kept",
        )
        parser.add_argument(
            "--without-second-factors",
            action="store_true",
            help="restore an archive that lacks the staff accounts' second sign-in steps: "
            "its staff accounts are locked out after the password until a superuser resets "
            "their two-step sign-in",
        )

    def handle(
        self,
        *args: Any,
        path: Path,
        dry_run: bool,
        force: bool,
        without_second_factors: bool,
        **options: Any,
    ) -> None:
        with tempfile.TemporaryDirectory() as scratch:
            try:
                directory = open_archive(path, Path(scratch))
                plan = plan_restore(directory)
            except BackupError as error:
                raise CommandError(str(error)) from error
            self._report(plan)
            if (plan.existing_rows or plan.media_conflicts) and not force:
                raise CommandError(
                    "The database or media storage already holds content (above). Restore "
                    "into an empty, migrated database, or pass --force to load over it."
                )
            if plan.without_second_factors and not without_second_factors:
                raise CommandError(
                    "The archive holds no second sign-in steps (it is from before they were "
                    f"kept), and {len(plan.without_second_factors)} staff accounts (above): "
                    "restored as they are, each could set up a new authenticator with its "
                    "password alone. Restore a newer archive, or pass --without-second-factors "
                    "to restore them locked out until a superuser resets their two-step sign-in."
                )
            if dry_run:
                self.stdout.write("Dry run: nothing changed.")
                return
            try:
                result = restore(directory, plan, without_second_factors=without_second_factors)
            except BackupError as error:
                raise CommandError(f"{error} Nothing was restored.") from error
        if result.locked_out:
            self.stderr.write(
                f"{len(result.locked_out)} staff accounts were restored without their second "
                "sign-in step and are locked out after the password until a superuser resets "
                "it (Users, then Reset two-step sign-in; on the server: manage.py "
                f"resettwostep USERNAME): {', '.join(result.locked_out)}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {result.rows} rows and {result.media_written} media files "
                f"({result.media_unchanged} already present and intact) from {path}"
            )
        )

    def _report(self, plan: RestorePlan) -> None:
        manifest = plan.manifest
        self.stdout.write(
            f"Archive of {manifest['created']}: checksums verified, "
            f"{sum(manifest['rows'].values())} rows, {len(manifest['media'])} media files."
        )
        for label, count in sorted(manifest["rows"].items()):
            self.stdout.write(f"  {label}: {count}")
        for difference in plan.schema_differences:
            self.stderr.write(f"  schema differs: {difference}")
        for label, count in sorted(plan.existing_rows.items()):
            self.stderr.write(f"  already in the database: {label}: {count}")
        for name in plan.media_conflicts:
            self.stderr.write(f"  already in media storage, different: {name}")
        for username in plan.without_second_factors:
            self.stderr.write(f"  staff account without its second sign-in step: {username}")
