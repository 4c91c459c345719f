"""The three demo accounts: admin (superuser), editor (Editors), publisher (Publishers)."""

from __future__ import annotations

import os
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group

from demo.records import Tally
from editorial.roles import EDITORS, PUBLISHERS

PASSWORD_VARIABLE = "KORPU_DEMO_PASSWORD"
# Shorter than AUTH_PASSWORD_VALIDATORS allow (12): the validators guard the forms where staff
# choose a password, and create_user/set_password here do not run them, so the documented
# demo password keeps working. A real deployment has no demo accounts.
DEFAULT_PASSWORD = "korpu-demo"


class DemoAccount(NamedTuple):
    username: str
    group: str | None
    superuser: bool


DEMO_ACCOUNTS = (
    DemoAccount("admin", None, True),
    DemoAccount("editor", EDITORS, False),
    DemoAccount("publisher", PUBLISHERS, False),
)


class DemoUsers(NamedTuple):
    admin: AbstractUser
    editor: AbstractUser
    publisher: AbstractUser


def demo_password() -> str:
    """The password every demo account gets: KORPU_DEMO_PASSWORD, or the documented default."""
    return os.environ.get(PASSWORD_VARIABLE) or DEFAULT_PASSWORD


def ensure_demo_accounts(*, password: str, tally: Tally) -> DemoUsers:
    """Create the demo accounts, or reset their password; nothing else about them changes.

    Role flags and group membership are only added when missing, so a second run writes
    nothing unless the password differs from the configured one.
    """
    User = get_user_model()
    users = []
    for account in DEMO_ACCOUNTS:
        user = User._default_manager.filter(username=account.username).first()
        if user is None:
            user = User._default_manager.create_user(
                username=account.username,
                password=password,
                is_staff=True,
                is_superuser=account.superuser,
            )
            outcome = "created"
        else:
            outcome = "unchanged"
            if not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
                outcome = "updated"
            if not user.is_staff or (account.superuser and not user.is_superuser):
                user.is_staff = True
                user.is_superuser = user.is_superuser or account.superuser
                user.save(update_fields=["is_staff", "is_superuser"])
                outcome = "updated"
        if account.group and not user.groups.filter(name=account.group).exists():
            user.groups.add(_role(account.group))
            outcome = "updated" if outcome == "unchanged" else outcome
        tally.add(User, outcome)
        users.append(user)
    return DemoUsers(*users)


def _role(name: str) -> Group:
    try:
        return Group.objects.get(name=name)
    except Group.DoesNotExist:
        raise LookupError(
            f"Group {name!r} is missing; it is created by the migrations: run 'migrate' first."
        ) from None
