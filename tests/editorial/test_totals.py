"""read_totals (editorial/totals.py): the aggregates of several querysets, of any models, from one
query, each figure as `aggregate()` alone would give it."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Count, Max, Q, Sum

from aid.models import AidPackage
from editorial.totals import Totals, read_totals
from people.models import RehabilitationGroup, SisterCityPartnership
from tests.factories import (
    AidPackageFactory,
    PlaceFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)

pytestmark = pytest.mark.django_db


def groups() -> Totals:
    return Totals(
        RehabilitationGroup.objects.published().for_listing(),  # ordered, with prefetches
        {"children": Sum("children_count", default=0), "groups": Count("pk")},
    )


def partnerships() -> Totals:
    return Totals(
        SisterCityPartnership.objects.published(),
        {
            "partnerships": Count("pk"),
            "ukrainian_places": Count("ukrainian_place", distinct=True),
            "last_change": Max("updated_at"),
        },
    )


def packages() -> Totals:
    return Totals(
        AidPackage.objects.all(), {"published": Count("pk", filter=Q(status="published"))}
    )


def one_by_one(*parts: Totals) -> dict[str, Any]:
    return {
        name: value
        for part in parts
        for name, value in part.queryset.aggregate(**part.aggregates).items()
    }


def test_totals_of_several_models_come_from_one_query(django_assert_num_queries: Any) -> None:
    RehabilitationGroupFactory.create_batch(2, published=True, children_count=30)
    RehabilitationGroupFactory(children_count=100)  # a draft counts nowhere
    kyiv = PlaceFactory()
    SisterCityPartnershipFactory.create_batch(2, published=True, ukrainian_place=kyiv)
    AidPackageFactory.create_batch(3, published=True)
    AidPackageFactory()

    with django_assert_num_queries(1):
        figures = read_totals(groups(), partnerships(), packages())

    assert figures == one_by_one(groups(), partnerships(), packages())
    assert (figures["children"], figures["groups"], figures["published"]) == (60, 2, 3)
    assert (figures["partnerships"], figures["ukrainian_places"]) == (2, 1)
    assert figures["last_change"] == max(
        SisterCityPartnership.objects.values_list("updated_at", flat=True)
    )


def test_totals_over_no_rows_are_the_aggregates_defaults(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1):
        figures = read_totals(groups(), partnerships())

    assert figures == {
        "children": 0,
        "groups": 0,
        "partnerships": 0,
        "ukrainian_places": 0,
        "last_change": None,
    }


def test_an_empty_queryset_costs_no_query(django_assert_num_queries: Any) -> None:
    RehabilitationGroupFactory(published=True, children_count=30)
    nothing = Totals(SisterCityPartnership.objects.none(), {"partnerships": Count("pk")})

    with django_assert_num_queries(1):
        figures = read_totals(nothing, groups())
    with django_assert_num_queries(0):
        alone = read_totals(nothing)

    assert figures == {"partnerships": 0, "children": 30, "groups": 1}
    assert alone == {"partnerships": 0}


def test_a_name_used_twice_is_refused_before_any_query(django_assert_num_queries: Any) -> None:
    twice = Totals(SisterCityPartnership.objects.all(), {"groups": Count("pk")})

    with django_assert_num_queries(0), pytest.raises(ValueError, match="repeated: groups"):
        read_totals(groups(), twice)
