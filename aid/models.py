"""Aid packages, their itemised contents and the officially reported cumulative figures."""

from __future__ import annotations

import functools

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from aid.querysets import AidPackageQuerySet
from editorial.dates import DatePrecision, format_approximate, precision_field, starts_its_period
from editorial.models import Organization, Place, Publishable, Source
from editorial.money import Currency, amount_field, currency_field, usd_field


class Sector(models.TextChoices):
    ENERGY = "energy", _("Energy")
    DEMINING = "demining", _("Demining")
    MEDICAL = "medical", _("Medical")
    FOOD_ESSENTIALS = "food_essentials", _("Food and essentials")
    FUEL = "fuel", _("Fuel")
    REHABILITATION = "rehabilitation", _("Rehabilitation")
    RECONSTRUCTION = "reconstruction", _("Reconstruction")
    OTHER = "other", _("Other")


# OECD DAC 5-digit purpose codes, used in the IATI export.
DAC_CODES: dict[str, str] = {
    Sector.ENERGY: "23630",  # Electric power transmission and distribution
    Sector.DEMINING: "15250",  # Removal of land mines and explosive remnants of war
    Sector.MEDICAL: "72011",  # Basic health care services in emergencies
    Sector.FOOD_ESSENTIALS: "72040",  # Emergency food assistance
    Sector.FUEL: "72010",  # Material relief assistance and services
    Sector.REHABILITATION: "72011",  # Basic health care services in emergencies
    Sector.RECONSTRUCTION: "73010",  # Immediate post-emergency reconstruction
    Sector.OTHER: "72010",  # Material relief assistance and services
}


class DeliveryStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    IN_TRANSIT = "in_transit", _("In transit")
    DELIVERED = "delivered", _("Delivered")


class AidPackage(Publishable):
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("A short, specific name, e.g. 'Energy equipment from Sumgait, 2026'."),
    )
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences for lists and feeds.")
    )
    body = models.TextField(_("body"), blank=True, help_text=_("The full account, in prose."))
    sector = models.CharField(
        _("sector"),
        max_length=20,
        choices=Sector.choices,
        help_text=_("What the aid is for; mapped to a DAC sector code for IATI."),
    )
    decided_on = models.DateField(
        _("decided on"),
        null=True,
        blank=True,
        help_text=_("Date of the decree, order or allocation behind the package."),
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=300,
        blank=True,
        help_text=_("E.g. 'Presidential order of 16 January 2026'."),
    )
    decided_on_precision = precision_field(_("decision date"))
    dispatched_on = models.DateField(
        _("dispatched on"),
        null=True,
        blank=True,
        help_text=_("When the aid left, as far as the sources say."),
    )
    dispatched_on_precision = precision_field(_("dispatch date"))
    delivered_on = models.DateField(
        _("delivered on"),
        null=True,
        blank=True,
        help_text=_("When the aid arrived, as far as the sources say."),
    )
    delivered_on_precision = precision_field(_("delivery date"))
    delivery_status = models.CharField(
        _("delivery status"),
        max_length=12,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PLEDGED,
        help_text=_("Pledged (promised), in transit, or delivered."),
    )
    value = amount_field(_("value"), _("In the currency below, as officially stated."))
    currency = currency_field()
    value_usd = usd_field()
    exchange_rate = models.DecimalField(
        _("exchange rate to USD"),
        max_digits=12,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("US dollars per one unit of the currency; 1 for USD."),
    )
    exchange_rate_date = models.DateField(
        _("exchange rate date"),
        null=True,
        blank=True,
        help_text=_("The date of the rate used for the USD equivalent."),
    )
    exchange_rate_source = models.CharField(
        _("exchange rate source"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Central Bank of Azerbaijan official rate'."),
    )
    funder = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="funded_aid_packages",
        verbose_name=_("funder"),
        help_text=_("Who paid for or ordered the aid."),
    )
    recipient = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_aid_packages",
        verbose_name=_("recipient"),
        help_text=_("Who received it in Ukraine."),
    )
    origin = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("origin"),
        help_text=_("Where the shipment left from, e.g. Sumgait."),
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        verbose_name=_("sources"),
        help_text=_("The published texts that report this aid."),
    )

    public_url_name = "aid:detail"
    revision_children = ("items",)

    objects = AidPackageQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-dispatched_on", "-pk"]
        verbose_name = _("aid package")
        verbose_name_plural = _("aid packages")
        permissions = [("publish_aidpackage", _("Can publish aid packages"))]
        indexes = [
            Publishable.live_index("aidpackage_live"),
            models.Index(fields=["sector", "decided_on"], name="aidpackage_sector"),
            models.Index(fields=["delivery_status"], name="aidpackage_delivery"),
            models.Index(fields=["decided_on"], name="aidpackage_decided"),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(sector__in=Sector.values), name="aidpackage_sector_valid"
            ),
            models.CheckConstraint(
                condition=Q(delivery_status__in=DeliveryStatus.values),
                name="aidpackage_delivery_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(currency__in=Currency.values), name="aidpackage_currency_valid"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0), name="aidpackage_value_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(value_usd__isnull=True) | Q(value_usd__gte=0),
                name="aidpackage_value_usd_gte_0",
            ),
            models.CheckConstraint(
                condition=Q(exchange_rate__isnull=True) | Q(exchange_rate__gt=0),
                name="aidpackage_exchange_rate_gt_0",
            ),
            models.CheckConstraint(
                condition=Q(delivered_on__isnull=True)
                | Q(dispatched_on__isnull=True)
                | Q(delivered_on__gte=F("dispatched_on")),
                name="aidpackage_delivered_after_dispatch",
            ),
            models.CheckConstraint(
                condition=Q(dispatched_on__isnull=True)
                | Q(decided_on__isnull=True)
                | Q(dispatched_on__gte=F("decided_on")),
                name="aidpackage_dispatched_after_decision",
            ),
            models.CheckConstraint(
                condition=~Q(delivery_status=DeliveryStatus.DELIVERED)
                | Q(dispatched_on__isnull=False)
                | Q(delivered_on__isnull=False),
                name="aidpackage_delivered_has_date",
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{field}_precision__in": DatePrecision.values}),
                    name=f"aidpackage_{field}_precision_valid",
                )
                for field in ("decided_on", "dispatched_on", "delivered_on")
            ),
            *(
                models.CheckConstraint(
                    condition=starts_its_period(field, f"{field}_precision"),
                    name=f"aidpackage_{field}_starts_period",
                )
                for field in ("decided_on", "dispatched_on", "delivered_on")
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def dac_code(self) -> str:
        return DAC_CODES[self.sector]

    def decided_on_display(self) -> str:
        return format_approximate(self.decided_on, self.decided_on_precision)

    def dispatched_on_display(self) -> str:
        return format_approximate(self.dispatched_on, self.dispatched_on_precision)

    def delivered_on_display(self) -> str:
        return format_approximate(self.delivered_on, self.delivered_on_precision)


class ItemKind(models.TextChoices):
    TRANSFORMER = "transformer", _("Transformer")
    GENERATOR = "generator", _("Generator")
    CABLE = "cable", _("Cable and wire")
    LOW_VOLTAGE_PANEL = "low_voltage_panel", _("Low-voltage panel")
    FUEL = "fuel", _("Fuel")
    DEMINING_MACHINE = "demining_machine", _("Demining machine")
    SPARE_PARTS = "spare_parts", _("Spare parts")
    PROTECTIVE_GEAR = "protective_gear", _("Protective gear")
    MEDICINE = "medicine", _("Medicine")
    FOOD = "food", _("Food")
    OTHER = "other", _("Other")


class ItemUnit(models.TextChoices):
    PIECES = "pieces", _("pieces")
    METRES = "metres", _("metres")
    LITRES = "litres", _("litres")
    KG = "kg", _("kg")
    SETS = "sets", _("sets")
    TONNES = "tonnes", _("tonnes")


class AidItem(models.Model):
    Kind = ItemKind

    Unit = ItemUnit

    package = models.ForeignKey(
        AidPackage,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("aid package"),
        help_text=_("The aid package this item is part of."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, help_text=_("What was given.")
    )
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("Model, capacity or other detail, e.g. '10/0.4 kV, 630 kVA'."),
    )
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty when the source gives no number."),
    )
    unit = models.CharField(
        _("unit"),
        max_length=10,
        choices=Unit.choices,
        default=Unit.PIECES,
        help_text=_("The unit the quantity is counted in."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Items are listed in ascending order.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        indexes = [models.Index(fields=["kind"], name="aiditem_kind")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ItemKind.values), name="aiditem_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(unit__in=ItemUnit.values), name="aiditem_unit_valid"
            ),
            models.CheckConstraint(
                condition=Q(quantity__isnull=True) | Q(quantity__gt=0),
                name="aiditem_quantity_gt_0",
            ),
        ]

    def __str__(self) -> str:
        return self.label()

    def label(self, language: str | None = None) -> str:
        """'Generator: 10 pieces' in `language` (default: the active one)."""
        kinds, units = _item_choice_labels(
            language or translation.get_language() or settings.LANGUAGE_CODE
        )
        text = kinds.get(self.kind, self.kind)
        if self.quantity is None:
            return text
        return f"{text}: {self.quantity.normalize():f} {units.get(self.unit, self.unit)}"


@functools.cache
def _item_choice_labels(language: str) -> tuple[dict[str, str], dict[str, str]]:
    """Item kinds and units in `language`, translated once per process: `get_kind_display()`
    translates every choice at every call, which was a fifth of a CSV export's time."""
    with translation.override(language):
        kinds = {value: str(label) for value, label in ItemKind.choices}
        units = {value: str(label) for value, label in ItemUnit.choices}
    return kinds, units


class FigureMetric(models.TextChoices):
    TOTAL_AID_USD = "total_aid_usd", _("Total aid, USD")
    AID_IN_YEAR_USD = "aid_in_year_usd", _("Aid in one year, USD")
    TRANSFORMERS = "transformers", _("Transformers delivered")
    GENERATORS = "generators", _("Generators delivered")
    CABLE_METRES = "cable_metres", _("Cable delivered, metres")
    CHILDREN_REHABILITATED = "children_rehabilitated", _("Children rehabilitated")
    AREAS_OF_AID = "areas_of_aid", _("Areas of aid")


class FigureQualifier(models.TextChoices):
    EXACT = "exact", _("exactly")
    ABOUT = "about", _("about")
    MORE_THAN = "more_than", _("more than")


class ReportedFigure(Publishable):
    """An official cumulative number, shown beside what the record itemises."""

    Metric = FigureMetric

    Qualifier = FigureQualifier

    title = models.CharField(
        _("title"), max_length=200, help_text=_("E.g. 'Total aid by July 2025'.")
    )
    summary = models.TextField(_("note"), blank=True, help_text=_("Context, in a sentence."))
    metric = models.CharField(
        _("metric"), max_length=30, choices=Metric.choices, help_text=_("What the figure counts.")
    )
    value = models.DecimalField(
        _("value"),
        max_digits=16,
        decimal_places=2,
        help_text=_("The number as officially reported, in the metric's unit."),
    )
    qualifier = models.CharField(
        _("qualifier"),
        max_length=10,
        choices=Qualifier.choices,
        default=Qualifier.EXACT,
        help_text=_("Whether the source says exactly, about or more than."),
    )
    as_of = models.DateField(_("as of"), help_text=_("The date the figure refers to."))
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="reported_figures",
        verbose_name=_("source"),
        help_text=_("Who reported the figure."),
    )

    class Meta:
        ordering = ["metric", "-as_of"]
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")
        permissions = [("publish_reportedfigure", _("Can publish reported figures"))]
        indexes = [
            Publishable.live_index("reportedfigure_live"),
            models.Index(fields=["metric", "as_of"], name="reportedfigure_metric"),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(metric__in=FigureMetric.values), name="reportedfigure_metric_valid"
            ),
            models.CheckConstraint(
                condition=Q(qualifier__in=FigureQualifier.values),
                name="reportedfigure_qualifier_valid",
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="reportedfigure_value_gte_0"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.as_of:%b %Y})"
