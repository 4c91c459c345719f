"""Who must sign in with a second step, and who has one.

Superusers and Publishers can change what the public reads (and superusers, who may do), so
a stolen password alone must not be enough for them. Editors' changes wait for a publisher's
approval, so for them the second step is optional unless STAFF_2FA_FOR_EDITORS says otherwise.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import EDITORS, PUBLISHERS
from staff.models import Enrolment


def role_requires_second_factor(user: Any) -> bool:
    """Whether `user`'s role calls for a second step, whatever STAFF_2FA_REQUIRED says.

    The demo loader asks this too, to give the accounts that need one a device.
    """
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    roles = [PUBLISHERS, EDITORS] if settings.STAFF_2FA_FOR_EDITORS else [PUBLISHERS]
    return user.groups.filter(name__in=roles).exists()


def second_factor_required(user: Any) -> bool:
    """Whether `user` may not use the admin without a second step (enrolling if need be)."""
    return settings.STAFF_2FA_REQUIRED and role_requires_second_factor(user)


def authenticator(user: Any) -> TOTPDevice | None:
    """`user`'s confirmed authenticator app, if they have set one up."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def second_factor_missing(user: Any) -> bool:
    """Whether `user` has set up a second step that is no longer there: enrolled (staff/models.py)
    but without a confirmed authenticator. Such an account may not set up another on the
    strength of its password; a superuser's reset lets it."""
    if not user.is_authenticated:
        return False
    return Enrolment.objects.filter(user=user).exists() and authenticator(user) is None
