"""Running `seedbulk` from the tests, and counting what is in the database."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.db import models

from aid.models import AidItem, AidPackage
from editorial.models import Organization, Photo, Place, Rendition, Revision, Source
from people.models import PartnershipActivity, RehabilitationGroup, SisterCityPartnership
from projects.models import Milestone, ReconstructionProject

EVERY_MODEL: tuple[type[models.Model], ...] = (
    AidPackage,
    ReconstructionProject,
    RehabilitationGroup,
    SisterCityPartnership,
    AidItem,
    Milestone,
    PartnershipActivity,
    Organization,
    Place,
    Source,
    Photo,
    Rendition,
    Revision,
)


def seedbulk(*args: str, **counts: int) -> str:
    out = StringIO()
    flags = [f"--{name.replace('_', '-')}={value}" for name, value in counts.items()]
    call_command("seedbulk", *flags, *args, stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in EVERY_MODEL}
