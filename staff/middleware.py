"""The gate: no admin page for a signed-in user who still owes the second step.

Django's admin login checks the password and signs the user in; from then on every request
under the admin's address (each model page, the workflow's previews, the view-on-site
shortcut, forged POSTs included) is sent to the code step while the session is not verified,
to the "second step missing" page if the user had one that is gone without a reset, or to the
set-up page if the user's role requires a second step and they never had one. One
check here, in front of the admin, rather than in each of its views, so that a view added
later cannot forget it.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from staff.policy import authenticator, second_factor_missing, second_factor_required

# What a user who owes the second step may still open: the password step, logging out, and
# the second step itself (django-otp's OTPMiddleware, before this one, sets is_verified()).
OPEN_BEFORE_VERIFICATION = (
    "admin:login",
    "admin:logout",
    "staff:code",
    "staff:enrol",
    "staff:missing",
)


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        step = self.owed_step(request)
        if step is not None:
            query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            return HttpResponseRedirect(f"{reverse(step)}?{query}")
        return self.get_response(request)

    @staticmethod
    def owed_step(request: HttpRequest) -> str | None:
        """The URL name of the step `request`'s user must take first, or None to let it pass."""
        # Read per request, not at start, so that tests may switch it (pyproject.toml).
        if not settings.STAFF_2FA_REQUIRED:
            return None
        path = request.path_info
        if not path.startswith(reverse("admin:index")):
            return None
        if path in {reverse(name) for name in OPEN_BEFORE_VERIFICATION}:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if authenticator(user) is not None:
            return "staff:code"
        if second_factor_missing(user):
            return "staff:missing"
        if second_factor_required(user):
            return "staff:enrol"
        return None
