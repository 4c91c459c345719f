"""The publishable base: editorial state, scheduling, audit fields and the one public queryset."""

from __future__ import annotations

from typing import ClassVar

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.joint_prefetch import JointPrefetchQuerySet


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PublishableQuerySet(JointPrefetchQuerySet):
    # Relations of an item whose public photos its detail page shows too, e.g. ("milestones",):
    # fetched in the same two queries as the item's own photos (see `PhotosPrefetch`).
    detail_photo_children: ClassVar[tuple[str, ...]] = ()

    def published(self) -> PublishableQuerySet:
        """What the public may see. Every public page, feed, search and API starts here."""
        now = timezone.now()
        return self.filter(status=Status.PUBLISHED).filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=now),
            Q(expire_at__isnull=True) | Q(expire_at__gt=now),
        )

    def for_listing(self) -> PublishableQuerySet:
        """What a public list shows of each item; models extend it with their related rows."""
        from editorial.renditions import photos_prefetch

        return self.prefetch_related(photos_prefetch())

    def for_detail(self) -> PublishableQuerySet:
        """What a public detail page (and its admin preview) shows; models extend it."""
        from editorial.renditions import photos_prefetch

        return self.prefetch_related(photos_prefetch(children=self.detail_photo_children))

    def scheduled(self) -> PublishableQuerySet:
        """Approved items whose go-live time is still ahead."""
        return self.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())


def _audit_user(role: str, verbose: str) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=verbose,
        help_text=_("Set by the system: who last %(role)s this item.") % {"role": role},
    )


class Publishable(models.Model):
    """What every public thing shares. Concrete models add their own content fields."""

    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The last part of the public address, e.g. 'sumgait-energy-shipment-2026'."),
    )
    status = models.CharField(
        _("editorial state"),
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published items whose go-live time has passed are public."),
    )
    publish_at = models.DateTimeField(
        _("go live at"),
        null=True,
        blank=True,
        help_text=_("Optional. A published item stays hidden until this time."),
    )
    expire_at = models.DateTimeField(
        _("expire at"),
        null=True,
        blank=True,
        help_text=_("Optional. A published item disappears from the public site at this time."),
    )
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Counts saves; used to refuse a save based on an outdated copy."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(
        _("first published at"), null=True, blank=True, editable=False
    )
    created_by = _audit_user(_("created"), _("created by"))
    updated_by = _audit_user(_("changed"), _("changed by"))
    reviewed_by = _audit_user(_("reviewed"), _("reviewed by"))
    published_by = _audit_user(_("published"), _("published by"))

    photos = GenericRelation("editorial.Photo")

    # The URL name of the public detail page ("aid:detail"); empty for records without one.
    public_url_name: ClassVar[str] = ""
    # Reverse relations edited inline and kept in revisions, e.g. ("items",).
    revision_children: ClassVar[tuple[str, ...]] = ()
    # Changed only by the workflow's transitions, never by editing the content.
    STATE_FIELDS: ClassVar[tuple[str, ...]] = ("status", "publish_at", "expire_at")
    # Stamped by the system: who did what and when.
    AUDIT_FIELDS: ClassVar[tuple[str, ...]] = (
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "reviewed_at",
        "reviewed_by",
        "published_at",
        "published_by",
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="%(app_label)s_%(class)s_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(publish_at__isnull=True)
                | Q(expire_at__isnull=True)
                | Q(expire_at__gt=models.F("publish_at")),
                name="%(app_label)s_%(class)s_expires_after_going_live",
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="%(app_label)s_%(class)s_version_positive"
            ),
        ]

    def get_absolute_url(self) -> str:
        if not self.public_url_name:
            raise NotImplementedError(f"{type(self).__name__} has no public page")
        return reverse(self.public_url_name, kwargs={"slug": self.slug})

    @staticmethod
    def live_index(name: str) -> models.Index:
        """The index behind published(); index names must be short, so each model names its own."""
        return models.Index(fields=["status", "publish_at", "expire_at"], name=name)

    def edits_in_place(self) -> bool:
        """A draft or an item in review is edited in its row; a live item's edit waits for
        approval as a pending revision, and an archived item is not edited."""
        from editorial.transitions import TRANSITIONS  # the table is written in terms of Status

        return TRANSITIONS["save"].allows(self.status)

    def is_public(self) -> bool:
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and (self.publish_at is None or self.publish_at <= now)
            and (self.expire_at is None or self.expire_at > now)
        )


def publishable_models() -> list[type[Publishable]]:
    """Every concrete publishable model of the installed apps, found through the app registry
    so that `editorial` names none of them."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.abstract
    ]


def parent_field(model: type[models.Model]) -> models.ForeignKey | None:
    """The foreign key from a child (a milestone) to the publishable item it belongs to."""
    for field in model._meta.concrete_fields:
        if field.many_to_one and issubclass(field.related_model, Publishable):
            return field
    return None


def publishable_owner(obj: models.Model | None) -> Publishable | None:
    """The publishable item whose public page shows `obj`: the item itself, or the item a child
    (milestone, photo) belongs to, found through its foreign key or generic foreign key."""
    if obj is None or isinstance(obj, Publishable):
        return obj
    parent = parent_field(type(obj))
    if parent is not None:
        return getattr(obj, parent.name)
    for field in obj._meta.private_fields:
        if isinstance(field, GenericForeignKey):
            return publishable_owner(getattr(obj, field.name))
    return None
