"""Aid packages, items and reported figures: the database refuses rows that break a rule.

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
from django.utils import translation

from aid.models import DAC_CODES, AidItem, AidPackage, DeliveryStatus, ReportedFigure, Sector
from tests.factories import (
    AidItemFactory,
    AidPackageFactory,
    OrganizationFactory,
    ReportedFigureFactory,
)

pytestmark = pytest.mark.django_db

DECIDED = dt.date(2026, 1, 16)


@pytest.mark.parametrize(
    "model_factory",
    [
        pytest.param(f, id=f._meta.model.__name__)
        for f in (AidPackageFactory, AidItemFactory, ReportedFigureFactory)
    ],
)
def test_aid_record_valid_object_saves(model_factory: type[factory.Factory]) -> None:
    obj = model_factory()
    obj.full_clean()
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_aid_package_complete_delivered_record_saves() -> None:
    package = AidPackageFactory(
        decided_on=DECIDED,
        dispatched_on=DECIDED,
        delivered_on=DECIDED,
        delivery_status=DeliveryStatus.DELIVERED,
        value=Decimal("0"),
        currency="AZN",
        value_usd=Decimal("0"),
        exchange_rate=Decimal("0.588235"),
    )
    package.full_clean()
    package.refresh_from_db()
    assert package.delivered_on == package.dispatched_on == package.decided_on


@pytest.mark.parametrize(
    "dates",
    [
        pytest.param({"dispatched_on": DECIDED}, id="dispatch date only"),
        pytest.param({"delivered_on": DECIDED}, id="delivery date only"),
    ],
)
def test_aid_package_delivered_with_one_date_saves(dates: dict[str, dt.date]) -> None:
    package = AidPackageFactory(delivery_status=DeliveryStatus.DELIVERED, **dates)
    assert AidPackage.objects.filter(pk=package.pk, delivery_status="delivered").exists()


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        pytest.param({"value": Decimal("-0.01")}, "aidpackage_value_gte_0", id="negative value"),
        pytest.param(
            {"value_usd": Decimal("-0.01")}, "aidpackage_value_usd_gte_0", id="negative value_usd"
        ),
        pytest.param(
            {"exchange_rate": Decimal("0")}, "aidpackage_exchange_rate_gt_0", id="exchange rate 0"
        ),
        pytest.param(
            {"exchange_rate": Decimal("-1.7")},
            "aidpackage_exchange_rate_gt_0",
            id="negative exchange rate",
        ),
        pytest.param(
            {"dispatched_on": DECIDED, "delivered_on": DECIDED - dt.timedelta(days=1)},
            "aidpackage_delivered_after_dispatch",
            id="delivered before dispatched",
        ),
        pytest.param(
            {"decided_on": DECIDED, "dispatched_on": DECIDED - dt.timedelta(days=1)},
            "aidpackage_dispatched_after_decision",
            id="dispatched before decided",
        ),
        pytest.param(
            {"delivery_status": DeliveryStatus.DELIVERED},
            "aidpackage_delivered_has_date",
            id="delivered without dates",
        ),
        pytest.param({"sector": "tourism"}, "aidpackage_sector_valid", id="unknown sector"),
        pytest.param(
            {"delivery_status": "lost"},
            "aidpackage_delivery_status_valid",
            id="unknown delivery status",
        ),
        pytest.param({"currency": "GBP"}, "aidpackage_currency_valid", id="unknown currency"),
        pytest.param({"currency": ""}, "aidpackage_currency_valid", id="empty currency"),
    ],
)
def test_aid_package_database_rejects_invalid_row(changes: dict[str, Any], constraint: str) -> None:
    package = AidPackageFactory()
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        AidPackage.objects.filter(pk=package.pk).update(**changes)


def test_aid_package_bulk_create_rejects_negative_value() -> None:
    package = AidPackageFactory.build(funder=OrganizationFactory(), value=Decimal("-1"))
    with pytest.raises(IntegrityError, match="aidpackage_value_gte_0"), transaction.atomic():
        AidPackage.objects.bulk_create([package])


@pytest.mark.parametrize("sector", Sector.values)
def test_aid_package_every_sector_has_dac_code(sector: str) -> None:
    code = AidPackageFactory.build(sector=sector).dac_code
    assert code == DAC_CODES[sector]
    assert len(code) == 5
    assert code.isdigit()


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        pytest.param({"quantity": Decimal("0")}, "aiditem_quantity_gt_0", id="quantity 0"),
        pytest.param({"quantity": Decimal("-5")}, "aiditem_quantity_gt_0", id="negative quantity"),
        pytest.param({"unit": "gallons"}, "aiditem_unit_valid", id="unknown unit"),
        pytest.param({"kind": "tank"}, "aiditem_kind_valid", id="unknown kind"),
    ],
)
def test_aid_item_database_rejects_invalid_row(changes: dict[str, Any], constraint: str) -> None:
    item = AidItemFactory()
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        AidItem.objects.filter(pk=item.pk).update(**changes)


@pytest.mark.parametrize(
    "quantity",
    [pytest.param(None, id="unknown quantity"), pytest.param(Decimal("0.01"), id="smallest")],
)
def test_aid_item_quantity_empty_or_positive_saves(quantity: Decimal | None) -> None:
    item = AidItemFactory(quantity=quantity)
    item.refresh_from_db()
    assert item.quantity == quantity


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        pytest.param({"value": Decimal("-1")}, "reportedfigure_value_gte_0", id="negative value"),
        pytest.param({"metric": "smiles"}, "reportedfigure_metric_valid", id="unknown metric"),
        pytest.param(
            {"qualifier": "roughly"}, "reportedfigure_qualifier_valid", id="unknown qualifier"
        ),
    ],
)
def test_reported_figure_database_rejects_invalid_row(
    changes: dict[str, Any], constraint: str
) -> None:
    figure = ReportedFigureFactory()
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        ReportedFigure.objects.filter(pk=figure.pk).update(**changes)


def test_reported_figure_zero_value_saves() -> None:
    figure = ReportedFigureFactory(value=Decimal("0"))
    figure.refresh_from_db()
    assert figure.value == 0


def test_item_label_is_in_the_language_asked_for_or_the_active_one() -> None:
    item = AidItem(kind="generator", quantity=Decimal("10.00"), unit="pieces")
    with translation.override("uk"):
        assert str(item) == "Генератор: 10 шт."
        assert item.label("en") == "Generator: 10 pieces"
    assert AidItem(kind="generator", quantity=None).label("en") == "Generator"


def test_item_label_shows_a_value_outside_the_choices_as_stored() -> None:
    assert AidItem(kind="hovercraft", quantity=Decimal(2), unit="crate").label("en") == (
        "hovercraft: 2 crate"
    )
