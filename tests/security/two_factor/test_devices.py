"""Staff members' devices: setting one up, editors who choose to, removing and renewing, a
superuser resetting a colleague's, and the set-up page's QR code."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.accounts import DEMO_TOTP_SECRET
from staff.devices import RECOVERY_CODES, replace_recovery_codes
from staff.qr import qr_svg
from tests.security.two_factor.steps import (
    ENROL,
    HOME,
    LOGIN,
    TWO_STEP,
    WRONG_CODE_MESSAGE,
    admin_opens,
    code_of,
    log_in,
    pending_key,
    sent_to,
    staff_user,
    verified,
    with_authenticator,
)

pytestmark = pytest.mark.django_db


# --- Setting up ---------------------------------------------------------------------------------


def test_set_up_with_the_right_code_turns_it_on_and_shows_recovery_codes_once(
    client: Client,
) -> None:
    user = staff_user("superuser")
    log_in(client, user)
    device = pending_key(client)

    response = client.post(f"{ENROL}?next=/admin/aid/", {"code": code_of(device)})

    assert response.status_code == 200
    assert "staff/recovery_codes.html" in [t.name for t in response.templates]
    codes = response.context["codes"]
    assert len(codes) == RECOVERY_CODES == 10
    for code in codes:
        assert code in response.content.decode()
    assert 'href="/admin/aid/"' in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert StaticToken.objects.filter(device__user=user).count() == 10
    assert admin_opens(client)


def test_set_up_page_keeps_its_secret_across_reloads(client: Client) -> None:
    """The phone scanned the first QR code: a reload must not show another."""
    log_in(client, staff_user("publisher"))

    assert pending_key(client).pk == pending_key(client).pk
    assert TOTPDevice.objects.count() == 1


def test_set_up_with_a_wrong_code_confirms_nothing(client: Client) -> None:
    user = staff_user("publisher")
    log_in(client, user)
    device = pending_key(client)
    wrong = str((int(code_of(device)) + 1) % 1_000_000).zfill(6)

    response = client.post(ENROL, {"code": wrong}, REMOTE_ADDR=HOME)

    assert response.status_code == 200
    assert WRONG_CODE_MESSAGE in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert sent_to(client.get("/admin/", REMOTE_ADDR=HOME)) == ENROL


@pytest.mark.parametrize("bad", ["", "12345", "abcdef", "1234567"])
def test_set_up_refuses_what_is_not_a_code(client: Client, bad: str) -> None:
    user = staff_user("publisher")
    log_in(client, user)
    pending_key(client)

    response = client.post(ENROL, {"code": bad}, REMOTE_ADDR=HOME)

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_nobody_can_confirm_a_device_for_someone_else(client: Client) -> None:
    """The set-up page knows only the signed-in user's own device: a code from a colleague's
    pending device (and its id, in case the form were trusted) confirms nothing."""
    colleague = staff_user("publisher", "colleague")
    theirs = TOTPDevice.objects.create(user=colleague, confirmed=False)
    log_in(client, staff_user("superuser"))
    pending_key(client)

    response = client.post(
        ENROL, {"code": code_of(theirs), "device": theirs.pk, "user": colleague.pk}
    )

    assert response.status_code == 200
    assert WRONG_CODE_MESSAGE in response.content.decode()
    theirs.refresh_from_db()
    assert not theirs.confirmed
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_set_up_page_needs_the_password_first(client: Client) -> None:
    response = client.get(ENROL)
    assert sent_to(response) == LOGIN
    assert not TOTPDevice.objects.exists()


# --- Editors ------------------------------------------------------------------------------------


def test_editor_without_a_device_is_not_asked_by_default(client: Client) -> None:
    log_in(client, staff_user("editor"))

    assert admin_opens(client)
    page = client.get(TWO_STEP, REMOTE_ADDR=HOME)
    assert "Two-step sign-in is off." in page.content.decode()


def test_editor_must_set_it_up_when_the_setting_says_so(
    client: Client, settings: pytest.FixtureRequest
) -> None:
    settings.STAFF_2FA_FOR_EDITORS = True
    log_in(client, staff_user("editor"))

    assert sent_to(client.get("/admin/", REMOTE_ADDR=HOME)) == ENROL


def test_editor_can_turn_it_on_from_the_user_tools(client: Client) -> None:
    user = staff_user("editor")
    log_in(client, user)
    index = client.get("/admin/", REMOTE_ADDR=HOME).content.decode()
    assert f'href="{TWO_STEP}">Two-step sign-in</a>' in index

    device = pending_key(client)
    response = client.post(f"{ENROL}?next={TWO_STEP}", {"code": code_of(device)})

    assert len(response.context["codes"]) == 10
    page = client.get(TWO_STEP, REMOTE_ADDR=HOME).content.decode()
    assert "Two-step sign-in is on." in page
    assert "You have 10 unused recovery codes." in page


# --- Removing and renewing ----------------------------------------------------------------------


def test_removing_it_asks_for_a_current_code(client: Client, no_throttle: None) -> None:
    user, device = verified(client, "editor")

    refused = client.post(TWO_STEP, {"action": "remove", "code": "000000"}, REMOTE_ADDR=HOME)
    assert refused.status_code == 200
    assert WRONG_CODE_MESSAGE in refused.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()

    removed = client.post(
        TWO_STEP, {"action": "remove", "code": code_of(device, steps_ahead=1)}, REMOTE_ADDR=HOME
    )
    assert sent_to(removed) == TWO_STEP
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert admin_opens(client)  # optional for an editor


def test_a_required_role_that_removes_it_must_set_it_up_again(client: Client) -> None:
    _, device = verified(client, "publisher")

    client.post(
        TWO_STEP, {"action": "remove", "code": code_of(device, steps_ahead=1)}, REMOTE_ADDR=HOME
    )

    assert sent_to(client.get("/admin/", REMOTE_ADDR=HOME)) == ENROL


def test_new_recovery_codes_replace_the_old_ones(client: Client) -> None:
    _, device = verified(client, "publisher")
    old = set(StaticToken.objects.values_list("token", flat=True))

    response = client.post(
        TWO_STEP, {"action": "renew", "code": code_of(device, steps_ahead=1)}, REMOTE_ADDR=HOME
    )

    new = {code.replace("-", "") for code in response.context["codes"]}
    assert new == set(StaticToken.objects.values_list("token", flat=True))
    assert len(new) == 10
    assert not new & old


# --- A superuser resets a colleague's -----------------------------------------------------------


def test_superuser_resets_a_colleagues_second_step(client: Client) -> None:
    colleague = staff_user("publisher", "colleague")
    with_authenticator(colleague)
    replace_recovery_codes(colleague)
    colleague_session = Client()
    log_in(colleague_session, colleague)
    verified(client, "superuser")

    users = reverse("admin:auth_user_changelist")
    listing = client.get(users, REMOTE_ADDR=HOME)
    assert "two-step sign-in" in listing.content.decode().lower()
    response = client.post(
        users,
        {"action": "reset_two_step", "_selected_action": [colleague.pk]},
        REMOTE_ADDR=HOME,
    )

    assert sent_to(response) == users
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticDevice.objects.filter(user=colleague).exists()
    assert sent_to(colleague_session.get("/admin/", REMOTE_ADDR=HOME)) == ENROL


def test_a_publisher_cannot_reset_anyones_second_step(client: Client) -> None:
    colleague = staff_user("superuser", "chief")
    with_authenticator(colleague)
    verified(client, "publisher")

    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_step", "_selected_action": [colleague.pk]},
        REMOTE_ADDR=HOME,
    )

    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=colleague).exists()


def test_device_admins_that_show_secret_keys_are_not_registered() -> None:
    from django.contrib import admin

    assert not admin.site.is_registered(TOTPDevice)
    assert not admin.site.is_registered(StaticDevice)


# --- The QR code --------------------------------------------------------------------------------


def test_qr_code_draws_exactly_the_modules_of_the_code() -> None:
    import qrcode

    data = f"otpauth://totp/K%C3%B6rp%C3%BC%3Aadmin?secret={DEMO_TOTP_SECRET}"
    svg = str(qr_svg(data, label="QR code"))
    expected = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    expected.add_data(data)
    expected.make(fit=True)
    matrix = expected.get_matrix()

    drawn = [[False] * len(matrix) for _ in matrix]
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", svg):
        for column in range(int(x), int(x) + int(width)):
            drawn[int(y)][column] = True

    assert drawn == matrix
    assert 'role="img" aria-label="QR code"' in svg
    assert len(svg) < 12_000
