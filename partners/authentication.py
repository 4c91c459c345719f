"""Partner keys on the API: `Authorization: Api-Key <key>` (or `X-Api-Key: <key>`).

A valid key sets `request.auth` to its `PartnerKey` and leaves `request.user` anonymous: a key
raises the rate limit (partners/throttling.py) and grants no other right. A key that is
malformed, unknown or revoked is refused with 401, never treated as anonymous, so a partner
learns at once that their key is wrong rather than from a rate limit later.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from partners.models import KEY_PATTERN, PartnerKey

KEYWORD = "Api-Key"
HEADER = "X-Api-Key"


class PartnerKeyAuthentication(BaseAuthentication):
    """Finds the partner key a request carries, if any.

    An Authorization header with another scheme (Basic, Bearer) is left alone rather than
    refused: a staging site behind HTTP basic auth sends one with every request.
    """

    def authenticate(self, request: Request) -> tuple[AnonymousUser, PartnerKey] | None:
        key = self.key_from(request)
        if key is None:
            return None
        if not KEY_PATTERN.fullmatch(key):
            raise AuthenticationFailed(
                f"Malformed API key: send `Authorization: {KEYWORD} <key>` with the key exactly "
                "as it was given to you (letters, digits, - and _)."
            )
        partner_key = PartnerKey.objects.find(key)
        if partner_key is None:
            raise AuthenticationFailed("Unknown API key: check that it was copied whole.")
        if partner_key.is_revoked:
            raise AuthenticationFailed(
                f"This API key was revoked on {partner_key.revoked_at:%Y-%m-%d}; "
                "ask the Körpü team for a new one."
            )
        partner_key.record_use()
        return AnonymousUser(), partner_key

    def key_from(self, request: Request) -> str | None:
        """The key as sent, or None when the request carries none."""
        scheme, _, value = get_authorization_header(request).decode("latin-1").partition(" ")
        if scheme.lower() == KEYWORD.lower():
            return value.strip()
        header = request.META.get("HTTP_X_API_KEY")
        return None if header is None else header.strip()

    def authenticate_header(self, request: Request) -> str:
        # Having one makes DRF answer a refused key with 401 (with it) rather than 403.
        return f'{KEYWORD} realm="api"'


class PartnerKeyScheme(OpenApiAuthenticationExtension):
    """Shows partners in /api/v1/docs/ how to send their key (the "Authorize" button)."""

    target_class = "partners.authentication.PartnerKeyAuthentication"
    name = "PartnerKey"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": HEADER,
            "description": (
                "Optional. A partner key raises the rate limit; it grants nothing else. Send it "
                f"as `{HEADER}: <key>` or as `Authorization: {KEYWORD} <key>`. A malformed, "
                "unknown or revoked key is refused with 401. Keys are issued by the Körpü "
                "team; ask for one if the anonymous limit is too low for you."
            ),
        }
