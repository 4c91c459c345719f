"""Photos in the admin: the form that checks and cleans an upload, the inline on every item that
has photos, the photos column of its list, and the one list of every photo (credits, consent)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationGenericStackedInline

from editorial.admin.autocomplete import CheckedAutocompleteMixin
from editorial.admin.children import LiveItemGuardMixin
from editorial.admin.languages import language_rows, localized_names, textarea_rows
from editorial.admin.lists import ListPrefetchMixin
from editorial.models import Photo
from editorial.renditions import ensure_renditions_on_commit, smallest_rendition
from editorial.uploads import validate_and_clean

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


class PhotoColumnsMixin:
    """The preview and visibility columns of a photo, in a list or an inline."""

    @admin.display(description=_("preview"))
    def preview(self, photo: Photo) -> str:
        return photo_preview(photo)

    @admin.display(description=_("visibility"))
    def visibility(self, photo: Photo) -> str:
        return photo_visibility(photo)


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


class PhotoInline(PhotoColumnsMixin, TranslationGenericStackedInline):
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


class NeedsConsentFilter(admin.SimpleListFilter):
    title = _("consent")
    parameter_name = "needs_consent"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", _("Shows minors without consent on file"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Photo]) -> QuerySet[Photo]:
        if self.value() == "yes":
            return queryset.filter(shows_minors=True, consent_on_file=False)
        return queryset


@admin.register(Photo)
class PhotoAdmin(PhotoColumnsMixin, LiveItemGuardMixin, ListPrefetchMixin, TranslationAdmin):
    """Every photo in one list, to check credits and consent; photos are added on their item."""

    form = PhotoForm
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "attached_to",
                    ("preview", "image"),
                    ("order", "role"),
                    ("taken_on", "credit"),
                    ("shows_minors", "consent_on_file", "visibility"),
                ]
            },
        ),
        (_("Texts"), {"fields": language_rows(Photo)}),
        (
            _("Cropping"),
            {"fields": [("focal_x", "focal_y")], "classes": ["collapse"]},
        ),
        (
            _("File"),
            {"fields": [("width", "height"), "created_at"], "classes": ["collapse"]},
        ),
    ]
    readonly_fields = ("attached_to", "preview", "visibility", "width", "height", "created_at")
    list_display = (
        "preview",
        "__str__",
        "attached_to",
        "role",
        "credit",
        "taken_on",
        "order",
        "visibility",
    )
    list_display_links = ("preview", "__str__")
    list_select_related = ("content_type",)
    list_prefetch_related = ("content_object", "renditions")
    list_filter = (
        NeedsConsentFilter,
        "shows_minors",
        "consent_on_file",
        "role",
        ("content_type", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = [*localized_names("caption", "alt_text"), "credit"]
    search_help_text = _("Searches caption and alt text in every language, and the credit.")

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A photo needs the item it belongs to; it is added in that item's form.
        return False

    def save_model(self, request: HttpRequest, obj: Photo, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if "image" in form.changed_data:
            ensure_renditions_on_commit([obj])

    @admin.display(description=_("attached to"), ordering="content_type")
    def attached_to(self, photo: Photo) -> str:
        owner = photo.content_object
        if owner is None:
            return ""
        opts = owner._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[owner.pk])
        except NoReverseMatch:
            return f"{opts.verbose_name}: {owner}"
        return format_html('{}: <a href="{}">{}</a>', opts.verbose_name, url, owner)
