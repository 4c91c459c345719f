"""Totals over published reconstruction projects, for the stats API and the home page."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from projects.models import Phase, ReconstructionProject

# Work has begun (design counts: the project is being carried out, not merely agreed).
UNDER_WAY = (Phase.DESIGN, Phase.UNDER_CONSTRUCTION)
NOT_STARTED = (Phase.PLANNED, Phase.AGREED)


def project_stats() -> dict[str, Any]:
    """Published projects counted by phase, and grouped as completed, under way, not started.

    One query; the groups are summed from the phase rows.
    """
    rows = list(
        ReconstructionProject.objects.published()
        .values("phase")
        .annotate(projects=Count("pk"))
        .order_by("phase")
    )
    by_phase = {row["phase"]: row["projects"] for row in rows}

    def projects_in(*phases: str) -> int:
        return sum(by_phase.get(phase, 0) for phase in phases)

    return {
        "projects_by_phase": rows,
        "projects_completed": projects_in(Phase.COMPLETED),
        "projects_under_way": projects_in(*UNDER_WAY),
        "projects_not_started": projects_in(*NOT_STARTED),
    }
