"""Reconstruction projects and milestones: the database refuses rows that break a rule.

Each rejection changes a valid row with a queryset `update()`, which skips every Python-side
check, so only the database can refuse it; the constraint name in the error shows which rule did.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory
import pytest
from django.db import IntegrityError, transaction

from projects.models import Phase, ReconstructionProject
from tests.factories import MilestoneFactory, ReconstructionProjectFactory

pytestmark = pytest.mark.django_db

START = dt.date(2024, 5, 1)
DAY_BEFORE = START - dt.timedelta(days=1)


@pytest.mark.parametrize(
    "model_factory",
    [
        pytest.param(f, id=f._meta.model.__name__)
        for f in (ReconstructionProjectFactory, MilestoneFactory)
    ],
)
def test_project_record_valid_object_saves(model_factory: type[factory.Factory]) -> None:
    obj = model_factory()
    obj.full_clean()
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_project_completed_with_same_day_dates_saves() -> None:
    project = ReconstructionProjectFactory(
        phase=Phase.COMPLETED,
        planned_start=START,
        planned_completion=START,
        actual_start=START,
        actual_completion=START,
        budget=Decimal("0"),
        budget_usd=Decimal("0"),
        latitude=Decimal("50.521"),
        longitude=Decimal("30.25"),
    )
    project.full_clean()
    assert ReconstructionProject.objects.filter(pk=project.pk, phase="completed").exists()


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        pytest.param({"budget": Decimal("-1")}, "project_budget_gte_0", id="negative budget"),
        pytest.param(
            {"budget_usd": Decimal("-1")}, "project_budget_usd_gte_0", id="negative budget_usd"
        ),
        pytest.param(
            {"planned_start": START, "planned_completion": DAY_BEFORE},
            "project_planned_dates_ordered",
            id="planned completion before planned start",
        ),
        pytest.param(
            {"actual_start": START, "actual_completion": DAY_BEFORE},
            "project_actual_dates_ordered",
            id="actual completion before actual start",
        ),
        pytest.param(
            {"phase": Phase.COMPLETED},
            "project_completed_has_date",
            id="completed without actual completion",
        ),
        pytest.param(
            {"latitude": Decimal("90.000001"), "longitude": Decimal("30")},
            "project_latitude_range",
            id="latitude above 90",
        ),
        pytest.param(
            {"latitude": Decimal("-90.000001"), "longitude": Decimal("30")},
            "project_latitude_range",
            id="latitude below -90",
        ),
        pytest.param(
            {"latitude": Decimal("50"), "longitude": Decimal("180.000001")},
            "project_longitude_range",
            id="longitude above 180",
        ),
        pytest.param(
            {"latitude": Decimal("50"), "longitude": Decimal("-180.000001")},
            "project_longitude_range",
            id="longitude below -180",
        ),
        pytest.param({"phase": "demolished"}, "project_phase_valid", id="unknown phase"),
        pytest.param(
            {"facility_type": "airport"}, "project_facility_valid", id="unknown facility type"
        ),
        pytest.param({"work_kind": "repaint"}, "project_work_kind_valid", id="unknown work kind"),
        pytest.param({"currency": "GBP"}, "project_currency_valid", id="unknown currency"),
    ],
)
def test_project_database_rejects_invalid_row(changes: dict[str, Any], constraint: str) -> None:
    project = ReconstructionProjectFactory()
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        ReconstructionProject.objects.filter(pk=project.pk).update(**changes)


# A CHECK passes when its condition is NULL, and `longitude >= -180` is NULL when longitude is
# empty: the rule must refuse a half-set pair explicitly.
@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"latitude": Decimal("50.521")}, id="latitude only"),
        pytest.param({"longitude": Decimal("30.25")}, id="longitude only"),
    ],
)
def test_project_database_rejects_half_set_coordinates(changes: dict[str, Decimal]) -> None:
    project = ReconstructionProjectFactory()
    with pytest.raises(IntegrityError, match="project_coordinates_paired"), transaction.atomic():
        ReconstructionProject.objects.filter(pk=project.pk).update(**changes)
