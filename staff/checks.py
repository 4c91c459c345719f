"""`check --deploy` warns when the second sign-in step is switched off (CI fails on it)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def second_step_is_on(**kwargs: Any) -> list[Warning]:
    if settings.STAFF_2FA_REQUIRED:
        return []
    return [
        Warning(
            "STAFF_2FA_REQUIRED is off: superusers and Publishers sign in to the admin with "
            "a password alone, and nobody is asked for a code.",
            hint="Unset STAFF_2FA_REQUIRED (it is on by default); only the tests turn it off.",
            id="staff.W001",
        )
    ]
