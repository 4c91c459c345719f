"""Base views of the public pages: every list and detail starts from `published()`.

The content apps subclass these. Their models' querysets provide `for_listing()` and
`for_detail()`, which declare once what a page needs (related rows, public photos with their
renditions), so a page costs the same few queries however many rows it shows. The admin's
preview renders `for_detail()` rows through the same template (see
`editorial.preview.render_detail`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.generic import DetailView, ListView
from django_filters import FilterSet


class PublishedListView(ListView):
    """A public list of published items, narrowed by the page's FilterSet, 20 a page.

    Filter values that do not validate give the page with the form's errors, no results and
    status 400: a bad link is said to be bad rather than silently showing everything.
    """

    paginate_by = 20
    filterset_class: type[FilterSet] | None = None
    filterset: FilterSet | None = None

    def get_queryset(self) -> QuerySet:
        queryset = self.model.objects.published().for_listing()
        if self.filterset_class is None:
            return queryset
        self.filterset = self.filterset_class(
            self.request.GET or None, queryset=queryset, request=self.request
        )
        if self.filterset.is_bound and not self.filterset.is_valid():
            return queryset.none()
        return self.filterset.qs

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().get(request, *args, **kwargs)
        if self.filterset is not None and self.filterset.errors:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["filterset"] = self.filterset
        # A page number alone is not a filter: "Clear filters" only when one is set.
        context["filtered"] = self.filterset is not None and any(
            self.request.GET.get(name) for name in self.filterset.filters
        )
        return context


def slug_choices(
    rows: Iterable[Model], label: Callable[[Model], str] = str
) -> list[tuple[str, str]]:
    """A filter's choices: (slug, label in the page's language) of `rows`, in reading order."""
    choices = ((row.slug, label(row)) for row in rows)
    return sorted(choices, key=lambda choice: choice[1].casefold())


class PublishedDetailView(DetailView):
    """A public detail page: only a published item, looked up by slug, else 404.

    The context every detail page shows comes from here: the first public photo above the
    fold and the rest as a gallery, the sources, and the breadcrumb back to the list.
    """

    section_name: str = ""  # the list's name in the breadcrumb, e.g. _("Aid")

    def get_queryset(self) -> QuerySet:
        return self.model.objects.published().for_detail()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Everything comes from `self.object` (a for_detail() row, prefetched: no query): the
        # admin's preview renders an unpublished row through this same method.
        context = super().get_context_data(**kwargs)
        obj = self.object
        photos = list(obj.photos.all())
        namespace = obj.public_url_name.split(":")[0]
        context.update(
            lead_photo=photos[0] if photos else None,
            photos=photos[1:],
            sources=list(obj.sources.all()),
            section_url=reverse(f"{namespace}:list"),
            section_name=self.section_name,
        )
        return context
