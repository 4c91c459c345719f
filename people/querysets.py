"""Querysets of rehabilitation groups and partnerships: what their public pages load, and totals."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet, Sum
from django.db.models.functions import ExtractYear

from editorial.publishing import PublishableQuerySet
from editorial.totals import Totals, read_totals


@dataclass(frozen=True)
class GroupTotals:
    """Sums over a set of groups. Adults are counted only where the sources give a number."""

    groups: int
    children: int
    adults: int
    groups_with_adults: int
    home_regions: int


class RehabilitationGroupQuerySet(PublishableQuerySet):
    def for_listing(self) -> RehabilitationGroupQuerySet:
        """A list card: host place and the public photos (with renditions), in fixed queries."""
        return super().for_listing().select_related("host_place")

    def for_detail(self) -> RehabilitationGroupQuerySet:
        """A detail page, its admin preview and the partner API: host, home regions, partners
        and sources."""
        return (
            super()
            .for_detail()
            .select_related("host_institution", "host_place")
            .prefetch_related("home_regions", "partners", "sources")
        )

    def arrival_years(self) -> QuerySet:
        """The years in which a group of this set arrived, newest first (a flat list)."""
        return (
            self.prefetch_related(None)
            .annotate(arrival_year=ExtractYear("arrived_on"))
            .order_by("-arrival_year")
            .values_list("arrival_year", flat=True)
            .distinct()
        )

    def totals(self) -> GroupTotals:
        """Groups, children, adults and distinct home regions of this set, in one query.

        Home regions are counted in a subquery beside the sums: joining the many-to-many into
        the same aggregate would repeat each group once per region and inflate the children.
        """
        groups = self.order_by()
        regions = self.model.home_regions.through.objects.filter(
            rehabilitationgroup__in=groups.values("pk")
        )
        figures = read_totals(
            Totals(
                groups,
                {
                    "groups": Count("pk"),
                    "children": Sum("children_count", default=0),
                    "adults": Sum("adults_count", default=0),
                    "groups_with_adults": Count("adults_count"),
                },
            ),
            Totals(regions, {"home_regions": Count("place", distinct=True)}),
        )
        return GroupTotals(**figures)


class SisterCityPartnershipQuerySet(PublishableQuerySet):
    def for_listing(self) -> SisterCityPartnershipQuerySet:
        """A list row: both places and the public photos (with renditions)."""
        return super().for_listing().select_related("ukrainian_place", "azerbaijani_place")

    def for_detail(self) -> SisterCityPartnershipQuerySet:
        """A detail page, its admin preview and the partner API: places, activities in date
        order, sources."""
        from people.models import PartnershipActivity  # people.models imports this module

        return (
            super()
            .for_detail()
            .select_related("ukrainian_place", "azerbaijani_place")
            .prefetch_related(
                Prefetch("activities", queryset=PartnershipActivity.objects.order_by("date", "pk")),
                "sources",
            )
        )

    def for_map(self) -> SisterCityPartnershipQuerySet:
        """Both places with their coordinates, without photos: the points of a map."""
        return self.prefetch_related(None).select_related("ukrainian_place", "azerbaijani_place")
