"""Running `loaddemo` from the demo tests."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def loaddemo(*args: str) -> str:
    """Run `manage.py loaddemo` and return what it printed."""
    out = StringIO()
    call_command("loaddemo", *args, stdout=out)
    return out.getvalue()
