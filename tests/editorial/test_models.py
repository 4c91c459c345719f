"""Shared records and the publishable base: the database itself refuses rows that break a rule.

Each rejection changes one column of a valid row with a queryset `update()`, which skips every
Python-side check, so only the database can refuse it. The constraint name in the error shows
which rule did.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from editorial.models import Organization, Photo, Place, Source
from tests.factories import (
    AidPackageFactory,
    OrganizationFactory,
    PhotoFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    ReportedFigureFactory,
    SisterCityPartnershipFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

PUBLISHABLE_FACTORIES = [
    pytest.param(f, id=f._meta.model.__name__)
    for f in (
        AidPackageFactory,
        ReportedFigureFactory,
        ReconstructionProjectFactory,
        RehabilitationGroupFactory,
        SisterCityPartnershipFactory,
    )
]

NOON = dt.datetime(2026, 1, 16, 12, 0, tzinfo=dt.UTC)


def constraint_name(model: Any, rule: str) -> str:
    """The name the publishable base gives its constraints: `<app>_<model>_<rule>`."""
    return f"{model._meta.app_label}_{model._meta.model_name}_{rule}"


@pytest.mark.parametrize(
    "model_factory",
    [
        pytest.param(f, id=f._meta.model.__name__)
        for f in (OrganizationFactory, PlaceFactory, SourceFactory, PhotoFactory)
    ],
)
def test_shared_record_valid_object_saves(model_factory: type[factory.Factory]) -> None:
    obj = model_factory()
    obj.full_clean()
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_photo_factory_attaches_real_image_to_publishable() -> None:
    package = AidPackageFactory(published=True, items=2, photos=1)
    photo = package.photos.get()
    assert (photo.content_object, photo.width, photo.height) == (package, 8, 6)
    assert package.items.count() == 2


@pytest.mark.parametrize("model_factory", PUBLISHABLE_FACTORIES)
def test_publishable_valid_object_saves_as_draft_version_1(
    model_factory: type[factory.Factory],
) -> None:
    obj = model_factory()
    obj.full_clean()
    obj.refresh_from_db()
    assert (obj.status, obj.version) == ("draft", 1)


@pytest.mark.parametrize("model_factory", PUBLISHABLE_FACTORIES)
@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        pytest.param({"status": "deleted"}, "status_valid", id="unknown status"),
        pytest.param({"status": ""}, "status_valid", id="empty status"),
        pytest.param(
            {"publish_at": NOON, "expire_at": NOON},
            "expires_after_going_live",
            id="expire_at equals publish_at",
        ),
        pytest.param(
            {"publish_at": NOON, "expire_at": NOON - dt.timedelta(microseconds=1)},
            "expires_after_going_live",
            id="expire_at before publish_at",
        ),
        pytest.param({"version": 0}, "version_positive", id="version 0"),
    ],
)
def test_publishable_database_rejects_invalid_row(
    model_factory: type[factory.Factory], changes: dict[str, Any], rule: str
) -> None:
    obj = model_factory()
    model = type(obj)
    with pytest.raises(IntegrityError, match=constraint_name(model, rule)), transaction.atomic():
        model.objects.filter(pk=obj.pk).update(**changes)


@pytest.mark.parametrize("model_factory", PUBLISHABLE_FACTORIES)
def test_publishable_expiry_after_go_live_saves(model_factory: type[factory.Factory]) -> None:
    obj = model_factory(
        publish_at=NOON, expire_at=NOON + dt.timedelta(microseconds=1), published=True
    )
    obj.refresh_from_db()
    assert obj.expire_at - obj.publish_at == dt.timedelta(microseconds=1)


@pytest.mark.parametrize(
    "model_factory",
    [
        *PUBLISHABLE_FACTORIES,
        pytest.param(OrganizationFactory, id="Organization"),
        pytest.param(PlaceFactory, id="Place"),
    ],
)
def test_slug_duplicate_rejected_within_model(model_factory: type[factory.Factory]) -> None:
    model_factory(slug="shared-slug")
    with pytest.raises(IntegrityError), transaction.atomic():
        model_factory(slug="shared-slug")


def test_slug_may_repeat_across_models() -> None:
    AidPackageFactory(slug="irpin")
    ReconstructionProjectFactory(slug="irpin")
    PlaceFactory(slug="irpin")
    assert Place.objects.get(slug="irpin").name


def test_organization_database_rejects_unknown_kind() -> None:
    org = OrganizationFactory()
    with pytest.raises(IntegrityError, match="organization_kind_valid"), transaction.atomic():
        Organization.objects.filter(pk=org.pk).update(kind="company")


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        pytest.param({"kind": "village"}, "place_kind_valid", id="unknown kind"),
        pytest.param(
            {"latitude": Decimal("90.000001"), "longitude": Decimal("30")},
            "place_latitude_range",
            id="latitude above 90",
        ),
        pytest.param(
            {"latitude": Decimal("-90.000001"), "longitude": Decimal("30")},
            "place_latitude_range",
            id="latitude below -90",
        ),
        pytest.param(
            {"latitude": Decimal("50"), "longitude": Decimal("180.000001")},
            "place_longitude_range",
            id="longitude above 180",
        ),
        pytest.param(
            {"latitude": Decimal("50"), "longitude": Decimal("-180.000001")},
            "place_longitude_range",
            id="longitude below -180",
        ),
        pytest.param(
            {"latitude": Decimal("50.521")}, "place_coordinates_paired", id="latitude only"
        ),
        pytest.param(
            {"longitude": Decimal("30.25")}, "place_coordinates_paired", id="longitude only"
        ),
    ],
)
def test_place_database_rejects_invalid_row(changes: dict[str, Any], constraint: str) -> None:
    place = PlaceFactory()
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Place.objects.filter(pk=place.pk).update(**changes)


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [
        pytest.param(Decimal("90"), Decimal("180"), id="north-east corner"),
        pytest.param(Decimal("-90"), Decimal("-180"), id="south-west corner"),
        pytest.param(Decimal("50.521"), Decimal("30.25"), id="Irpin"),
    ],
)
def test_place_coordinates_in_range_save(latitude: Decimal, longitude: Decimal) -> None:
    place = PlaceFactory(latitude=latitude, longitude=longitude)
    place.full_clean()
    place.refresh_from_db()
    assert (place.latitude, place.longitude) == (latitude, longitude)


def test_source_database_rejects_duplicate_publisher_and_title() -> None:
    SourceFactory(publisher="AZERTAC", title="Energy aid dispatched")
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(publisher="AZERTAC", title="Energy aid dispatched")


@pytest.mark.parametrize(
    "url", ['https://example.org/a"b', "https://example.org/<b>", "https://example.org/a|b"]
)
def test_source_address_with_a_character_no_address_holds_is_refused(url: str) -> None:
    source = SourceFactory.build(url=url)

    with pytest.raises(ValidationError) as refused:
        source.full_clean()

    assert "An address cannot hold" in refused.value.message_dict["url"][0]


@pytest.mark.parametrize(
    "url", ["https://example.org/звіт?q=київ", "https://example.org/a%22b", ""]
)
def test_source_address_as_a_browser_shows_it_is_accepted(url: str) -> None:
    SourceFactory.build(url=url).full_clean()


def test_source_same_title_from_another_publisher_saves() -> None:
    SourceFactory(publisher="AZERTAC", title="Energy aid dispatched")
    SourceFactory(publisher="Ukrinform", title="Energy aid dispatched")
    assert Source.objects.filter(title="Energy aid dispatched").count() == 2


@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        pytest.param({"focal_x": -0.01}, "photo_focal_x_range", id="focal_x below 0"),
        pytest.param({"focal_x": 1.01}, "photo_focal_x_range", id="focal_x above 1"),
        pytest.param({"focal_y": -0.01}, "photo_focal_y_range", id="focal_y below 0"),
        pytest.param({"focal_y": 1.01}, "photo_focal_y_range", id="focal_y above 1"),
        pytest.param({"role": "cover"}, "photo_role_valid", id="unknown role"),
    ],
)
def test_photo_database_rejects_invalid_row(changes: dict[str, Any], constraint: str) -> None:
    photo = PhotoFactory()
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Photo.objects.filter(pk=photo.pk).update(**changes)


@pytest.mark.parametrize(("focal_x", "focal_y"), [(0.0, 0.0), (1.0, 1.0), (0.5, 0.25)])
def test_photo_focal_point_in_range_saves(focal_x: float, focal_y: float) -> None:
    photo = PhotoFactory(focal_x=focal_x, focal_y=focal_y)
    photo.refresh_from_db()
    assert (photo.focal_x, photo.focal_y) == (focal_x, focal_y)


def test_photo_database_rejects_empty_alt_text() -> None:
    photo = PhotoFactory()
    with pytest.raises(IntegrityError, match="photo_alt_text_required"), transaction.atomic():
        Photo.objects.filter(pk=photo.pk).update(alt_text_en="")
