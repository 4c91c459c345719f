"""Totals over published rehabilitation groups and partnerships, for the API and the home page.

Counts only: no record of an individual child exists in the system.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Sum

from editorial.totals import Totals, read_totals
from people.models import RehabilitationGroup, SisterCityPartnership


def people_totals() -> tuple[Totals, ...]:
    """What `people_stats()` counts, to be read with other totals in one query: children and
    groups from published groups; published partnerships and the distinct Ukrainian and
    Azerbaijani places they join."""
    return (
        Totals(
            RehabilitationGroup.objects.published(),
            {"children_rehabilitated": Sum("children_count", default=0), "groups": Count("pk")},
        ),
        Totals(
            SisterCityPartnership.objects.published(),
            {
                "partnerships": Count("pk"),
                "ukrainian_places": Count("ukrainian_place", distinct=True),
                "azerbaijani_places": Count("azerbaijani_place", distinct=True),
            },
        ),
    )


def people_stats(figures: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Children rehabilitated, groups, partnerships and the places they join.

    From `figures`, the `people_totals()` read with others (`editorial.totals.read_totals`);
    without them, read here in one query.
    """
    if figures is None:
        figures = read_totals(*people_totals())
    return {
        "children_rehabilitated": figures["children_rehabilitated"],
        "rehabilitation_groups": figures["groups"],
        "partnerships": figures["partnerships"],
        "partner_places_ukraine": figures["ukrainian_places"],
        "partner_places_azerbaijan": figures["azerbaijani_places"],
    }
