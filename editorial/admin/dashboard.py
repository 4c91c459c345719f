"""The workflow dashboard on the admin's index: what waits for whom, what goes live next.

Five panels, each built from a queryset here: items awaiting my review (publishers only), my
drafts, what a publisher sent back to me, scheduled items and what was published lately.
Publishable models are found through the app registry, so `editorial` knows none of the apps
that use it; each panel costs at most one query per model, or one query in all when it reads
revisions, whatever the number of items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from editorial.publishing import Publishable, PublishableQuerySet, Status, publishable_models
from editorial.revisions import SUBMISSIONS, Revision, RevisionQuerySet, Transition
from editorial.roles import has_model_perm

User = AbstractBaseUser | AnonymousUser

PANEL_SIZE = 10
"""Entries a panel shows; the rest are a click away in the lists."""


@dataclass(frozen=True)
class Entry:
    """One line of a panel: which item, who did the thing the panel is about, when, and the
    comment they left."""

    kind: str
    title: str
    url: str
    who: str
    when: dt.datetime | None
    state: str = ""
    comment: str = ""


@dataclass
class Panel:
    key: str
    title: str
    who_label: str
    when_label: str
    empty: str
    entries: list[Entry] = field(default_factory=list)
    more: bool = False


# --- Which models, for whom -------------------------------------------------------------------


def publishable_by(user: User) -> list[type[Publishable]]:
    return [model for model in publishable_models() if has_model_perm(user, "publish", model)]


def editable_by(user: User) -> list[type[Publishable]]:
    return [model for model in publishable_models() if has_model_perm(user, "change", model)]


def visible_to(user: User) -> list[type[Publishable]]:
    return [
        model
        for model in publishable_models()
        if has_model_perm(user, "view", model) or has_model_perm(user, "change", model)
    ]


# --- Querysets ------------------------------------------------------------------------------


def _revisions_of(model: type[Publishable]) -> RevisionQuerySet:
    """The revisions of the outer query's item, newest first, for use in a Subquery."""
    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    ).order_by("-created_at", "-pk")


def _name_of_latest(revisions: RevisionQuerySet) -> Coalesce:
    """Who made the first of `revisions`; who last changed the item if it has none (an item
    saved before revisions were kept)."""
    username = get_user_model().USERNAME_FIELD
    return Coalesce(
        Subquery(revisions.values(f"user__{username}")[:1]), F(f"updated_by__{username}")
    )


def in_review(model: type[Publishable]) -> PublishableQuerySet:
    """Items sent for review, longest waiting first, with who sent them and when."""
    submitted = _revisions_of(model).filter(transition=Transition.SUBMITTED)
    return (
        model.objects.filter(status=Status.IN_REVIEW)
        .annotate(
            who=_name_of_latest(submitted),
            when=Coalesce(Subquery(submitted.values("created_at")[:1]), F("updated_at")),
            comment=Subquery(submitted.values("comment")[:1]),
        )
        .order_by("when", "pk")
    )


def pending_changes(models_: Iterable[type[Publishable]]) -> RevisionQuerySet:
    """Edits of live items held for a publisher's approval, longest waiting first."""
    return (
        Revision.objects.pending()
        .filter(content_type__in=_content_types(models_))
        .select_related("user")
        .order_by("created_at", "pk")
    )


def drafts_of(model: type[Publishable], user: User) -> PublishableQuerySet:
    """Drafts the user created or changed last, most recently changed first."""
    latest = _revisions_of(model)
    return (
        model.objects.filter(status=Status.DRAFT)
        .annotate(
            last_by_id=Subquery(latest.values("user_id")[:1]),
            who=_name_of_latest(latest),
            when=Coalesce(Subquery(latest.values("created_at")[:1]), F("updated_at")),
        )
        .filter(Q(created_by=user) | Q(last_by_id=user.pk))
        .order_by("-when", "-pk")
    )


def sent_back_to(user: User, models_: Iterable[type[Publishable]]) -> RevisionQuerySet:
    """Publishers' requests for changes to what the user submitted, newest first.

    A request stays here until something other than a plain save happens to the item: it is
    submitted again, another edit is held for approval, it is published, and so on.
    """
    same_item = {"content_type": OuterRef("content_type"), "object_id": OuterRef("object_id")}
    author = (
        Revision.objects.filter(**same_item, pk__lt=OuterRef("pk"), transition__in=SUBMISSIONS)
        .order_by("-pk")
        .values("user_id")[:1]
    )
    since = Revision.objects.filter(**same_item, pk__gt=OuterRef("pk")).exclude(
        transition=Transition.SAVED
    )
    return (
        Revision.objects.filter(
            transition=Transition.CHANGES_REQUESTED, content_type__in=_content_types(models_)
        )
        .annotate(author_id=Subquery(author))
        .filter(author_id=user.pk)
        .exclude(Exists(since))
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


def scheduled(model: type[Publishable]) -> PublishableQuerySet:
    """Approved items still waiting for their go-live time, soonest first."""
    return model.objects.scheduled().select_related("reviewed_by").order_by("publish_at", "pk")


def recently_published(models_: Iterable[type[Publishable]]) -> RevisionQuerySet:
    """The latest publications (not schedulings: those wait in `scheduled`)."""
    return (
        Revision.objects.filter(
            transition=Transition.PUBLISHED, content_type__in=_content_types(models_)
        )
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


def _content_types(models_: Iterable[type[Publishable]]) -> list[ContentType]:
    # Cached by ContentType's manager: no query once warm.
    return list(ContentType.objects.get_for_models(*models_).values())


# --- Entries --------------------------------------------------------------------------------


def change_url(model: type[models.Model], pk: object) -> str:
    """The item's admin change page, or "" if the model has no admin."""
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])
    except NoReverseMatch:
        return ""


def _kind(model: type[models.Model]) -> str:
    return capfirst(model._meta.verbose_name)


def _item_entry(
    item: Publishable, who: object, when: dt.datetime | None, state: str = "", comment: str = ""
) -> Entry:
    model = type(item)
    return Entry(
        _kind(model),
        str(item),
        change_url(model, item.pk),
        str(who or ""),
        when,
        str(state),
        comment or "",
    )


def _revision_entry(revision: Revision, state: str = "") -> Entry:
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    return Entry(
        _kind(model),
        revision.object_repr,
        change_url(model, revision.object_id),
        str(revision.user or ""),
        revision.created_at,
        str(state),
        revision.comment,
    )


def _fill(panel: Panel, entries: list[Entry], *, newest_first: bool) -> Panel:
    """Keep the first PANEL_SIZE entries in time order; `more` says some were left out."""
    entries.sort(key=_when, reverse=newest_first)
    panel.entries, panel.more = entries[:PANEL_SIZE], len(entries) > PANEL_SIZE
    return panel


def _when(entry: Entry) -> dt.datetime:
    return entry.when or dt.datetime.min.replace(tzinfo=dt.UTC)


def awaiting_review_panel(user: User) -> Panel | None:
    """Publishers only: items in review and pending edits of live items they may publish."""
    models_ = publishable_by(user)
    if not models_:
        return None
    entries = [
        _item_entry(item, item.who, item.when, _("In review"), item.comment)
        for model in models_
        for item in in_review(model)[: PANEL_SIZE + 1]
    ]
    entries += [
        _revision_entry(revision, _("Change to the live item"))
        for revision in pending_changes(models_)[: PANEL_SIZE + 1]
    ]
    panel = Panel(
        "review",
        _("Awaiting my review"),
        _("Sent by"),
        _("Waiting since"),
        _("Nothing is waiting for review."),
    )
    return _fill(panel, entries, newest_first=False)


def my_drafts_panel(user: User) -> Panel | None:
    models_ = editable_by(user)
    if not models_:
        return None
    entries = [
        _item_entry(item, item.who, item.when)
        for model in models_
        for item in drafts_of(model, user)[: PANEL_SIZE + 1]
    ]
    panel = Panel("drafts", _("My drafts"), _("Last changed by"), _("Changed"), _("No drafts."))
    return _fill(panel, entries, newest_first=True)


def sent_back_panel(user: User) -> Panel | None:
    models_ = editable_by(user)
    if not models_:
        return None
    entries = [
        _revision_entry(revision) for revision in sent_back_to(user, models_)[: PANEL_SIZE + 1]
    ]
    panel = Panel(
        "sent-back",
        _("Sent back to me"),
        _("Sent back by"),
        _("Sent back"),
        _("Nothing has been sent back to you."),
    )
    return _fill(panel, entries, newest_first=True)


def scheduled_panel(user: User) -> Panel | None:
    models_ = visible_to(user)
    if not models_:
        return None
    entries = [
        _item_entry(item, item.reviewed_by, item.publish_at)
        for model in models_
        for item in scheduled(model)[: PANEL_SIZE + 1]
    ]
    panel = Panel(
        "scheduled",
        _("Scheduled"),
        _("Approved by"),
        _("Goes live"),
        _("Nothing is scheduled."),
    )
    return _fill(panel, entries, newest_first=False)


def recently_published_panel(user: User) -> Panel | None:
    models_ = visible_to(user)
    if not models_:
        return None
    entries = [_revision_entry(revision) for revision in recently_published(models_)[:PANEL_SIZE]]
    panel = Panel(
        "published",
        _("Recently published"),
        _("Published by"),
        _("Published"),
        _("Nothing has been published yet."),
    )
    return _fill(panel, entries, newest_first=True)


def workflow_dashboard(user: User) -> list[Panel]:
    """The panels `user` may see, in the order the index shows them; none for a user who may
    see no publishable model."""
    panels = [
        awaiting_review_panel(user),
        my_drafts_panel(user),
        sent_back_panel(user),
        scheduled_panel(user),
        recently_published_panel(user),
    ]
    return [panel for panel in panels if panel is not None]
