"""The three demo accounts: admin (superuser), editor (Editors), publisher (Publishers), and
the authenticator of those whose role requires a second sign-in step."""

from __future__ import annotations

import os
from base64 import b32decode
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.records import Outcome, Tally
from editorial.roles import EDITORS, PUBLISHERS
from staff.devices import AUTHENTICATOR_NAME, mark_enrolled
from staff.policy import role_requires_second_factor

PASSWORD_VARIABLE = "KORPU_DEMO_PASSWORD"
# Shorter than AUTH_PASSWORD_VALIDATORS allow (12): the validators guard the forms where staff
# choose a password, and create_user/set_password here do not run them, so the documented
# demo password keeps working. A real deployment has no demo accounts.
DEFAULT_PASSWORD = "korpu-demo"
# The authenticator key of the demo accounts whose role requires a second sign-in step
# (staff/policy.py), printed by loaddemo: type it into an authenticator app, or let
# `manage.py totp <username>` print the current code. Public, like the password above.
DEMO_TOTP_SECRET = "KORPUDEMOKORPUDEMOKORPUDEMOKORPU"


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
        if role_requires_second_factor(user):
            tally.add(TOTPDevice, ensure_demo_authenticator(user))
        users.append(user)
    return DemoUsers(*users)


def ensure_demo_authenticator(user: AbstractUser) -> Outcome:
    """Give `user` a confirmed authenticator with the demo key, as the password is reset: one
    set up by hand in the demo is replaced, so the printed key always works."""
    key = b32decode(DEMO_TOTP_SECRET).hex()
    mark_enrolled(user)
    devices = TOTPDevice.objects.filter(user=user)
    if devices.filter(key=key, confirmed=True).exists() and devices.count() == 1:
        return "unchanged"
    outcome: Outcome = "updated" if devices.exists() else "created"
    devices.delete()
    TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, key=key, confirmed=True)
    return outcome


def _role(name: str) -> Group:
    try:
        return Group.objects.get(name=name)
    except Group.DoesNotExist:
        raise LookupError(
            f"Group {name!r} is missing; it is created by the migrations: run 'migrate' first."
        ) from None
