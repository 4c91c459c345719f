"""The base of every partner API endpoint: anonymous, read-only, strict about its query
parameters, errors as JSON; and the base viewset of the apps' lists and details, with their
pages, CSV, answer cache and whole-list export.

The apps' viewsets subclass `PartnerReadOnlyViewSet` and start their querysets from
`Model.objects.published()`; this module knows none of those apps.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any, ClassVar

from django.db.models import QuerySet
from django.http import Http404, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import ReadOnlyModelViewSet

from api.answer_cache import cached_response
from api.csv_format import CSVRenderer, csv_columns, stream_csv
from api.negotiation import ErrorJSONRenderer, OneFormatNegotiation
from api.pagination import PartnerPagination
from api.parameters import COMMON_PARAMETERS, PAGE_PARAMETERS, refuse_unknown
from api.streaming import in_chunks, last_change, state_text, weak_etag
from editorial import content_version
from editorial.models import Publishable

# The viewset action of a list's CSV export, routed by api/routers.py.
EXPORT = "export"
# Rows per chunk of an export. Fewer than the IATI file's: each row comes with about twenty
# objects (its photos and their renditions, items, sources, organisations): exporting 16,000
# seeded aid packages, a process stayed 40 MB above its resting size with 500, 24 with 250.
EXPORT_CHUNK_SIZE = 250
EXPORT_CONTENT_TYPE = f"{CSVRenderer.media_type}; charset={CSVRenderer.charset}"


class PartnerApiMixin:
    """Anonymous and read-only; unknown query parameters and formats are refused with a 400
    naming them, so a typo never silently returns everything; errors are always JSON.

    Authentication and throttling come from the settings (partner keys raise the rate limit
    and grant nothing else), so they are not set here."""

    permission_classes: ClassVar[list] = [AllowAny]
    renderer_classes: ClassVar[list] = [JSONRenderer]

    def allowed_query_parameters(self) -> frozenset[str]:
        return COMMON_PARAMETERS

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        refuse_unknown(request.query_params, self.allowed_query_parameters())

    def perform_content_negotiation(self, request: Request, force: bool = False) -> tuple:
        try:
            return super().perform_content_negotiation(request, force=force)
        except Http404:
            formats = ", ".join(renderer.format for renderer in self.get_renderers())
            message = f"Not available here; use one of: {formats}."
            raise ValidationError({"format": [message]}) from None

    def handle_exception(self, exc: Exception) -> Response:
        # Whatever format was asked for (CSV, XML), and even when asking for it was the error.
        self.request.accepted_renderer = ErrorJSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)


class PartnerReadOnlyViewSet(PartnerApiMixin, ReadOnlyModelViewSet):
    """JSON (CSV on list endpoints), paginated, strictly filtered, in a stable order.

    Subclasses set `filterset_class`, `serializer_class` and a `get_queryset()` that starts
    from `Model.objects.published()`. Bad filter values give 400 naming the parameter
    (django-filter's own errors); unknown parameters too (`PartnerApiMixin`).
    """

    renderer_classes: ClassVar[list] = [JSONRenderer, CSVRenderer]
    pagination_class = PartnerPagination
    filter_backends: ClassVar[list] = [DjangoFilterBackend]
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def allowed_query_parameters(self) -> frozenset[str]:
        if self.action not in ("list", EXPORT):
            return COMMON_PARAMETERS
        filters = self.filterset_class.base_filters if self.filterset_class else {}
        pages = PAGE_PARAMETERS if self.action == "list" else frozenset()
        return COMMON_PARAMETERS | pages | frozenset(filters)

    def get_renderers(self) -> list[BaseRenderer]:
        renderers = super().get_renderers()
        if self.action == "list":
            return renderers
        is_csv = self.action == EXPORT
        return [renderer for renderer in renderers if isinstance(renderer, CSVRenderer) is is_csv]

    def get_content_negotiator(self) -> BaseContentNegotiation:
        # Asked once before the action is known too (for the request's parsers: none here).
        if getattr(self, "action", None) == EXPORT:
            return OneFormatNegotiation()
        return super().get_content_negotiator()

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return stable_order(super().filter_queryset(queryset))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        return cached_response(
            self, request, lambda: super(PartnerReadOnlyViewSet, self).list(request)
        )

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        return cached_response(
            self,
            request,
            lambda: super(PartnerReadOnlyViewSet, self).retrieve(request, *args, **kwargs),
        )

    def export(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        """The whole list as one CSV file, streamed a chunk of rows at a time (`export.csv`
        beside the list, config/api.py): the list's filters, order, columns and cells, without
        pages. Too big to keep in the API cache, and its body cannot be hashed for an ETag
        before it is sent: tagged by `export_etag()` instead."""
        queryset = self.filter_queryset(self.get_queryset())  # a bad filter: 400, nothing sent
        serializer = self.get_serializer()  # one for every row: its fields are made once
        columns = csv_columns(serializer)
        etag = export_etag(request, queryset.model, columns)
        body = stream_csv(
            columns,
            in_chunks(queryset, EXPORT_CHUNK_SIZE),
            serializer.to_representation,
            language=translation.get_language(),
        )
        response = StreamingHttpResponse(body, content_type=EXPORT_CONTENT_TYPE)
        response["ETag"] = etag
        response["Content-Disposition"] = f'attachment; filename="{export_filename(request)}"'
        return get_conditional_response(request, etag=etag, response=response)


def export_etag(request: Request, model: type[Publishable], columns: list[str]) -> str:
    """An export's ETag, made before any row is read.

    It changes whenever the file may: with any write to the record (the content version, which
    also sees a renamed funder or a new photo); with a publish, edit or withdrawal of the
    model's rows, and a go-live or expiry passing, which the content version misses (a schedule
    passing is no write; without a shared cache each process has its own version), so the
    database is asked too (`last_change()`); with the address (filters, order, host), the
    language, and the columns (a new release).
    """
    return weak_etag(
        "csv-export",
        request.build_absolute_uri(),
        translation.get_language() or "",
        str(content_version.current()),
        state_text(last_change(model)),
        *columns,
    )


def export_filename(request: Request) -> str:
    """E.g. aid-packages-2025-07-01.csv: the list's name in the address, and today's date."""
    kind = PurePosixPath(request.path).parent.name
    return f"{kind}-{timezone.localdate().isoformat()}.csv"


def stable_order(queryset: QuerySet) -> QuerySet:
    """End every ordering with the primary key, so pages never overlap or skip."""
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
    if ordering and str(ordering[-1]).lstrip("-") in ("pk", "id"):
        return queryset
    return queryset.order_by(*ordering, "pk")
