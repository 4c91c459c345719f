"""Admin for what every published thing shares: organisations, places, sources and photos."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from modeltranslation.admin import TranslationAdmin

from editorial.admin_autocomplete import CheckedAutocompleteMixin
from editorial.admin_base import (
    ListPrefetchMixin,
    LiveItemGuardMixin,
    PhotoForm,
    language_fieldsets,
    language_rows,
    localized_names,
    photo_preview,
    photo_visibility,
)
from editorial.models import Organization, Photo, Place, SharedRecord, Source
from editorial.renditions import ensure_renditions_on_commit
from editorial.roles import may_change_shared_record

# An address typed without a scheme is read as https, as Django 6 will by default.
ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class PublishedUseFilter(admin.SimpleListFilter):
    title = _("use by published items")
    parameter_name = "published_use"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [
            ("yes", _("Shown by published items (publishers only)")),
            ("no", _("Not shown by anything published")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.in_use_by_published()
        if self.value() == "no":
            return queryset.not_in_use_by_published()
        return queryset


def dependant_links(record: SharedRecord) -> list[dict[str, Any]]:
    """The published items that show `record`, kind by kind, linked to their admin pages."""
    groups = []
    for dependants in record.published_dependants:
        opts = dependants.kind._meta
        links = [
            (str(item), reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]))
            for item in dependants.items
        ]
        groups.append({"kind": opts.verbose_name_plural, "links": links, "more": dependants.more})
    return groups


class SharedRecordAdmin(admin.ModelAdmin):
    """Organisations, places and sources have no review of their own: one that published items
    show is read-only to whoever may not publish those items (`may_change_shared_record`), and
    its page says why and lists the items."""

    change_form_template = "admin/editorial/shared_change_form.html"

    def has_change_permission(self, request: HttpRequest, obj: SharedRecord | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_change_shared_record(request.user, obj))

    def has_delete_permission(self, request: HttpRequest, obj: SharedRecord | None = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_change_shared_record(request.user, obj))

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: SharedRecord | None = None,
    ) -> Any:
        if obj is not None and obj.pk is not None:
            context["published_dependants"] = dependant_links(obj)
            context["may_change_shared"] = may_change_shared_record(request.user, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)


@admin.register(Organization)
class OrganizationAdmin(SharedRecordAdmin, TranslationAdmin):
    fieldsets = [
        *language_fieldsets(Organization),
        (
            _("Details"),
            {"fields": ["acronym", "slug", "kind", "country", "website", "iati_identifier"]},
        ),
    ]
    prepopulated_fields = {"slug": ("name_en",)}
    formfield_overrides = ASSUME_HTTPS
    list_display = ("name", "acronym", "kind", "country")
    list_filter = (PublishedUseFilter, "kind", ("country", CountryFilter))
    search_fields = [*localized_names("name"), "acronym", "slug"]
    search_help_text = _("Searches the name in every language, the acronym and the slug.")


@admin.register(Place)
class PlaceAdmin(CheckedAutocompleteMixin, SharedRecordAdmin, TranslationAdmin):
    fieldsets = [
        *language_fieldsets(Place),
        (
            _("Details"),
            {"fields": ["slug", "kind", "country", "region", ("latitude", "longitude")]},
        ),
    ]
    prepopulated_fields = {"slug": ("name_en",)}
    list_display = ("name", "kind", "country", "region")
    list_select_related = ("region",)
    list_filter = (PublishedUseFilter, "kind", ("country", CountryFilter))
    search_fields = [*localized_names("name"), "slug"]
    search_help_text = _("Searches the name in every language and the slug.")
    autocomplete_fields = ("region",)


@admin.register(Source)
class SourceAdmin(SharedRecordAdmin):
    fields = ["title", "publisher", "url", "published_on", "note"]
    formfield_overrides = ASSUME_HTTPS
    list_display = ("title", "publisher", "published_on", "link")
    list_filter = (PublishedUseFilter, "publisher")
    date_hierarchy = "published_on"
    search_fields = ["title", "publisher", "url"]
    search_help_text = _("Searches the title, the publisher and the address.")

    @admin.display(description=_("address (URL)"), ordering="url")
    def link(self, source: Source) -> str:
        if not source.url:
            return ""
        return format_html(
            '<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>', source.url, source.url
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
class PhotoAdmin(LiveItemGuardMixin, ListPrefetchMixin, TranslationAdmin):
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

    @admin.display(description=_("preview"))
    def preview(self, photo: Photo) -> str:
        return photo_preview(photo)

    @admin.display(description=_("visibility"))
    def visibility(self, photo: Photo) -> str:
        return photo_visibility(photo)

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
