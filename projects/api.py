"""Partner API: reconstruction projects (their stats are in projects/stats.py)."""

from __future__ import annotations

from django.db.models import QuerySet

from api.stats import StatsSection
from api.viewsets import PartnerReadOnlyViewSet
from projects.filters import ReconstructionProjectFilterSet
from projects.models import ReconstructionProject
from projects.serializers import ProjectStatsSerializer, ReconstructionProjectSerializer
from projects.stats import project_stats, project_totals


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
        return ReconstructionProject.objects.published().for_detail()


PROJECT_STATS = StatsSection(
    serializer=ProjectStatsSerializer, build=project_stats, totals=project_totals
)
