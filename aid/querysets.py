"""Querysets of aid packages: what the public pages load with each package, and how they date it."""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from editorial.publishing import PublishableQuerySet


def reference_date() -> Coalesce:
    """The date a package is filed under: its decision, else its dispatch, else its delivery.

    Many press texts report a delivery but not the decree behind it; filing those under the
    date they do give keeps them in the year and the order a reader expects.
    """
    return Coalesce("decided_on", "dispatched_on", "delivered_on")


class AidPackageQuerySet(PublishableQuerySet):
    def for_listing(self) -> AidPackageQuerySet:
        """A list card: the funder and the public photos (with renditions), in fixed queries."""
        return super().for_listing().select_related("funder")

    def for_detail(self) -> AidPackageQuerySet:
        """A detail page, its admin preview and the partner API (list and detail alike):
        organisations, origin, items, sources."""
        return (
            super()
            .for_detail()
            .select_related("funder", "recipient", "origin")
            .prefetch_related("items", "sources")
        )

    def newest_first(self) -> AidPackageQuerySet:
        """Newest first by `reference_date()`; packages with no date at all come last."""
        return self.order_by(reference_date().desc(nulls_last=True), "-pk")

    def in_year(self, year: int) -> AidPackageQuerySet:
        """Packages whose `reference_date()` falls in `year`."""
        return self.alias(reference_date=reference_date()).filter(reference_date__year=year)

    def reference_years(self) -> QuerySet:
        """The years that `in_year()` would find something in, newest first (a flat list)."""
        return (
            self.annotate(reference_year=ExtractYear(reference_date()))
            .filter(reference_year__isnull=False)
            .order_by("-reference_year")
            .values_list("reference_year", flat=True)
            .distinct()
        )
