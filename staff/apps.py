from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """The second sign-in step for staff (TOTP codes through django-otp)."""

    name = "staff"
    verbose_name = _("Staff sign-in")

    def ready(self) -> None:
        # Registers the deploy check that warns when the second step is switched off.
        from staff import checks  # noqa: F401
