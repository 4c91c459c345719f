"""Public pages of aid packages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from aid.models import AidPackage
from aid.public_filters import PublicAidPackageFilterSet
from public.base_views import PublishedDetailView, PublishedListView


class AidPackageListView(PublishedListView):
    model = AidPackage
    filterset_class = PublicAidPackageFilterSet

    def get_queryset(self) -> QuerySet:
        return super().get_queryset().newest_first()


class AidPackageDetailView(PublishedDetailView):
    model = AidPackage
    section_name = _("Aid")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["items"] = list(self.object.items.all())
        return context
