"""Public pages of rehabilitation groups and sister-city partnerships.

Detail views build their whole context from `self.object` in `get_context_data`, so the
admin's preview (`editorial.preview.render_detail`) renders a draft exactly as the public would.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from editorial.dates import DatePrecision
from people.models import RehabilitationGroup, SisterCityPartnership
from people.public_filters import (
    RehabilitationGroupPublicFilterSet,
    SisterCityPartnershipPublicFilterSet,
)
from public.base_views import PublishedDetailView, PublishedListView
from public.maps import MapPoint, country_map

MAP_LEGEND = {
    "ua-city": _("Partner city in Ukraine"),
    "az-city": _("Partner city in Azerbaijan"),
}


def stay_length_days(group: RehabilitationGroup) -> int | None:
    """Days of the stay, counting both the day of arrival and of departure.

    None unless both dates are known to the day: an arrival known only to its month or year
    would give a length nobody reported.
    """
    if group.departed_on is None or group.arrived_on_precision != DatePrecision.DAY:
        return None
    return (group.departed_on - group.arrived_on).days + 1


def partner_city_points(partnerships: Iterable[SisterCityPartnership]) -> list[MapPoint]:
    """One point per partner place with coordinates, linked to its (first) partnership.

    A city in two partnerships is drawn once: two dots on one spot would read as two cities.
    """
    points: dict[int, MapPoint] = {}
    for partnership in partnerships:
        url = partnership.get_absolute_url()
        for place, kind in (
            (partnership.ukrainian_place, "ua-city"),
            (partnership.azerbaijani_place, "az-city"),
        ):
            if place.pk in points or place.latitude is None or place.longitude is None:
                continue
            points[place.pk] = MapPoint(
                latitude=float(place.latitude),
                longitude=float(place.longitude),
                label=place.name,
                url=url,
                kind=kind,
            )
    return list(points.values())


class RehabilitationGroupListView(PublishedListView):
    model = RehabilitationGroup
    filterset_class = RehabilitationGroupPublicFilterSet

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The headline totals cover every published group, whatever the filters.
        context["totals"] = RehabilitationGroup.objects.published().totals()
        return context


class RehabilitationGroupDetailView(PublishedDetailView):
    model = RehabilitationGroup
    section_name = _("Rehabilitation")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        group = self.object
        context.update(
            stay_days=stay_length_days(group),
            home_regions=list(group.home_regions.all()),
            partners=list(group.partners.all()),
        )
        return context


class SisterCityPartnershipListView(PublishedListView):
    model = SisterCityPartnership
    filterset_class = SisterCityPartnershipPublicFilterSet

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        points = partner_city_points(self.object_list.for_map())
        context["map"] = (
            country_map(points, title=_("Partner cities"), legend=MAP_LEGEND) if points else ""
        )
        return context


class SisterCityPartnershipDetailView(PublishedDetailView):
    model = SisterCityPartnership
    section_name = _("Partner cities")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["activities"] = list(self.object.activities.all())
        return context
