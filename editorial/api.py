"""What every partner API endpoint shares: the base viewset, pagination, CSV, language and ETag.

The apps' viewsets subclass `PartnerReadOnlyViewSet` and start their querysets from
`Model.objects.published()`; this module knows none of those apps.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_field
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import get_translation_fields
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import ReadOnlyModelViewSet

from editorial.dates import DatePrecision
from editorial.models import Organization, Photo, Place, Rendition, Source

API_PREFIX = "/api/"
# Query parameters every endpoint understands besides its filters.
COMMON_PARAMETERS = frozenset({"format", "lang"})
PAGE_PARAMETERS = frozenset({"page", "page_size"})


# --- Language and conditional GET, for every response under /api/ ----------------------------


class PartnerApiMiddleware:
    """Under /api/ only: `?lang=` (else Accept-Language) picks the language of text fields,
    and every GET answer carries an ETag of its body, with 304 on a matching If-None-Match.

    The ETag is the body's hash, so it changes exactly when anything the response shows
    changes (content, language, page) and no model needs to know about caching. The body is
    still built on a 304; what is saved is the transfer, which is what partners' polling costs.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        lang = request.GET.get("lang")
        if lang is None:
            lang = translation.get_language_from_request(request)
        elif lang not in list(AVAILABLE_LANGUAGES):
            choices = ", ".join(list(AVAILABLE_LANGUAGES))
            message = f"'{lang}' is not a supported language; use one of: {choices}."
            return JsonResponse({"lang": [message]}, status=400)
        with translation.override(lang):
            request.LANGUAGE_CODE = lang
            response = self.get_response(request)
        response.headers["Content-Language"] = lang
        patch_vary_headers(response, ("Accept-Language",))
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            if not response.streaming and not response.has_header("ETag"):
                set_response_etag(response)
            if response.has_header("ETag"):
                return get_conditional_response(request, etag=response["ETag"], response=response)
        return response


# --- Rendering ------------------------------------------------------------------------------


def _csv_safe(value: Any) -> Any:
    # A cell starting like a formula is run by spreadsheet programs: quote it as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + value
    return value


def _summary(value: Any) -> str:
    """One list element as a short text: items and milestones by their label or date and
    title, organisations and places by name, photos by their address."""
    if not isinstance(value, Mapping):
        return str(value)
    if value.get("label"):
        return str(value["label"])
    dated = " ".join(str(value[key]) for key in ("date", "title") if value.get(key))
    return dated or str(value.get("name") or value.get("url") or "")


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """One CSV row: nested objects become dotted columns, lists one '; '-separated cell."""
    row: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            row.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            row[name] = "; ".join(_summary(element) for element in value)
        else:
            row[name] = "" if value is None else _csv_safe(value)
    return row


class CSVRenderer(BaseRenderer):
    """A page of a list endpoint as CSV: a header, then one row per object.

    Written here rather than taken from djangorestframework-csv, which is unmaintained: all it
    needs is to flatten what the serializer already produced, so CSV and JSON never disagree.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        records = data.get("results", data) if isinstance(data, Mapping) else data
        if isinstance(records, Mapping):
            records = [records]
        rows = [flatten(record) for record in records]
        columns: dict[str, None] = {}
        for row in rows:
            columns.update(dict.fromkeys(row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
        if columns:
            writer.writeheader()
        writer.writerows(rows)
        context = renderer_context or {}
        view, response = context.get("view"), context.get("response")
        if response is not None and view is not None and response.status_code == 200:
            name = getattr(view, "basename", None) or "export"
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return buffer.getvalue().encode(self.charset)


# --- Pagination -------------------------------------------------------------------------------


class PartnerPagination(PageNumberPagination):
    """50 per page by default, at most 200 (`?page_size=`); a larger size is refused, not
    silently cut, so a client never mistakes a short page for the whole list."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    page_size_query_description = "Objects per page, from 1 to 200 (default 50)."

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            message = f"Must be a whole number from 1 to {self.max_page_size}."
            raise ValidationError({self.page_size_query_param: [message]})
        return int(raw)

    def get_page_number(self, request: Request, paginator: Any) -> str:
        number = super().get_page_number(request, paginator)
        if number not in self.last_page_strings and not (str(number).isdigit() and int(number)):
            raise ValidationError({self.page_query_param: ["Must be a whole number from 1."]})
        return number

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link()))
            if url
        ]
        if links:
            response["Link"] = ", ".join(links)
        return response


# --- The base viewset -------------------------------------------------------------------------


class PartnerApiMixin:
    """Anonymous and read-only; unknown query parameters and formats are refused with a 400
    naming them, so a typo never silently returns everything; errors are always JSON."""

    authentication_classes: ClassVar[list] = []
    permission_classes: ClassVar[list] = [AllowAny]
    renderer_classes: ClassVar[list] = [JSONRenderer]

    def allowed_query_parameters(self) -> frozenset[str]:
        return COMMON_PARAMETERS

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        allowed = self.allowed_query_parameters()
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            message = (
                f"Unknown query parameter; this endpoint accepts: {', '.join(sorted(allowed))}."
            )
            raise ValidationError({name: [message] for name in unknown})

    def perform_content_negotiation(self, request: Request, force: bool = False) -> tuple:
        try:
            return super().perform_content_negotiation(request, force=force)
        except Http404:
            formats = ", ".join(renderer.format for renderer in self.get_renderers())
            message = f"Not available here; use one of: {formats}."
            raise ValidationError({"format": [message]}) from None

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(getattr(self.request, "accepted_renderer", None), CSVRenderer):
            self.request.accepted_renderer = JSONRenderer()
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
        if self.action != "list":
            return COMMON_PARAMETERS
        filters = self.filterset_class.base_filters if self.filterset_class else {}
        return COMMON_PARAMETERS | PAGE_PARAMETERS | frozenset(filters)

    def get_renderers(self) -> list[BaseRenderer]:
        renderers = super().get_renderers()
        if self.action == "list":
            return renderers
        return [renderer for renderer in renderers if not isinstance(renderer, CSVRenderer)]

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return stable_order(super().filter_queryset(queryset))


def stable_order(queryset: QuerySet) -> QuerySet:
    """End every ordering with the primary key, so pages never overlap or skip."""
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
    if ordering and str(ordering[-1]).lstrip("-") in ("pk", "id"):
        return queryset
    return queryset.order_by(*ordering, "pk")


BAD_REQUEST = OpenApiResponse(
    {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
        "example": {"sector": ["Select a valid choice. weapons is not one of the choices."]},
    },
    description="A bad or unknown query parameter: each one named, with what is wrong.",
)
NOT_FOUND = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}}},
    description="No published object at this address, or a page beyond the last.",
)


class PartnerAutoSchema(AutoSchema):
    """Documents `?lang=` and the 400/404 answers on every operation."""

    def get_response_serializers(self) -> Any:
        serializers_ = super().get_response_serializers()
        if isinstance(serializers_, dict):
            return serializers_
        return {"200": serializers_, "400": BAD_REQUEST, "404": NOT_FOUND}

    def get_override_parameters(self) -> list[OpenApiParameter]:
        lang = OpenApiParameter(
            "lang",
            OpenApiTypes.STR,
            enum=list(AVAILABLE_LANGUAGES),
            description=(
                "Language of text fields (else from Accept-Language). "
                "A missing translation falls back to English."
            ),
        )
        return [lang, *super().get_override_parameters()]


# --- Filters ----------------------------------------------------------------------------------


class TranslatedSearchFilter(django_filters.CharFilter):
    """`?search=`: every word must appear in one of `fields`, in any of the languages."""

    def __init__(self, *, fields: Iterable[str], **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "Words to look for in the text fields, in any language.")
        super().__init__(**kwargs)
        self.search_fields = tuple(fields)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        for word in (value or "").split():
            matches = Q()
            for name in get_translation_fields(*self.search_fields):
                matches |= Q(**{f"{name}__icontains": word})
            qs = qs.filter(matches)
        return qs


@extend_schema_field(OpenApiTypes.INT)
class YearFilter(django_filters.Filter):
    """`?year=2025` on a date field."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("lookup_expr", "year")
        super().__init__(min_value=1900, max_value=2100, **kwargs)


# --- Serializers shared by the apps -----------------------------------------------------------


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "properties": {
            "date": {"type": "string", "format": "date"},
            "precision": {"type": "string", "enum": DatePrecision.values},
        },
        "required": ["date", "precision"],
        "description": "A date and how much of it is known: a month- or year-precise date "
        "is the first day of its month or year.",
    }
)
class ApproximateDateField(serializers.Field):
    """A date beside its precision, e.g. {"date": "2025-08-01", "precision": "month"}."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance: Any) -> dict[str, str] | None:
        value = getattr(instance, self.field_name)
        if value is None:
            return None
        precision = getattr(instance, f"{self.field_name}_precision")
        return {"date": value.isoformat(), "precision": precision}


class DetailUrlField(serializers.HyperlinkedIdentityField):
    """The absolute address of an object's API detail, by slug. Unlike DRF's own field it
    drops the request's `?format=`: a CSV row links to the JSON detail."""

    def __init__(self, view_name: str, **kwargs: Any) -> None:
        super().__init__(view_name=view_name, lookup_field="slug", **kwargs)

    def get_url(self, obj: Any, view_name: str, request: Any, format: str | None) -> str:
        path = reverse(view_name, kwargs={self.lookup_url_kwarg: obj.slug})
        return request.build_absolute_uri(path) if request else path


class OrganizationSummarySerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = Organization
        fields = ["slug", "name", "acronym", "kind", "country"]


class PlaceSummarySerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = Place
        fields = ["slug", "name", "kind", "country", "latitude", "longitude"]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["title", "publisher", "url", "published_on"]


class RenditionSerializer(serializers.ModelSerializer):
    url = serializers.FileField(source="file", read_only=True)

    class Meta:
        model = Rendition
        fields = ["url", "width", "height", "format"]


class PhotoSerializer(serializers.ModelSerializer):
    """A public photo: prefetch with `editorial.renditions.photos_prefetch()`."""

    url = serializers.ImageField(source="image", read_only=True, help_text="The original.")
    renditions = RenditionSerializer(many=True, read_only=True)

    class Meta:
        model = Photo
        fields = [
            "url",
            "width",
            "height",
            "caption",
            "alt_text",
            "credit",
            "taken_on",
            "role",
            "renditions",
        ]


class PublishableSerializer(serializers.ModelSerializer):
    """What every published record shows first and last: where it is, its texts, its public
    photos and its sources. Subclasses list their own fields with `fields_with()`."""

    photos = PhotoSerializer(many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)

    LEADING_FIELDS = ("url", "slug", "title", "summary", "body")
    TRAILING_FIELDS = ("photos", "sources", "updated_at")

    @classmethod
    def fields_with(cls, *own: str) -> list[str]:
        return [*cls.LEADING_FIELDS, *own, *cls.TRAILING_FIELDS]
