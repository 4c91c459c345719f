"""`?search=` on PostgreSQL: its SQL is still the expressions the trigram indexes of
public/migrations/0004 were built on, so the database can answer it from them."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.db import connection
from rest_framework.viewsets import GenericViewSet

from aid.api import AidPackageViewSet
from people.api import RehabilitationGroupViewSet, SisterCityPartnershipViewSet
from projects.api import ReconstructionProjectViewSet

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the trigram indexes exist on PostgreSQL only"
    ),
]

VIEWSETS = [
    AidPackageViewSet,
    ReconstructionProjectViewSet,
    RehabilitationGroupViewSet,
    SisterCityPartnershipViewSet,
]


@pytest.mark.parametrize("viewset", VIEWSETS, ids=lambda viewset: viewset.__name__)
def test_api_search_can_be_answered_from_the_trigram_indexes(
    viewset: type[GenericViewSet],
) -> None:
    model = viewset.filterset_class._meta.model
    searched = viewset.filterset_class({"search": "Quillonbury"}, model.objects.all()).qs
    with connection.cursor() as cursor:
        # The tables are nearly empty here, so reading them whole (or along the index of the
        # order) would be the cheaper plan: leave the planner bitmap scans only.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = searched.order_by().explain()

    table = model._meta.db_table
    assert set(re.findall(rf"{table}_\w+_trgm", plan)) == {
        f"{table}_{field}_{code}_trgm"
        for field in ("title", "summary", "body")
        for code, _name in settings.LANGUAGES
    }
