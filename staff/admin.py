"""Superusers reset a colleague's second step from the users list (a lost phone); nobody else
can, since Editors and Publishers hold no permission on accounts.

django-otp's own device admins are removed: they show every device's secret key and QR code
to whoever opens them, and a reset is all the admin needs to offer.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.devices import remove_second_factor

User = get_user_model()

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = (*UserAdmin.list_display, "two_step")
    actions = ["reset_two_step"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        authenticators = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_two_step=Exists(authenticators))

    @admin.display(description=_("two-step sign-in"), boolean=True, ordering="has_two_step")
    def two_step(self, user: User) -> bool:
        return user.has_two_step

    @admin.action(description=_("Reset two-step sign-in of selected users"), permissions=["change"])
    def reset_two_step(self, request: HttpRequest, queryset: QuerySet) -> None:
        """Remove their authenticator and recovery codes; at their next admin request they are
        asked to set it up again (if their role requires it), and an open session of theirs
        loses its verification at once."""
        for user in queryset:
            if remove_second_factor(user):
                self.log_change(request, user, "Reset two-step sign-in.")
        count = queryset.count()
        self.message_user(
            request,
            ngettext(
                "Two-step sign-in reset for %(count)d user.",
                "Two-step sign-in reset for %(count)d users.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
