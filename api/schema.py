"""The partner API's OpenAPI schema (drf-spectacular): what every operation shares, the
answers it may give besides its data, and each filter's bounds (settings:
REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"])."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import django_filters
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import get_doc
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from modeltranslation.settings import AVAILABLE_LANGUAGES

from api.csv_format import CSVRenderer
from api.viewsets import EXPORT, PartnerApiMixin

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
