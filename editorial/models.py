"""What every published thing shares: organisations, places, sources and photos."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from editorial.addresses import as_uri, validate_address_characters
from editorial.geo import coordinate_constraints, latitude_field, longitude_field
from editorial.publishing import Publishable, PublishableQuerySet, Status
from editorial.renditions import Rendition
from editorial.revisions import Revision, RevisionState, Transition
from editorial.shared import SharedRecord

__all__ = [
    "Organization",
    "Photo",
    "Place",
    "Publishable",
    "PublishableQuerySet",
    "Rendition",
    "Revision",
    "RevisionState",
    "SharedRecord",
    "Source",
    "Status",
    "Transition",
]


class OrganizationKind(models.TextChoices):
    GOVERNMENT_BODY = "government_body", _("Government body")
    STATE_COMPANY = "state_company", _("State company")
    AGENCY = "agency", _("Agency")
    NGO = "ngo", _("Non-governmental organisation")
    INSTITUTION = "institution", _("Institution")
    MUNICIPALITY = "municipality", _("Municipality")


class Organization(SharedRecord):
    Kind = OrganizationKind

    name = models.CharField(
        _("name"), max_length=200, help_text=_("Full official name, e.g. 'SOCAR'.")
    )
    acronym = models.CharField(
        _("acronym"), max_length=30, blank=True, help_text=_("Short form, e.g. 'ANAMA'.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("Identifies the organisation in addresses and the API, e.g. 'anama'."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("What sort of body this is; used in the IATI export."),
    )
    country = CountryField(_("country"), help_text=_("Where the organisation is based."))
    website = models.URLField(
        _("website"), blank=True, help_text=_("The official website, if there is one.")
    )
    iati_identifier = models.CharField(
        _("IATI organisation identifier"),
        max_length=60,
        blank=True,
        help_text=_("Optional, e.g. 'XM-DAC-...'; used in the IATI export."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OrganizationKind.values), name="organization_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_label(self) -> str:
        """The acronym where there is one: for narrow columns and compact lists."""
        return self.acronym or self.name


class PlaceKind(models.TextChoices):
    CITY = "city", _("City or town")
    REGION = "region", _("Region (oblast, district)")
    COUNTRY = "country", _("Country")


class Place(SharedRecord):
    Kind = PlaceKind
    # A project's page names its place's region too.
    shown_with = ("region",)

    name = models.CharField(_("name"), max_length=120, help_text=_("E.g. 'Irpin'."))
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("Identifies the place in addresses and filters, e.g. 'irpin'."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.CITY,
        help_text=_("A city or town, a region, or a whole country."),
    )
    country = CountryField(
        _("country"),
        help_text=_("Partnerships check this: Ukrainian places are UA, Azerbaijani places AZ."),
    )
    region = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="places",
        limit_choices_to={"kind": Kind.REGION},
        verbose_name=_("region"),
        help_text=_("The oblast or district the city lies in."),
    )
    latitude = latitude_field(_("Decimal degrees north, e.g. 50.521."))
    longitude = longitude_field(_("Decimal degrees east, e.g. 30.250."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        indexes = [models.Index(fields=["country", "kind"], name="place_country_kind")]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=PlaceKind.values), name="place_kind_valid"),
            *coordinate_constraints("place"),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.country.code}" if self.country else self.name


class Source(SharedRecord):
    """The citation behind a fact: who said it, where and when."""

    title = models.CharField(_("title"), max_length=300, help_text=_("As published."))
    publisher = models.CharField(
        _("publisher"), max_length=200, help_text=_("E.g. 'AZERTAC', 'Ukrinform'.")
    )
    url = models.URLField(
        _("address (URL)"),
        max_length=500,
        blank=True,
        help_text=_("Where the text can be read; leave empty for print or broadcast sources."),
    )
    published_on = models.DateField(
        _("published on"), null=True, blank=True, help_text=_("The date the source was published.")
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("What this source supports, for editors.")
    )

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(
                fields=["publisher", "title"], name="source_unique_publisher_title"
            ),
        ]

    def __str__(self) -> str:
        when = f", {self.published_on:%d %b %Y}" if self.published_on else ""
        return f"{self.publisher}: {self.title}{when}"

    @property
    def link(self) -> str:
        """The address pages link to: only a web address, so that a script URL stored by a
        route that skips validation (the shell, a data migration) never becomes a link."""
        return self.url if self.url.lower().startswith(("https://", "http://")) else ""

    @property
    def uri(self) -> str:
        """The address as the API gives it: a URI (RFC 3986), whatever was stored."""
        return as_uri(self.url)

    def clean(self) -> None:
        try:
            validate_address_characters(self.url)
        except ValidationError as error:
            raise ValidationError({"url": error}) from None


class PhotoQuerySet(models.QuerySet):
    def public(self) -> PhotoQuerySet:
        """Photos the public may see: never a photo of minors without consent on file."""
        return self.exclude(shows_minors=True, consent_on_file=False)


class PhotoRole(models.TextChoices):
    GENERAL = "general", _("General")
    BEFORE = "before", _("Before the work")
    AFTER = "after", _("After the work")


class Photo(models.Model):
    """A photo attached to any publishable item (or a project milestone)."""

    Role = PhotoRole

    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        verbose_name=_("attached to (type)"),
        help_text=_("The kind of record the photo belongs to."),
    )
    object_id = models.PositiveBigIntegerField(
        _("attached to (id)"), help_text=_("The record the photo belongs to.")
    )
    content_object = GenericForeignKey("content_type", "object_id")

    image = models.ImageField(
        _("image"),
        upload_to="photos/%Y/%m/",
        db_index=True,  # the private files' view finds a photo by its file
        width_field="width",
        height_field="height",
        help_text=_(
            "JPEG, PNG, WebP or HEIC. Turned upright and stripped of metadata such as GPS "
            "on upload."
        ),
    )
    width = models.PositiveIntegerField(_("width (px)"), editable=False, null=True)
    height = models.PositiveIntegerField(_("height (px)"), editable=False, null=True)
    caption = models.CharField(
        _("caption"), max_length=300, blank=True, help_text=_("Shown under the photo.")
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_("Describes the picture for people who cannot see it. Required."),
    )
    credit = models.CharField(
        _("credit"), max_length=120, help_text=_("Agency or photographer, e.g. 'AZERTAC'.")
    )
    taken_on = models.DateField(
        _("taken on"), null=True, blank=True, help_text=_("When the photo was taken, if known.")
    )
    role = models.CharField(
        _("role"),
        max_length=10,
        choices=Role.choices,
        default=Role.GENERAL,
        help_text=_("For reconstruction projects: before or after the work."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Photos are shown in ascending order; 0 comes first.")
    )
    shows_minors = models.BooleanField(
        _("shows minors"), default=False, help_text=_("Tick if any child can be recognised.")
    )
    consent_on_file = models.BooleanField(
        _("consent on file"),
        default=False,
        help_text=_("A photo of minors without consent on file is never shown to the public."),
    )
    focal_x = models.FloatField(
        _("focal point x"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 = left edge, 1 = right edge; kept in view when cropping."),
    )
    focal_y = models.FloatField(
        _("focal point y"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 = top edge, 1 = bottom edge."),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        indexes = [
            models.Index(fields=["content_type", "object_id", "order"], name="photo_owner"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(role__in=PhotoRole.values), name="photo_role_valid"),
            models.CheckConstraint(
                condition=Q(focal_x__isnull=True) | Q(focal_x__gte=0, focal_x__lte=1),
                name="photo_focal_x_range",
            ),
            models.CheckConstraint(
                condition=Q(focal_y__isnull=True) | Q(focal_y__gte=0, focal_y__lte=1),
                name="photo_focal_y_range",
            ),
            # Alt text is what a screen reader says instead of the picture: never empty.
            models.CheckConstraint(condition=Q(alt_text_en__gt=""), name="photo_alt_text_required"),
        ]

    def __str__(self) -> str:
        return self.caption or self.alt_text

    def is_public(self) -> bool:
        return not (self.shows_minors and not self.consent_on_file)
