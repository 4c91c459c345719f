"""Admin for children's rehabilitation groups (counts only) and sister-city partnerships."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from editorial.admin.languages import language_rows, localized_names, textarea_rows
from editorial.admin.publishable import PublishableAdmin, publishable_fieldsets
from people.models import PartnershipActivity, RehabilitationGroup, SisterCityPartnership


@admin.register(RehabilitationGroup)
class RehabilitationGroupAdmin(PublishableAdmin):
    fieldsets = publishable_fieldsets(
        RehabilitationGroup,
        content=[
            ("arrived_on", "arrived_on_precision"),
            "departed_on",
            ("children_count", "adults_count"),
            ("cohort", "programme"),
            "home_regions",
            "host_institution",
            "host_place",
            "partners",
            "sources",
        ],
    )
    autocomplete_fields = ("home_regions", "host_institution", "host_place", "partners", "sources")
    list_display = (
        "title",
        "status",
        "pending_change",
        "arrival",
        "departed_on",
        "children_count",
        "cohort",
        "region_names",
        "photo_summary",
    )
    list_prefetch_related = ("home_regions",)
    list_filter = (
        "status",
        "cohort",
        "programme",
        ("host_institution", admin.RelatedOnlyFieldListFilter),
    )
    date_hierarchy = "arrived_on"
    search_fields = localized_names("title")
    search_help_text = _("Searches the title in every language.")

    @admin.display(description=_("arrived on"), ordering="arrived_on")
    def arrival(self, group: RehabilitationGroup) -> str:
        return group.arrived_on_display()

    @admin.display(description=_("home regions"))
    def region_names(self, group: RehabilitationGroup) -> str:
        return ", ".join(region.name for region in group.home_regions.all())


class PartnershipActivityInline(TranslationStackedInline):
    model = PartnershipActivity
    fields = ["date", *language_rows(PartnershipActivity)]
    extra = 0
    formfield_overrides = textarea_rows(3)


@admin.register(SisterCityPartnership)
class SisterCityPartnershipAdmin(PublishableAdmin):
    fieldsets = publishable_fieldsets(
        SisterCityPartnership,
        content=[
            ("ukrainian_place", "azerbaijani_place"),
            ("kind", "established_on"),
            "sources",
        ],
    )
    # The places' limit_choices_to (UA, AZ) also narrows what autocomplete offers.
    autocomplete_fields = ("ukrainian_place", "azerbaijani_place", "sources")
    inlines = [PartnershipActivityInline, *PublishableAdmin.inlines]
    list_display = (
        "title",
        "status",
        "pending_change",
        "ukrainian_place",
        "azerbaijani_place",
        "kind",
        "established_on",
        "activity_count",
        "photo_summary",
    )
    list_select_related = ("ukrainian_place", "azerbaijani_place")
    list_prefetch_related = (
        Prefetch("activities", queryset=PartnershipActivity.objects.only("id", "partnership_id")),
    )
    list_filter = ("status", "kind")
    search_fields = localized_names("title", "ukrainian_place__name", "azerbaijani_place__name")
    search_help_text = _("Searches the title and both places' names in every language.")

    @admin.display(description=_("activities"))
    def activity_count(self, partnership: SisterCityPartnership) -> int:
        return len(partnership.activities.all())
