"""`manage.py seedbulk`: a large synthetic record for benchmarks (see `demo.bulk`)."""

from __future__ import annotations

import argparse
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from demo.bulk import (
    DEFAULT_SEED,
    MAX_PARTNERSHIPS,
    Counts,
    Seeder,
    delete_seeded,
    existing_content,
    seeded_rows,
)
from demo.bulk_media import MediaUnavailable, media_root

OPTIONS = {
    "aid_packages": "--aid-packages",
    "projects": "--projects",
    "groups": "--groups",
    "partnerships": "--partnerships",
}


def item_count(value: str) -> int:
    """A whole number of items, zero or more."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return number


def scale(value: str) -> float:
    """A factor above zero."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"{value} is not a number above zero")
    return number


class Command(BaseCommand):
    help = (
        "Fill the database with a large synthetic record for benchmarks: by default "
        f"{Counts().aid_packages} aid packages, {Counts().projects} projects, "
        f"{Counts().groups} rehabilitation groups and {Counts().partnerships} partnerships, "
        "with items, milestones, sources, photos and renditions, in English, Ukrainian and "
        "Azerbaijani, mostly published. Refuses a database that already holds a record "
        "unless --replace, which deletes what an earlier seedbulk wrote and nothing else."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        defaults = Counts()
        for name, flag in OPTIONS.items():
            parser.add_argument(
                flag,
                type=item_count,
                dest=name,
                metavar="N",
                help=f"How many to create (default {getattr(defaults, name)}, or scaled).",
            )
        parser.add_argument(
            "--scale",
            type=scale,
            default=1.0,
            help="Multiply the default counts, e.g. 0.01 (at least one of each); "
            "a count given on its own is taken as is.",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="Random seed: same seed, same record."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the rows and files an earlier seedbulk wrote (slugs 'bulk-...'), then "
            "seed; a record from elsewhere (e.g. loaddemo) is kept.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be deleted and created."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = self._counts(options)
        try:
            media_root()
        except MediaUnavailable as error:
            raise CommandError(str(error)) from error
        seeded = seeded_rows() if options["replace"] else {}
        if not options["replace"] and (content := existing_content()):
            found = ", ".join(f"{count} {label}" for label, count in content.items())
            raise CommandError(
                f"The database already holds a record ({found}). Run seedbulk on an empty, "
                "migrated database, or pass --replace to delete what an earlier seedbulk "
                "wrote and seed alongside the rest."
            )
        if options["dry_run"]:
            self._plan(counts, seeded)
            return
        if seeded:
            started = time.monotonic()
            deleted = sum(delete_seeded().values())
            took = time.monotonic() - started
            self.stdout.write(f"Deleted {deleted} rows of an earlier seedbulk ({took:.1f} s).")
        created = Seeder(counts, seed=options["seed"], report=self.stdout.write).run()
        for label, rows in sorted(created.items()):
            self.stdout.write(f"  {label}: {rows}")
        self.stdout.write(
            self.style.SUCCESS(f"Seeded {sum(created.values())} rows in {len(created)} tables.")
        )

    def _counts(self, options: dict[str, Any]) -> Counts:
        scaled = Counts().scaled(options["scale"])
        counts = Counts(
            **{
                name: scaled_value if options[name] is None else options[name]
                for name, scaled_value in vars(scaled).items()
            }
        )
        if counts.partnerships > MAX_PARTNERSHIPS:
            raise CommandError(
                f"At most {MAX_PARTNERSHIPS} partnerships: one per pair of the synthetic "
                "Ukrainian and Azerbaijani cities."
            )
        if not counts.items():
            raise CommandError("Nothing to create: every count is zero.")
        return counts

    def _plan(self, counts: Counts, seeded: dict[str, int]) -> None:
        for label, rows in seeded.items():
            self.stdout.write(f"Would delete {rows} {label} of an earlier seedbulk.")
        for name in OPTIONS:
            self.stdout.write(f"Would create {getattr(counts, name)} {name.replace('_', ' ')}.")
        self.stdout.write(self.style.WARNING("Dry run: nothing changed."))
