"""Partner API: aid packages (their stats are in aid/stats.py)."""

from __future__ import annotations

from django.db.models import QuerySet

from aid.filters import AidPackageFilterSet
from aid.models import AidPackage
from aid.serializers import AidPackageSerializer, AidStatsSerializer
from aid.stats import aid_stats
from api.stats import StatsSection
from api.viewsets import PartnerReadOnlyViewSet


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
        return AidPackage.objects.published().for_detail()


# Aid's stats need queries of their own (sums by sector and year), not figures read beside others.
AID_STATS = StatsSection(serializer=AidStatsSerializer, build=lambda figures: aid_stats())
