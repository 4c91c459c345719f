"""`/api/v1/stats/`: each app's totals side by side, read in as few queries as they allow.

The API knows none of the apps: each one describes its part as a `StatsSection` (in its
`api.py`), and the router builds the endpoint from the sections it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.answer_cache import cached_response
from api.schema import BAD_REQUEST
from api.viewsets import PartnerApiMixin
from editorial.totals import Totals, read_totals


@dataclass(frozen=True)
class StatsSection:
    """One app's part of the stats: its serializer's fields, and how they are counted.

    `totals` are the figures the section needs that can be read in one query together with the
    other sections' (`editorial.totals.read_totals`); `build` turns all of them into the
    section's fields.
    """

    serializer: type[serializers.Serializer]
    build: Callable[[Mapping[str, Any]], dict[str, Any]]
    totals: Callable[[], tuple[Totals, ...]] = tuple


def stats_view(*sections: StatsSection) -> type[APIView]:
    """The stats endpoint of the given sections; their serializers' fields are merged."""
    merged = type(
        "StatsSerializer",
        tuple(section.serializer for section in sections),
        {"__doc__": "The apps' stats side by side (serializer inheritance merges their fields)."},
    )

    class StatsView(PartnerApiMixin, APIView):
        """Totals over everything published: aid value in USD by sector and by year of decision
        (split by delivery status), item quantities by kind and unit, children rehabilitated,
        projects by phase, partnerships; and the officially reported cumulative figures with their
        as-of date and source, which are often larger than what the record itemises.
        """

        @extend_schema(responses={200: merged, 400: BAD_REQUEST})
        def get(self, request: Request) -> HttpResponse:
            return cached_response(self, request, lambda: self.build(request))

        def build(self, request: Request) -> Response:
            figures = read_totals(*(part for section in sections for part in section.totals()))
            stats = {
                key: value for section in sections for key, value in section.build(figures).items()
            }
            return Response(merged(stats, context={"request": request}).data)

    return StatsView
