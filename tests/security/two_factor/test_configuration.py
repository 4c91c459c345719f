"""What turns the second step on and off, the deploy check that warns of it, the `totp`
command, and the demo accounts' devices."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.accounts import DEMO_TOTP_SECRET, ensure_demo_accounts
from demo.records import Tally
from tests.security.two_factor.steps import (
    PASSWORD,
    admin_opens,
    code_of,
    enter_code,
    log_in,
    sent_to,
    staff_user,
    with_authenticator,
)

pytestmark = pytest.mark.django_db


# --- Settings, checks and the totp command ------------------------------------------------------


def test_switched_off_nobody_is_asked(client: Client, settings: pytest.FixtureRequest) -> None:
    settings.STAFF_2FA_REQUIRED = False
    user = staff_user("superuser")
    with_authenticator(user)
    log_in(client, user)

    assert admin_opens(client)


def test_deploy_check_warns_when_it_is_switched_off(settings: pytest.FixtureRequest) -> None:
    assert "staff.W001" not in {m.id for m in run_checks(include_deployment_checks=True)}
    settings.STAFF_2FA_REQUIRED = False
    assert "staff.W001" in {m.id for m in run_checks(include_deployment_checks=True)}


def test_totp_command_refuses_without_debug(settings: pytest.FixtureRequest) -> None:
    settings.DEBUG = False
    with_authenticator(staff_user("publisher"))

    with pytest.raises(CommandError, match="only with DJANGO_DEBUG=1"):
        call_command("totp", "publisher", stdout=StringIO(), stderr=StringIO())


def test_totp_command_prints_a_code_that_signs_in(
    client: Client, settings: pytest.FixtureRequest
) -> None:
    settings.DEBUG = True
    user = staff_user("publisher")
    with_authenticator(user)
    out = StringIO()
    call_command("totp", "publisher", stdout=out, stderr=StringIO())
    log_in(client, user)

    assert re.fullmatch(r"\d{6}\n", out.getvalue())
    assert sent_to(enter_code(client, out.getvalue().strip())) == "/admin/"


@pytest.mark.parametrize(
    ("username", "message"),
    [("nobody", "No user named 'nobody'"), ("editor", "has not set up two-step sign-in")],
)
def test_totp_command_says_why_it_has_no_code(
    settings: pytest.FixtureRequest, username: str, message: str
) -> None:
    settings.DEBUG = True
    staff_user("editor")

    with pytest.raises(CommandError, match=message):
        call_command("totp", username, stdout=StringIO(), stderr=StringIO())


# --- Demo accounts ------------------------------------------------------------------------------


def test_demo_accounts_that_need_it_get_the_printed_key(client: Client) -> None:
    ensure_demo_accounts(password=PASSWORD, tally=Tally())
    devices = {d.user.get_username(): d for d in TOTPDevice.objects.select_related("user")}

    assert set(devices) == {"admin", "publisher"}
    for device in devices.values():
        assert device.confirmed
        assert f"secret={DEMO_TOTP_SECRET}" in device.config_url

    admin_user = get_user_model().objects.get(username="admin")
    log_in(client, admin_user)
    assert sent_to(enter_code(client, code_of(devices["admin"]))) == "/admin/"


def test_demo_accounts_second_run_leaves_the_devices_alone() -> None:
    ensure_demo_accounts(password=PASSWORD, tally=Tally())
    before = list(TOTPDevice.objects.values_list("pk", "key"))
    tally = Tally()

    ensure_demo_accounts(password=PASSWORD, tally=tally)

    assert list(TOTPDevice.objects.values_list("pk", "key")) == before
    assert "otp_totp.TOTPDevice: 0 created, 0 updated, 2 unchanged" in tally.lines()


def test_demo_accounts_get_the_demo_key_back_after_a_set_up_by_hand() -> None:
    ensure_demo_accounts(password=PASSWORD, tally=Tally())
    TOTPDevice.objects.filter(user__username="admin").update(key="00" * 20)
    tally = Tally()

    ensure_demo_accounts(password=PASSWORD, tally=tally)

    device = TOTPDevice.objects.get(user__username="admin")
    assert f"secret={DEMO_TOTP_SECRET}" in device.config_url
    assert "otp_totp.TOTPDevice: 0 created, 1 updated, 1 unchanged" in tally.lines()
