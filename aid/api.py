"""Partner API: aid packages, and the aid part of the stats."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear

from aid.filters import AidPackageFilterSet
from aid.models import AidItem, AidPackage, DeliveryStatus, ReportedFigure
from aid.serializers import AidPackageSerializer
from editorial.api import PartnerReadOnlyViewSet
from editorial.renditions import photos_prefetch


class AidPackageViewSet(PartnerReadOnlyViewSet):
    """Published aid packages: what Azerbaijan gave Ukraine, when it was decided, dispatched
    and delivered, its value (as stated and in USD, with the exchange rate used), who paid for
    and who received it, the itemised contents, public photos and the sources that report it.

    Dates the sources give only to the month or year say so in `precision`. Newest decision
    first unless `ordering` says otherwise. `?format=csv` gives one row per package, its items
    summarised in one cell.
    """

    serializer_class = AidPackageSerializer
    filterset_class = AidPackageFilterSet

    def get_queryset(self) -> QuerySet[AidPackage]:
        return (
            AidPackage.objects.published()
            .select_related("funder", "recipient", "origin")
            .prefetch_related(
                Prefetch("items", queryset=AidItem.objects.order_by("order", "pk")),
                photos_prefetch(),
                "sources",
            )
        )


# Sums can outgrow the 14 digits of one value.
TOTAL = DecimalField(max_digits=18, decimal_places=2)


def _usd(status: str) -> Sum:
    return Sum(
        "value_usd",
        filter=Q(delivery_status=status),
        default=Decimal("0"),
        output_field=TOTAL,
    )


def _totals(rows: QuerySet, key: str) -> list[dict[str, Any]]:
    rows = rows.annotate(
        packages=Count("pk"),
        packages_without_usd=Count("pk", filter=Q(value_usd__isnull=True)),
        **{status: _usd(status) for status in DeliveryStatus.values},
    ).order_by(key)
    return [
        {
            key: row[key],
            "packages": row["packages"],
            "packages_without_usd": row["packages_without_usd"],
            "usd": {status: row[status] for status in DeliveryStatus.values},
        }
        for row in rows
    ]


def aid_stats() -> dict[str, Any]:
    """Totals over published aid packages (see AidStatsSerializer for the shape)."""
    packages = AidPackage.objects.published()
    items = (
        AidItem.objects.filter(package__in=packages)
        .values("kind", "unit")
        .annotate(
            quantity=Sum("quantity", default=Decimal("0"), output_field=TOTAL),
            packages=Count("package", distinct=True),
        )
        .order_by("kind", "unit")
    )
    return {
        "aid_by_sector": _totals(packages.values("sector"), "sector"),
        "aid_by_year": _totals(
            packages.annotate(year=ExtractYear("decided_on")).values("year"), "year"
        ),
        "items": list(items),
        "reported_figures": list(ReportedFigure.objects.published().select_related("source")),
    }
