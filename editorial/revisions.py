"""Revisions: a JSON snapshot of a publishable item after every save and transition.

The row in an item's table is its live (or draft) version. While an item is published, an
edit does not touch the row: it is held as a *pending* revision until a publisher approves it
(see editorial/workflow.py). Restoring applies an old snapshot as a new revision; history is
never rewritten.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Transition(models.TextChoices):
    CREATED = "created", _("Created")
    SAVED = "saved", _("Saved")
    EDITED_WHILE_LIVE = "edited_while_live", _("Change held for approval")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    SCHEDULED = "scheduled", _("Scheduled")
    UNPUBLISHED = "unpublished", _("Unpublished")
    ARCHIVED = "archived", _("Archived")
    RESTORED_FROM_ARCHIVE = "restored_from_archive", _("Restored from archive")
    ROLLED_BACK = "rolled_back", _("Earlier revision restored")


# The transitions by which an editor hands work to a publisher.
SUBMISSIONS = (Transition.SUBMITTED, Transition.EDITED_WHILE_LIVE)


class RevisionState(models.TextChoices):
    RECORD = "record", _("History record")
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Sent back")
    SUPERSEDED = "superseded", _("Superseded")


class RevisionQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model) -> RevisionQuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).order_by("-created_at", "-pk")

    def pending(self) -> RevisionQuerySet:
        return self.filter(state=RevisionState.PENDING)


class Revision(models.Model):
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        verbose_name=_("type"),
        help_text=_("The kind of item this revision belongs to."),
    )
    object_id = models.PositiveBigIntegerField(
        _("item id"), help_text=_("The item this revision belongs to.")
    )
    item = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(
        _("item"), max_length=250, help_text=_("The item's title when the revision was made.")
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("by"),
        help_text=_("Who made the change."),
    )
    transition = models.CharField(
        _("transition"),
        max_length=24,
        choices=Transition.choices,
        help_text=_("What happened to the item."),
    )
    comment = models.TextField(
        _("comment"), blank=True, help_text=_("Why: shown to the editor and in the history.")
    )
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=RevisionState.choices,
        default=RevisionState.RECORD,
        help_text=_("Pending revisions wait for a publisher; the others are history."),
    )
    status_after = models.CharField(
        _("editorial state after"),
        max_length=16,
        help_text=_("The item's editorial state once this revision was made."),
    )
    base_version = models.PositiveIntegerField(
        _("based on version"),
        help_text=_("The item's version the editor started from; used to detect conflicts."),
    )
    snapshot = models.JSONField(
        _("snapshot"), help_text=_("Every editable field, translation and inline child.")
    )
    restored_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("restored from"),
        help_text=_("The earlier revision this one brought back."),
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
        help_text=_("Who approved or sent back a pending revision."),
    )
    resolved_at = models.DateTimeField(
        _("resolved at"),
        null=True,
        blank=True,
        help_text=_("When a pending revision was approved or sent back."),
    )

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"], name="revision_item"),
            models.Index(fields=["state"], name="revision_state"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(transition__in=Transition.values), name="revision_transition_valid"
            ),
            models.CheckConstraint(
                condition=Q(state__in=RevisionState.values), name="revision_state_valid"
            ),
            # At most one edit waits for approval per item: a second edit replaces the first.
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(state=RevisionState.PENDING),
                name="revision_one_pending_per_item",
            ),
        ]

    def __str__(self) -> str:
        when = f"{self.created_at:%Y-%m-%d %H:%M}" if self.created_at else ""
        return f"{self.object_repr}: {self.get_transition_display()} {when}".strip()
