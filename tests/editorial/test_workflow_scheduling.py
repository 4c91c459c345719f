"""The workflow service (editorial/workflow.py) scheduling an item: going live at a time to come,
hidden until then and public from that very moment, and the go-live and expiry times refused
where they would take a live item off the site or expire it before it goes live.

Users belong to the real "Editors" and "Publishers" groups the data migrations create.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from aid.models import AidPackage
from editorial import publishing, workflow
from editorial.publishing import Status
from editorial.revisions import Transition
from editorial.workflow import NotAllowedNow
from tests.editorial.workflow_cases import (
    fresh,
)
from tests.factories import AidPackageFactory
from tests.workflow_helpers import (
    make_user,
    state_of,
)

pytestmark = pytest.mark.django_db

# --- Scheduling --------------------------------------------------------------------------------

GO_LIVE = dt.datetime(2030, 3, 1, 9, 0, tzinfo=dt.UTC)  # a whole second: SQLite drops zeros
US = dt.timedelta(microseconds=1)


def freeze(monkeypatch: pytest.MonkeyPatch, when: dt.datetime) -> None:
    monkeypatch.setattr(publishing.timezone, "now", lambda: when)


def test_publish_at_future_time_records_scheduled(monkeypatch: pytest.MonkeyPatch) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    freeze(monkeypatch, GO_LIVE - dt.timedelta(days=1))

    revision = workflow.publish(obj=package, user=make_user("publisher"), at=GO_LIVE)

    assert revision.transition == Transition.SCHEDULED
    assert (fresh(package).status, fresh(package).publish_at) == (Status.PUBLISHED, GO_LIVE)
    assert list(AidPackage.objects.scheduled()) == [package]


def test_scheduled_item_is_hidden_until_its_go_live_time(monkeypatch: pytest.MonkeyPatch) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    freeze(monkeypatch, GO_LIVE - dt.timedelta(days=1))
    workflow.publish(obj=package, user=make_user("publisher"), at=GO_LIVE)

    freeze(monkeypatch, GO_LIVE - US)

    assert not AidPackage.objects.published().exists()


def test_scheduled_item_is_public_at_exactly_its_go_live_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    freeze(monkeypatch, GO_LIVE - dt.timedelta(days=1))
    workflow.publish(obj=package, user=make_user("publisher"), at=GO_LIVE)

    freeze(monkeypatch, GO_LIVE)

    assert list(AidPackage.objects.published()) == [package]


def test_publish_at_past_time_records_published(monkeypatch: pytest.MonkeyPatch) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    freeze(monkeypatch, GO_LIVE)

    revision = workflow.publish(obj=package, user=make_user("publisher"), at=GO_LIVE - US)

    assert revision.transition == Transition.PUBLISHED
    assert list(AidPackage.objects.published()) == [package]


@pytest.mark.parametrize(
    ("row_expiry", "expire_at"),
    [
        pytest.param(None, GO_LIVE, id="expiry-at-go-live"),
        pytest.param(None, GO_LIVE - US, id="expiry-before-go-live"),
        pytest.param(GO_LIVE - dt.timedelta(hours=1), workflow.UNCHANGED, id="kept-expiry-before"),
    ],
)
def test_publish_refuses_expiry_not_after_go_live(
    monkeypatch: pytest.MonkeyPatch, row_expiry: dt.datetime | None, expire_at: Any
) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW, expire_at=row_expiry)
    freeze(monkeypatch, GO_LIVE - dt.timedelta(days=1))
    before = state_of(package)

    with pytest.raises(NotAllowedNow):
        workflow.publish(obj=package, user=make_user("publisher"), at=GO_LIVE, expire_at=expire_at)

    assert state_of(package) == before


def test_publishing_a_live_item_later_is_refused_and_keeps_it_live() -> None:
    package = AidPackageFactory(published=True)
    later = timezone.now() + dt.timedelta(days=1)

    with pytest.raises(NotAllowedNow, match="live"):
        workflow.publish(obj=package, user=make_user("publisher"), at=later)

    assert AidPackage.objects.published().filter(pk=package.pk).exists()
