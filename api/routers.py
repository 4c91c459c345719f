"""The partner API's router: DRF's, with a list's whole CSV beside it (config/api.py registers
the apps' viewsets on it)."""

from __future__ import annotations

from typing import ClassVar

from rest_framework.routers import DefaultRouter, Route

from api.viewsets import EXPORT


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
