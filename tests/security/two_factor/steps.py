"""The staff member's side of the second step: users with a password to type, their
authenticator app, and the forms they post."""

from __future__ import annotations

import re
import time

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.devices import replace_recovery_codes
from tests.workflow_helpers import make_user

PASSWORD = "a-long-and-right-password"
HOME = "192.0.2.10"
LOGIN = "/admin/login/"
CODE = reverse("staff:code")
ENROL = reverse("staff:enrol")
TWO_STEP = reverse("staff:two_step")
WRONG_CODE_MESSAGE = "That code is not right, or it has already been used."


def staff_user(role: str, username: str | None = None) -> AbstractBaseUser:
    """A user in `role` ("superuser", "publisher", "editor") with a password to type."""
    user = make_user(role, username)
    user.set_password(PASSWORD)
    user.save()
    return user


def with_authenticator(user: AbstractBaseUser) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def code_of(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """What the user's app shows now (or `steps_ahead` periods of 30 s later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return str(totp.token()).zfill(device.digits)


def log_in(client: Client, user: AbstractBaseUser, next_url: str = "/admin/") -> HttpResponse:
    """The password step, through the admin's own login form."""
    data = {"username": user.get_username(), "password": PASSWORD, "next": next_url}
    response = client.post(LOGIN, data, REMOTE_ADDR=HOME)
    assert response.status_code == 302, "the password step itself failed"
    return response


def enter_code(client: Client, code: str, next_url: str = "/admin/") -> HttpResponse:
    return client.post(f"{CODE}?next={next_url}", {"code": code}, REMOTE_ADDR=HOME)


def sent_to(response: HttpResponse) -> str:
    """The path a redirect points to, without its query."""
    assert response.status_code == 302, response.status_code
    return response["Location"].split("?")[0]


def admin_opens(client: Client) -> bool:
    return client.get("/admin/", REMOTE_ADDR=HOME).status_code == 200


def pending_key(client: Client) -> TOTPDevice:
    """Open the set-up page and return the device it shows (its secret is on the page)."""
    response = client.get(ENROL, REMOTE_ADDR=HOME)
    assert response.status_code == 200
    device = TOTPDevice.objects.get(confirmed=False, user__username=response.wsgi_request.user)
    secret = response.context["secret"]
    assert re.sub(r"\s", "", secret) in device.config_url
    return device


def verified(client: Client, role: str) -> tuple[AbstractBaseUser, TOTPDevice]:
    user = staff_user(role)
    device = with_authenticator(user)
    replace_recovery_codes(user)
    log_in(client, user)
    assert sent_to(enter_code(client, code_of(device))) == "/admin/"
    return user, device
