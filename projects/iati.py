"""Reconstruction projects in the IATI file: one activity per published project."""

from __future__ import annotations

from django.db.models import QuerySet

from api.iati import (
    Activity,
    ActivityDate,
    ActivityDateType,
    ActivitySource,
    ActivityStatus,
    Budget,
    Location,
    Money,
    OrganisationRole,
    Participant,
    translations,
)
from projects.models import FacilityType, Phase, ReconstructionProject

# A completed building is handed over: closed. "On hold" is IATI's "suspended".
PHASE_STATUSES: dict[str, ActivityStatus] = {
    Phase.PLANNED: ActivityStatus.PIPELINE,
    Phase.AGREED: ActivityStatus.PIPELINE,
    Phase.DESIGN: ActivityStatus.IMPLEMENTATION,
    Phase.UNDER_CONSTRUCTION: ActivityStatus.IMPLEMENTATION,
    Phase.COMPLETED: ActivityStatus.CLOSED,
    Phase.ON_HOLD: ActivityStatus.SUSPENDED,
}

# The DAC purpose code of what is rebuilt rather than 73010 ("immediate post-emergency
# reconstruction") for all: these are lasting public facilities, and the sector is what
# partners filter by. Shelters are the emergency kind of work, so they keep 73010.
FACILITY_SECTORS: dict[str, str] = {
    FacilityType.SCHOOL: "11120",  # Education facilities and training
    FacilityType.POLYCLINIC: "12230",  # Basic health infrastructure
    FacilityType.HOSPITAL: "12230",  # Basic health infrastructure
    FacilityType.CULTURAL_CENTRE: "16061",  # Culture and recreation
    FacilityType.ART_CENTRE: "16061",  # Culture and recreation
    FacilityType.LIBRARY_SPACE: "16061",  # Culture and recreation
    FacilityType.SPORTS_COMPLEX: "16065",  # Recreation and sport
    FacilityType.RESIDENTIAL_BUILDING: "16040",  # Low-cost housing
    FacilityType.PARK: "43030",  # Urban development and management
    FacilityType.SHELTER: "73010",  # Immediate post-emergency reconstruction and rehabilitation
}
RECONSTRUCTION_SECTOR = "73010"


def project_rows() -> QuerySet:
    """Published projects with their city, funders and implementing partners, by id."""
    return (
        ReconstructionProject.objects.published()
        .select_related("place")
        .prefetch_related("funders", "implementing_partners")
        .order_by("pk")
    )


def _dates(project: ReconstructionProject) -> list[ActivityDate]:
    pairs = (
        (ActivityDateType.PLANNED_START, project.planned_start),
        (ActivityDateType.ACTUAL_START, project.actual_start),
        (ActivityDateType.PLANNED_END, project.planned_completion),
        (ActivityDateType.ACTUAL_END, project.actual_completion),
    )
    return [ActivityDate(kind, value) for kind, value in pairs if value is not None]


def _budgets(project: ReconstructionProject) -> list[Budget]:
    """The whole budget over the whole works, actual dates before planned ones; none without
    both ends of the period, which the schema requires."""
    start = project.actual_start or project.planned_start
    end = project.actual_completion or project.planned_completion
    if start is None or end is None or end < start:
        return []
    money = Money.stated_or_usd(project.budget, project.currency, project.budget_usd, start)
    return [Budget(start, end, money)] if money else []


def _locations(project: ReconstructionProject) -> list[Location]:
    exact = project.latitude is not None and project.longitude is not None
    place = project.place
    latitude, longitude = (
        (project.latitude, project.longitude) if exact else (place.latitude, place.longitude)
    )
    if latitude is None or longitude is None:
        return []
    return [
        Location(
            name=translations(place, "name"),
            description=translations(project, "address"),
            latitude=latitude,
            longitude=longitude,
            exact=exact,
        )
    ]


def project_activity(project: ReconstructionProject) -> Activity:
    participants = [
        *(Participant(org, OrganisationRole.FUNDING) for org in project.funders.all()),
        *(
            Participant(org, OrganisationRole.IMPLEMENTING)
            for org in project.implementing_partners.all()
        ),
    ]
    return Activity(
        record=project,
        local_id=f"PRJ-{project.pk}",
        title=translations(project, "title"),
        description=translations(project, "summary"),
        status=PHASE_STATUSES[project.phase],
        sector=FACILITY_SECTORS.get(project.facility_type, RECONSTRUCTION_SECTOR),
        dates=_dates(project),
        participants=participants,
        locations=_locations(project),
        budgets=_budgets(project),
    )


PROJECT_ACTIVITIES = ActivitySource(
    model=ReconstructionProject, rows=project_rows, build=project_activity
)
