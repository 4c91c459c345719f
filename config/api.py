"""The partner API's URLs: one router for the apps' viewsets, the stats, the schema and docs.

Included from config/urls.py under /api/v1/ with the namespace "api".
"""

from __future__ import annotations

from typing import ClassVar

from django.http import HttpResponse
from django.urls import path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter, Route
from rest_framework.views import APIView

from aid.api import AidPackageViewSet
from aid.iati import AID_ACTIVITIES
from aid.serializers import AidStatsSerializer
from aid.stats import aid_stats
from editorial.api import BAD_REQUEST, EXPORT, PartnerApiMixin
from editorial.api_cache import cached_response
from editorial.iati import IatiActivitiesView
from editorial.totals import read_totals
from people.api import RehabilitationGroupViewSet, SisterCityPartnershipViewSet
from people.serializers import PeopleStatsSerializer
from people.stats import people_stats, people_totals
from projects.api import ReconstructionProjectViewSet
from projects.iati import PROJECT_ACTIVITIES
from projects.serializers import ProjectStatsSerializer
from projects.stats import project_stats, project_totals

app_name = "api"


class StatsSerializer(AidStatsSerializer, ProjectStatsSerializer, PeopleStatsSerializer):
    """The apps' stats side by side (serializer inheritance merges their fields)."""


class StatsView(PartnerApiMixin, APIView):
    """Totals over everything published: aid value in USD by sector and by year of decision
    (split by delivery status), item quantities by kind and unit, children rehabilitated,
    projects by phase, partnerships; and the officially reported cumulative figures with their
    as-of date and source, which are often larger than what the record itemises.
    """

    @extend_schema(responses={200: StatsSerializer, 400: BAD_REQUEST})
    def get(self, request: Request) -> HttpResponse:
        return cached_response(self, request, lambda: self.build(request))

    def build(self, request: Request) -> Response:
        # The projects' and people's counts in one query between them.
        figures = read_totals(*project_totals(), *people_totals())
        stats = {**aid_stats(), **project_stats(figures), **people_stats(figures)}
        return Response(StatsSerializer(stats, context={"request": request}).data)


class PartnerRouter(DefaultRouter):
    include_format_suffixes = False  # `?format=` only: one URL per resource
    # Each list's whole CSV beside it, named like the file it is (as iati/activities.xml):
    # no trailing slash, and a dot no slug may hold, so it never shadows a detail.
    routes: ClassVar[list] = [
        *DefaultRouter.routes,
        Route(
            url=r"^{prefix}/export\.csv$",
            mapping={"get": EXPORT},
            name="{basename}-export",
            detail=False,
            initkwargs={},
        ),
    ]


router = PartnerRouter()
router.register("aid-packages", AidPackageViewSet, basename="aidpackage")
router.register("projects", ReconstructionProjectViewSet, basename="reconstructionproject")
router.register("rehabilitation-groups", RehabilitationGroupViewSet, basename="rehabilitationgroup")
router.register("partnerships", SisterCityPartnershipViewSet, basename="sistercitypartnership")

urlpatterns = [
    *router.urls,
    path("stats/", StatsView.as_view(), name="stats"),
    path(
        "iati/activities.xml",
        IatiActivitiesView.as_view(sources=(AID_ACTIVITIES, PROJECT_ACTIVITIES)),
        name="iati-activities",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
