import datetime as dt

import pytest
from django.utils import timezone

from aid.models import AidPackage
from editorial.models import Status
from tests.factories import AidPackageFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def test_published_excludes_every_state_but_published() -> None:
    for status in Status.values:
        AidPackageFactory(status=status)
    assert list(AidPackage.objects.published().values_list("status", flat=True)) == ["published"]


def test_factory_builds_photos_and_items() -> None:
    package = AidPackageFactory(published=True, items=2, photos=1)
    assert package.items.count() == 2
    assert package.photos.get().width == 8
    assert PhotoFactory().content_object is not None


def test_published_honours_go_live_boundary(settings: object) -> None:
    now = timezone.now()
    AidPackageFactory(published=True, publish_at=now - dt.timedelta(seconds=1), slug="live")
    AidPackageFactory(published=True, publish_at=now + dt.timedelta(minutes=1), slug="later")
    assert list(AidPackage.objects.published().values_list("slug", flat=True)) == ["live"]
