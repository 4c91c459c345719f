"""The one thing staff/ keeps beside django-otp's devices: which accounts have set up a second
step. django-otp's rows say which devices exist now; this says an account once had one, so that
when its devices are gone (a restore from an older archive, rows deleted by hand) the account
is stopped after the password instead of being offered a fresh set-up, which would let a
password alone enrol a new phone. Only a reset (staff.devices.remove_second_factor) clears it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    """`user` has set up two-step sign-in, and has not been reset since."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="second_step_enrolment",
        verbose_name=_("user"),
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)

    class Meta:
        verbose_name = _("two-step sign-in enrolment")
        verbose_name_plural = _("two-step sign-in enrolments")

    def __str__(self) -> str:
        return str(self.user)
