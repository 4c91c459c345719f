"""The transition table (editorial/transitions.py) is the one place that says from which states
a transition may start: the admin's buttons follow it, and the service refuses every other
state with the table's message. A second copy of a state list anywhere would fail these."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from aid.models import AidPackage
from editorial import workflow
from editorial.admin.workflow_actions import ACTIONS
from editorial.publishing import Status
from editorial.revisions import Revision
from editorial.snapshots import take_snapshot
from editorial.transitions import TRANSITIONS
from tests.admin_helpers import change_url
from tests.factories import AidPackageFactory
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

COMMENT = "Checked against the presidential order"

# Each service function, the rows of the table it serves, and a call of it.
SERVICES: dict[str, tuple[tuple[str, ...], Callable[[AidPackage, Any], Revision]]] = {
    "submit": (("submit",), lambda obj, user: workflow.submit(obj=obj, user=user)),
    "request_changes": (
        ("request_changes",),
        lambda obj, user: workflow.request_changes(obj=obj, user=user, comment=COMMENT),
    ),
    "publish": (("publish", "schedule"), lambda obj, user: workflow.publish(obj=obj, user=user)),
    "unpublish": (("unpublish",), lambda obj, user: workflow.unpublish(obj=obj, user=user)),
    "archive": (("archive",), lambda obj, user: workflow.archive(obj=obj, user=user)),
    "restore_from_archive": (
        ("restore",),
        lambda obj, user: workflow.restore_from_archive(obj=obj, user=user),
    ),
    "record_save": (
        ("save",),
        lambda obj, user: workflow.record_save(obj=obj, user=user, created=False),
    ),
    "hold_pending": (
        ("hold",),
        lambda obj, user: workflow.hold_pending(
            obj=obj, user=user, snapshot=take_snapshot(obj), base_version=obj.version
        ),
    ),
    "record_child_change": (
        ("change_child", "change_live_child"),
        lambda obj, user: workflow.record_child_change(owner=obj, user=user, comment=COMMENT),
    ),
}

REFUSED = [
    pytest.param(function, status, id=f"{function}-from-{status}")
    for function, (rows, _call) in SERVICES.items()
    for status in Status.values
    if not any(TRANSITIONS[row].allows(status) for row in rows)
]


@pytest.mark.parametrize(("function", "status"), REFUSED)
def test_service_refuses_a_state_the_table_does_not_allow(function: str, status: str) -> None:
    rows, call = SERVICES[function]
    package = AidPackageFactory(status=status)

    with pytest.raises(workflow.NotAllowedNow) as refusal:
        call(package, make_user("superuser"))

    assert str(refusal.value) == str(TRANSITIONS[rows[0]].refusal)
    assert AidPackage.objects.get(pk=package.pk).status == status


def offered(client: Client, package: AidPackage) -> list[str]:
    """The names of the transitions whose buttons the change form shows."""
    actions = client.get(change_url(package)).context["workflow_actions"]
    return [action["url"].rstrip("/").rsplit("/", 1)[-1] for action in actions]


STATES = [
    pytest.param(Status.DRAFT, False, id="draft"),
    pytest.param(Status.IN_REVIEW, False, id="in_review"),
    pytest.param(Status.PUBLISHED, False, id="published"),
    pytest.param(Status.PUBLISHED, True, id="published-with-pending-change"),
    pytest.param(Status.ARCHIVED, False, id="archived"),
]


@pytest.mark.parametrize(("status", "pending"), STATES)
def test_change_form_shows_the_buttons_the_table_allows(
    admin_client: Client, status: str, pending: bool
) -> None:
    package = AidPackageFactory(status=status)
    if pending:
        SERVICES["hold_pending"][1](package, make_user("editor"))

    assert offered(admin_client, package) == [
        name for name in ACTIONS if TRANSITIONS[name].allows(status, pending=pending)
    ]


def test_a_state_taken_out_of_the_table_loses_its_button_and_is_refused(
    admin_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = AidPackageFactory(status=Status.DRAFT)
    assert "submit" in offered(admin_client, package)
    only_from_review = frozenset({Status.IN_REVIEW})
    monkeypatch.setitem(
        TRANSITIONS, "submit", dataclasses.replace(TRANSITIONS["submit"], sources=only_from_review)
    )

    assert "submit" not in offered(admin_client, package)
    with pytest.raises(workflow.NotAllowedNow, match="Only a draft can be sent for review"):
        workflow.submit(obj=package, user=make_user("superuser"))
