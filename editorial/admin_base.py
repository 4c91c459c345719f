"""What the admins of publishable items share: language fieldsets, the photo inline, list helpers
and the save path of a publishable, which calls `editorial/workflow.py` for every rule.

A draft's save is recorded by `workflow.record_save`; a live item's save is held for approval by
`workflow.hold_pending`; a form opened at an older version is refused by `workflow.check_version`.
Transitions, review and history are in `editorial/admin_workflow.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AdminTextareaWidget
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationGenericStackedInline
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname, get_translation_fields

from editorial import workflow
from editorial.admin_autocomplete import CheckedAutocompleteMixin
from editorial.admin_photos import BulkPhotoUploadMixin
from editorial.admin_workflow import WorkflowAdminMixin
from editorial.models import Photo, Publishable, Status
from editorial.publishing import publishable_owner
from editorial.renditions import ensure_renditions_on_commit, smallest_rendition
from editorial.revisions import Revision, RevisionState
from editorial.snapshots import take_snapshot
from editorial.uploads import validate_and_clean

User = AbstractBaseUser | AnonymousUser
Fieldsets = list[tuple[Any, dict[str, Any]]]

# --- Translated fields, grouped by language -------------------------------------------------


def translated_fields(model: type[models.Model]) -> list[str]:
    """The model's translated fields in the order the model declares them.

    The registry keeps them in a set, whose order changes from one process to the next.
    """
    if model not in translator.get_registered_models():
        return []
    registered = translator.get_options_for_model(model).all_fields
    return [field.name for field in model._meta.concrete_fields if field.name in registered]


def localized_names(*fields: str) -> list[str]:
    """Every language's column for each of `fields`, e.g. for search_fields."""
    return get_translation_fields(*fields)


def language_rows(model: type[models.Model]) -> list[tuple[str, ...]]:
    """One row per language with that language's version of every translated field."""
    fields = translated_fields(model)
    return [
        tuple(build_localized_fieldname(field, code) for field in fields)
        for code in AVAILABLE_LANGUAGES
    ]


def language_fieldsets(model: type[models.Model]) -> Fieldsets:
    """One fieldset per language, named in that language ("Українська"), one field a line."""
    return [
        (get_language_info(code)["name_local"], {"fields": list(row)})
        for code, row in zip(AVAILABLE_LANGUAGES, language_rows(model), strict=True)
    ]


def language_columns(model: type[models.Model]) -> list[str]:
    """The translated fields of a tabular inline, language by language."""
    return [name for row in language_rows(model) for name in row]


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


# --- Editorial state: the admin's side of editorial/workflow.py ------------------------------


def may_change_child(user: User, obj: models.Model) -> bool:
    """A child edited on its own page (a milestone, a photo) changes its live item at once,
    without a pending revision: editors may do that only while the item is not public, and
    nobody while the item is archived."""
    owner = publishable_owner(obj)
    if owner is None or owner.edits_in_place():
        return True
    return owner.status == Status.PUBLISHED and workflow.may_publish(user, type(owner))


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


# --- Photos -----------------------------------------------------------------------------------

THUMBNAIL_WIDTH = 96


def photo_preview(photo: Photo) -> str:
    """A thumbnail linking to the original: the smallest rendition when renditions were
    prefetched (the inline does), else the original itself."""
    if not photo.image:
        return ""
    rendition = smallest_rendition(photo)
    return format_html(
        '<a href="{}"><img src="{}" alt="{}" width="{}" loading="lazy"></a>',
        photo.image.url,
        rendition.file.url if rendition else photo.image.url,
        photo.alt_text,
        THUMBNAIL_WIDTH,
    )


def warning(message: str) -> str:
    """A warning in the admin's own look: its alert icon and strong text."""
    return format_html(
        '<img src="{}" alt="" width="14" height="14"> <strong>{}</strong>',
        static("admin/img/icon-alert.svg"),
        message,
    )


def photo_visibility(photo: Photo) -> str:
    if photo.is_public():
        return ""
    return warning(_("Hidden from the public: shows minors and no consent is on file."))


class PhotoUploadField(forms.ImageField):
    """An image field that leaves every check of the file to `validate_and_clean`, so that each
    refusal gets its own message (Django's field has one message for all, and judges the
    uploaded name's extension)."""

    default_validators = []

    def to_python(self, data: UploadedFile | None) -> UploadedFile | None:
        return forms.FileField.to_python(self, data)


class PhotoForm(forms.ModelForm):
    """The form of a photo, inline or on its own page: an uploaded file is checked, turned
    upright and stripped of its metadata, and the clean copy is what gets stored."""

    class Meta:
        model = Photo
        fields = ("image",)  # the admin adds the fields of its fieldsets
        field_classes = {"image": PhotoUploadField}

    def clean_image(self) -> File | None:
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            return validate_and_clean(image)
        return image  # the stored file, kept when nothing new was uploaded


class PhotoInline(TranslationGenericStackedInline):
    model = Photo
    form = PhotoForm
    extra = 0
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("preview", "image"),
                    ("order", "role"),
                    ("taken_on", "credit"),
                    ("shows_minors", "consent_on_file", "visibility"),
                    *language_rows(Photo),
                ]
            },
        )
    ]
    readonly_fields = ("preview", "visibility")

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        return super().get_queryset(request).prefetch_related("renditions")  # for the previews

    @admin.display(description=_("preview"))
    def preview(self, photo: Photo) -> str:
        return photo_preview(photo)

    @admin.display(description=_("visibility"))
    def visibility(self, photo: Photo) -> str:
        return photo_visibility(photo)


# --- Lists ------------------------------------------------------------------------------------


def grouped_number(value: Decimal | None) -> str | None:
    """A number with thousands grouped in the reader's locale; cents only when there are any."""
    if value is None:
        return None
    places = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=places, force_grouping=True)


def textarea_rows(rows: int) -> dict[type[models.Field], dict[str, Any]]:
    """formfield_overrides for text areas of `rows` lines.

    Every text comes in three languages; the default ten lines make a very long page.
    """
    return {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": rows})}}


def year_filter(field: str, label: str) -> type[admin.SimpleListFilter]:
    """A list filter by the year of a date field, offering only the years that occur."""

    class YearFilter(admin.SimpleListFilter):
        title = label
        parameter_name = f"{field}_year"

        def lookups(
            self, request: HttpRequest, model_admin: admin.ModelAdmin
        ) -> list[tuple[str, str]]:
            years = model_admin.get_queryset(request).dates(field, "year", order="DESC")
            return [(str(day.year), str(day.year)) for day in years]

        def queryset(self, request: HttpRequest, queryset: models.QuerySet) -> models.QuerySet:
            value = self.value()
            if value and value.isdigit():
                return queryset.filter(**{f"{field}__year": int(value)})
            return queryset

    return YearFilter


class _PrefetchingChangeList(ChangeList):
    def get_results(self, request: HttpRequest) -> None:
        super().get_results(request)
        # Only the page of rows shown gets the prefetch; counts and date lists stay plain.
        lookups = self.model_admin.get_list_prefetch_related(request)
        if lookups:
            self.result_list = self.result_list.prefetch_related(*lookups)


class ListPrefetchMixin:
    """`list_prefetch_related`: the many-valued relations the changelist columns show."""

    list_prefetch_related: Sequence[str | Prefetch] = ()

    def get_list_prefetch_related(self, request: HttpRequest) -> list[str | Prefetch]:
        return list(self.list_prefetch_related)

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return _PrefetchingChangeList


class LiveItemGuardMixin:
    """Shows a child of a live or archived item read-only to users who may not change it."""

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_change_child(request.user, obj))

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_change_child(request.user, obj))

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        self._record_on_owner(request, obj, _("“%(child)s” changed on its own page."))

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        owner = publishable_owner(obj)
        super().delete_model(request, obj)
        self._record_on_owner(request, obj, _("“%(child)s” deleted."), owner)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        for child in queryset:
            self.delete_model(request, child)

    def _record_on_owner(
        self,
        request: HttpRequest,
        child: models.Model,
        comment: str,
        owner: Publishable | None = None,
    ) -> None:
        """The item's history shows the change, and open forms of the item become outdated."""
        owner = owner or publishable_owner(child)
        if owner is not None:
            workflow.record_child_change(
                owner=owner, user=request.user, comment=comment % {"child": child}
            )


class PhotoOwnerAdmin(CheckedAutocompleteMixin, ListPrefetchMixin, TranslationAdmin):
    """An admin of something photos are attached to: the photo inline and a photos column."""

    inlines = [PhotoInline]
    formfield_overrides = textarea_rows(5)

    def get_list_prefetch_related(self, request: HttpRequest) -> list[str | Prefetch]:
        lookups = super().get_list_prefetch_related(request)
        if "photo_summary" in self.get_list_display(request):
            fields = ("id", "content_type_id", "object_id", "shows_minors", "consent_on_file")
            lookups.append(Prefetch("photos", queryset=Photo.objects.only(*fields)))
        return lookups

    def save_formset(
        self, request: HttpRequest, form: forms.ModelForm, formset: Any, change: bool
    ) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is Photo:
            changed = [photo for photo, fields in formset.changed_objects if "image" in fields]
            ensure_renditions_on_commit([*formset.new_objects, *changed])

    @admin.display(description=_("photos"))
    def photo_summary(self, obj: models.Model) -> str:
        photos = obj.photos.all()
        hidden = sum(1 for photo in photos if not photo.is_public())
        if not hidden:
            return str(len(photos))
        return format_html(
            "{} {}",
            len(photos),
            warning(_("%(count)d hidden (minors, no consent)") % {"count": hidden}),
        )


class PublishableAdmin(BulkPhotoUploadMixin, WorkflowAdminMixin, PhotoOwnerAdmin):
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
        return allowed and (obj is None or obj.status != Status.ARCHIVED)

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
        if change and obj.status == Status.PUBLISHED:
            # The live row must not change: everything is written inside a savepoint, read
            # back as a snapshot, and rolled back in save_related.
            request._workflow_savepoint = transaction.savepoint()
        if not change:
            # record_save sets created_by on its own copy but does not write it.
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(
        self, request: HttpRequest, form: forms.ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        obj = form.instance
        savepoint = getattr(request, "_workflow_savepoint", None)
        if savepoint is None:
            workflow.record_save(obj=obj, user=request.user, created=not change)
            return
        snapshot = take_snapshot(obj)
        transaction.savepoint_rollback(savepoint)
        workflow.hold_pending(
            obj=obj,
            user=request.user,
            snapshot=snapshot,
            base_version=form.cleaned_data["version"],
        )
        request._workflow_held = True

    def construct_change_message(
        self, request: HttpRequest, form: forms.ModelForm, formsets: Any, add: bool = False
    ) -> list[dict[str, Any]] | str:
        # The admin's log would otherwise say "Changed title" of a row that did not change.
        if getattr(request, "_workflow_held", False):
            return str(_("Proposed a change, held for a publisher's approval."))
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request: HttpRequest, obj: Publishable) -> HttpResponse:
        if getattr(request, "_workflow_held", False):
            self.message_user(request, HELD_FOR_APPROVAL, messages.WARNING)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)
