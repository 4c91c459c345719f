"""The second sign-in step, in the admin's look: the code page, the set-up page (QR code,
secret, first code, then the recovery codes once), the page of an account whose second step is
missing, and the "Two-step sign-in" page where staff set it up, renew their recovery codes or
remove it.

The code, set-up and missing pages are open to a signed-in user who has not passed the second step
(staff/middleware.py lets them through); everything else in the admin is not.
"""

from __future__ import annotations

from base64 import b32encode
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice

from staff.devices import (
    Check,
    check_code,
    confirm_authenticator,
    pending_authenticator,
    recovery_codes_left,
    remove_second_factor,
    replace_recovery_codes,
)
from staff.forms import CodeForm
from staff.policy import authenticator, second_factor_missing, second_factor_required
from staff.qr import qr_svg


def _next_url(request: HttpRequest) -> str:
    """Where to go once the step is done: `next` if it is ours, else the admin's index."""
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index")


def _to_login(request: HttpRequest) -> HttpResponseRedirect:
    query = urlencode({REDIRECT_FIELD_NAME: _next_url(request)})
    return HttpResponseRedirect(f"{reverse('admin:login')}?{query}")


def _signed_in_staff(request: HttpRequest) -> bool:
    user = request.user
    return user.is_authenticated and user.is_active and user.is_staff


def _step_context(request: HttpRequest, title: str, **context: Any) -> dict[str, Any]:
    return {
        **admin.site.each_context(request),
        "title": title,
        "next": _next_url(request),
        **context,
    }


def _verified(request: HttpRequest, device: Device) -> None:
    """Mark the session as having passed the second step, under a new session key."""
    otp_login(request, device)
    request.session.cycle_key()


def _refusal(check: Check) -> str:
    if check.retry_at is not None:
        seconds = max(1, round((check.retry_at - timezone.now()).total_seconds()))
        return _(
            "Too many wrong codes. Wait %(seconds)s seconds, then enter the code your app "
            "shows at that moment."
        ) % {"seconds": seconds}
    return _(
        "That code is not right, or it has already been used. Enter the code your app shows "
        "now, or one of your recovery codes."
    )


@never_cache
def code_view(request: HttpRequest) -> HttpResponse:
    """After the password: the six-digit code from the app, or a recovery code.

    A wrong code counts as a failed login for django-axes (per username and address, as a
    wrong password does); at the limit the session ends and the lockout page is shown.
    """
    if not _signed_in_staff(request):
        return _to_login(request)
    user = request.user
    if user.is_verified():
        return HttpResponseRedirect(_next_url(request))
    if authenticator(user) is None:
        if second_factor_missing(user):
            return HttpResponseRedirect(f"{reverse('staff:missing')}?{request.GET.urlencode()}")
        if second_factor_required(user):
            return HttpResponseRedirect(f"{reverse('staff:enrol')}?{request.GET.urlencode()}")
        return HttpResponseRedirect(_next_url(request))
    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        logout(request)
        return get_lockout_response(request, None, credentials)

    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = check_code(user=user, code=form.cleaned_data["code"])
        if check.device is not None:
            _verified(request, check.device)
            if isinstance(check.device, StaticDevice):
                _warn_recovery_codes_left(request)
            return HttpResponseRedirect(_next_url(request))
        form.add_error("code", _refusal(check))
        if check.retry_at is None:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            if getattr(request, "axes_locked_out", False):
                logout(request)
                return get_lockout_response(request, None, credentials)
    context = _step_context(request, _("Enter your sign-in code"), form=form, username=user)
    return TemplateResponse(request, "staff/code.html", context)


@never_cache
def enrol_view(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: scan the QR code (or type the secret), enter its code.

    Reached after the password by a user whose role requires the second step and who never had
    one, or from the "Two-step sign-in" page. Wrong codes here are not counted by django-axes
    (the secret is on the page; guessing gains nothing), only slowed down by the device.
    """
    if not _signed_in_staff(request):
        return _to_login(request)
    user = request.user
    if authenticator(user) is not None:
        # One authenticator each; a session that has only the password cannot add another.
        target = "staff:two_step" if user.is_verified() else "staff:code"
        return HttpResponseRedirect(f"{reverse(target)}?{request.GET.urlencode()}")
    if second_factor_missing(user):
        # Answered here, not redirected, so that a forged POST gets the refusal itself; no
        # pending device is made either.
        return _missing_page(request)
    device = pending_authenticator(user)

    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check, recovery_codes = confirm_authenticator(user=user, code=form.cleaned_data["code"])
        if check.device is not None:
            _verified(request, check.device)
            return _recovery_codes_page(request, recovery_codes, first_time=True)
        form.add_error("code", _refusal(check))
    secret = b32encode(device.bin_key).decode()
    context = _step_context(
        request,
        _("Set up two-step sign-in"),
        form=form,
        qr_code=qr_svg(device.config_url, label=_("QR code for your authenticator app")),
        secret=secret,
        secret_groups=[secret[i : i + 4] for i in range(0, len(secret), 4)],
        required=second_factor_required(user),
    )
    return TemplateResponse(request, "staff/enrol.html", context)


@never_cache
def missing_view(request: HttpRequest) -> HttpResponse:
    """After the password, for an account that had a second step which is gone without a reset
    (a restore from an older archive, rows deleted by hand): it is told to ask a superuser,
    and is not offered a set-up, which would let the password alone enrol a new phone."""
    if not _signed_in_staff(request):
        return _to_login(request)
    if not second_factor_missing(request.user):
        return HttpResponseRedirect(_next_url(request))
    return _missing_page(request)


def _missing_page(request: HttpRequest) -> TemplateResponse:
    context = _step_context(request, _("Your second sign-in step is missing"))
    return TemplateResponse(request, "staff/missing.html", context, status=403)


def _warn_recovery_codes_left(request: HttpRequest) -> None:
    left = recovery_codes_left(request.user)
    messages.warning(
        request,
        ngettext(
            "You signed in with a recovery code: %(left)s is left. Renew them on the "
            "Two-step sign-in page.",
            "You signed in with a recovery code: %(left)s are left. Renew them on the "
            "Two-step sign-in page.",
            left,
        )
        % {"left": left},
    )


def _recovery_codes_page(
    request: HttpRequest, codes: list[str], *, first_time: bool
) -> TemplateResponse:
    """Shown once, as the answer to the POST that made them: they are in no session or URL."""
    context = _step_context(
        request,
        _("Your recovery codes"),
        codes=[f"{code[:4]}-{code[4:]}" for code in codes],
        first_time=first_time,
    )
    return TemplateResponse(request, "staff/recovery_codes.html", context)


@never_cache
def two_step_view(request: HttpRequest) -> HttpResponse:
    """ "Two-step sign-in" in the user tools: whether it is on, required, and how many recovery
    codes are left; removing it or renewing the codes asks for a current code first, so a
    session left open on a shared desk cannot switch it off."""
    user = request.user
    device = authenticator(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and device is not None and form.is_valid():
        check = check_code(user=user, code=form.cleaned_data["code"])
        if check.device is None:
            form.add_error("code", _refusal(check))
        elif request.POST.get("action") == "renew":
            return _recovery_codes_page(request, replace_recovery_codes(user), first_time=False)
        else:
            remove_second_factor(user)
            messages.success(request, _("Two-step sign-in is off for your account."))
            return HttpResponseRedirect(reverse("staff:two_step"))
    context = {
        **admin.site.each_context(request),
        "title": _("Two-step sign-in"),
        "device": device,
        "form": form,
        "required": second_factor_required(user),
        "missing": device is None and second_factor_missing(user),
        "recovery_codes_left": recovery_codes_left(user) if device else 0,
    }
    return TemplateResponse(request, "staff/two_step.html", context)
