"""Partner API: rehabilitation groups and sister-city partnerships (stats: people/stats.py)."""

from __future__ import annotations

from django.db.models import QuerySet

from api.stats import StatsSection
from api.viewsets import PartnerReadOnlyViewSet
from people.filters import RehabilitationGroupFilterSet, SisterCityPartnershipFilterSet
from people.models import RehabilitationGroup, SisterCityPartnership
from people.serializers import (
    PeopleStatsSerializer,
    RehabilitationGroupSerializer,
    SisterCityPartnershipSerializer,
)
from people.stats import people_stats, people_totals


class RehabilitationGroupViewSet(PartnerReadOnlyViewSet):
    """Published groups of Ukrainian children who came to Azerbaijan for medical and
    psychosocial rehabilitation: when they arrived and left, how many children and adults,
    the cohort the group was formed for, the programme, host and partners.

    Counts only: no record of an individual child exists in the system, and photos showing
    children are published only with consent on file. Newest arrival first.
    """

    serializer_class = RehabilitationGroupSerializer
    filterset_class = RehabilitationGroupFilterSet

    def get_queryset(self) -> QuerySet[RehabilitationGroup]:
        return RehabilitationGroup.objects.published().for_detail()


class SisterCityPartnershipViewSet(PartnerReadOnlyViewSet):
    """Published partnerships between Ukrainian and Azerbaijani cities and regions: the two
    places, the kind of agreement, when it was established, and a timeline of activities.
    """

    serializer_class = SisterCityPartnershipSerializer
    filterset_class = SisterCityPartnershipFilterSet

    def get_queryset(self) -> QuerySet[SisterCityPartnership]:
        return SisterCityPartnership.objects.published().for_detail()


PEOPLE_STATS = StatsSection(
    serializer=PeopleStatsSerializer, build=people_stats, totals=people_totals
)
