import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from aid.models import AidPackage
from editorial.dates import DatePrecision, format_approximate
from people.models import RehabilitationGroup
from tests.factories import AidPackageFactory, RehabilitationGroupFactory

AUGUST_2025 = dt.date(2025, 8, 1)


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        (DatePrecision.DAY, "1 August 2025"),
        (DatePrecision.MONTH, "August 2025"),
        (DatePrecision.YEAR, "2025"),
    ],
)
def test_format_approximate_says_no_more_than_is_known(precision: str, expected: str) -> None:
    with translation.override("en"):
        assert format_approximate(AUGUST_2025, precision) == expected


def test_format_approximate_uses_the_active_language() -> None:
    with translation.override("uk"):
        assert format_approximate(AUGUST_2025, DatePrecision.MONTH) == "Серпень 2025"


def test_format_approximate_of_no_date_is_empty() -> None:
    assert format_approximate(None, DatePrecision.DAY) == ""


@pytest.mark.django_db
def test_aid_package_shows_a_month_precise_decision_as_its_month() -> None:
    package = AidPackageFactory(decided_on=AUGUST_2025, decided_on_precision="month")
    with translation.override("en"):
        assert package.decided_on_display() == "August 2025"


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["decided_on", "dispatched_on", "delivered_on"])
@pytest.mark.parametrize(
    ("precision", "date", "constraint"),
    [
        ("month", dt.date(2025, 8, 15), "starts_period"),
        ("year", dt.date(2025, 8, 1), "starts_period"),
        ("week", dt.date(2025, 8, 1), "precision_valid"),
    ],
)
def test_aid_package_database_refuses_a_date_that_does_not_start_its_period(
    field: str, precision: str, date: dt.date, constraint: str
) -> None:
    package = AidPackageFactory()
    with (
        pytest.raises(IntegrityError, match=f"aidpackage_{field}_{constraint}"),
        transaction.atomic(),
    ):
        AidPackage.objects.filter(pk=package.pk).update(
            **{field: date, f"{field}_precision": precision}
        )


@pytest.mark.django_db
def test_rehabilitation_group_database_refuses_a_year_date_off_new_year() -> None:
    group = RehabilitationGroupFactory()
    with (
        pytest.raises(IntegrityError, match="rehabgroup_arrived_on_starts_period"),
        transaction.atomic(),
    ):
        RehabilitationGroup.objects.filter(pk=group.pk).update(
            arrived_on=dt.date(2024, 3, 1), arrived_on_precision="year"
        )


@pytest.mark.django_db
def test_rehabilitation_group_keeps_a_year_precise_arrival() -> None:
    group = RehabilitationGroupFactory(
        arrived_on=dt.date(2024, 1, 1), arrived_on_precision="year", departed_on=None
    )
    group.full_clean()
    assert group.arrived_on_display() == "2024"
