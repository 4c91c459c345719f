"""A staff member's second step: setting up an authenticator app and its recovery codes,
checking a code at sign-in, and removing them. Views, the admin and the demo loader call these.

The authenticator is django-otp's TOTPDevice; recovery codes are one StaticDevice holding
single-use StaticTokens. Both libraries' throttling applies: after each wrong code a device
refuses every code for 1, 2, 4, 8... seconds, and a right code is accepted once only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.models import Enrolment
from staff.policy import authenticator

RECOVERY_CODES = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
TOTP_DIGITS = 6


@dataclass(frozen=True)
class Check:
    """The outcome of checking one code: the device that accepted it, or why none did."""

    device: Device | None = None
    # Set when the device is throttled after wrong codes: no code is looked at before then.
    retry_at: datetime | None = None


def normalise(code: str) -> str:
    """What people type: spaces or a hyphen inside a code, recovery codes in capitals."""
    return "".join(code.split()).replace("-", "").lower()


def is_authenticator_code(code: str) -> bool:
    """Six digits come from the app; anything else can only be a recovery code (8 letters)."""
    return len(code) == TOTP_DIGITS and code.isdigit()


def pending_authenticator(user: Any) -> TOTPDevice:
    """The authenticator `user` is setting up, unconfirmed until its first code is entered.

    Kept in the database across page loads, so reloading the page does not show a new QR code
    after the phone has scanned the first one.
    """
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def confirm_authenticator(*, user: Any, code: str) -> tuple[Check, list[str]]:
    """Confirm `user`'s pending authenticator with the first code it shows.

    Returns the check and, when it passed, the new recovery codes (to be shown once). Only
    `user`'s own pending device is looked at: nobody can confirm a device for someone else.
    Refuses (as a wrong code) when `user` already has an authenticator, or had one that is gone
    without a reset (staff/models.py): a session that has only the password must not add one.
    """
    code = normalise(code)
    with transaction.atomic():
        if authenticator(user) is not None or Enrolment.objects.filter(user=user).exists():
            return Check(), []
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        check = _verify(device, code) if is_authenticator_code(code) else Check()
        if check.device is None:
            return check, []
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        mark_enrolled(user)
        return check, replace_recovery_codes(user)


def mark_enrolled(user: Any) -> bool:
    """Record that `user` has a second step (staff/models.py), for every way a device comes to
    be: set-up, the demo loader, a restore that lost it. Returns whether the mark is new."""
    _, created = Enrolment.objects.get_or_create(user=user)
    return created


def check_code(*, user: Any, code: str) -> Check:
    """Check a code typed at sign-in: six digits against the app, else the recovery codes.

    Only one device is tried, so a wrong code slows down one device, not both.
    """
    code = normalise(code)
    model = TOTPDevice if is_authenticator_code(code) else StaticDevice
    with transaction.atomic():
        device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
        return _verify(device, code)


def _verify(device: TOTPDevice | StaticDevice | None, code: str) -> Check:
    if device is None:
        return Check()
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return Check(retry_at=(details or {}).get("locked_until"))
    return Check(device=device if device.verify_token(code) else None)


def replace_recovery_codes(user: Any) -> list[str]:
    """Give `user` a fresh set of single-use recovery codes; the old ones stop working."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        return codes


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_second_factor(user: Any) -> int:
    """Remove `user`'s authenticator, recovery codes and enrolment mark: a reset, after which
    the set-up page opens to them again. Their next admin request asks them to set it up if
    their role requires it. Returns how many devices and marks were removed."""
    rows = [
        TOTPDevice.objects.filter(user=user),
        StaticDevice.objects.filter(user=user),
        Enrolment.objects.filter(user=user),
    ]
    with transaction.atomic():
        removed = sum(queryset.count() for queryset in rows)
        for queryset in rows:
            queryset.delete()  # a device's recovery codes go with it
    return removed
