"""Admin for the records published items share: organisations, places and sources."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from modeltranslation.admin import TranslationAdmin

from editorial.admin.autocomplete import CheckedAutocompleteMixin
from editorial.admin.languages import language_fieldsets, localized_names
from editorial.models import Organization, Place, SharedRecord, Source
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
