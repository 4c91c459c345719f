"""Totals over published rehabilitation groups and partnerships, for the API and the home page.

Counts only: no record of an individual child exists in the system.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Sum

from people.models import RehabilitationGroup, SisterCityPartnership


def people_stats() -> dict[str, Any]:
    """Children rehabilitated and groups, from published groups; published partnerships and
    the distinct Ukrainian and Azerbaijani places they join. Two queries.
    """
    groups = RehabilitationGroup.objects.published().aggregate(
        children=Sum("children_count", default=0), groups=Count("pk")
    )
    partnerships = SisterCityPartnership.objects.published().aggregate(
        partnerships=Count("pk"),
        ukrainian_places=Count("ukrainian_place", distinct=True),
        azerbaijani_places=Count("azerbaijani_place", distinct=True),
    )
    return {
        "children_rehabilitated": groups["children"],
        "rehabilitation_groups": groups["groups"],
        "partnerships": partnerships["partnerships"],
        "partner_places_ukraine": partnerships["ukrainian_places"],
        "partner_places_azerbaijan": partnerships["azerbaijani_places"],
    }
