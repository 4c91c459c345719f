"""Totals over published aid packages, for the stats API and the home page.

Only `published()` packages count: a draft, a scheduled or an expired package adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from aid.models import AidItem, AidPackage, DeliveryStatus, FigureMetric, ItemKind, ReportedFigure

# Sums can outgrow the 14 digits of one value.
TOTAL = DecimalField(max_digits=18, decimal_places=2)


def _usd(status: str) -> Sum:
    return Sum(
        "value_usd",
        filter=Q(delivery_status=status),
        default=Decimal("0"),
        output_field=TOTAL,
    )


def _grouped(packages: QuerySet[AidPackage]) -> list[dict[str, Any]]:
    """Packages, packages without a USD value and USD by delivery status, per year of decision
    and sector: one query, folded into every grouping the stats give (`_fold`)."""
    return list(
        packages.annotate(year=ExtractYear("decided_on"))
        .values("year", "sector")
        .annotate(
            packages=Count("pk"),
            packages_without_usd=Count("pk", filter=Q(value_usd__isnull=True)),
            **{status: _usd(status) for status in DeliveryStatus.values},
        )
        .order_by()
    )


def _fold(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """`_grouped` rows summed by `key` ("sector" or "year"), in its order; a year of None
    (no decision date) last, on every database."""
    totals: dict[Any, dict[str, Any]] = {}
    for row in rows:
        total = totals.setdefault(
            row[key],
            {
                key: row[key],
                "packages": 0,
                "packages_without_usd": 0,
                "usd": dict.fromkeys(DeliveryStatus.values, Decimal("0")),
            },
        )
        total["packages"] += row["packages"]
        total["packages_without_usd"] += row["packages_without_usd"]
        for status in DeliveryStatus.values:
            total["usd"][status] += row[status]
    return sorted(totals.values(), key=lambda total: (total[key] is None, total[key] or 0))


def _usd_by_year_and_sector(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """USD value (all delivery statuses) per year of decision and sector: the home timeline.

    Packages without a decision date or without a USD value cannot be placed on it; they are
    counted in `aid_by_sector` and `aid_by_year` instead.
    """
    placed = [
        {
            "year": row["year"],
            "sector": row["sector"],
            "usd": sum((row[status] for status in DeliveryStatus.values), Decimal("0")),
            "packages": row["packages"] - row["packages_without_usd"],
        }
        for row in rows
        if row["year"] is not None and row["packages"] > row["packages_without_usd"]
    ]
    return sorted(placed, key=lambda row: (row["year"], row["sector"]))


def _usd_by_status(by_sector: list[dict[str, Any]]) -> dict[str, Decimal]:
    # Summed from the sector rows rather than queried again: one query fewer per request.
    return {
        status: sum((row["usd"][status] for row in by_sector), Decimal("0"))
        for status in DeliveryStatus.values
    }


def aid_stats() -> dict[str, Any]:
    """Totals over published aid packages (see AidStatsSerializer for the API's shape).

    Three queries: packages by year and sector, items by kind, reported figures.
    """
    packages = AidPackage.objects.published()
    items = (
        AidItem.objects.filter(package__in=packages)
        .values("kind", "unit")
        # Counted before `quantity` names the sum: after it, the filter would see the sum.
        .annotate(items_without_quantity=Count("pk", filter=Q(quantity__isnull=True)))
        .annotate(
            quantity=Sum("quantity", default=Decimal("0"), output_field=TOTAL),
            packages=Count("package", distinct=True),
        )
        .order_by("kind", "unit")
    )
    grouped = _grouped(packages)
    by_sector = _fold(grouped, "sector")
    return {
        "aid_by_sector": by_sector,
        "aid_by_year": _fold(grouped, "year"),
        "aid_by_year_and_sector": _usd_by_year_and_sector(grouped),
        "usd_by_status": _usd_by_status(by_sector),
        "packages_without_usd": sum(row["packages_without_usd"] for row in by_sector),
        "items": list(items),
        "reported_figures": list(ReportedFigure.objects.published().select_related("source")),
    }


def latest_reported_figures(figures: list[ReportedFigure]) -> list[ReportedFigureLine]:
    """The newest figure of each metric, in the model's metric order, with its unit.

    Older figures of a metric (e.g. total aid by 2023) stay in the API; a page beside live
    totals shows only the current one.
    """
    latest: dict[str, ReportedFigure] = {}
    for figure in figures:
        current = latest.get(figure.metric)
        if current is None or figure.as_of > current.as_of:
            latest[figure.metric] = figure
    order = list(ReportedFigure.Metric.values)
    return [
        ReportedFigureLine(figure, FIGURE_UNITS.get(figure.metric, ""))
        for figure in sorted(latest.values(), key=lambda figure: order.index(figure.metric))
    ]


# A figure's title names what it counts ("Transformers delivered by July 2025"); only money
# and lengths need their unit beside the number.
FIGURE_UNITS: dict[str, Promise | str] = {
    FigureMetric.TOTAL_AID_USD: "USD",
    FigureMetric.AID_IN_YEAR_USD: "USD",
    FigureMetric.CABLE_METRES: _("metres"),
}


@dataclass(frozen=True)
class ReportedFigureLine:
    figure: ReportedFigure
    unit: Promise | str


# The kinds a reader asks about first, in that order; "other" and spare parts say little summed.
SIGNIFICANT_KINDS: dict[str, Promise] = {
    ItemKind.TRANSFORMER: _("Transformers"),
    ItemKind.GENERATOR: _("Generators"),
    ItemKind.CABLE: _("Cable and wire"),
    ItemKind.LOW_VOLTAGE_PANEL: _("Low-voltage panels"),
    ItemKind.FUEL: _("Fuel"),
    ItemKind.DEMINING_MACHINE: _("Demining machines"),
    ItemKind.MEDICINE: _("Medicine"),
    ItemKind.FOOD: _("Food"),
    ItemKind.PROTECTIVE_GEAR: _("Protective gear"),
}
# A count of pieces needs no unit after it; other units are named.
UNIT_LABELS: dict[str, Promise | str] = {
    AidItem.Unit.PIECES: "",
    AidItem.Unit.METRES: _("metres"),
    AidItem.Unit.LITRES: _("litres"),
    AidItem.Unit.KG: _("kg"),
    AidItem.Unit.SETS: _("sets"),
    AidItem.Unit.TONNES: _("tonnes"),
}


@dataclass(frozen=True)
class ItemTotal:
    label: Promise
    quantity: Decimal
    unit: Promise | str
    packages: int
    items_without_quantity: int


@dataclass(frozen=True)
class ItemHighlights:
    counted: list[ItemTotal]  # kinds with a stated quantity, as stats
    uncounted: list[Promise]  # kinds itemised, but never with a quantity


def item_highlights(items: list[dict[str, Any]], limit: int = 6) -> ItemHighlights:
    """The significant kinds from `aid_stats()["items"]`: summed where quantities are stated,
    named where the record lists a kind without any number."""
    counted: list[ItemTotal] = []
    uncounted: list[Promise] = []
    for kind, label in SIGNIFICANT_KINDS.items():
        rows = [row for row in items if row["kind"] == kind]
        for row in rows:
            if row["quantity"] > 0:
                counted.append(
                    ItemTotal(
                        label=label,
                        quantity=row["quantity"],
                        unit=UNIT_LABELS.get(row["unit"], row["unit"]),
                        packages=row["packages"],
                        items_without_quantity=row["items_without_quantity"],
                    )
                )
        if rows and all(row["quantity"] == 0 for row in rows):
            uncounted.append(label)
    return ItemHighlights(counted=counted[:limit], uncounted=uncounted)
