"""Partner API keys: named, revocable, stored hashed, with the time each was last used.

A key is 32 random bytes from `secrets` (43 URL-safe characters). The database keeps its first
8 characters (`prefix`, shown in the admin and used to find the row) and the SHA-256 of the
whole key, never the key itself: whoever reads the database or a backup cannot call the API
as a partner.

SHA-256 rather than a slow password hash (`make_password`'s PBKDF2): slow hashes protect
passwords that people choose and that a guesser can enumerate; a key with 256 random bits
cannot be guessed however fast the hash, and a slow hash would cost every API request a tenth
of a second of CPU.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX_LENGTH = 8
# secrets.token_urlsafe's alphabet; anything else in a key is a typo, refused without a query.
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,128}")
# last_used_at is written at most this often per key, not on every request.
LAST_USED_PRECISION = dt.timedelta(minutes=1)
# DRF's rate syntax: a number of requests per second, minute, hour or day.
RATE_PATTERN = re.compile(r"[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)")


def validate_rate(value: str) -> None:
    """A rate DRF's throttles understand, e.g. "600/min"."""
    if not RATE_PATTERN.fullmatch(value):
        raise ValidationError(
            _("Write a number of requests per period, e.g. 600/min, 10000/hour or 100000/day.")
        )


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class PartnerKeyQuerySet(models.QuerySet):
    def active(self) -> PartnerKeyQuerySet:
        """Keys that still open the API."""
        return self.filter(revoked_at__isnull=True)

    def revoke(self) -> int:
        """Revoke every active key in the queryset at once; returns how many were revoked.

        Revoking cannot be undone: the partner gets a new key. The row stays, as the record of
        who had access until when.
        """
        return self.active().update(revoked_at=timezone.now())

    def find(self, key: str) -> PartnerKey | None:
        """The key's row, revoked or not, or None if no key like it was ever issued."""
        candidate = self.filter(prefix=key[:PREFIX_LENGTH]).first()
        # A constant-time comparison: how long it takes tells nothing about the stored hash.
        if candidate is None or not hmac.compare_digest(candidate.key_hash, hash_key(key)):
            return None
        return candidate


class PartnerKey(models.Model):
    """One partner's key to the API: it raises their rate limit and grants nothing else."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("Who the key is for: the partner and, if they have several, which use."),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        help_text=_("Whom to tell when the key is about to be revoked or the API changes."),
    )
    prefix = models.CharField(
        _("prefix"),
        max_length=PREFIX_LENGTH,
        unique=True,
        editable=False,
        help_text=_(
            "The key's first 8 characters: enough to tell keys apart and ask a partner which "
            "one they use, never enough to use it."
        ),
    )
    key_hash = models.CharField(
        _("key hash"),
        max_length=64,
        editable=False,
        help_text=_("SHA-256 of the whole key. The key itself is shown once and never stored."),
    )
    rate = models.CharField(
        _("rate limit"),
        max_length=20,
        blank=True,
        validators=[validate_rate],
        help_text=_(
            "Requests this key may make, e.g. 1200/min or 100000/day. Empty: the partner "
            "default (API_RATE_PARTNER)."
        ),
    )
    created_at = models.DateTimeField(
        _("created"), auto_now_add=True, help_text=_("When the key was issued.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
        help_text=_("Who issued the key."),
    )
    last_used_at = models.DateTimeField(
        _("last used"),
        null=True,
        editable=False,
        help_text=_("When the key last called the API, to the minute."),
    )
    revoked_at = models.DateTimeField(
        _("revoked"),
        null=True,
        editable=False,
        help_text=_("When the key was revoked; the API refuses it from then on."),
    )

    objects = PartnerKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner API key")
        verbose_name_plural = _("partner API keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def set_new_key(self) -> str:
        """Give the row a fresh key and return it: the only time the key exists in clear."""
        key = secrets.token_urlsafe(32)
        while PartnerKey.objects.filter(prefix=key[:PREFIX_LENGTH]).exists():
            key = secrets.token_urlsafe(32)  # 48 random bits of prefix: practically never
        self.prefix = key[:PREFIX_LENGTH]
        self.key_hash = hash_key(key)
        return key

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def record_use(self) -> None:
        """Note that the key was used now, writing at most once a minute per key.

        The condition is in the UPDATE itself, so concurrent requests do not all write.
        """
        now = timezone.now()
        cutoff = now - LAST_USED_PRECISION
        if self.last_used_at is not None and self.last_used_at >= cutoff:
            return
        PartnerKey.objects.filter(
            models.Q(last_used_at__isnull=True) | models.Q(last_used_at__lt=cutoff), pk=self.pk
        ).update(last_used_at=now)
        self.last_used_at = now
