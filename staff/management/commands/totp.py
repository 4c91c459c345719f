"""`manage.py totp <username>`: the code a user's authenticator app shows now, for local demo
work without a phone. It reads the secret from the database, so it runs only in DEBUG."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import TOTP

from staff.policy import authenticator


class Command(BaseCommand):
    help = (
        "Print the current sign-in code of a user's authenticator app (demo accounts: admin, "
        "publisher). Runs only with DJANGO_DEBUG=1."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "totp prints codes from the secrets in the database: it runs only with "
                "DJANGO_DEBUG=1, on a demo or development copy."
            )
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        device = authenticator(user)
        if device is None:
            raise CommandError(f"{username} has not set up two-step sign-in.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time()
        code = str(totp.token()).zfill(device.digits)
        left = device.step - int(totp.time - device.t0) % device.step
        self.stdout.write(code)
        self.stderr.write(
            f"Valid for {left} more seconds; each code signs in once, so after using it wait "
            "for the next one."
        )
