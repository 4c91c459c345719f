"""`manage.py loaddemo`: the demo record and the demo accounts, idempotently."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from demo.accounts import DEMO_ACCOUNTS, DEMO_TOTP_SECRET, PASSWORD_VARIABLE, demo_password
from demo.services import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo record (the seed texts' facts, with labelled illustrations) and the "
        "demo accounts admin, editor and publisher. Safe to run again: it changes only what "
        f"differs, and resets the accounts' password to ${PASSWORD_VARIABLE} (or the default) "
        "and their authenticator to the printed demo key."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do everything, report it, then roll it back and remove the files written.",
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        password = demo_password()
        self.stdout.write(f"Demo password: {password}")
        for account in DEMO_ACCOUNTS:
            role = "superuser" if account.superuser else f"staff, group {account.group}"
            self.stdout.write(f"  {account.username} ({role})")
        key = " ".join(DEMO_TOTP_SECRET[i : i + 4] for i in range(0, len(DEMO_TOTP_SECRET), 4))
        self.stdout.write(
            f"Two-step sign-in, for the accounts whose role requires it: authenticator key {key}"
            " (time-based), or `DJANGO_DEBUG=1 python manage.py totp <username>` prints the code."
        )
        try:
            tally = load_demo(password=password, dry_run=dry_run)
        except LookupError as error:
            raise CommandError(str(error)) from error
        for line in tally.lines():
            self.stdout.write(f"  {line}")
        summary = (
            f"{tally.total('created')} created, {tally.total('updated')} updated, "
            f"{tally.total('unchanged')} unchanged"
        )
        if dry_run:
            self.stdout.write(self.style.WARNING(f"Dry run, rolled back: {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Demo record loaded: {summary}."))
