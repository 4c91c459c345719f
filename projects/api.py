"""Partner API: reconstruction projects (their stats are in projects/stats.py)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from editorial.api import PartnerReadOnlyViewSet
from editorial.renditions import photos_prefetch
from projects.filters import ReconstructionProjectFilterSet
from projects.models import Milestone, ReconstructionProject
from projects.serializers import ReconstructionProjectSerializer


class ReconstructionProjectViewSet(PartnerReadOnlyViewSet):
    """Published reconstruction projects in Ukraine funded by Azerbaijan: the facility, the
    city and coordinates, the phase, planned and actual dates, the budget (as stated and in
    USD), funders and implementing partners, a timeline of milestones with their photos,
    before/after photos (`role`) and sources.

    `?format=csv` gives one row per project, its milestones summarised in one cell.
    """

    serializer_class = ReconstructionProjectSerializer
    filterset_class = ReconstructionProjectFilterSet

    def get_queryset(self) -> QuerySet[ReconstructionProject]:
        milestones = Milestone.objects.order_by("date", "pk").prefetch_related(photos_prefetch())
        return (
            ReconstructionProject.objects.published()
            .select_related("place")
            .prefetch_related(
                "funders",
                "implementing_partners",
                Prefetch("milestones", queryset=milestones),
                photos_prefetch(),
                "sources",
            )
        )
