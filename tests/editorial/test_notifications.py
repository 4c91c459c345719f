"""Workflow e-mail: publishers hear of submissions, editors of what was decided.

Mail is sent once the transaction commits, so each test runs the transition inside
`django_capture_on_commit_callbacks(execute=True)`.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client

from aid.models import AidPackage
from editorial import workflow
from editorial.publishing import Status
from editorial.roles import EDITORS
from editorial.snapshots import take_snapshot
from editorial.workflow import NotAllowedNow, NotPermitted
from tests.admin_helpers import admin_url, change_url, login_staff
from tests.factories import AidPackageFactory
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db


def recipients(outbox: list) -> list[str]:
    return sorted(address for message in outbox for address in message.to)


@pytest.fixture
def everyone() -> dict[str, Any]:
    """One user of each kind, each with an e-mail address unless said otherwise."""
    no_email = make_user("publisher", "publisher-without-email")
    no_email.email = ""
    no_email.save()
    return {
        role: make_user(role)
        for role in (
            "editor",
            "publisher",
            "superuser",
            "inactive_publisher",
            "staff_without_group",
        )
    }


def test_submit_emails_every_active_publisher_and_superuser(
    everyone: dict[str, Any], mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    package = AidPackageFactory(title="Generators for Kharkiv")

    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(obj=package, user=everyone["editor"], comment="Ready")

    assert recipients(mailoutbox) == ["publisher@example.org", "superuser@example.org"]
    assert all(len(message.to) == 1 for message in mailoutbox)  # no one sees the others
    assert "Generators for Kharkiv" in mailoutbox[0].subject
    assert "Ready" in mailoutbox[0].body


def test_held_edit_of_live_item_emails_publishers(
    everyone: dict[str, Any], mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    package = AidPackageFactory(published=True)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.hold_pending(
            obj=package,
            user=everyone["editor"],
            snapshot=take_snapshot(package),
            base_version=package.version,
        )

    assert recipients(mailoutbox) == ["publisher@example.org", "superuser@example.org"]


def test_publish_emails_the_submitter(
    mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    package = AidPackageFactory(title="Generators for Kharkiv")
    editor, publisher = make_user("editor"), make_user("publisher")
    workflow.submit(obj=package, user=editor)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(obj=package, user=publisher, comment="Thank you")

    assert recipients(mailoutbox) == [editor.email]
    assert "Published: Generators for Kharkiv" in mailoutbox[0].subject
    assert "Thank you" in mailoutbox[0].body


def test_publish_does_not_email_the_publisher_about_their_own_work(
    mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    package = AidPackageFactory()
    publisher = make_user("publisher")
    workflow.submit(obj=package, user=publisher)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(obj=package, user=publisher)

    assert mailoutbox == []


def test_approving_held_edit_emails_its_author(
    mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    package = AidPackageFactory(published=True)
    editor = make_user("editor")
    workflow.hold_pending(
        obj=package, user=editor, snapshot=take_snapshot(package), base_version=package.version
    )

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(obj=package, user=make_user("publisher"))

    assert recipients(mailoutbox) == [editor.email]


def test_request_changes_emails_the_author_with_the_comment(
    mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    package = AidPackageFactory(title="Generators for Kharkiv")
    editor = make_user("editor")
    workflow.submit(obj=package, user=editor)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(
            obj=package, user=make_user("publisher"), comment="Cite the presidential order"
        )

    assert recipients(mailoutbox) == [editor.email]
    assert "Changes requested: Generators for Kharkiv" in mailoutbox[0].subject
    assert "Cite the presidential order" in mailoutbox[0].body


def test_transition_refused_for_permission_sends_nothing(
    everyone: dict[str, Any], mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    package = AidPackageFactory()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(NotPermitted):
        workflow.submit(obj=package, user=everyone["staff_without_group"])

    assert mailoutbox == []


def test_transition_refused_for_state_sends_nothing(
    everyone: dict[str, Any], mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)  # already in review: submit refuses

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(NotAllowedNow):
        workflow.submit(obj=package, user=everyone["editor"])

    assert mailoutbox == []


def test_transition_undone_after_mail_was_queued_sends_nothing(
    everyone: dict[str, Any],
    mailoutbox: list,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = AidPackageFactory()

    def fail_after_queueing(revision: Any) -> None:
        queue(revision)
        raise RuntimeError("the transaction fails after the mail was queued")

    queue = workflow.notifications.submitted
    monkeypatch.setattr(workflow.notifications, "submitted", fail_after_queueing)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        workflow.submit(obj=package, user=everyone["editor"])

    assert mailoutbox == []
    assert AidPackage.objects.get(pk=package.pk).status == Status.DRAFT


# --- When the mail cannot go out -----------------------------------------------------------

MAIL_SERVER_DOWN = "tests.editorial.test_notifications.MailServerDown"


class MailServerDown(BaseEmailBackend):
    """What Django's SMTP backend does when nothing listens on the mail port."""

    def send_messages(self, email_messages: Any) -> int:
        raise ConnectionRefusedError(111, "Connection refused")


def test_a_title_with_line_breaks_is_mailed_with_a_one_line_subject(
    everyone: dict[str, Any], mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    package = AidPackageFactory(title="Generators\nfor\r\nKharkiv\r")

    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(obj=package, user=everyone["editor"])

    assert len(mailoutbox) == 2
    assert mailoutbox[0].subject == "[Körpü] Awaiting review: Generators for Kharkiv"
    assert "\n" not in mailoutbox[0].message()["Subject"]


def test_a_mail_server_that_is_down_is_logged_and_the_transition_stands(
    everyone: dict[str, Any],
    settings: Any,
    caplog: pytest.LogCaptureFixture,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN
    package = AidPackageFactory(title="Generators for Kharkiv")

    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(obj=package, user=everyone["editor"], comment="Invoice attached")

    assert AidPackage.objects.get(pk=package.pk).status == Status.IN_REVIEW
    [record] = [r for r in caplog.records if r.name == "editorial.notifications"]
    assert record.levelno == logging.ERROR
    message = record.getMessage()
    assert f"submitted of aid.aidpackage {package.pk} (Generators for Kharkiv)" in message
    assert "to 2 recipient(s): ConnectionRefusedError" in message
    # Never the mail's text or its addresses.
    assert "Invoice attached" not in caplog.text
    assert "@example.org" not in caplog.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_submission_through_the_admin_succeeds_while_the_mail_server_is_down(
    client: Client, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Committed for real, as in production: mail goes out as the transition's transaction
    ends, inside the request."""
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN
    make_user("publisher")
    package = AidPackageFactory(title="Generators\nfor Kharkiv")
    login_staff(client, EDITORS, "editor")

    response = client.post(admin_url(AidPackage, "transition", package.pk, "submit"))

    assert response.status_code == 302
    assert response.url == change_url(package)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Sent for review. Publishers have been told."
    ]
    assert AidPackage.objects.get(pk=package.pk).status == Status.IN_REVIEW
    assert "Workflow e-mail not sent: submitted of aid.aidpackage" in caplog.text
