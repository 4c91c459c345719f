"""`loaddemo` puts items in every editorial state, with real histories, once.

The demo is loaded once for the module (see conftest.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client
from django.utils import timezone

from aid.models import AidPackage
from demo.content.aid_packages import AID_RELIEF
from demo.content.energy import AID_ENERGY
from demo.content.figures import FIGURES
from demo.content.groups import GROUPS
from demo.content.partnerships import PARTNERSHIPS
from demo.content.planned_projects import PLANNED_PROJECTS
from demo.content.projects import PROJECTS
from demo.content.states import COPIES, PROPOSED_EDITS
from editorial import workflow
from editorial.publishing import Status, publishable_models
from editorial.revisions import Revision, RevisionState, Transition
from projects.models import ReconstructionProject
from tests.demo.loading import loaddemo

pytestmark = pytest.mark.django_db

SES = "ses-generators-warmth-for-ukraine"
SUMGAIT = "sumgait-energy-shipment-2026"
SPORTS_COMPLEX = "irpin-youth-sports-complex"
SEED_SLUGS = {
    *AID_RELIEF,
    *AID_ENERGY,
    *FIGURES,
    *PROJECTS,
    *PLANNED_PROJECTS,
    *GROUPS,
    *PARTNERSHIPS,
}


def _history(obj: models.Model) -> list[tuple[str, str]]:
    """The item's revisions, oldest first, as (transition, username)."""
    revisions = Revision.objects.for_object(obj).select_related("user").reverse()
    return [(r.transition, r.user.username if r.user else "") for r in revisions]


def _project(slug: str) -> ReconstructionProject:
    return ReconstructionProject.objects.get(slug=slug)


def _all_items() -> list[models.Model]:
    return [item for model in publishable_models() for item in model.objects.all()]


def test_loaddemo_every_item_starts_its_history_created_by_the_editor(demo_output: str) -> None:
    items = _all_items()

    assert len(items) == len(SEED_SLUGS) + len(COPIES)
    for item in items:
        assert _history(item)[0] == (Transition.CREATED, "editor"), item


def test_loaddemo_every_seed_record_is_public_but_the_one_awaiting_its_date(
    demo_output: str,
) -> None:
    # The SES generators were received on a day no source gives: they wait in review.
    public = {item.slug for item in _all_items() if item.is_public()}

    assert SEED_SLUGS - public == {SES}


def test_loaddemo_published_items_were_submitted_by_the_editor_and_approved_by_the_publisher(
    demo_output: str,
) -> None:
    item = AidPackage.objects.get(slug="energy-allocation-2023")

    assert _history(item) == [
        (Transition.CREATED, "editor"),
        (Transition.SUBMITTED, "editor"),
        (Transition.PUBLISHED, "publisher"),
    ]
    assert (item.published_by.username, item.reviewed_by.username) == ("publisher", "publisher")


def test_loaddemo_has_a_draft(demo_output: str) -> None:
    draft = _project("workflow-example-draft")

    assert draft.status == Status.DRAFT
    assert _history(draft) == [(Transition.CREATED, "editor")]


def test_loaddemo_has_an_item_in_review_submitted_by_the_editor(demo_output: str) -> None:
    item = AidPackage.objects.get(slug=SES)

    assert item.status == Status.IN_REVIEW
    assert _history(item)[-1] == (Transition.SUBMITTED, "editor")


def test_loaddemo_has_a_live_item_with_a_change_awaiting_approval(demo_output: str) -> None:
    item = AidPackage.objects.published().get(slug=SUMGAIT)
    pending = Revision.objects.for_object(item).pending().get()
    proposed = PROPOSED_EDITS[SUMGAIT].fields["title_en"]

    assert pending.user.username == "editor"
    assert pending.base_version == item.version
    assert pending.snapshot["fields"]["title_en"] == proposed
    assert item.title_en == AID_ENERGY[SUMGAIT]["title"].en  # the public keeps the approved one


def test_loaddemo_has_a_change_sent_back_with_a_comment(demo_output: str) -> None:
    item = _project(SPORTS_COMPLEX)
    last = Revision.objects.for_object(item).first()
    rejected = Revision.objects.for_object(item).get(transition=Transition.EDITED_WHILE_LIVE)

    assert item.is_public()
    assert (last.transition, last.user.username) == (Transition.CHANGES_REQUESTED, "publisher")
    assert last.comment == PROPOSED_EDITS[SPORTS_COMPLEX].sent_back
    assert (rejected.state, rejected.user.username) == (RevisionState.REJECTED, "editor")


def test_loaddemo_has_a_scheduled_item_about_thirty_days_ahead(demo_output: str) -> None:
    item = _project("workflow-example-scheduled")
    ahead = item.publish_at - timezone.now()

    assert item.status == Status.PUBLISHED and not item.is_public()
    assert dt.timedelta(days=29) < ahead <= dt.timedelta(days=30)
    assert _history(item)[-1] == (Transition.SCHEDULED, "publisher")


def test_loaddemo_has_an_expired_item(demo_output: str) -> None:
    item = _project("workflow-example-expired")

    assert item.status == Status.PUBLISHED and not item.is_public()
    assert item.publish_at < item.expire_at < timezone.now()


def test_loaddemo_has_an_archived_item(demo_output: str) -> None:
    item = _project("workflow-example-archived")

    assert item.status == Status.ARCHIVED
    assert _history(item)[-1] == (Transition.ARCHIVED, "publisher")


@pytest.mark.parametrize("slug", list(COPIES))
def test_loaddemo_copies_say_they_are_copies_of_a_published_record(
    demo_output: str, slug: str
) -> None:
    copy, original = _project(slug), _project(COPIES[slug].of)

    assert original.status == Status.PUBLISHED
    assert copy.title_en == f"Workflow example ({COPIES[slug].label.en}): {original.title_en}"
    assert copy.body_en.startswith("This is a copy of a published record")


def test_loaddemo_second_run_adds_no_revision_and_moves_nothing(
    demo_output: str, demo_media: Path, settings: pytest.FixtureRequest
) -> None:
    settings.MEDIA_ROOT = demo_media

    def state() -> list[tuple]:
        return sorted(
            (type(item).__name__, item.slug, item.status, item.version, item.publish_at)
            for item in _all_items()
        )

    before, revisions = state(), Revision.objects.count()

    output = loaddemo()

    assert Revision.objects.count() == revisions
    assert state() == before
    assert "editorial.Revision" not in output


def test_loaddemo_second_run_leaves_a_state_a_user_changed(
    demo_output: str, demo_media: Path, settings: pytest.FixtureRequest
) -> None:
    settings.MEDIA_ROOT = demo_media
    draft = _project("workflow-example-draft")
    editor = get_user_model().objects.get(username="editor")
    workflow.submit(obj=draft, user=editor)

    loaddemo()

    assert _project("workflow-example-draft").status == Status.IN_REVIEW


def test_loaddemo_dashboard_shows_the_demo_states(demo_output: str, client: Client) -> None:
    User = get_user_model()
    client.force_login(User.objects.get(username="publisher"))
    review = client.get("/admin/").context["workflow_dashboard"][0]
    client.force_login(User.objects.get(username="editor"))
    editor_panels = {p.key: p for p in client.get("/admin/").context["workflow_dashboard"]}

    assert {e.title for e in review.entries} == {
        str(AidPackage.objects.get(slug=SES)),
        str(AidPackage.objects.get(slug=SUMGAIT)),
    }
    assert [e.title for e in editor_panels["drafts"].entries] == [
        str(_project("workflow-example-draft"))
    ]
    assert [e.comment for e in editor_panels["sent-back"].entries] == [
        PROPOSED_EDITS[SPORTS_COMPLEX].sent_back
    ]
    assert [e.title for e in editor_panels["scheduled"].entries] == [
        str(_project("workflow-example-scheduled"))
    ]


def test_loaddemo_gives_a_history_to_an_item_an_earlier_loader_published(
    demo_output: str, demo_media: Path, settings: pytest.FixtureRequest
) -> None:
    # Loaders before revisions were kept set the state directly and wrote no history.
    settings.MEDIA_ROOT = demo_media
    item = AidPackage.objects.get(slug="energy-allocation-2023")
    Revision.objects.for_object(item).delete()
    first_published = item.published_at

    loaddemo()

    item.refresh_from_db()
    assert item.is_public()
    assert item.published_at == first_published
    assert [transition for transition, _ in _history(item)] == [
        Transition.CREATED,
        Transition.SUBMITTED,
        Transition.PUBLISHED,
    ]
