"""Which format an API answer comes in: errors always as JSON (with markup escaped, as they
repeat what was asked for), and a file that exists in one format in that format only."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.settings import api_settings


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
