"""The workflow through the admin: transition URLs for every role, edits of live items held for
approval, review and approval, refusal of a save based on an outdated form, history and
restore. The rules themselves are tested on the service in test_workflow.py; here we test that
the admin reaches them and answers as it should."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from aid.models import AidPackage
from editorial import workflow
from editorial.models import Status
from editorial.revisions import Revision, RevisionState, Transition
from editorial.roles import EDITORS, PUBLISHERS
from editorial.snapshots import take_snapshot
from tests.admin_helpers import (
    admin_url,
    change_url,
    changelist_url,
    form_data,
    login_staff,
    queries_to_get,
)
from tests.factories import AidPackageFactory

pytestmark = pytest.mark.django_db


def transition_url(package: AidPackage, name: str) -> str:
    return admin_url(AidPackage, "transition", package.pk, name)


def rollback_url(package: AidPackage, revision: Revision) -> str:
    return admin_url(AidPackage, "rollback", package.pk, revision.pk)


def revisions(package: AidPackage) -> list[Revision]:
    return list(Revision.objects.for_object(package))


def fingerprint(package: AidPackage) -> tuple[Any, ...]:
    """What a refused transition must leave alone."""
    package.refresh_from_db()
    return package.status, package.version, package.publish_at, len(revisions(package))


def superuser() -> AbstractBaseUser:
    return get_user_model().objects.create_superuser("root", password="unused")


def log_in(client: Client, role: str) -> None:
    if role == "editor":
        login_staff(client, EDITORS, "editor")
    elif role == "publisher":
        login_staff(client, PUBLISHERS, "publisher")
    elif role == "superuser":
        client.force_login(get_user_model().objects.create_superuser("admin2", password="x"))


def messages_of(response: HttpResponse) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Role by transition -----------------------------------------------------------------------


def in_state(status: str) -> Callable[[], tuple[AidPackage, str]]:
    def make() -> tuple[AidPackage, str]:
        return AidPackageFactory(status=status), ""

    return make


def with_a_revision() -> tuple[AidPackage, str]:
    """A live package with an older revision to roll back to."""
    package = AidPackageFactory(title_en="First")
    workflow.record_save(obj=package, user=superuser(), created=False)
    first = Revision.objects.for_object(package).get()
    AidPackage.objects.filter(pk=package.pk).update(title_en="Second", status=Status.PUBLISHED)
    return package, rollback_url(package, first)


# transition: (make the item, POST data, roles allowed, state after)
TRANSITIONS: dict[str, tuple[Callable[[], tuple[AidPackage, str]], dict[str, str], set, str]] = {
    "submit": (in_state(Status.DRAFT), {}, {"editor", "publisher", "superuser"}, "in_review"),
    "request_changes": (
        in_state(Status.IN_REVIEW),
        {"comment": "Add the invoice."},
        {"publisher", "superuser"},
        Status.DRAFT,
    ),
    "publish": (in_state(Status.DRAFT), {}, {"publisher", "superuser"}, Status.PUBLISHED),
    "schedule": (
        in_state(Status.DRAFT),
        {"at_0": "2030-01-01", "at_1": "09:00:00"},
        {"publisher", "superuser"},
        Status.PUBLISHED,
    ),
    "unpublish": (in_state(Status.PUBLISHED), {}, {"publisher", "superuser"}, Status.DRAFT),
    "archive": (in_state(Status.PUBLISHED), {}, {"publisher", "superuser"}, Status.ARCHIVED),
    "restore": (in_state(Status.ARCHIVED), {}, {"publisher", "superuser"}, Status.DRAFT),
    "rollback": (with_a_revision, {}, {"publisher", "superuser"}, Status.PUBLISHED),
}
MATRIX = [
    pytest.param(role, name, id=f"{role}-{name}")
    for name in TRANSITIONS
    for role in ("anonymous", "editor", "publisher", "superuser")
]


@pytest.mark.parametrize(("role", "name"), MATRIX)
def test_transition_url_answers_each_role(client: Client, role: str, name: str) -> None:
    make, data, allowed, after = TRANSITIONS[name]
    package, url = make()
    url = url or transition_url(package, name)
    before = fingerprint(package)
    log_in(client, role)

    response = client.post(url, data)

    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
        assert fingerprint(package) == before
    elif role not in allowed:
        assert response.status_code == 403
        assert fingerprint(package) == before
    else:
        assert response.status_code == 302
        assert response.url == change_url(package)
        status, version, _, count = fingerprint(package)
        assert (status, version, count) == (after, before[1] + 1, before[3] + 1)


def test_rollback_brings_back_the_old_content(client: Client) -> None:
    package, url = with_a_revision()
    log_in(client, "publisher")
    client.post(url)
    package.refresh_from_db()
    assert package.title_en == "First"
    assert revisions(package)[0].transition == Transition.ROLLED_BACK


def test_scheduling_sets_the_go_live_time(client: Client) -> None:
    package = AidPackageFactory()
    log_in(client, "publisher")
    client.post(transition_url(package, "schedule"), {"at_0": "2030-01-01", "at_1": "09:00"})
    package.refresh_from_db()
    assert package.publish_at is not None and not package.is_public()


def test_confirmation_page_has_a_csrf_protected_form(client: Client) -> None:
    package = AidPackageFactory()
    log_in(client, "publisher")
    response = client.get(transition_url(package, "publish"))
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_editor_may_not_open_a_publishers_confirmation_page(client: Client) -> None:
    package = AidPackageFactory()
    log_in(client, "editor")
    assert client.get(transition_url(package, "publish")).status_code == 403


def test_staff_without_view_permission_gets_403(client: Client) -> None:
    package = AidPackageFactory()
    user = get_user_model().objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(user)
    assert client.post(transition_url(package, "submit")).status_code == 403
    assert client.get(admin_url(AidPackage, "history", package.pk)).status_code == 403
    assert package.status == Status.DRAFT


def test_sending_back_needs_a_comment(client: Client) -> None:
    package = AidPackageFactory(status=Status.IN_REVIEW)
    before = fingerprint(package)
    log_in(client, "publisher")
    response = client.post(transition_url(package, "request_changes"), {"comment": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["comment"]
    assert fingerprint(package) == before


def test_a_transition_refused_in_this_state_is_a_message(client: Client) -> None:
    package = AidPackageFactory()
    before = fingerprint(package)
    log_in(client, "publisher")
    response = client.post(transition_url(package, "unpublish"))
    assert response.status_code == 302
    assert "Only a published item can be unpublished." in messages_of(response)
    assert fingerprint(package) == before


def test_change_form_offers_only_the_users_transitions(client: Client) -> None:
    package = AidPackageFactory()
    log_in(client, "editor")
    labels = [str(a["label"]) for a in client.get(change_url(package)).context["workflow_actions"]]
    assert labels == ["Submit for review"]


def test_change_form_offers_a_publisher_every_transition_of_a_draft(client: Client) -> None:
    package = AidPackageFactory()
    log_in(client, "publisher")
    labels = [str(a["label"]) for a in client.get(change_url(package)).context["workflow_actions"]]
    assert labels == ["Submit for review", "Publish now", "Schedule", "Archive"]


# --- Editing a live item ----------------------------------------------------------------------


def propose(client: Client, package: AidPackage, **changes: str) -> HttpResponse:
    data = form_data(client.get(change_url(package)))
    data.update(changes)
    return client.post(change_url(package), data)


def test_editors_edit_of_a_published_package_leaves_the_row_alone(client: Client) -> None:
    package = AidPackageFactory(published=True, title_en="Live", items=2)
    version = package.version
    log_in(client, "editor")
    data = form_data(client.get(change_url(package)))
    data.update({"title_en": "Edited", "items-0-DELETE": "on"})

    response = client.post(change_url(package), data)

    assert response.status_code == 302
    assert messages_of(response) == [
        "Your change is waiting for a publisher's approval; the public still sees the approved "
        "version."
    ]
    package.refresh_from_db()
    assert (package.title_en, package.items.count(), package.version) == ("Live", 2, version)
    pending = Revision.objects.for_object(package).pending().get()
    assert pending.snapshot["fields"]["title_en"] == "Edited"
    assert len(pending.snapshot["children"]["items"]) == 1


def test_change_form_shows_a_banner_and_the_list_a_marker_for_a_pending_change(
    client: Client,
) -> None:
    package = AidPackageFactory(published=True)
    log_in(client, "editor")
    propose(client, package, title_en="Edited")
    content = client.get(change_url(package)).content.decode()
    assert "A change by editor" in content and "is waiting for approval" in content
    rows = client.get(changelist_url(AidPackage)).context["cl"].result_list
    assert [row.has_pending for row in rows] == [True]


def test_publisher_reviews_the_diff_in_each_language_and_approves(client: Client) -> None:
    package = AidPackageFactory(
        published=True, title_en="Generators", title_uk="Генератори", title_az="Generatorlar"
    )
    log_in(client, "editor")
    propose(client, package, title_en="Twelve generators", title_uk="Дванадцять генераторів")
    log_in(client, "publisher")

    review = client.get(admin_url(AidPackage, "review", package.pk))

    changes = {(c.label, c.before, c.after) for c in review.context["changes"]}
    assert changes == {
        ("title [en]", "Generators", "Twelve generators"),
        ("title [uk]", "Генератори", "Дванадцять генераторів"),
    }
    assert f'action="{transition_url(package, "publish")}"' in review.content.decode()
    response = client.post(transition_url(package, "publish"), {"comment": ""})
    assert response.status_code == 302
    package.refresh_from_db()
    assert (package.title_en, package.title_uk, package.status) == (
        "Twelve generators",
        "Дванадцять генераторів",
        Status.PUBLISHED,
    )
    assert not Revision.objects.for_object(package).pending().exists()


def test_editor_sees_the_review_page_without_the_decision_buttons(client: Client) -> None:
    package = AidPackageFactory(published=True)
    log_in(client, "editor")
    propose(client, package, title_en="Edited")
    response = client.get(admin_url(AidPackage, "review", package.pk))
    assert response.status_code == 200
    assert transition_url(package, "publish") not in response.content.decode()


def test_publisher_sends_a_pending_change_back(client: Client) -> None:
    package = AidPackageFactory(published=True, title_en="Live")
    log_in(client, "editor")
    propose(client, package, title_en="Edited")
    log_in(client, "publisher")
    client.post(transition_url(package, "request_changes"), {"comment": "Source?"})
    package.refresh_from_db()
    assert (package.title_en, package.status) == ("Live", Status.PUBLISHED)
    assert revisions(package)[1].state == RevisionState.REJECTED


def test_publishers_own_edit_of_a_live_item_also_waits_for_approval(client: Client) -> None:
    package = AidPackageFactory(published=True, title_en="Live")
    log_in(client, "publisher")
    propose(client, package, title_en="Edited")
    package.refresh_from_db()
    assert package.title_en == "Live"
    client.post(transition_url(package, "publish"))
    package.refresh_from_db()
    assert package.title_en == "Edited"


# --- No lost edits ----------------------------------------------------------------------------


def test_second_save_from_the_same_version_is_refused_and_keeps_the_input() -> None:
    package = AidPackageFactory(title_en="Original")
    first, second = Client(), Client()
    login_staff(first, EDITORS, "ayla")
    login_staff(second, EDITORS, "bohdan")
    first_data = form_data(first.get(change_url(package)))
    second_data = form_data(second.get(change_url(package)))
    first_data["title_en"] = "Ayla's title"
    second_data["title_en"] = "Bohdan's title"

    assert first.post(change_url(package), first_data).status_code == 302
    response = second.post(change_url(package), second_data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert "saved this item at" in errors[0]
    assert 'value="Bohdan&#x27;s title"' in response.content.decode()
    package.refresh_from_db()
    assert package.title_en == "Ayla's title"
    assert len(revisions(package)) == 1


def test_a_save_without_the_version_is_refused(admin_client: Client) -> None:
    package = AidPackageFactory(title_en="Original")
    data = form_data(admin_client.get(change_url(package)))
    del data["version"]
    data["title_en"] = "Changed"
    assert admin_client.post(change_url(package), data).status_code == 200
    package.refresh_from_db()
    assert package.title_en == "Original"


# --- History and restore ----------------------------------------------------------------------


def saved_titles(package: AidPackage, titles: list[str], user: AbstractBaseUser) -> None:
    for title in titles:
        AidPackage.objects.filter(pk=package.pk).update(title_en=title)
        package.refresh_from_db()
        workflow.record_save(obj=package, user=user, created=False)


def test_history_lists_revisions_with_who_and_what(client: Client) -> None:
    package = AidPackageFactory(title_en="One")
    root = superuser()
    saved_titles(package, ["One", "Two"], root)
    workflow.submit(obj=package, user=root, comment="Ready")
    log_in(client, "publisher")
    response = client.get(admin_url(AidPackage, "history", package.pk))
    content = response.content.decode()
    assert [row.revision.transition for row in response.context["rows"]] == [
        Transition.SUBMITTED,
        Transition.SAVED,
        Transition.SAVED,
    ]
    assert "Ready" in content and "restore this version" in content


def test_history_shows_what_a_revision_changed(client: Client) -> None:
    package = AidPackageFactory()
    saved_titles(package, ["One", "Two"], superuser())
    log_in(client, "editor")
    latest = revisions(package)[0]
    response = client.get(admin_url(AidPackage, "revision", package.pk, latest.pk))
    assert [(c.label, c.before, c.after) for c in response.context["changes"]] == [
        ("title [en]", "One", "Two")
    ]
    assert (
        "restore this version"
        not in client.get(admin_url(AidPackage, "history", package.pk)).content.decode()
    )


def test_restore_shows_the_diff_then_adds_a_revision(client: Client) -> None:
    package = AidPackageFactory()
    saved_titles(package, ["One", "Two"], superuser())
    oldest = revisions(package)[-1]
    log_in(client, "publisher")

    page = client.get(rollback_url(package, oldest))
    assert [(c.before, c.after) for c in page.context["changes"]] == [("Two", "One")]
    client.post(rollback_url(package, oldest), {"comment": "Back to one"})

    package.refresh_from_db()
    history = revisions(package)
    assert package.title_en == "One"
    assert (len(history), history[0].transition, history[0].restored_from) == (
        3,
        Transition.ROLLED_BACK,
        oldest,
    )


def test_history_and_review_queries_do_not_grow_with_revisions(client: Client) -> None:
    root = superuser()

    def live_with_revisions(count: int) -> AidPackage:
        package = AidPackageFactory()
        saved_titles(package, [f"Title {n}" for n in range(count)], root)
        workflow.publish(obj=package, user=root)
        package.refresh_from_db()
        snapshot = take_snapshot(package)
        snapshot["fields"]["title_en"] = "Proposed"
        workflow.hold_pending(
            obj=package, user=root, snapshot=snapshot, base_version=package.version
        )
        return package

    few, many = live_with_revisions(5), live_with_revisions(30)
    log_in(client, "publisher")
    for view in ("history", "review"):
        assert queries_to_get(client, admin_url(AidPackage, view, many.pk)) == queries_to_get(
            client, admin_url(AidPackage, view, few.pk)
        ), view


# --- Deleting ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_only_superusers_may_delete_a_publishable(client: Client, role: str) -> None:
    package = AidPackageFactory()
    log_in(client, role)
    response = client.post(admin_url(AidPackage, "delete", package.pk), {"post": "yes"})
    assert response.status_code == 403
    assert AidPackage.objects.filter(pk=package.pk).exists()
    action_form = client.get(changelist_url(AidPackage)).context["action_form"]
    assert action_form is None or "delete_selected" not in dict(
        action_form.fields["action"].choices
    )


def test_superuser_may_delete_a_publishable(admin_client: Client) -> None:
    package = AidPackageFactory()
    admin_client.post(admin_url(AidPackage, "delete", package.pk), {"post": "yes"})
    assert not AidPackage.objects.filter(pk=package.pk).exists()


def test_the_admin_log_says_a_held_edit_was_proposed_not_changed(client: Client) -> None:
    package = AidPackageFactory(published=True, title_en="Live")
    log_in(client, "editor")
    propose(client, package, title_en="Edited")
    entry = LogEntry.objects.get(object_id=str(package.pk))
    assert entry.get_change_message() == "Proposed a change, held for a publisher's approval."
