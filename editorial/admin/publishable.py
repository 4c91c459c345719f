"""The admin of a publishable item: its fieldsets, its form (which refuses a save based on an
older version), its list's pending-change column, and its save path, which calls
`editorial/workflow.py` for every rule.

A save of the form is `workflow.save_edit`: recorded as a revision for a draft, held for
approval for a live item; a form opened at an older version is refused by
`workflow.check_version`. Transitions and review are in `workflow_views.py`, the history in
`history_views.py`, photo upload in `photo_upload.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from editorial import workflow
from editorial.admin.history_views import HistoryAdminMixin
from editorial.admin.languages import Fieldsets, language_fieldsets
from editorial.admin.photo_upload import BulkPhotoUploadMixin
from editorial.admin.photos import PhotoOwnerAdmin
from editorial.admin.workflow_views import WorkflowAdminMixin
from editorial.models import Publishable, Status
from editorial.revisions import Revision, RevisionState

PUBLISHING_FIELDS = ("slug", "status", ("publish_at", "expire_at"), "on_save")
STATE_FIELDS = Publishable.STATE_FIELDS
# `saved_version` shows the version: `version` is the form's hidden field that carries it.
AUDIT_FIELDS = ("saved_version", *Publishable.AUDIT_FIELDS)


def publishable_fieldsets(model: type[Publishable], content: Sequence[Any]) -> Fieldsets:
    """Content, then each language, then publishing and the read-only audit trail."""
    return [
        (_("Content"), {"fields": list(content)}),
        *language_fieldsets(model),
        (_("Publishing"), {"fields": list(PUBLISHING_FIELDS)}),
        (_("Audit"), {"fields": list(AUDIT_FIELDS), "classes": ["collapse"]}),
    ]


def save_note(obj: Publishable | None) -> str:
    """What saving the form will do, in the item's current state."""
    if obj is None or obj.pk is None:
        return _("A new item is saved as a draft. Send it for review when it is ready.")
    return {
        Status.DRAFT: _("Saving keeps the item a draft: nothing reaches the public."),
        Status.IN_REVIEW: _("Saving keeps the item in review: nothing reaches the public."),
        Status.PUBLISHED: _(
            "This item is live. Saving holds your change for a publisher's approval; "
            "the public keeps seeing the approved version until then."
        ),
        Status.ARCHIVED: _("Archived items are read-only. Restore it from the archive to edit."),
    }[obj.status]


class PublishableAdminForm(forms.ModelForm):
    """Carries the version the form was opened at, and refuses a save based on an older one."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        expected = cleaned.get("version")
        if expected is None:
            raise forms.ValidationError(
                _("This form has lost track of the version it was opened at; reload the page."),
                code="no_version",
            )
        # The admin's change view runs in one transaction: the row stays locked until saved.
        try:
            workflow.check_version(self.instance, expected_version=expected)
        except workflow.EditConflict as conflict:
            raise forms.ValidationError(str(conflict), code="edit_conflict") from conflict
        return cleaned


HELD_FOR_APPROVAL = _(
    "Your change is waiting for a publisher's approval; the public still sees the approved version."
)


class PublishableAdmin(
    BulkPhotoUploadMixin, HistoryAdminMixin, WorkflowAdminMixin, PhotoOwnerAdmin
):
    """The admin of a publishable item. State changes are buttons that call the workflow; a save
    of a draft is recorded as a revision, a save of a live item is held for approval."""

    form = PublishableAdminForm
    readonly_fields = (*STATE_FIELDS, "on_save", *AUDIT_FIELDS)
    prepopulated_fields = {"slug": ("title_en",)}
    list_filter = ("status",)
    list_per_page = 50
    change_form_template = "admin/editorial/publishable_change_form.html"

    def view_on_site(self, obj: Publishable) -> str | None:
        """ "View on site" only where the public can see the item; staff use Preview otherwise."""
        if not obj.public_url_name or not obj.is_public():
            return None
        return obj.get_absolute_url()

    # --- Permissions -----------------------------------------------------------------------

    def has_change_permission(self, request: HttpRequest, obj: Publishable | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.takes_edits(obj))

    def has_delete_permission(self, request: HttpRequest, obj: Publishable | None = None) -> bool:
        # Deleting a record means archiving it; only a superuser may remove one for good.
        return request.user.is_active and request.user.is_superuser

    # --- Lists -----------------------------------------------------------------------------

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        pending = Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=OuterRef("pk"),
            state=RevisionState.PENDING,
        )
        return super().get_queryset(request).annotate(has_pending=Exists(pending))

    @admin.display(description=_("pending change"), boolean=True, ordering="has_pending")
    def pending_change(self, obj: Publishable) -> bool:
        return getattr(obj, "has_pending", False)

    @admin.display(description=_("version"))
    def saved_version(self, obj: Publishable) -> int:
        return obj.version

    @admin.display(description=_("when you save"))
    def on_save(self, obj: Publishable | None) -> str:
        return save_note(obj)

    # --- The change form -------------------------------------------------------------------

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Publishable | None = None,
    ) -> HttpResponse:
        # Django has loaded the item and checked the permission by now: no second look-up.
        if obj is not None and obj.pk is not None:
            context.update(self.workflow_context(request, obj))
            context.update(self.photo_upload_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(
        self, request: HttpRequest, obj: Publishable, form: forms.ModelForm, change: bool
    ) -> None:
        """Nothing yet: the row is written with its inline children in save_related, where the
        workflow decides whether the save stands or waits for approval."""

    def save_related(
        self, request: HttpRequest, form: forms.ModelForm, formsets: Any, change: bool
    ) -> None:
        def write() -> None:
            super(PublishableAdmin, self).save_model(request, form.instance, form, change)
            super(PublishableAdmin, self).save_related(request, form, formsets, change)

        workflow.save_edit(
            obj=form.instance,
            user=request.user,
            created=not change,
            base_version=form.cleaned_data["version"],
            write=write,
        )

    def construct_change_message(
        self, request: HttpRequest, form: forms.ModelForm, formsets: Any, add: bool = False
    ) -> list[dict[str, Any]] | str:
        # The admin's log would otherwise say "Changed title" of a row that did not change.
        if not add and workflow.held_for_approval(form.instance):
            return str(_("Proposed a change, held for a publisher's approval."))
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request: HttpRequest, obj: Publishable) -> HttpResponse:
        if workflow.held_for_approval(obj):
            self.message_user(request, HELD_FOR_APPROVAL, messages.WARNING)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)
