"""What the public may see: `published()`, `is_public()` and `scheduled()` at the boundary times.

"Now" is frozen so that go-live and expiry can be tested one microsecond either side.
Go-live is inclusive (an item is public from `publish_at` on); expiry is exclusive (an item is
hidden from `expire_at` on). Each case runs against every publishable model, and at two
"nows": on a whole second (SQLite stores it without a fraction) and one microsecond before
(the next microsecond rolls the seconds over).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

import factory
import pytest

from aid.models import AidPackage
from editorial import publishing
from editorial.models import Photo, Status
from tests.factories import (
    AidPackageFactory,
    PhotoFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    ReportedFigureFactory,
    SisterCityPartnershipFactory,
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

US = dt.timedelta(microseconds=1)
DAY = dt.timedelta(days=1)


class Case(NamedTuple):
    status: str
    publish_at: dt.timedelta | None  # offset from now; None leaves the field empty
    expire_at: dt.timedelta | None


def case(
    expected: bool,
    name: str,
    *,
    status: str = Status.PUBLISHED,
    publish_at: dt.timedelta | None = None,
    expire_at: dt.timedelta | None = None,
) -> Any:
    return pytest.param(Case(status, publish_at, expire_at), expected, id=name)


VISIBILITY_CASES = [
    case(True, "no go-live, no expiry"),
    case(True, "go-live exactly now", publish_at=dt.timedelta(0)),
    case(True, "go-live 1us ago", publish_at=-US),
    case(False, "go-live in 1us", publish_at=US),
    case(False, "expiry exactly now", expire_at=dt.timedelta(0)),
    case(False, "expiry 1us ago", expire_at=-US),
    case(True, "expiry in 1us", expire_at=US),
    case(True, "window around now", publish_at=-DAY, expire_at=DAY),
    case(False, "window over", publish_at=-DAY, expire_at=dt.timedelta(0)),
    case(False, "draft, go-live passed", status=Status.DRAFT, publish_at=-DAY),
    case(False, "in review, go-live passed", status=Status.IN_REVIEW, publish_at=-DAY),
    case(False, "archived, go-live passed", status=Status.ARCHIVED, publish_at=-DAY),
]

SCHEDULED_CASES = [
    case(True, "go-live in 1us", publish_at=US),
    case(True, "go-live tomorrow, expiry later", publish_at=DAY, expire_at=2 * DAY),
    case(False, "go-live exactly now", publish_at=dt.timedelta(0)),
    case(False, "no go-live"),
    case(False, "draft, go-live ahead", status=Status.DRAFT, publish_at=DAY),
    case(False, "in review, go-live ahead", status=Status.IN_REVIEW, publish_at=DAY),
]


@pytest.fixture(
    params=[
        pytest.param(dt.datetime(2026, 1, 16, 12, 0, tzinfo=dt.UTC), id="whole second"),
        pytest.param(
            dt.datetime(2026, 1, 16, 11, 59, 59, 999_999, tzinfo=dt.UTC), id="last microsecond"
        ),
    ]
)
def now(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    frozen: dt.datetime = request.param
    monkeypatch.setattr(publishing.timezone, "now", lambda: frozen)
    return frozen


def create(model_factory: type[factory.Factory], item: Case, now: dt.datetime) -> Any:
    """Save the item and read it back, so the test sees what the database stored."""
    obj = model_factory(
        status=item.status,
        publish_at=None if item.publish_at is None else now + item.publish_at,
        expire_at=None if item.expire_at is None else now + item.expire_at,
    )
    return type(obj).objects.get(pk=obj.pk)


@pytest.mark.parametrize("model_factory", PUBLISHABLE_FACTORIES)
@pytest.mark.parametrize(("item", "expected"), VISIBILITY_CASES)
def test_published_honours_status_go_live_and_expiry(
    model_factory: type[factory.Factory], item: Case, expected: bool, now: dt.datetime
) -> None:
    obj = create(model_factory, item, now)
    assert type(obj).objects.published().filter(pk=obj.pk).exists() is expected


@pytest.mark.parametrize("model_factory", PUBLISHABLE_FACTORIES)
@pytest.mark.parametrize(("item", "expected"), VISIBILITY_CASES)
def test_is_public_agrees_with_published(
    model_factory: type[factory.Factory], item: Case, expected: bool, now: dt.datetime
) -> None:
    obj = create(model_factory, item, now)
    assert obj.is_public() is type(obj).objects.published().filter(pk=obj.pk).exists()


@pytest.mark.parametrize("model_factory", PUBLISHABLE_FACTORIES)
@pytest.mark.parametrize(("item", "expected"), SCHEDULED_CASES)
def test_scheduled_holds_approved_items_before_go_live(
    model_factory: type[factory.Factory], item: Case, expected: bool, now: dt.datetime
) -> None:
    obj = create(model_factory, item, now)
    assert type(obj).objects.scheduled().filter(pk=obj.pk).exists() is expected


def test_published_and_scheduled_never_overlap(now: dt.datetime) -> None:
    for offset in (-DAY, -US, dt.timedelta(0), US, DAY):
        AidPackageFactory(published=True, publish_at=now + offset)
    published = set(AidPackage.objects.published().values_list("pk"))
    scheduled = set(AidPackage.objects.scheduled().values_list("pk"))
    assert (len(published), len(scheduled), published & scheduled) == (3, 2, set())


@pytest.mark.parametrize(
    ("shows_minors", "consent_on_file", "expected"),
    [
        pytest.param(False, False, True, id="no minors"),
        pytest.param(True, True, True, id="minors with consent"),
        pytest.param(True, False, False, id="minors without consent"),
        pytest.param(False, True, True, id="no minors, consent anyway"),
    ],
)
def test_photo_public_excludes_minors_without_consent(
    shows_minors: bool, consent_on_file: bool, expected: bool
) -> None:
    photo = PhotoFactory(shows_minors=shows_minors, consent_on_file=consent_on_file)
    assert Photo.objects.public().filter(pk=photo.pk).exists() is expected


@pytest.mark.parametrize(
    ("shows_minors", "consent_on_file"),
    [(False, False), (True, True), (True, False), (False, True)],
)
def test_photo_is_public_agrees_with_public(shows_minors: bool, consent_on_file: bool) -> None:
    photo = PhotoFactory(shows_minors=shows_minors, consent_on_file=consent_on_file)
    assert photo.is_public() is Photo.objects.public().filter(pk=photo.pk).exists()
