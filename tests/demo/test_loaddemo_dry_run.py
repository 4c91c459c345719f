"""`loaddemo --dry-run` reports everything it would do and keeps nothing: no rows, no files.

Kept apart from test_loaddemo.py, whose module-wide fixture loads the demo for every test.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from aid.models import AidItem, AidPackage, ReportedFigure
from editorial.models import Organization, Photo, Place, Source
from people.models import PartnershipActivity, RehabilitationGroup, SisterCityPartnership
from projects.models import Milestone, ReconstructionProject

pytestmark = pytest.mark.django_db

MODELS = [
    get_user_model(),
    Organization,
    Place,
    Source,
    Photo,
    AidPackage,
    AidItem,
    ReportedFigure,
    ReconstructionProject,
    Milestone,
    RehabilitationGroup,
    SisterCityPartnership,
    PartnershipActivity,
]


def test_loaddemo_dry_run_leaves_content_tables_and_media_empty() -> None:
    out = StringIO()

    call_command("loaddemo", "--dry-run", stdout=out)

    assert "Dry run, rolled back" in out.getvalue()
    assert "aid.AidPackage: 12 created" in out.getvalue()
    assert {model._meta.label: model.objects.count() for model in MODELS} == {
        model._meta.label: 0 for model in MODELS
    }
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]
