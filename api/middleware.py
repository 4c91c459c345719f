"""Language and conditional GET for every answer under the API's prefix (settings.API_PREFIX),
routed or not: the one middleware of the partner API."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from modeltranslation.settings import AVAILABLE_LANGUAGES

from api.negotiation import escape_markup


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
