"""Rehabilitation groups and sister-city partnerships: the database refuses rows that break a rule.

A partnership joins one Ukrainian and one Azerbaijani place. A CHECK cannot look at the place
table, so triggers (migration people 0003) guard both the partnership and the places it uses;
they raise IntegrityError on SQLite (RAISE(ABORT)) and PostgreSQL (check_violation) alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
import pytest
from django.db import IntegrityError, transaction

from editorial.models import Place
from people.models import RehabilitationGroup, SisterCityPartnership
from tests.factories import (
    PartnershipActivityFactory,
    PlaceFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)

pytestmark = pytest.mark.django_db

TRIGGER = "partnership_places_countries"
ARRIVED = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    "model_factory",
    [
        pytest.param(f, id=f._meta.model.__name__)
        for f in (
            RehabilitationGroupFactory,
            SisterCityPartnershipFactory,
            PartnershipActivityFactory,
        )
    ],
)
def test_people_record_valid_object_saves(model_factory: type[factory.Factory]) -> None:
    obj = model_factory()
    obj.full_clean()
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_rehabilitation_group_one_child_same_day_saves() -> None:
    group = RehabilitationGroupFactory(
        children_count=1, adults_count=0, arrived_on=ARRIVED, departed_on=ARRIVED
    )
    group.full_clean()
    assert RehabilitationGroup.objects.filter(pk=group.pk, children_count=1).exists()


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        pytest.param({"children_count": 0}, "rehabgroup_at_least_one_child", id="0 children"),
        pytest.param(
            {"arrived_on": ARRIVED, "departed_on": ARRIVED - dt.timedelta(days=1)},
            "rehabgroup_departed_after_arrival",
            id="departure before arrival",
        ),
        pytest.param({"cohort": "orphans"}, "rehabgroup_cohort_valid", id="unknown cohort"),
        pytest.param({"programme": "sport"}, "rehabgroup_programme_valid", id="unknown programme"),
    ],
)
def test_rehabilitation_group_database_rejects_invalid_row(
    changes: dict[str, Any], constraint: str
) -> None:
    group = RehabilitationGroupFactory()
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        RehabilitationGroup.objects.filter(pk=group.pk).update(**changes)


@pytest.mark.parametrize(
    ("ukrainian_country", "azerbaijani_country"),
    [
        pytest.param("UA", "UA", id="two Ukrainian places"),
        pytest.param("AZ", "AZ", id="two Azerbaijani places"),
        pytest.param("AZ", "UA", id="reversed"),
        pytest.param("UA", "GE", id="third country"),
    ],
)
def test_partnership_insert_rejects_places_in_wrong_countries(
    ukrainian_country: str, azerbaijani_country: str
) -> None:
    ukrainian_place = PlaceFactory(country=ukrainian_country)
    azerbaijani_place = PlaceFactory(country=azerbaijani_country)
    with pytest.raises(IntegrityError, match=TRIGGER), transaction.atomic():
        SisterCityPartnershipFactory(
            ukrainian_place=ukrainian_place, azerbaijani_place=azerbaijani_place
        )


@pytest.mark.parametrize(
    ("side", "country"),
    [
        pytest.param("ukrainian_place", "AZ", id="Ukrainian side to an AZ place"),
        pytest.param("azerbaijani_place", "UA", id="Azerbaijani side to a UA place"),
    ],
)
def test_partnership_update_rejects_repointing_to_wrong_country(side: str, country: str) -> None:
    partnership = SisterCityPartnershipFactory()
    with pytest.raises(IntegrityError, match=TRIGGER), transaction.atomic():
        SisterCityPartnership.objects.filter(pk=partnership.pk).update(
            **{side: PlaceFactory(country=country)}
        )


def test_partnership_update_rejects_swapping_places() -> None:
    partnership = SisterCityPartnershipFactory()
    with pytest.raises(IntegrityError, match=TRIGGER), transaction.atomic():
        SisterCityPartnership.objects.filter(pk=partnership.pk).update(
            ukrainian_place=partnership.azerbaijani_place,
            azerbaijani_place=partnership.ukrainian_place,
        )


def test_partnership_database_rejects_same_place_twice() -> None:
    place = PlaceFactory(country="UA")
    # The country trigger fires before the CHECK partnership_two_places can: either may refuse.
    with (
        pytest.raises(IntegrityError, match=f"{TRIGGER}|partnership_two_places"),
        transaction.atomic(),
    ):
        SisterCityPartnershipFactory(ukrainian_place=place, azerbaijani_place=place)


def test_partnership_database_rejects_duplicate_pair() -> None:
    first = SisterCityPartnershipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        SisterCityPartnershipFactory(
            ukrainian_place=first.ukrainian_place, azerbaijani_place=first.azerbaijani_place
        )


def test_partnership_places_may_join_other_partners() -> None:
    first = SisterCityPartnershipFactory()
    SisterCityPartnershipFactory(ukrainian_place=first.ukrainian_place)
    SisterCityPartnershipFactory(azerbaijani_place=first.azerbaijani_place)
    assert SisterCityPartnership.objects.count() == 3


def test_partnership_database_rejects_unknown_kind() -> None:
    partnership = SisterCityPartnershipFactory()
    with pytest.raises(IntegrityError, match="partnership_kind_valid"), transaction.atomic():
        SisterCityPartnership.objects.filter(pk=partnership.pk).update(kind="twinning")


def test_partnership_editorial_update_passes_triggers() -> None:
    partnership = SisterCityPartnershipFactory()
    partnership.status = "published"
    partnership.save()
    assert SisterCityPartnership.objects.filter(status="published").count() == 1


@pytest.mark.parametrize(
    ("side", "new_country"),
    [
        pytest.param("ukrainian_place", "AZ", id="Ukrainian place moved to AZ"),
        pytest.param("ukrainian_place", "PL", id="Ukrainian place moved to PL"),
        pytest.param("azerbaijani_place", "UA", id="Azerbaijani place moved to UA"),
        pytest.param("azerbaijani_place", "TR", id="Azerbaijani place moved to TR"),
    ],
)
def test_place_used_by_partnership_rejects_country_change(side: str, new_country: str) -> None:
    partnership = SisterCityPartnershipFactory()
    place = getattr(partnership, side)
    with pytest.raises(IntegrityError, match=TRIGGER), transaction.atomic():
        Place.objects.filter(pk=place.pk).update(country=new_country)


def test_place_used_by_partnership_other_fields_change() -> None:
    partnership = SisterCityPartnershipFactory()
    Place.objects.filter(pk=partnership.ukrainian_place_id).update(name="Irpin", country="UA")
    assert Place.objects.get(pk=partnership.ukrainian_place_id).name == "Irpin"


def test_place_unused_by_partnership_country_changes() -> None:
    place = PlaceFactory(country="UA")
    Place.objects.filter(pk=place.pk).update(country="AZ")
    assert Place.objects.get(pk=place.pk).country == "AZ"
