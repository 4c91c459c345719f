"""Partner keys in the admin: issue (the key is shown once), list, revoke.

Django's own model permissions guard it (`partners.add_partnerkey` and so on). No role group
is given them, so only superusers, and anyone a superuser grants them to, see the keys;
Editors and Publishers do not.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from partners.models import PartnerKey


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "contact_email", "created_at", "last_used_at", "revoked"]
    list_select_related = ["created_by"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "contact_email", "prefix"]
    actions = ["revoke_keys"]
    readonly_fields = ["prefix", "created_at", "created_by", "last_used_at", "revoked_at"]
    fieldsets = [
        (_("Partner"), {"fields": ["name", "contact_email", "rate"]}),
        (_("Key"), {"fields": readonly_fields}),
    ]

    @admin.display(boolean=True, description=_("revoked"), ordering="revoked_at")
    def revoked(self, key: PartnerKey) -> bool:
        return key.is_revoked

    def get_fieldsets(self, request: HttpRequest, obj: PartnerKey | None = None) -> Any:
        # A new key has nothing to show in "Key" until it is saved.
        return self.fieldsets if obj else self.fieldsets[:1]

    def save_model(
        self, request: HttpRequest, obj: PartnerKey, form: ModelForm, change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        key = obj.set_new_key()
        obj.created_by = request.user
        super().save_model(request, obj, form, change)
        messages.warning(
            request,
            _(
                "The key for %(name)s is %(key)s. Copy it now and send it to the partner: it is "
                "shown only this once and is not stored, only its hash. Partners send it as "
                "“Authorization: Api-Key <key>”."
            )
            % {"name": obj.name, "key": key},
        )

    @admin.action(description=_("Revoke selected keys"), permissions=["change"])
    def revoke_keys(self, request: HttpRequest, queryset: QuerySet[PartnerKey]) -> None:
        revoked = queryset.revoke()
        self.message_user(request, _("%(count)d key(s) revoked.") % {"count": revoked})

    def has_delete_permission(self, request: HttpRequest, obj: PartnerKey | None = None) -> bool:
        """Keys are revoked, not deleted: the row records who had access until when."""
        return False
