"""/api/v1/stats/: totals from published records only, and the reported figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from aid.models import AidItem, DeliveryStatus, Sector
from projects.models import Phase
from tests.factories import (
    AidItemFactory,
    AidPackageFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    ReportedFigureFactory,
    SisterCityPartnershipFactory,
)
from tests.queries import CACHE_MISS

pytestmark = pytest.mark.django_db


@pytest.fixture
def stats(client: Any) -> dict[str, Any]:
    delivered = AidPackageFactory(
        published=True,
        value_usd=Decimal("100"),
        decided_on=dt.date(2025, 1, 1),
        delivery_status=DeliveryStatus.DELIVERED,
        delivered_on=dt.date(2025, 2, 1),
    )
    AidPackageFactory(published=True, value_usd=Decimal("50"), decided_on=dt.date(2024, 5, 1))
    AidPackageFactory(published=True, sector=Sector.MEDICAL)  # no USD value, no date
    draft = AidPackageFactory(value_usd=Decimal("9999"))
    AidItemFactory(package=delivered, quantity=Decimal("3"))
    AidItemFactory(package=delivered, kind=AidItem.Kind.CABLE, unit=AidItem.Unit.METRES)
    AidItemFactory(package=draft, quantity=Decimal("1000"))
    ReconstructionProjectFactory(published=True, phase=Phase.DESIGN)
    ReconstructionProjectFactory(phase=Phase.DESIGN)
    RehabilitationGroupFactory(published=True, children_count=30)
    RehabilitationGroupFactory(published=True, children_count=12)
    RehabilitationGroupFactory(children_count=500)
    SisterCityPartnershipFactory(published=True)
    ReportedFigureFactory(published=True)
    ReportedFigureFactory(title="Draft figure")
    response = client.get("/api/v1/stats/")
    assert response.status_code == 200
    return response.json()


def test_stats_sum_usd_by_sector_and_status(stats: dict[str, Any]) -> None:
    energy, medical = stats["aid_by_sector"]
    assert energy == {
        "sector": "energy",
        "packages": 2,
        "packages_without_usd": 0,
        "usd": {"pledged": "50.00", "in_transit": "0.00", "delivered": "100.00"},
    }
    assert medical["packages_without_usd"] == 1


def test_stats_sum_usd_by_year_of_decision(stats: dict[str, Any]) -> None:
    by_year = {row["year"]: row for row in stats["aid_by_year"]}
    # In order, packages without a decision date last, on SQLite and PostgreSQL alike.
    assert list(by_year) == [2024, 2025, None]
    assert by_year[2025]["usd"]["delivered"] == "100.00"


def test_stats_sum_item_quantities_by_kind_and_unit(stats: dict[str, Any]) -> None:
    assert stats["items"] == [
        {
            "kind": "cable",
            "unit": "metres",
            "quantity": "10.00",
            "packages": 1,
            "items_without_quantity": 0,
        },
        {
            "kind": "generator",
            "unit": "pieces",
            "quantity": "3.00",
            "packages": 1,
            "items_without_quantity": 0,
        },
    ]


def test_stats_sum_usd_by_year_and_sector_and_by_status(stats: dict[str, Any]) -> None:
    assert stats["aid_by_year_and_sector"] == [
        {"year": 2024, "sector": "energy", "usd": "50.00", "packages": 1},
        {"year": 2025, "sector": "energy", "usd": "100.00", "packages": 1},
    ]
    assert stats["usd_by_status"] == {
        "pledged": "50.00",
        "in_transit": "0.00",
        "delivered": "100.00",
    }
    assert stats["packages_without_usd"] == 1


def test_stats_group_projects_and_partner_places(stats: dict[str, Any]) -> None:
    assert (stats["projects_completed"], stats["projects_under_way"]) == (0, 1)
    assert stats["projects_not_started"] == 0
    assert (stats["partner_places_ukraine"], stats["partner_places_azerbaijan"]) == (1, 1)


def test_stats_queries_do_not_grow(client: Any, django_assert_num_queries: Any) -> None:
    AidItemFactory(package=AidPackageFactory(published=True, decided_on=dt.date(2025, 1, 1)))
    ReconstructionProjectFactory(published=True)
    # aid: by year and sector, items, reported figures; projects by phase, groups and
    # partnerships together
    with django_assert_num_queries(4 + CACHE_MISS):
        assert client.get("/api/v1/stats/").status_code == 200
    for _ in range(3):
        AidItemFactory(package=AidPackageFactory(published=True, decided_on=dt.date(2024, 1, 1)))
        ReconstructionProjectFactory(published=True, phase=Phase.DESIGN)
        RehabilitationGroupFactory(published=True)
    with django_assert_num_queries(4 + CACHE_MISS):
        assert client.get("/api/v1/stats/").status_code == 200


def test_stats_count_people_projects_and_partnerships(stats: dict[str, Any]) -> None:
    assert stats["children_rehabilitated"] == 42
    assert stats["rehabilitation_groups"] == 2
    assert stats["projects_by_phase"] == [{"phase": "design", "projects": 1}]
    assert stats["partnerships"] == 1


def test_stats_list_only_phases_with_projects_in_the_order_of_their_values(client: Any) -> None:
    for phase in (Phase.UNDER_CONSTRUCTION, Phase.AGREED, Phase.UNDER_CONSTRUCTION):
        ReconstructionProjectFactory(published=True, phase=phase)
    ReconstructionProjectFactory(phase=Phase.PLANNED)  # a draft

    stats = client.get("/api/v1/stats/").json()

    assert stats["projects_by_phase"] == [
        {"phase": "agreed", "projects": 1},
        {"phase": "under_construction", "projects": 2},
    ]
    assert (stats["projects_under_way"], stats["projects_not_started"]) == (2, 1)
    assert stats["projects_completed"] == 0


def test_stats_count_people_and_partnerships_when_no_group_is_published(client: Any) -> None:
    SisterCityPartnershipFactory(published=True)
    RehabilitationGroupFactory(children_count=30)  # a draft

    stats = client.get("/api/v1/stats/").json()

    assert (stats["children_rehabilitated"], stats["rehabilitation_groups"]) == (0, 0)
    assert (stats["partnerships"], stats["partner_places_ukraine"]) == (1, 1)


def test_stats_show_published_reported_figures_with_source(stats: dict[str, Any]) -> None:
    [figure] = stats["reported_figures"]
    assert figure["as_of"] == "2025-07-10"
    assert figure["value"] == "42000000.00"
    assert figure["source"]["publisher"] == "AZERTAC"
