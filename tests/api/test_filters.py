"""Filters, ordering and search; bad values and unknown parameters give 400 naming them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from aid.models import DeliveryStatus, Sector
from people.models import Cohort, SisterCityPartnership
from projects.models import FacilityType, Phase
from tests.factories import (
    AidPackageFactory,
    OrganizationFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)

pytestmark = pytest.mark.django_db

AID = "/api/v1/aid-packages/"


def slugs(client: Any, path: str, **params: Any) -> list[str]:
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_aid_filters_by_sector_status_and_funder(client: Any) -> None:
    socar = OrganizationFactory(slug="socar")
    AidPackageFactory(slug="energy", published=True, sector=Sector.ENERGY, funder=socar)
    AidPackageFactory(
        slug="medical",
        published=True,
        sector=Sector.MEDICAL,
        delivery_status=DeliveryStatus.DELIVERED,
        delivered_on=dt.date(2025, 3, 1),
    )
    assert slugs(client, AID, sector="energy") == ["energy"]
    assert slugs(client, AID, delivery_status="delivered") == ["medical"]
    assert slugs(client, AID, funder="socar") == ["energy"]


def test_aid_filters_by_decision_dates(client: Any) -> None:
    for slug, day in (("early", dt.date(2024, 1, 5)), ("late", dt.date(2025, 6, 5))):
        AidPackageFactory(slug=slug, published=True, decided_on=day)
    assert slugs(client, AID, decided_after="2025-01-01") == ["late"]
    assert slugs(client, AID, decided_before="2024-12-31") == ["early"]


def test_aid_search_finds_words_in_any_language(client: Any) -> None:
    AidPackageFactory(slug="gen", published=True, title_en="Generators", title_uk="Генератори")
    AidPackageFactory(slug="other", published=True, title_en="Medicine")
    # Case-insensitive for Cyrillic on PostgreSQL only (SQLite folds ASCII): same case here.
    assert slugs(client, AID, search="Генератори") == ["gen"]
    assert slugs(client, AID, search="generators grid") == ["gen"]


def test_aid_ordering_and_default_order_end_with_pk(client: Any) -> None:
    for slug, usd in (("b", "20"), ("a", "10"), ("c", "30")):
        AidPackageFactory(slug=slug, published=True, value_usd=Decimal(usd))
    assert slugs(client, AID, ordering="value_usd") == ["a", "b", "c"]
    assert slugs(client, AID, ordering="-value_usd") == ["c", "b", "a"]
    # No decision dates: the default order falls through to the newest first.
    assert slugs(client, AID) == ["c", "a", "b"]


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("sector", "weapons"),
        ("delivery_status", "lost"),
        ("funder", "nobody"),
        ("decided_after", "yesterday"),
        ("decided_before", "2025-13-01"),
        ("ordering", "body"),
        ("page_size", "201"),
        ("page_size", "0"),
        ("page", "first"),
        ("format", "xml"),
    ],
)
def test_aid_bad_value_is_400_naming_the_parameter(client: Any, param: str, value: str) -> None:
    response = client.get(AID, {param: value})
    assert response.status_code == 400
    assert list(response.json()) == [param]


@pytest.mark.parametrize(
    "path",
    [
        AID,
        "/api/v1/projects/",
        "/api/v1/rehabilitation-groups/",
        "/api/v1/partnerships/",
        "/api/v1/stats/",
    ],
)
def test_unknown_parameter_is_400_naming_it(client: Any, path: str) -> None:
    response = client.get(path, {"sectr": "energy"})
    assert response.status_code == 400
    assert "Unknown query parameter" in response.json()["sectr"][0]


def test_detail_refuses_list_parameters(client: Any) -> None:
    AidPackageFactory(slug="one", published=True)
    response = client.get(f"{AID}one/", {"page": "2"})
    assert response.status_code == 400
    assert list(response.json()) == ["page"]


def test_projects_filter_by_phase_facility_city_and_funder(client: Any) -> None:
    irpin = PlaceFactory(slug="irpin")
    funder = OrganizationFactory(slug="fund")
    school = ReconstructionProjectFactory(slug="school", published=True, place=irpin)
    school.funders.add(funder)
    ReconstructionProjectFactory(
        slug="park", published=True, facility_type=FacilityType.PARK, phase=Phase.DESIGN
    )
    path = "/api/v1/projects/"
    assert slugs(client, path, phase="design") == ["park"]
    assert slugs(client, path, facility_type="school") == ["school"]
    assert slugs(client, path, city="irpin") == ["school"]
    assert slugs(client, path, funder="fund") == ["school"]
    assert client.get(path, {"city": "atlantis"}).json().keys() == {"city"}


def test_groups_filter_by_cohort_and_year(client: Any) -> None:
    RehabilitationGroupFactory(
        slug="y2024",
        published=True,
        arrived_on=dt.date(2024, 7, 1),
        departed_on=None,
        cohort=Cohort.OTHER,
    )
    RehabilitationGroupFactory(slug="y2025", published=True)
    path = "/api/v1/rehabilitation-groups/"
    assert slugs(client, path, year="2024") == ["y2024"]
    assert slugs(client, path, cohort="fallen_defenders") == ["y2025"]
    assert slugs(client, path, ordering="arrived_on") == ["y2024", "y2025"]
    assert client.get(path, {"year": "twenty"}).json().keys() == {"year"}
    assert client.get(path, {"cohort": "adults"}).json().keys() == {"cohort"}


def test_partnerships_filter_by_kind(client: Any) -> None:
    SisterCityPartnershipFactory(slug="sister", published=True)
    SisterCityPartnershipFactory(
        slug="coop", published=True, kind=SisterCityPartnership.Kind.COOPERATION_AGREEMENT
    )
    path = "/api/v1/partnerships/"
    assert slugs(client, path, kind="cooperation_agreement") == ["coop"]
    assert client.get(path, {"kind": "alliance"}).json().keys() == {"kind"}


def test_aid_filters_by_year_value_organisations_and_dates(client: Any) -> None:
    ukrenergo, baku = OrganizationFactory(slug="ukrenergo"), PlaceFactory(slug="baku")
    AidPackageFactory(
        slug="big",
        published=True,
        value_usd=Decimal("5000000"),
        decided_on=dt.date(2025, 2, 1),
        dispatched_on=dt.date(2025, 3, 1),
        recipient=ukrenergo,
        origin=baku,
    )
    AidPackageFactory(slug="small", published=True, value_usd=Decimal("1000"))
    AidPackageFactory(slug="unvalued", published=True)
    assert slugs(client, AID, year="2025") == ["big"]
    assert slugs(client, AID, value_usd_min="1000000") == ["big"]
    assert slugs(client, AID, value_usd_max="1000") == ["small"]
    assert slugs(client, AID, recipient="ukrenergo") == ["big"]
    assert slugs(client, AID, origin="baku") == ["big"]
    assert slugs(client, AID, dispatched_after="2025-03-01") == ["big"]
    assert slugs(client, AID, delivered_before="2030-01-01") == []


def test_updated_after_finds_what_changed(client: Any) -> None:
    AidPackageFactory(slug="old", published=True)
    AidPackageFactory._meta.model.objects.filter(slug="old").update(
        updated_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    )
    AidPackageFactory(slug="new", published=True)
    assert slugs(client, AID, updated_after="2025-01-01T00:00:00Z") == ["new"]


@pytest.mark.parametrize("offset", ["+15:59", "-15:59", "+04:00"])
def test_updated_after_takes_a_utc_offset_up_to_1559(client: Any, offset: str) -> None:
    AidPackageFactory(slug="new", published=True)
    assert slugs(client, AID, updated_after=f"2025-01-01T00:00:00{offset}") == ["new"]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "The UTC offset must be from -15:59 to +15:59, e.g. +04:00 or Z."),
        ("uk", "Зсув відносно UTC має бути від -15:59 до +15:59, наприклад +04:00 або Z."),
        ("az", "UTC-dən fərq -15:59 ilə +15:59 arasında olmalıdır, məsələn, +04:00 və ya Z."),
    ],
)
def test_a_utc_offset_past_1559_is_refused_in_the_language_asked_for(
    client: Any, lang: str, message: str
) -> None:
    response = client.get(AID, {"updated_after": "2025-01-01T00:00:00+16:00", "lang": lang})

    assert response.status_code == 400
    assert response.json() == {"updated_after": [message]}


def test_projects_filter_by_region_partner_budget_and_completion(client: Any) -> None:
    oblast = PlaceFactory(slug="kyiv-oblast", kind="region")
    builder = OrganizationFactory(slug="builder")
    done = ReconstructionProjectFactory(
        slug="done",
        published=True,
        place=PlaceFactory(region=oblast),
        phase=Phase.COMPLETED,
        actual_start=dt.date(2024, 1, 1),
        actual_completion=dt.date(2024, 9, 1),
        budget_usd=Decimal("2000000"),
    )
    done.implementing_partners.add(builder)
    ReconstructionProjectFactory(slug="planned", published=True, budget_usd=Decimal("10"))
    path = "/api/v1/projects/"
    assert slugs(client, path, region="kyiv-oblast") == ["done"]
    assert slugs(client, path, implementing_partner="builder") == ["done"]
    assert slugs(client, path, budget_usd_min="1000000") == ["done"]
    assert slugs(client, path, budget_usd_max="10") == ["planned"]
    assert slugs(client, path, completed_before="2024-12-31") == ["done"]
    assert slugs(client, path, started_after="2024-01-01") == ["done"]


def test_groups_filter_by_places_partner_and_arrival(client: Any) -> None:
    sumy, host = PlaceFactory(slug="sumy", kind="region"), PlaceFactory(slug="gabala")
    partner = OrganizationFactory(slug="heydar-aliyev-foundation")
    group = RehabilitationGroupFactory(slug="summer", published=True, host_place=host)
    group.home_regions.add(sumy)
    group.partners.add(partner)
    RehabilitationGroupFactory(slug="earlier", published=True, arrived_on=dt.date(2024, 7, 1))
    path = "/api/v1/rehabilitation-groups/"
    assert slugs(client, path, home_region="sumy") == ["summer"]
    assert slugs(client, path, host_place="gabala") == ["summer"]
    assert slugs(client, path, partner="heydar-aliyev-foundation") == ["summer"]
    assert slugs(client, path, arrived_before="2024-12-31") == ["earlier"]


def test_partnerships_filter_by_place_on_either_side_and_year(client: Any) -> None:
    irpin, lachin = PlaceFactory(slug="irpin"), PlaceFactory(slug="lachin", country="AZ")
    SisterCityPartnershipFactory(
        slug="irpin-lachin",
        published=True,
        ukrainian_place=irpin,
        azerbaijani_place=lachin,
        established_on=dt.date(2023, 5, 1),
    )
    SisterCityPartnershipFactory(slug="other", published=True)
    path = "/api/v1/partnerships/"
    assert slugs(client, path, place="irpin") == ["irpin-lachin"]
    assert slugs(client, path, place="lachin") == ["irpin-lachin"]
    assert slugs(client, path, azerbaijani_place="lachin") == ["irpin-lachin"]
    assert slugs(client, path, year="2023") == ["irpin-lachin"]
    assert slugs(client, path, established_after="2024-01-01") == []


@pytest.mark.parametrize(
    ("path", "param", "value"),
    [
        (AID, "value_usd_min", "lots"),
        (AID, "value_usd_max", "1e40"),  # beyond what the column holds
        (AID, "value_usd_min", "-5"),
        (AID, "year", "1800"),
        (AID, "recipient", "nobody"),
        (AID, "updated_after", "last week"),
        # Past PostgreSQL's ±15:59 (a 500 there), though ISO 8601 allows up to ±23:59.
        (AID, "updated_after", "2025-01-01T00:00:00+16:00"),
        ("/api/v1/projects/", "updated_after", "2025-01-01T00:00:00-23:59"),
        (AID, "updated_after", "2025-01-01T00:00:00+99:99"),
        (AID, "search", "a\x00b"),
        (AID, "page", "²"),  # a digit to str.isdigit(), not to int()
        (AID, "page_size", "²"),
        ("/api/v1/projects/", "budget_usd_min", "NaN"),
        ("/api/v1/projects/", "region", "atlantis"),
        ("/api/v1/projects/", "completed_after", "2025-02-30"),
        ("/api/v1/projects/", "ordering", "slug"),
        ("/api/v1/rehabilitation-groups/", "home_region", "atlantis"),
        ("/api/v1/rehabilitation-groups/", "arrived_before", "soon"),
        ("/api/v1/partnerships/", "place", "atlantis"),
        ("/api/v1/partnerships/", "year", "x"),
        ("/api/v1/partnerships/", "ordering", "kind"),
    ],
)
def test_bad_value_on_any_endpoint_is_400_naming_it(
    client: Any, path: str, param: str, value: str
) -> None:
    response = client.get(path, {param: value})
    assert response.status_code == 400
    assert list(response.json()) == [param]


@pytest.mark.parametrize("ordering", ["value_usd", "-value_usd", "title", "-decided_on"])
def test_pages_in_any_order_never_overlap_when_keys_tie(client: Any, ordering: str) -> None:
    AidPackageFactory.create_batch(
        25, published=True, title="Same", value_usd=Decimal("7"), decided_on=dt.date(2025, 1, 1)
    )
    seen: list[str] = []
    for page in (1, 2, 3):
        seen += slugs(client, AID, ordering=ordering, page_size=10, page=page)
    assert len(seen) == len(set(seen)) == 25
