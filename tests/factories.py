"""Factories that build the smallest valid object; states are traits (`published=True`)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import factory
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from aid.models import AidItem, AidPackage, ReportedFigure, Sector
from editorial.models import Organization, Photo, Place, Source, Status
from editorial.renditions import ensure_renditions
from people.models import (
    Cohort,
    PartnershipActivity,
    RehabilitationGroup,
    SisterCityPartnership,
)
from projects.models import FacilityType, Milestone, ReconstructionProject, WorkKind


def png_file(name: str = "photo.png", size: tuple[int, int] = (8, 6)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# Every way a publishable is kept from the public, by name (tests parametrize over the names).
HIDDEN_STATES = ("draft", "in_review", "archived", "not_yet_live", "expired")


def hidden_state(name: str) -> dict[str, object]:
    """The fields that keep an item from the public in the way `name` says, relative to now."""
    now = timezone.now()
    return {
        "draft": {"status": Status.DRAFT},
        "in_review": {"status": Status.IN_REVIEW},
        "archived": {"status": Status.ARCHIVED},
        "not_yet_live": {"status": Status.PUBLISHED, "publish_at": now + dt.timedelta(hours=1)},
        "expired": {
            "status": Status.PUBLISHED,
            "publish_at": now - dt.timedelta(days=2),
            "expire_at": now - dt.timedelta(seconds=1),
        },
    }[name]


class PublishableFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"item-{n}")
    status = Status.DRAFT

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    class Params:
        published = factory.Trait(status=Status.PUBLISHED)

    @factory.post_generation
    def photos(self, create: bool, extracted: int | None, **kwargs: object) -> None:
        if create and extracted:
            PhotoFactory.create_batch(extracted, content_object=self)


class OrganizationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organization.Kind.GOVERNMENT_BODY
    country = "AZ"

    class Meta:
        model = Organization


class PlaceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Place {n}")
    slug = factory.Sequence(lambda n: f"place-{n}")
    kind = Place.Kind.CITY
    country = "UA"

    class Meta:
        model = Place


class SourceFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Report {n}")
    publisher = "AZERTAC"
    url = factory.Sequence(lambda n: f"https://example.org/report-{n}")
    published_on = dt.date(2025, 7, 1)

    class Meta:
        model = Source


class PhotoFactory(factory.django.DjangoModelFactory):
    image = factory.LazyFunction(png_file)
    alt_text = "Generators lined up on a loading dock"
    credit = "AZERTAC"
    content_object = factory.SubFactory("tests.factories.AidPackageFactory")
    content_type = factory.LazyAttribute(
        lambda o: ContentType.objects.get_for_model(o.content_object)
    )
    object_id = factory.LazyAttribute(lambda o: o.content_object.pk)

    class Meta:
        model = Photo
        exclude = ["content_object"]
        skip_postgeneration_save = True

    @factory.post_generation
    def renditions(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        """Made at once, as an upload's are once it commits: without them the public sees no
        picture (the original is private). `renditions=False` for a photo still without."""
        if create and extracted is not False:
            ensure_renditions(self)


class AidPackageFactory(PublishableFactory):
    title = factory.Sequence(lambda n: f"Aid package {n}")
    summary = "Energy equipment for Ukraine's grid."
    sector = Sector.ENERGY
    funder = factory.SubFactory(OrganizationFactory)

    class Meta:
        model = AidPackage
        skip_postgeneration_save = True

    @factory.post_generation
    def items(self, create: bool, extracted: int | None, **kwargs: object) -> None:
        if create and extracted:
            AidItemFactory.create_batch(extracted, package=self)


class AidItemFactory(factory.django.DjangoModelFactory):
    package = factory.SubFactory(AidPackageFactory)
    kind = AidItem.Kind.GENERATOR
    quantity = Decimal("10")
    unit = AidItem.Unit.PIECES

    class Meta:
        model = AidItem


class ReportedFigureFactory(PublishableFactory):
    title = "Total aid"
    metric = ReportedFigure.Metric.TOTAL_AID_USD
    value = Decimal("42000000")
    as_of = dt.date(2025, 7, 10)
    source = factory.SubFactory(SourceFactory)

    class Meta:
        model = ReportedFigure
        skip_postgeneration_save = True


class ReconstructionProjectFactory(PublishableFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    summary = "A school restored after occupation."
    place = factory.SubFactory(PlaceFactory)
    facility_type = FacilityType.SCHOOL
    work_kind = WorkKind.RESTORATION

    class Meta:
        model = ReconstructionProject
        skip_postgeneration_save = True

    @factory.post_generation
    def milestones(self, create: bool, extracted: int | None, **kwargs: object) -> None:
        if create and extracted:
            MilestoneFactory.create_batch(extracted, project=self)


class MilestoneFactory(factory.django.DjangoModelFactory):
    project = factory.SubFactory(ReconstructionProjectFactory)
    date = dt.date(2024, 5, 1)
    title = "Works began"

    class Meta:
        model = Milestone


class RehabilitationGroupFactory(PublishableFactory):
    title = factory.Sequence(lambda n: f"Group {n}")
    summary = "Thirty children on a medical and psychosocial programme."
    arrived_on = dt.date(2025, 6, 1)
    departed_on = dt.date(2025, 6, 21)
    children_count = 30
    adults_count = 4
    cohort = Cohort.FALLEN_DEFENDERS

    class Meta:
        model = RehabilitationGroup
        skip_postgeneration_save = True


class SisterCityPartnershipFactory(PublishableFactory):
    title = factory.Sequence(lambda n: f"Partnership {n}")
    summary = "Two cities in partnership."
    ukrainian_place = factory.SubFactory(PlaceFactory, country="UA")
    azerbaijani_place = factory.SubFactory(PlaceFactory, country="AZ")
    kind = SisterCityPartnership.Kind.SISTER_CITIES

    class Meta:
        model = SisterCityPartnership
        skip_postgeneration_save = True


class PartnershipActivityFactory(factory.django.DjangoModelFactory):
    partnership = factory.SubFactory(SisterCityPartnershipFactory)
    date = dt.date(2025, 4, 16)
    title = "Working visit"

    class Meta:
        model = PartnershipActivity
