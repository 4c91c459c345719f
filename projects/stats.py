"""Totals over published reconstruction projects, for the stats API and the home page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q

from editorial.totals import Totals, read_totals
from projects.models import Phase, ReconstructionProject

# Work has begun (design counts: the project is being carried out, not merely agreed).
UNDER_WAY = (Phase.DESIGN, Phase.UNDER_CONSTRUCTION)
NOT_STARTED = (Phase.PLANNED, Phase.AGREED)


def _figure(phase: str) -> str:
    return f"phase_{phase}"


def project_totals() -> tuple[Totals, ...]:
    """What `project_stats()` counts, to be read with other totals in one query: the published
    projects in each phase."""
    counts = {_figure(phase): Count("pk", filter=Q(phase=phase)) for phase in Phase.values}
    return (Totals(ReconstructionProject.objects.published(), counts),)


def project_stats(figures: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Published projects counted by phase, and grouped as completed, under way, not started.

    From `figures`, the `project_totals()` read with others (`editorial.totals.read_totals`);
    without them, read here in one query.
    """
    if figures is None:
        figures = read_totals(*project_totals())
    by_phase = {phase: figures[_figure(phase)] for phase in Phase.values}

    def projects_in(*phases: str) -> int:
        return sum(by_phase[phase] for phase in phases)

    return {
        # The phases that have projects, in the order of their values (as the API always gave).
        "projects_by_phase": [
            {"phase": phase, "projects": by_phase[phase]}
            for phase in sorted(by_phase)
            if by_phase[phase]
        ],
        "projects_completed": projects_in(Phase.COMPLETED),
        "projects_under_way": projects_in(*UNDER_WAY),
        "projects_not_started": projects_in(*NOT_STARTED),
    }
