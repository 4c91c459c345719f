"""Children's rehabilitation groups and sister-city partnerships.

No record of an individual child exists anywhere in the system: a group holds counts only.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from editorial.dates import DatePrecision, format_approximate, precision_field, starts_its_period
from editorial.models import Organization, Place, Publishable, Source
from editorial.timeline import TimelineEntry
from people.querysets import RehabilitationGroupQuerySet, SisterCityPartnershipQuerySet


class Cohort(models.TextChoices):
    PARENTAL_CARE = "without_parental_care", _("Children deprived of parental care")
    FALLEN_DEFENDERS = "fallen_defenders", _("Children of fallen defenders")
    PRISONERS_OF_WAR = "prisoners_of_war", _("Children of prisoners of war")
    SERVING_DEFENDERS = "serving_defenders", _("Children of serving defenders")
    OTHER = "other", _("Other")


class Programme(models.TextChoices):
    MEDICAL = "medical", _("Medical")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial")
    BOTH = "both", _("Medical and psychosocial")


class RehabilitationGroup(Publishable):
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("E.g. 'Children from the Sumy region, summer 2025'. Never a child's name."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences for lists and feeds. Never a child's name."),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_("The full account. Never a child's name or other personal detail."),
    )
    arrived_on = models.DateField(
        _("arrived on"), help_text=_("When the group arrived in Azerbaijan.")
    )
    arrived_on_precision = precision_field(_("arrival date"))
    departed_on = models.DateField(
        _("departed on"),
        null=True,
        blank=True,
        help_text=_("When the group went home; leave empty while it is still there."),
    )
    children_count = models.PositiveIntegerField(
        _("children"), help_text=_("How many children were in the group. Never their names.")
    )
    adults_count = models.PositiveIntegerField(
        _("accompanying adults"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the sources do not say how many adults came."),
    )
    home_regions = models.ManyToManyField(
        Place,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": Place.Kind.REGION},
        verbose_name=_("home regions"),
        help_text=_("Ukrainian regions the children came from."),
    )
    cohort = models.CharField(
        _("cohort"),
        max_length=24,
        choices=Cohort.choices,
        help_text=_("Which children the group was formed for."),
    )
    programme = models.CharField(
        _("programme"),
        max_length=14,
        choices=Programme.choices,
        default=Programme.BOTH,
        help_text=_("The kind of rehabilitation offered."),
    )
    host_institution = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_groups",
        verbose_name=_("host institution"),
        help_text=_("Where the children stayed and were treated."),
    )
    host_place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_groups",
        verbose_name=_("host place"),
        help_text=_("The town or region of the stay."),
    )
    partners = models.ManyToManyField(
        Organization,
        blank=True,
        related_name="partnered_groups",
        verbose_name=_("partners"),
        help_text=_("Organisations that helped organise the stay."),
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        verbose_name=_("sources"),
        help_text=_("The published texts that report this group."),
    )

    public_url_name = "rehabilitation:detail"

    objects = RehabilitationGroupQuerySet.as_manager()

    class Meta:
        ordering = ["-arrived_on", "-pk"]
        verbose_name = _("rehabilitation group")
        verbose_name_plural = _("rehabilitation groups")
        permissions = [("publish_rehabilitationgroup", _("Can publish rehabilitation groups"))]
        indexes = [
            Publishable.live_index("rehabgroup_live"),
            models.Index(fields=["arrived_on"], name="rehabgroup_arrived"),
            models.Index(fields=["cohort"], name="rehabgroup_cohort"),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(children_count__gte=1), name="rehabgroup_at_least_one_child"
            ),
            models.CheckConstraint(
                condition=Q(departed_on__isnull=True) | Q(departed_on__gte=F("arrived_on")),
                name="rehabgroup_departed_after_arrival",
            ),
            models.CheckConstraint(
                condition=Q(arrived_on_precision__in=DatePrecision.values),
                name="rehabgroup_arrived_on_precision_valid",
            ),
            models.CheckConstraint(
                condition=starts_its_period("arrived_on", "arrived_on_precision"),
                name="rehabgroup_arrived_on_starts_period",
            ),
            models.CheckConstraint(
                condition=Q(cohort__in=Cohort.values), name="rehabgroup_cohort_valid"
            ),
            models.CheckConstraint(
                condition=Q(programme__in=Programme.values), name="rehabgroup_programme_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def arrived_on_display(self) -> str:
        return format_approximate(self.arrived_on, self.arrived_on_precision)


class PartnershipKind(models.TextChoices):
    SISTER_CITIES = "sister_cities", _("Sister cities")
    PARTNERSHIP = "partnership", _("Partnership")
    COOPERATION_AGREEMENT = "cooperation_agreement", _("Cooperation agreement")


class SisterCityPartnership(Publishable):
    Kind = PartnershipKind

    title = models.CharField(_("title"), max_length=200, help_text=_("E.g. 'Irpin and Lachin'."))
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences for lists and feeds.")
    )
    body = models.TextField(_("body"), blank=True, help_text=_("The full account, in prose."))
    # The database refuses a partnership whose places are not in UA and AZ
    # (triggers in migration 0003); the admin limits the choices to match.
    ukrainian_place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        related_name="partnerships_in_ukraine",
        limit_choices_to={"country": "UA"},
        verbose_name=_("Ukrainian place"),
        help_text=_("The Ukrainian city or region."),
    )
    azerbaijani_place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        related_name="partnerships_in_azerbaijan",
        limit_choices_to={"country": "AZ"},
        verbose_name=_("Azerbaijani place"),
        help_text=_("The Azerbaijani city or region."),
    )
    established_on = models.DateField(
        _("established on"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the sources do not give the date."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=24,
        choices=Kind.choices,
        help_text=_("The form of the agreement between the two places."),
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        verbose_name=_("sources"),
        help_text=_("The published texts that report this partnership."),
    )

    public_url_name = "partnerships:detail"
    revision_children = ("activities",)

    objects = SisterCityPartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["ukrainian_place__name", "azerbaijani_place__name"]
        verbose_name = _("sister-city partnership")
        verbose_name_plural = _("sister-city partnerships")
        permissions = [("publish_sistercitypartnership", _("Can publish sister-city partnerships"))]
        indexes = [Publishable.live_index("partnership_live")]
        constraints = [
            *Publishable.Meta.constraints,
            models.UniqueConstraint(
                fields=["ukrainian_place", "azerbaijani_place"], name="partnership_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(ukrainian_place=F("azerbaijani_place")),
                name="partnership_two_places",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=PartnershipKind.values), name="partnership_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class PartnershipActivity(TimelineEntry):
    """One entry in a partnership's timeline of activities."""

    partnership = models.ForeignKey(
        SisterCityPartnership,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("partnership"),
        help_text=_("The partnership this activity belongs to."),
    )

    class Meta(TimelineEntry.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
