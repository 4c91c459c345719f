"""Admin for aid packages (with their items and photos) and officially reported figures."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from aid.models import AidItem, AidPackage, ReportedFigure
from editorial.admin.languages import language_columns, localized_names
from editorial.admin.lists import grouped_number, year_filter
from editorial.admin.photos import PhotoInline
from editorial.admin.publishable import PublishableAdmin, publishable_fieldsets


class AidItemInline(TranslationTabularInline):
    model = AidItem
    fields = ["order", "kind", "quantity", "unit", *language_columns(AidItem)]
    extra = 1
    # Narrow description inputs keep all three languages on screen in one table row.
    formfield_overrides = {models.CharField: {"widget": forms.TextInput(attrs={"size": 16})}}


@admin.register(AidPackage)
class AidPackageAdmin(PublishableAdmin):
    fieldsets = publishable_fieldsets(
        AidPackage,
        content=[
            ("sector", "delivery_status"),
            ("decided_on", "decided_on_precision"),
            ("dispatched_on", "dispatched_on_precision"),
            ("delivered_on", "delivered_on_precision"),
            ("value", "currency"),
            "value_usd",
            ("exchange_rate", "exchange_rate_date"),
            "exchange_rate_source",
            "funder",
            "recipient",
            "origin",
            "sources",
        ],
    )
    autocomplete_fields = ("funder", "recipient", "origin", "sources")
    inlines = [AidItemInline, PhotoInline]
    list_display = (
        "title",
        "status",
        "pending_change",
        "sector",
        "delivery_status",
        "decided",
        "value_in_usd",
        "funder_name",
        "item_count",
        "photo_summary",
    )
    list_select_related = ("funder",)
    list_prefetch_related = (Prefetch("items", queryset=AidItem.objects.only("id", "package_id")),)
    list_filter = (
        "status",
        "sector",
        "delivery_status",
        year_filter("decided_on", _("decided in")),
        ("funder", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = localized_names("title", "legal_basis")
    search_help_text = _("Searches the title and the legal basis in every language.")

    @admin.display(description=_("value in USD"), ordering="value_usd")
    def value_in_usd(self, package: AidPackage) -> str | None:
        return grouped_number(package.value_usd)

    @admin.display(description=_("decided on"), ordering="decided_on")
    def decided(self, package: AidPackage) -> str:
        return package.decided_on_display()

    @admin.display(description=_("funder"), ordering="funder__name")
    def funder_name(self, package: AidPackage) -> str:
        return package.funder.short_label

    @admin.display(description=_("items"))
    def item_count(self, package: AidPackage) -> int:
        return len(package.items.all())


@admin.register(ReportedFigure)
class ReportedFigureAdmin(PublishableAdmin):
    fieldsets = publishable_fieldsets(
        ReportedFigure, content=["metric", ("qualifier", "value"), "as_of", "source"]
    )
    autocomplete_fields = ("source",)
    list_display = (
        "metric",
        "figure",
        "qualifier",
        "as_of",
        "source",
        "status",
        "pending_change",
    )
    list_select_related = ("source",)
    list_filter = ("status", "metric", "qualifier")
    date_hierarchy = "as_of"
    search_fields = [*localized_names("title"), "source__title", "source__publisher"]
    search_help_text = _("Searches the title in every language and the source.")

    @admin.display(description=_("value"), ordering="value")
    def figure(self, figure: ReportedFigure) -> str | None:
        return grouped_number(figure.value)
