"""`manage.py rebuildsearch`: rewrite the search documents that differ from their rows."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from public.documents import DocumentsUnavailable, rebuild_documents


class Command(BaseCommand):
    help = (
        "Rewrite the stored search documents (PostgreSQL) that are missing or differ from what "
        "the content rows say, and count them. The database keeps them right as rows change: "
        "run this after loading rows with triggers disabled, or to check that none is stale."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the documents that would be rewritten; change nothing.",
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        started = time.monotonic()
        try:
            rebuilt = rebuild_documents(dry_run=dry_run)
        except DocumentsUnavailable as error:
            raise CommandError(str(error)) from error
        took = time.monotonic() - started
        for kind in rebuilt:
            self.stdout.write(
                f"  {kind.kind.model._meta.verbose_name_plural}: {kind.written} of "
                f"{kind.items} documents {'to rewrite' if dry_run else 'rewritten'}"
            )
        written = sum(kind.written for kind in rebuilt)
        if dry_run:
            self.stdout.write(f"Dry run: {written} documents out of date; nothing changed.")
            return
        self.stdout.write(
            self.style.SUCCESS(f"Rewrote {written} search documents in {took:.1f} s.")
        )
