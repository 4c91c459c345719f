"""What every partner API endpoint shares: the base viewset, pagination, language and ETag
(its CSV is in editorial/api_csv.py).

The apps' viewsets subclass `PartnerReadOnlyViewSet` and start their querysets from
`Model.objects.published()`; this module knows none of those apps.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any, ClassVar

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import get_doc
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_field
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import get_translation_fields
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.viewsets import ReadOnlyModelViewSet

from editorial import content_version
from editorial.api_cache import cached_response
from editorial.api_csv import CSVRenderer, csv_columns, stream_csv
from editorial.dates import DatePrecision
from editorial.models import Organization, Photo, Place, Publishable, Rendition, Source
from editorial.renditions import RenditionFormat, current_renditions
from editorial.streaming import in_chunks, last_change, state_text, weak_etag

# The viewset action of a list's CSV export, routed by config/api.py.
EXPORT = "export"
# Rows per chunk of an export. Fewer than the IATI file's: each row comes with about twenty
# objects (its photos and their renditions, items, sources, organisations): exporting 16,000
# seeded aid packages, a process stayed 40 MB above its resting size with 500, 24 with 250.
EXPORT_CHUNK_SIZE = 250
EXPORT_CONTENT_TYPE = f"{CSVRenderer.media_type}; charset={CSVRenderer.charset}"
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
        if not request.path.startswith(settings.API_PREFIX):
            return self.get_response(request)
        lang = request.GET.get("lang")
        if lang is None:
            lang = translation.get_language_from_request(request)
        elif lang not in list(AVAILABLE_LANGUAGES):
            choices = ", ".join(list(AVAILABLE_LANGUAGES))
            message = f"'{lang}' is not a supported language; use one of: {choices}."
            response = JsonResponse({"lang": [message]}, status=400)
            response.content = escape_markup(response.content)
            return response
        with translation.override(lang):
            request.LANGUAGE_CODE = lang
            response = self.get_response(request)
        if response.status_code == 404 and not _is_json(response):
            # No route matched (e.g. a slug with characters no slug has): the site's HTML
            # page would be the only non-JSON answer a partner's client ever gets.
            response = JsonResponse({"detail": "Not found."}, status=404)
        response.headers["Content-Language"] = lang
        patch_vary_headers(response, ("Accept-Language",))
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            if not response.streaming and not response.has_header("ETag"):
                set_response_etag(response)
            if response.has_header("ETag"):
                return get_conditional_response(request, etag=response["ETag"], response=response)
        return response


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


def escape_markup(body: bytes) -> bytes:
    """A JSON `body` with `<`, `>` and `&` written as `\\u` escapes: the same value to every
    JSON parser, and no markup to anything that shows it as HTML. For error answers, which
    repeat what was asked for (a filter's value, a parameter's name)."""
    # Outside strings JSON has none of the three, so no replacement can change the structure.
    return body.replace(b"&", b"\\u0026").replace(b"<", b"\\u003c").replace(b">", b"\\u003e")


class ErrorJSONRenderer(JSONRenderer):
    """JSON for error answers: `escape_markup()` over what `JSONRenderer` writes."""

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: dict[str, Any] | None = None,
    ) -> bytes:
        return escape_markup(super().render(data, accepted_media_type, renderer_context))


# --- Pagination -------------------------------------------------------------------------------


def _is_whole_number(value: Any) -> bool:
    # Not str.isdigit(): it accepts '²', which int() then refuses.
    return bool(re.fullmatch(r"[0-9]{1,9}", str(value)))


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
        if not _is_whole_number(raw) or not 1 <= int(raw) <= self.max_page_size:
            message = f"Must be a whole number from 1 to {self.max_page_size}."
            raise ValidationError({self.page_size_query_param: [message]})
        return int(raw)

    def get_page_number(self, request: Request, paginator: Any) -> str:
        number = super().get_page_number(request, paginator)
        if number not in self.last_page_strings and not (_is_whole_number(number) and int(number)):
            raise ValidationError({self.page_query_param: ["Must be a whole number from 1."]})
        return number

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        # The bounds get_page_size() and get_page_number() hold to, so the schema says them.
        bounds = {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters

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
    naming them, so a typo never silently returns everything; errors are always JSON.

    Authentication and throttling come from the settings (partner keys raise the rate limit
    and grant nothing else), so they are not set here."""

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
        # Whatever format was asked for (CSV, XML), and even when asking for it was the error.
        self.request.accepted_renderer = ErrorJSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)


class OneFormatNegotiation(BaseContentNegotiation):
    """For a file that exists in one format (the IATI file, a list's CSV export): that format
    whatever the Accept header says; `?format=` may only name it."""

    def select_parser(self, request: Request, parsers: list) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(
        self, request: Request, renderers: list, format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        wanted = format_suffix or request.query_params.get(api_settings.URL_FORMAT_OVERRIDE)
        renderer = renderers[0]
        if wanted and wanted != renderer.format:
            raise Http404  # PartnerApiMixin answers 400 naming `format`
        return renderer, renderer.media_type


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


JSON = "application/json"

BAD_REQUEST = OpenApiResponse(
    {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
        "example": {"sector": ["Select a valid choice. weapons is not one of the choices."]},
    },
    description="A bad or unknown query parameter: each one named, with what is wrong.",
)
NOT_FOUND = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    description="No published object at this address, or a page beyond the last.",
)
NOT_MODIFIED = OpenApiResponse(
    description="Nothing changed since the response whose ETag was sent in If-None-Match."
)
BAD_KEY = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    description="An API key was sent but is malformed, unknown or revoked. Without a key, "
    "every endpoint is open (at the anonymous rate limit).",
)
THROTTLED = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
    description="Too many requests: wait the seconds Retry-After says (a partner key raises "
    "the limit).",
)


def _response_header(name: str, description: str, codes: list[int], **kwargs: Any) -> Any:
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description=description,
        response=codes,
        **kwargs,
    )


EXPORTED = OpenApiResponse(
    OpenApiTypes.STR,
    description="The CSV file (UTF-8): a header row, then one row per record.",
)
EXPORT_DESCRIPTION = (
    "The whole list as one CSV file, for a partner who wants all of it: every published "
    "record the filters select, in the list's order (`ordering`), with the columns and cells "
    "of the list's `?format=csv`, but not paginated. The file is streamed as it is read from "
    "the database, so it starts at once and any size is fine; save it as it comes "
    "(Content-Disposition names it, e.g. `aid-packages-2025-07-01.csv`). Its ETag changes "
    "whenever the record changes: send it back in If-None-Match to get 304 and no file when "
    "nothing did. Counts as one request against the rate limit.\n\nWhat each row holds:\n\n"
)


def document_filter(parameter: dict[str, Any], filter_: django_filters.Filter) -> None:
    """Give a filter's parameter in the schema the bounds its form field holds to (a value
    outside them is a 400), and its help text, which a schema type set on the filter's class
    (`@extend_schema_field`) leaves out."""
    extra = filter_.extra
    if extra.get("help_text") and not parameter.get("description"):
        parameter["description"] = str(extra["help_text"])
    schema = parameter["schema"]
    if extra.get("min_value") is not None:
        schema["minimum"] = extra["min_value"]
    if extra.get("max_value") is not None:
        schema["maximum"] = extra["max_value"]
    elif extra.get("max_digits") is not None:
        places = extra.get("decimal_places") or 0
        largest = Decimal(10) ** (extra["max_digits"] - places) - Decimal(10) ** -places
        schema["maximum"] = int(largest) if places == 0 else float(largest)


class PartnerAutoSchema(AutoSchema):
    """Documents what every operation shares: `?lang=`, conditional GET (If-None-Match, ETag,
    304), and the JSON 400/404 answers; a list's CSV as text, its errors as JSON. A list's
    export (`export.csv`) takes the list's filters and answers a file, not a page."""

    def _is_export(self) -> bool:
        return getattr(self.view, "action", None) == EXPORT

    def get_operation_id(self) -> str:
        if self._is_export():  # e.g. aid_packages_export_csv, not "…export.csv_retrieve"
            return "_".join(re.sub(r"\W", "_", token) for token in self._tokenize_path())
        return super().get_operation_id()

    def get_description(self) -> str:
        if self._is_export():  # for partners, not the method's docstring for developers
            return EXPORT_DESCRIPTION + get_doc(type(self.view))
        return super().get_description()

    def get_filter_backends(self) -> list[Any]:
        if self._is_export():
            return getattr(self.view, "filter_backends", [])
        return super().get_filter_backends()

    def _get_filter_parameters(self) -> list[dict[str, Any]]:
        parameters = super()._get_filter_parameters()
        filterset = getattr(self.view, "filterset_class", None)
        for parameter in parameters:
            filter_ = filterset.base_filters.get(parameter["name"]) if filterset else None
            if filter_ is not None:
                document_filter(parameter, filter_)
        return parameters

    def get_response_serializers(self) -> Any:
        if self._is_export():
            return {(200, CSVRenderer.media_type): EXPORTED, (400, JSON): BAD_REQUEST}
        declared = super().get_response_serializers()
        if isinstance(declared, dict):  # @extend_schema(responses=...) says it all
            return declared
        return {"200": declared, "400": BAD_REQUEST, "404": NOT_FOUND}

    def _get_response_bodies(self, direction: str = "response") -> dict[str, Any]:
        # Adjusted after drf-spectacular built them, as `@extend_schema(responses=...)`
        # replaces get_response_serializers() and would skip anything done there.
        responses = super()._get_response_bodies(direction)
        csv = CSVRenderer.media_type
        for code, response in responses.items():
            content = response.get("content", {})
            if code != "200":
                content.pop(csv, None)  # errors are JSON, even on ?format=csv
            elif csv in content:
                content[csv] = {"schema": {"type": "string"}}
        responses.setdefault("304", self._get_response_for_code(NOT_MODIFIED, "304"))
        if self.view.get_authenticators():
            responses.setdefault("401", self._get_response_for_code(BAD_KEY, "401", [JSON]))
        if self.view.get_throttles():
            responses.setdefault("429", self._get_response_for_code(THROTTLED, "429", [JSON]))
        return responses

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
        if_none_match = OpenApiParameter(
            "If-None-Match",
            OpenApiTypes.STR,
            OpenApiParameter.HEADER,
            description="The ETag of a response you hold: 304 with no body if it is current.",
        )
        # The middleware tags every JSON and CSV body; a streamed one (IATI) may not be, and
        # an export's is made before its body is.
        tagged = isinstance(self.view, PartnerApiMixin)
        etag = "Changes exactly when the body would."
        if self._is_export():
            etag = "Changes whenever the file may have (a weak ETag, made before the file is)."
        headers = [
            _response_header("ETag", etag, [200, 304], required=tagged),
            _response_header(
                "Content-Language", "The language of the text fields.", [200], required=True
            ),
        ]
        if self._is_export():
            saved_as = 'attachment; filename="<list>-<date>.csv", the name to save it under.'
            headers.append(_response_header("Content-Disposition", saved_as, [200], required=True))
        if self.view.get_throttles():
            headers.append(
                _response_header("Retry-After", "Seconds to wait.", [429], required=True)
            )
        formats = [renderer.format for renderer in self.view.get_renderers()]
        format_ = OpenApiParameter(
            "format",
            OpenApiTypes.STR,
            enum=formats,
            description="Only csv: the file's one format."
            if self._is_export()
            else "json (the default) or, on lists, csv: a header row, then one row per "
            "object of the page; nested objects become dotted columns (funder.name), lists one "
            "'; '-separated cell.",
        )
        if getattr(self.view, "action", None) == "list":
            link = 'The next and previous pages, e.g. <https://…?page=3>; rel="next".'
            headers.append(_response_header("Link", link, [200]))
        return [lang, format_, if_none_match, *headers, *super().get_override_parameters()]


# --- Filters ----------------------------------------------------------------------------------


class TranslatedSearchFilter(django_filters.CharFilter):
    """`?search=`: every word must appear in one of `fields`, in any of the languages.

    A match of the letters as written (`icontains`), not the site search's words and stems. On
    PostgreSQL trigram indexes on these very expressions answer words of three letters or more
    (public/migrations/0004 builds them for the title, summary and body)."""

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


class SlugFilter(django_filters.ModelChoiceFilter):
    """`?funder=socar`: a related organisation or place by its slug; an unknown slug is a 400
    naming the parameter, never an empty list."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(**kwargs)


def date_range(
    field: str, what: str
) -> tuple[django_filters.DateFilter, django_filters.DateFilter]:
    """`<x>_after` and `<x>_before` on a date field, both inclusive."""
    return (
        django_filters.DateFilter(
            field_name=field, lookup_expr="gte", help_text=f"{what} on or after (YYYY-MM-DD)."
        ),
        django_filters.DateFilter(
            field_name=field, lookup_expr="lte", help_text=f"{what} on or before (YYYY-MM-DD)."
        ),
    )


def usd_range(field: str, what: str) -> tuple[django_filters.NumberFilter, ...]:
    """`<x>_min` and `<x>_max` on a USD amount, both inclusive; a record without an amount
    matches neither."""
    # Bounded like the column (14 digits, 2 decimals): a larger number cannot be compared.
    bounds = {"min_value": 0, "max_digits": 14, "decimal_places": 2}
    return (
        django_filters.NumberFilter(
            field_name=field, lookup_expr="gte", help_text=f"{what} at least this.", **bounds
        ),
        django_filters.NumberFilter(
            field_name=field, lookup_expr="lte", help_text=f"{what} at most this.", **bounds
        ),
    )


# ISO 8601 (and Python) allow UTC offsets up to ±23:59; PostgreSQL refuses a time past ±15:59.
# No time zone is further from UTC than 14 hours.
MAX_UTC_OFFSET = dt.timedelta(hours=16)


class SyncTimeField(IsoDateTimeField):
    """An ISO 8601 date and time whose UTC offset every database takes (at most ±15:59)."""

    def to_python(self, value: Any) -> dt.datetime | None:
        result = super().to_python(value)
        offset = result.utcoffset() if result is not None else None
        if offset is not None and abs(offset) >= MAX_UTC_OFFSET:
            # In the language asked for, like the field's own "Enter a valid date/time.".
            raise forms.ValidationError(
                _("The UTC offset must be from -15:59 to +15:59, e.g. +04:00 or Z."),
                code="invalid",
            )
        return result


class SyncTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = SyncTimeField


def updated_after_filter() -> django_filters.IsoDateTimeFilter:
    """`?updated_after=`: what changed since a client's last sync."""
    return SyncTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Changed at or after this time (ISO 8601, e.g. 2025-07-01T00:00:00Z, with "
        "a UTC offset from -15:59 to +15:59): to fetch only what changed since your last visit.",
    )


class PublishableFilterSet(django_filters.FilterSet):
    """What every list endpoint filters on: words in the texts, and changes since a date."""

    updated_after = updated_after_filter()
    search = TranslatedSearchFilter(fields=("title", "summary", "body"))


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

    csv_parts = ("date", "precision")  # its CSV columns, e.g. decided_on.date

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
        kwargs.setdefault("help_text", "This object in the API (JSON).")
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
    url = serializers.SerializerMethodField(
        help_text="Where the text can be read; null for print or broadcast sources."
    )

    class Meta:
        model = Source
        fields = ["title", "publisher", "url", "published_on"]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_url(self, source: Source) -> str | None:
        # Stored blank when there is none: not a URL. Written as a URI, as the type says.
        return source.uri or None


class RenditionSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The file's address.")

    class Meta:
        model = Rendition
        fields = ["url", "width", "height", "format"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, rendition: Rendition) -> str:
        # Its public copy's address (or, until the copy is made, Django's checked one).
        request = self.context.get("request")
        return request.build_absolute_uri(rendition.url) if request else rendition.url


def _largest_jpeg(photo: Photo) -> Rendition | None:
    """The widest JPEG copy of `photo`, which the API gives as the photo; looked for once."""
    if not hasattr(photo, "_largest_jpeg"):
        jpegs = [r for r in current_renditions(photo) if r.format == RenditionFormat.JPEG]
        photo._largest_jpeg = max(jpegs, key=lambda r: r.width, default=None)
    return photo._largest_jpeg


class PhotoSerializer(serializers.ModelSerializer):
    """A public photo: prefetch with `editorial.renditions.photos_prefetch()`."""

    url = serializers.SerializerMethodField(
        help_text="The photo at its largest public size (a JPEG copy, at most 1600 px wide); "
        "null until its copies are made. The uploaded original is not published."
    )
    width = serializers.SerializerMethodField(help_text="Width of `url`'s file, pixels.")
    height = serializers.SerializerMethodField(help_text="Height of `url`'s file, pixels.")
    renditions = serializers.SerializerMethodField(
        help_text="Smaller copies in WebP and JPEG, made from the present original."
    )

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

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_url(self, photo: Photo) -> str | None:
        largest = _largest_jpeg(photo)
        return self._rendition.get_url(largest) if largest else None

    @extend_schema_field({"type": "integer", "nullable": True})
    def get_width(self, photo: Photo) -> int | None:
        largest = _largest_jpeg(photo)
        return largest.width if largest else None

    @extend_schema_field({"type": "integer", "nullable": True})
    def get_height(self, photo: Photo) -> int | None:
        largest = _largest_jpeg(photo)
        return largest.height if largest else None

    @extend_schema_field(RenditionSerializer(many=True))
    def get_renditions(self, photo: Photo) -> list[dict[str, Any]]:
        # Renditions of a replaced original linger until `manage.py renditions` clears them.
        return [self._rendition.to_representation(r) for r in current_renditions(photo)]

    @cached_property
    def _rendition(self) -> RenditionSerializer:
        # One for every photo of a list: making a serializer's fields costs more than using
        # them, and a whole list's CSV (editorial/api_csv.py) has thousands of photos.
        return RenditionSerializer(context=self.context)


class PublishableSerializer(serializers.ModelSerializer):
    """What every published record shows first and last: where it is, its texts, its public
    photos and its sources. Subclasses list their own fields with `fields_with()`."""

    public_url = serializers.SerializerMethodField(
        help_text="This object's page on the public site, in the language of the response."
    )
    photos = PhotoSerializer(many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)

    LEADING_FIELDS = ("url", "slug", "public_url", "title", "summary", "body")
    TRAILING_FIELDS = ("photos", "sources", "updated_at")

    @classmethod
    def fields_with(cls, *own: str) -> list[str]:
        return [*cls.LEADING_FIELDS, *own, *cls.TRAILING_FIELDS]

    @extend_schema_field(OpenApiTypes.URI)
    def get_public_url(self, obj: Any) -> str:
        # The active language is the response's (PartnerApiMiddleware), and so is the
        # page's language prefix.
        path = obj.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path
