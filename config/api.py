"""The partner API's URLs: one router for the apps' viewsets, the stats, the schema and docs.

Included from config/urls.py under /api/v1/ with the namespace "api".
"""

from __future__ import annotations

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from aid.api import AID_STATS, AidPackageViewSet
from aid.iati import AID_ACTIVITIES
from api.iati_xml import IatiActivitiesView
from api.routers import PartnerRouter
from api.stats import stats_view
from people.api import PEOPLE_STATS, RehabilitationGroupViewSet, SisterCityPartnershipViewSet
from projects.api import PROJECT_STATS, ReconstructionProjectViewSet
from projects.iati import PROJECT_ACTIVITIES

app_name = "api"

router = PartnerRouter()
router.register("aid-packages", AidPackageViewSet, basename="aidpackage")
router.register("projects", ReconstructionProjectViewSet, basename="reconstructionproject")
router.register("rehabilitation-groups", RehabilitationGroupViewSet, basename="rehabilitationgroup")
router.register("partnerships", SisterCityPartnershipViewSet, basename="sistercitypartnership")

urlpatterns = [
    *router.urls,
    path("stats/", stats_view(AID_STATS, PROJECT_STATS, PEOPLE_STATS).as_view(), name="stats"),
    path(
        "iati/activities.xml",
        IatiActivitiesView.as_view(sources=(AID_ACTIVITIES, PROJECT_ACTIVITIES)),
        name="iati-activities",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
