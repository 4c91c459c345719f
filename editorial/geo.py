"""Coordinates, wherever a record has them: fields and the database rules that guard them."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def latitude_field(help_text: str) -> models.DecimalField:
    return models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=help_text,
    )


def longitude_field(help_text: str) -> models.DecimalField:
    return models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=help_text,
    )


def coordinate_constraints(prefix: str) -> list[models.CheckConstraint]:
    """Each coordinate within range, and both or neither set.

    The pairing is its own rule because a CHECK lets a NULL comparison through: a range
    test alone would accept a latitude without a longitude.
    """
    return [
        models.CheckConstraint(
            condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
            name=f"{prefix}_latitude_range",
        ),
        models.CheckConstraint(
            condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
            name=f"{prefix}_longitude_range",
        ),
        models.CheckConstraint(
            condition=Q(latitude__isnull=True, longitude__isnull=True)
            | Q(latitude__isnull=False, longitude__isnull=False),
            name=f"{prefix}_coordinates_paired",
        ),
    ]
