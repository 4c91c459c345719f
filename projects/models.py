"""Reconstruction projects (Irpin, Kyiv, ...) and their timeline of milestones."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from editorial.geo import coordinate_constraints, latitude_field, longitude_field
from editorial.models import Organization, Place, Publishable, Source
from editorial.money import Currency, amount_field, currency_field, usd_field
from editorial.timeline import TimelineEntry
from projects.querysets import ReconstructionProjectQuerySet


class FacilityType(models.TextChoices):
    SCHOOL = "school", _("School")
    POLYCLINIC = "polyclinic", _("Polyclinic")
    HOSPITAL = "hospital", _("Hospital")
    CULTURAL_CENTRE = "cultural_centre", _("Cultural centre")
    SPORTS_COMPLEX = "sports_complex", _("Sports complex")
    ART_CENTRE = "art_centre", _("Art centre")
    RESIDENTIAL_BUILDING = "residential_building", _("Residential building")
    LIBRARY_SPACE = "library_space", _("Library space")
    PARK = "park", _("Park")
    SHELTER = "shelter", _("Shelter")


class WorkKind(models.TextChoices):
    RESTORATION = "restoration", _("Restoration")
    RECONSTRUCTION = "reconstruction", _("Reconstruction")
    NEW_CONSTRUCTION = "new_construction", _("New construction")


class Phase(models.TextChoices):
    PLANNED = "planned", _("Planned")
    AGREED = "agreed", _("Agreed")
    DESIGN = "design", _("Design")
    UNDER_CONSTRUCTION = "under_construction", _("Under construction")
    COMPLETED = "completed", _("Completed")
    ON_HOLD = "on_hold", _("On hold")


def _ordered_dates(start: str, end: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__isnull": True})
        | Q(**{f"{end}__gte": F(start)}),
        name=name,
    )


class ReconstructionProject(Publishable):
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("A short, specific name, e.g. 'Irpin lyceum restored'."),
    )
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences for lists and feeds.")
    )
    body = models.TextField(_("body"), blank=True, help_text=_("The full account, in prose."))
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        related_name="reconstruction_projects",
        verbose_name=_("city"),
        help_text=_("The city or town the site is in."),
    )
    address = models.CharField(
        _("address"),
        max_length=250,
        blank=True,
        help_text=_("Street address of the site, if public."),
    )
    latitude = latitude_field(_("Of the site itself; leave empty to use the city's."))
    longitude = longitude_field(_("Of the site itself; leave empty to use the city's."))
    facility_type = models.CharField(
        _("facility type"),
        max_length=24,
        choices=FacilityType.choices,
        help_text=_("What the building or space is."),
    )
    work_kind = models.CharField(
        _("kind of work"),
        max_length=20,
        choices=WorkKind.choices,
        help_text=_("Restoring what was damaged, rebuilding it, or building anew."),
    )
    phase = models.CharField(
        _("phase"),
        max_length=20,
        choices=Phase.choices,
        default=Phase.PLANNED,
        help_text=_("Where the project stands now."),
    )
    planned_start = models.DateField(
        _("planned start"), null=True, blank=True, help_text=_("When work was planned to begin.")
    )
    planned_completion = models.DateField(
        _("planned completion"),
        null=True,
        blank=True,
        help_text=_("When work was planned to finish."),
    )
    actual_start = models.DateField(
        _("actual start"), null=True, blank=True, help_text=_("When work actually began.")
    )
    actual_completion = models.DateField(
        _("actual completion"),
        null=True,
        blank=True,
        help_text=_("When the work was finished; required once the phase is completed."),
    )
    budget = amount_field(_("budget"), _("In the currency below, as officially stated."))
    currency = currency_field()
    budget_usd = usd_field()
    funders = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="funded_projects",
        verbose_name=_("funders"),
        help_text=_("Who pays for the work."),
    )
    implementing_partners = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="implemented_projects",
        verbose_name=_("implementing partners"),
        help_text=_("Who carries out the work."),
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        verbose_name=_("sources"),
        help_text=_("The published texts that report this project."),
    )

    objects = ReconstructionProjectQuerySet.as_manager()

    public_url_name = "projects:detail"
    revision_children = ("milestones",)

    class Meta:
        ordering = ["-actual_completion", "-planned_start", "-pk"]
        verbose_name = _("reconstruction project")
        verbose_name_plural = _("reconstruction projects")
        permissions = [("publish_reconstructionproject", _("Can publish reconstruction projects"))]
        indexes = [
            Publishable.live_index("project_live"),
            models.Index(fields=["phase"], name="project_phase"),
            models.Index(fields=["facility_type"], name="project_facility"),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(facility_type__in=FacilityType.values), name="project_facility_valid"
            ),
            models.CheckConstraint(
                condition=Q(work_kind__in=WorkKind.values), name="project_work_kind_valid"
            ),
            models.CheckConstraint(condition=Q(phase__in=Phase.values), name="project_phase_valid"),
            models.CheckConstraint(
                condition=Q(currency__in=Currency.values), name="project_currency_valid"
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="project_budget_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(budget_usd__isnull=True) | Q(budget_usd__gte=0),
                name="project_budget_usd_gte_0",
            ),
            _ordered_dates("planned_start", "planned_completion", "project_planned_dates_ordered"),
            _ordered_dates("actual_start", "actual_completion", "project_actual_dates_ordered"),
            models.CheckConstraint(
                condition=~Q(phase=Phase.COMPLETED) | Q(actual_completion__isnull=False),
                name="project_completed_has_date",
            ),
            *coordinate_constraints("project"),
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(TimelineEntry):
    project = models.ForeignKey(
        ReconstructionProject,
        on_delete=models.CASCADE,
        related_name="milestones",
        verbose_name=_("project"),
        help_text=_("The project this milestone belongs to."),
    )
    photos = GenericRelation("editorial.Photo")

    class Meta(TimelineEntry.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
