"""`manage.py resettwostep <username>...`: what the admin's "Reset two-step sign-in" action
does, from the server, for when no superuser can sign in to run it (after a restore with
--without-second-factors every superuser is locked out too)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from staff.devices import remove_second_factor


class Command(BaseCommand):
    help = (
        "Remove the authenticator, recovery codes and enrolment of each user named, so that "
        "they set up two-step sign-in afresh at their next sign-in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("usernames", nargs="+", metavar="username")
        parser.add_argument("--dry-run", action="store_true", help="say what would be reset")

    def handle(self, *args: Any, usernames: list[str], dry_run: bool, **options: Any) -> None:
        users = get_user_model()._default_manager
        found = {user.get_username(): user for user in users.filter(username__in=usernames)}
        unknown = [name for name in usernames if name not in found]
        if unknown:
            raise CommandError(f"No user named {', '.join(map(repr, unknown))}; nothing reset.")
        for username, user in found.items():
            if dry_run:
                self.stdout.write(f"Would reset two-step sign-in of {username}.")
            elif remove_second_factor(user):
                self.stdout.write(f"Reset two-step sign-in of {username}.")
            else:
                self.stdout.write(f"{username} had no second step to reset.")
