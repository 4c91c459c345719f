"""Public pages of aid packages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aid.models import AidPackage
from aid.public_filters import PublicAidPackageFilterSet
from editorial.views import PublishedDetailView, PublishedListView


class AidPackageListView(PublishedListView):
    model = AidPackage
    filterset_class = PublicAidPackageFilterSet

    def get_queryset(self) -> QuerySet:
        return super().get_queryset().newest_first()


class AidPackageDetailView(PublishedDetailView):
    model = AidPackage

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Everything comes from `self.object` (a for_detail() row): the admin's preview
        # renders an unpublished row through this same method.
        context = super().get_context_data(**kwargs)
        photos = list(self.object.photos.all())
        context.update(
            lead_photo=photos[0] if photos else None,
            photos=photos[1:],
            items=list(self.object.items.all()),
            sources=list(self.object.sources.all()),
            section_url=reverse("aid:list"),
            section_name=_("Aid"),
        )
        return context
