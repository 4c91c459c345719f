"""The partner API's URLs: one router for the apps' viewsets, the stats, the schema and docs.

Included from config/urls.py under /api/v1/ with the namespace "api".
"""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from aid.api import AidPackageViewSet
from aid.iati import AID_ACTIVITIES
from aid.serializers import AidStatsSerializer
from aid.stats import aid_stats
from api.answer_cache import cached_response
from api.iati_xml import IatiActivitiesView
from api.routers import PartnerRouter
from api.schema import BAD_REQUEST
from api.viewsets import PartnerApiMixin
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
