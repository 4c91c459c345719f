"""manage.py backup: the whole record (database content and media files) in one archive."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Write the database content (as Django JSON) and every media file, with SHA-256 "
        "checksums, to PATH: a .tar.gz file, or a new or empty directory. See ops/backup.py."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", type=Path, help="archive.tar.gz, or a directory")

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            result = write_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for label, count in sorted(result.rows.items()):
            self.stdout.write(f"  {label}: {count}")
        for name in result.missing_media:
            self.stderr.write(f"  missing from media storage, not in the archive: {name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {sum(result.rows.values())} rows and {result.media_files} media "
                f"files ({result.media_bytes} bytes) to {result.path}"
            )
        )
