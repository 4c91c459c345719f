"""The workflow dashboard on the admin index: each panel shows the right items to the right
people, links to their change pages, and costs the same queries however many items there are."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Permission
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

from editorial import workflow
from editorial.admin.dashboard import PANEL_SIZE, Entry
from editorial.publishing import Publishable
from editorial.roles import EDITORS, PUBLISHERS
from editorial.snapshots import take_snapshot
from tests.admin_helpers import change_url, login_staff, queries_to_get
from tests.factories import AidPackageFactory, ReconstructionProjectFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/"


@pytest.fixture
def editor(client: Client) -> AbstractBaseUser:
    return login_staff(client, EDITORS, "editor")


@pytest.fixture
def publisher_client() -> Client:
    return Client()


@pytest.fixture
def publisher(publisher_client: Client) -> AbstractBaseUser:
    return login_staff(publisher_client, PUBLISHERS, "publisher")


# --- Items in each state, made through the workflow -----------------------------------------


def draft(
    user: AbstractBaseUser, factory: type = AidPackageFactory, **kwargs: object
) -> Publishable:
    item = factory(**kwargs)
    workflow.record_save(obj=item, user=user, created=True)
    return item


def in_review(editor: AbstractBaseUser, **kwargs: object) -> Publishable:
    item = draft(editor, **kwargs)
    workflow.submit(obj=item, user=editor, comment="Please check the figures.")
    return item


def published(
    editor: AbstractBaseUser,
    publisher: AbstractBaseUser,
    at: dt.datetime | None = None,
    **kwargs: object,
) -> Publishable:
    item = in_review(editor, **kwargs)
    workflow.publish(obj=item, user=publisher, at=at)
    return item


def with_pending_change(
    editor: AbstractBaseUser, publisher: AbstractBaseUser, **kwargs: object
) -> Publishable:
    item = published(editor, publisher, **kwargs)
    item.refresh_from_db()
    snapshot = take_snapshot(item)
    snapshot["fields"]["title_en"] = f"{item.title_en} (corrected)"
    workflow.hold_pending(obj=item, user=editor, snapshot=snapshot, base_version=item.version)
    return item


def sent_back(
    editor: AbstractBaseUser, publisher: AbstractBaseUser, **kwargs: object
) -> Publishable:
    item = in_review(editor, **kwargs)
    workflow.request_changes(obj=item, user=publisher, comment="Which source gives the date?")
    return item


# --- Reading the page -----------------------------------------------------------------------


def panels(response: HttpResponse) -> dict[str, list[Entry]]:
    assert response.status_code == 200
    return {panel.key: panel.entries for panel in response.context["workflow_dashboard"]}


def titles(response: HttpResponse, key: str) -> set[str]:
    return {entry.title for entry in panels(response)[key]}


def panel_html(response: HttpResponse, key: str) -> str:
    match = re.search(rf'id="workflow-{key}".*?</table>', response.content.decode(), re.S)
    assert match, key
    return match.group()


# --- Awaiting my review ---------------------------------------------------------------------


def test_dashboard_review_shows_publishers_items_in_review_and_pending_changes(
    editor: AbstractBaseUser, publisher: AbstractBaseUser, publisher_client: Client
) -> None:
    waiting = in_review(editor)
    changed = with_pending_change(editor, publisher, factory=ReconstructionProjectFactory)
    draft(editor)
    published(editor, publisher)

    response = publisher_client.get(INDEX)

    assert titles(response, "review") == {str(waiting), str(changed)}
    html = panel_html(response, "review")
    assert f'href="{change_url(waiting)}"' in html
    assert f'href="{change_url(changed)}"' in html
    assert "Please check the figures." in html
    assert [e.who for e in panels(response)["review"]] == ["editor", "editor"]


def test_dashboard_review_is_not_shown_to_editors(editor: AbstractBaseUser, client: Client) -> None:
    in_review(editor)

    assert "review" not in panels(client.get(INDEX))


def test_dashboard_review_says_when_only_the_first_entries_are_shown(
    editor: AbstractBaseUser, publisher_client: Client, publisher: AbstractBaseUser
) -> None:
    for _ in range(PANEL_SIZE + 1):
        in_review(editor)

    response = publisher_client.get(INDEX)

    assert len(panels(response)["review"]) == PANEL_SIZE
    assert f"Only the first {PANEL_SIZE} are shown." in response.content.decode()


# --- My drafts ------------------------------------------------------------------------------


def test_dashboard_drafts_shows_the_users_own_drafts_only(
    editor: AbstractBaseUser, publisher: AbstractBaseUser, client: Client, publisher_client: Client
) -> None:
    mine = draft(editor)
    mine_too = draft(editor, factory=ReconstructionProjectFactory)
    theirs = draft(publisher)
    in_review(editor)

    assert titles(client.get(INDEX), "drafts") == {str(mine), str(mine_too)}
    assert titles(publisher_client.get(INDEX), "drafts") == {str(theirs)}
    assert f'href="{change_url(mine_too)}"' in panel_html(client.get(INDEX), "drafts")


def test_dashboard_drafts_include_a_draft_someone_else_created_the_user_changed_last(
    editor: AbstractBaseUser, publisher: AbstractBaseUser, client: Client
) -> None:
    item = draft(publisher)
    workflow.record_save(obj=item, user=editor, created=False)

    assert titles(client.get(INDEX), "drafts") == {str(item)}


# --- Sent back to me ------------------------------------------------------------------------


def test_dashboard_sent_back_shows_the_author_the_publishers_comment(
    editor: AbstractBaseUser, publisher: AbstractBaseUser, client: Client, publisher_client: Client
) -> None:
    item = sent_back(editor, publisher)

    response = client.get(INDEX)

    [entry] = panels(response)["sent-back"]
    assert (entry.title, entry.who, entry.comment) == (
        str(item),
        "publisher",
        "Which source gives the date?",
    )
    assert "Which source gives the date?" in panel_html(response, "sent-back")
    assert f'href="{change_url(item)}"' in panel_html(response, "sent-back")
    assert panels(publisher_client.get(INDEX))["sent-back"] == []


def test_dashboard_sent_back_includes_a_rejected_change_to_a_live_item(
    editor: AbstractBaseUser, publisher: AbstractBaseUser, client: Client
) -> None:
    item = with_pending_change(editor, publisher)
    workflow.request_changes(obj=item, user=publisher, comment="Keep the old title.")

    [entry] = panels(client.get(INDEX))["sent-back"]

    assert (entry.title, entry.comment) == (str(item), "Keep the old title.")


def test_dashboard_sent_back_clears_once_submitted_again(
    editor: AbstractBaseUser, publisher: AbstractBaseUser, client: Client
) -> None:
    item = sent_back(editor, publisher)
    workflow.record_save(obj=item, user=editor, created=False)
    assert titles(client.get(INDEX), "sent-back") == {str(item)}  # a save is not an answer

    workflow.submit(obj=item, user=editor)

    assert panels(client.get(INDEX))["sent-back"] == []


# --- Scheduled, recently published ----------------------------------------------------------


def test_dashboard_scheduled_shows_items_not_yet_live_with_their_time(
    editor: AbstractBaseUser, publisher: AbstractBaseUser, client: Client
) -> None:
    at = timezone.now() + dt.timedelta(days=3)
    item = published(editor, publisher, at=at, factory=ReconstructionProjectFactory)
    published(editor, publisher)

    response = client.get(INDEX)

    [entry] = panels(response)["scheduled"]
    assert (entry.title, entry.who, entry.when) == (str(item), "publisher", at)
    assert f'href="{change_url(item)}"' in panel_html(response, "scheduled")


def test_dashboard_recently_published_lists_the_last_publications(
    editor: AbstractBaseUser, publisher: AbstractBaseUser, client: Client
) -> None:
    items = [published(editor, publisher) for _ in range(PANEL_SIZE + 2)]
    published(editor, publisher, at=timezone.now() + dt.timedelta(days=1))

    response = client.get(INDEX)

    entries = panels(response)["published"]
    assert [e.title for e in entries] == [str(i) for i in reversed(items)][:PANEL_SIZE]
    assert {e.who for e in entries} == {"publisher"}
    assert f'href="{change_url(items[-1])}"' in panel_html(response, "published")


# --- Who sees what --------------------------------------------------------------------------


def test_dashboard_shows_only_the_models_a_user_may_view(
    editor: AbstractBaseUser, publisher: AbstractBaseUser
) -> None:
    package = published(editor, publisher)
    published(editor, publisher, factory=ReconstructionProjectFactory)
    viewer_client = Client()
    viewer = login_staff(viewer_client, EDITORS, "viewer")
    viewer.groups.clear()
    viewer.user_permissions.add(Permission.objects.get(codename="view_aidpackage"))

    shown = panels(viewer_client.get(INDEX))

    assert set(shown) == {"scheduled", "published"}
    assert {e.title for e in shown["published"]} == {str(package)}


def test_dashboard_is_absent_for_staff_without_editorial_permissions(
    editor: AbstractBaseUser, publisher: AbstractBaseUser
) -> None:
    published(editor, publisher)
    in_review(editor)
    other = Client()
    user = login_staff(other, EDITORS, "outsider")
    user.groups.clear()

    response = other.get(INDEX)

    assert panels(response) == {}
    assert 'id="workflow-dashboard"' not in response.content.decode()


# --- Queries ----------------------------------------------------------------------------------


def _items_in_every_state(editor: AbstractBaseUser, publisher: AbstractBaseUser, n: int) -> None:
    later = timezone.now() + dt.timedelta(days=2)
    for i in range(n):
        factory = AidPackageFactory if i % 2 else ReconstructionProjectFactory
        draft(editor, factory=factory)
        in_review(editor, factory=factory)
        with_pending_change(editor, publisher, factory=factory)
        sent_back(editor, publisher, factory=factory)
        published(editor, publisher, at=later, factory=factory)


@pytest.mark.parametrize("role", [EDITORS, PUBLISHERS])
def test_dashboard_queries_do_not_grow_with_items(
    role: str, editor: AbstractBaseUser, publisher: AbstractBaseUser
) -> None:
    viewer_client = Client()
    viewer = editor if role == EDITORS else publisher
    viewer_client.force_login(viewer)
    _items_in_every_state(editor, publisher, 5)
    few = queries_to_get(viewer_client, INDEX)

    _items_in_every_state(editor, publisher, 25)
    many = queries_to_get(viewer_client, INDEX)

    # Session, user, the user's and the groups' permissions (4); one query per publishable
    # model (5) for drafts and for scheduled, and for in review when publishing (5 + 5 + 5);
    # one in all for sent back, recently published and, when publishing, pending changes
    # (1 + 1 + 1); the admin log (1); the session saved again for its idle expiry (3: savepoint,
    # update, release).
    assert few == many
    assert many == {EDITORS: 20, PUBLISHERS: 26}[role]
