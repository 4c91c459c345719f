"""Admin for reconstruction projects and their milestones (each milestone with its photos)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from editorial.admin.children import LiveItemGuardMixin
from editorial.admin.languages import (
    language_fieldsets,
    language_rows,
    localized_names,
    textarea_rows,
)
from editorial.admin.lists import grouped_number
from editorial.admin.photos import PhotoOwnerAdmin
from editorial.admin.publishable import PublishableAdmin, publishable_fieldsets
from projects.models import Milestone, ReconstructionProject


class MilestoneInline(TranslationStackedInline):
    model = Milestone
    fields = ["date", *language_rows(Milestone)]
    extra = 0
    formfield_overrides = textarea_rows(3)
    # Inlines do not nest: a milestone's photos are edited on its own page.
    show_change_link = True


@admin.register(ReconstructionProject)
class ReconstructionProjectAdmin(PublishableAdmin):
    fieldsets = publishable_fieldsets(
        ReconstructionProject,
        content=[
            "place",
            ("latitude", "longitude"),
            ("facility_type", "work_kind", "phase"),
            ("planned_start", "planned_completion"),
            ("actual_start", "actual_completion"),
            ("budget", "currency", "budget_usd"),
            "funders",
            "implementing_partners",
            "sources",
        ],
    )
    autocomplete_fields = ("place", "funders", "implementing_partners", "sources")
    inlines = [MilestoneInline, *PublishableAdmin.inlines]
    list_display = (
        "title",
        "status",
        "pending_change",
        "place",
        "facility_type",
        "phase",
        "actual_completion",
        "budget_in_usd",
        "funder_names",
        "milestone_count",
        "photo_summary",
    )
    list_select_related = ("place",)
    list_prefetch_related = (
        "funders",
        Prefetch("milestones", queryset=Milestone.objects.only("id", "project_id")),
    )
    list_filter = (
        "status",
        "phase",
        "facility_type",
        "work_kind",
        ("place", admin.RelatedOnlyFieldListFilter),
        ("funders", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = [*localized_names("title", "address", "place__name")]
    search_help_text = _("Searches the title, the address and the city in every language.")

    @admin.display(description=_("budget in USD"), ordering="budget_usd")
    def budget_in_usd(self, project: ReconstructionProject) -> str | None:
        return grouped_number(project.budget_usd)

    @admin.display(description=_("funders"))
    def funder_names(self, project: ReconstructionProject) -> str:
        return ", ".join(funder.short_label for funder in project.funders.all())

    @admin.display(description=_("milestones"))
    def milestone_count(self, project: ReconstructionProject) -> int:
        return len(project.milestones.all())


@admin.register(Milestone)
class MilestoneAdmin(LiveItemGuardMixin, PhotoOwnerAdmin):
    fieldsets = [(None, {"fields": ["project", "date"]}), *language_fieldsets(Milestone)]
    autocomplete_fields = ("project",)
    list_display = ("date", "title", "project", "photo_summary")
    list_select_related = ("project",)
    list_filter = (("project", admin.RelatedOnlyFieldListFilter),)
    date_hierarchy = "date"
    search_fields = localized_names("title", "project__title")
    search_help_text = _("Searches the milestone's and the project's title in every language.")
