"""Responses to staff are private: never stored by a shared cache (a CDN, a proxy).

A page seen with a staff session may differ from the public one (the admin, a preview, a
CSRF token, the password change form, a 403), and Django marks only some of those views
never-cache. One rule for every response to a signed-in user covers the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class PrivateForStaffMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Without a session cookie nobody is signed in; asking request.user would read the
        # session and mark every public page "Vary: Cookie", which shared caches dislike.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response
