"""Signing in with the second step: required roles set it up first, the code step, recovery
codes and the lockout."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from aid.models import AidPackage
from editorial.publishing import Status
from staff.devices import replace_recovery_codes
from tests.admin_helpers import admin_url, change_url, form_data
from tests.factories import AidPackageFactory
from tests.security.two_factor.steps import (
    CODE,
    ENROL,
    HOME,
    LOGIN,
    PASSWORD,
    TWO_STEP,
    WRONG_CODE_MESSAGE,
    admin_opens,
    code_of,
    enter_code,
    log_in,
    sent_to,
    staff_user,
    with_authenticator,
)
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db


# --- Required roles without a device: set it up first -----------------------------------------


REQUIRED = [pytest.param("superuser", id="superuser"), pytest.param("publisher", id="publisher")]


@pytest.mark.parametrize("role", REQUIRED)
def test_required_role_without_a_device_is_sent_to_set_up_after_the_password(
    client: Client, role: str
) -> None:
    log_in(client, staff_user(role))

    response = client.get("/admin/", REMOTE_ADDR=HOME)

    assert sent_to(response) == ENROL
    assert "next=%2Fadmin%2F" in response["Location"]
    page = client.get(response["Location"], REMOTE_ADDR=HOME)
    assert page.status_code == 200
    content = page.content.decode()
    assert "Your role requires a second step" in content
    assert "<svg" in content and 'aria-label="QR code for your authenticator app"' in content
    assert page.context["secret"].replace(" ", "") in content.replace("<span>", "").replace(
        "</span> ", ""
    )
    assert "<script" not in content.split("</head>")[1]  # the page needs no script


def every_staff_address(package: AidPackage, user: AbstractBaseUser) -> list[str]:
    content_type = ContentType.objects.get_for_model(AidPackage)
    return [
        "/admin/",
        "/admin/aid/",
        admin_url(AidPackage, "changelist"),
        admin_url(AidPackage, "add"),
        change_url(package),
        admin_url(AidPackage, "history", package.pk),
        admin_url(AidPackage, "preview", package.pk),
        admin_url(AidPackage, "transition", package.pk, "publish"),
        reverse("view-on-site", args=[content_type.pk, package.pk]),
        reverse("admin:password_change"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[user.pk]),
        reverse("admin:jsi18n"),
        TWO_STEP,
        "/admin/no-such-page/",
    ]


@pytest.mark.parametrize("role", REQUIRED)
def test_required_role_without_a_device_reaches_no_admin_page_or_preview(
    client: Client, role: str
) -> None:
    user = staff_user(role)
    package = AidPackageFactory(published=True)
    log_in(client, user)

    for url in every_staff_address(package, user):
        assert sent_to(client.get(url, REMOTE_ADDR=HOME)) == ENROL, url


@pytest.mark.parametrize("role", REQUIRED)
def test_required_role_with_a_device_reaches_no_admin_page_before_the_code(
    client: Client, role: str
) -> None:
    user = staff_user(role)
    with_authenticator(user)
    package = AidPackageFactory(published=True)
    log_in(client, user)

    for url in every_staff_address(package, user):
        response = client.get(url, REMOTE_ADDR=HOME)
        assert sent_to(response) == CODE, url


def test_forged_posts_with_only_the_password_change_nothing(
    client: Client, settings: pytest.FixtureRequest
) -> None:
    """A publisher's session that has passed the password only: edit, publish and user-admin
    POSTs are all turned back before any view runs."""
    user = staff_user("publisher")
    with_authenticator(user)
    package = AidPackageFactory(status=Status.DRAFT, title_en="Generators for Irpin")
    settings.STAFF_2FA_REQUIRED = False  # only to read the form a real edit would post
    client.force_login(make_user("superuser", "reader"))
    edit = form_data(client.get(change_url(package)))
    client.logout()
    settings.STAFF_2FA_REQUIRED = True
    log_in(client, user)

    posts = {
        change_url(package): {**edit, "title_en": "Forged title"},
        admin_url(AidPackage, "transition", package.pk, "publish"): {"comment": ""},
        admin_url(AidPackage, "changelist"): {
            "action": "delete_selected",
            "_selected_action": [package.pk],
            "post": "yes",
        },
        reverse("admin:auth_user_change", args=[user.pk]): {"is_superuser": "on"},
        reverse("staff:two_step"): {"action": "remove", "code": "000000"},
    }
    for url, data in posts.items():
        assert sent_to(client.post(url, data, REMOTE_ADDR=HOME)) == CODE, url

    package.refresh_from_db()
    assert (package.title_en, package.status) == ("Generators for Irpin", Status.DRAFT)
    user.refresh_from_db()
    assert not user.is_superuser
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_a_password_only_session_of_an_enrolled_user_cannot_set_up_another_device(
    client: Client,
) -> None:
    """Otherwise a stolen password would be enough to add the thief's own phone."""
    user = staff_user("publisher")
    device = with_authenticator(user)
    log_in(client, user)

    assert sent_to(client.get(ENROL, REMOTE_ADDR=HOME)) == CODE
    assert sent_to(client.post(ENROL, {"code": code_of(device)}, REMOTE_ADDR=HOME)) == CODE
    assert TOTPDevice.objects.filter(user=user).count() == 1
    assert not admin_opens(client)


# --- The code step ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [*REQUIRED, pytest.param("editor", id="editor")])
def test_user_with_a_device_is_asked_for_the_code_and_the_right_one_lets_them_in(
    client: Client, role: str
) -> None:
    """Editors too, once they have turned it on, though their role does not require it."""
    user = staff_user(role)
    device = with_authenticator(user)
    log_in(client, user, next_url="/admin/aid/")

    asked = client.get("/admin/aid/", REMOTE_ADDR=HOME)
    assert sent_to(asked) == CODE
    page = client.get(asked["Location"], REMOTE_ADDR=HOME)
    assert page.status_code == 200
    assert "six-digit code" in page.content.decode()

    response = enter_code(client, code_of(device), next_url="/admin/aid/")

    assert sent_to(response) == "/admin/aid/"
    assert admin_opens(client)


def test_a_wrong_code_is_refused_with_a_clear_message(client: Client) -> None:
    user = staff_user("publisher")
    device = with_authenticator(user)
    log_in(client, user)
    wrong = str((int(code_of(device)) + 1) % 1_000_000).zfill(6)

    response = enter_code(client, wrong)

    assert response.status_code == 200
    assert WRONG_CODE_MESSAGE in response.content.decode()
    assert not admin_opens(client)


def test_a_code_is_accepted_once_only(client: Client) -> None:
    user = staff_user("publisher")
    device = with_authenticator(user)
    code = code_of(device)
    log_in(client, user)
    assert sent_to(enter_code(client, code)) == "/admin/"

    other = Client()
    log_in(other, user)
    response = enter_code(other, code)

    assert response.status_code == 200
    assert WRONG_CODE_MESSAGE in response.content.decode()
    assert not admin_opens(other)


def test_after_a_wrong_code_the_device_waits_before_checking_another(client: Client) -> None:
    """django-otp's throttling: even the right code is not looked at straight after a wrong one,
    and that wait is no failed login of its own."""
    user = staff_user("publisher")
    device = with_authenticator(user)
    log_in(client, user)
    enter_code(client, str((int(code_of(device)) + 1) % 1_000_000).zfill(6))

    response = enter_code(client, code_of(device))

    assert "Too many wrong codes. Wait" in response.content.decode()
    assert not admin_opens(client)
    assert AccessAttempt.objects.get().failures_since_start == 1


def test_unsafe_next_address_is_not_followed(client: Client) -> None:
    user = staff_user("publisher")
    device = with_authenticator(user)
    log_in(client, user)

    response = enter_code(client, code_of(device), next_url="https://attacker.example/")

    assert sent_to(response) == "/admin/"


def test_verifying_gives_the_session_a_new_key(client: Client) -> None:
    user = staff_user("publisher")
    device = with_authenticator(user)
    log_in(client, user)
    before = client.session.session_key

    enter_code(client, code_of(device))

    assert client.session.session_key != before


# --- Recovery codes -----------------------------------------------------------------------------


def test_a_recovery_code_signs_in_once(client: Client, no_throttle: None) -> None:
    user = staff_user("superuser")
    with_authenticator(user)
    codes = replace_recovery_codes(user)
    typed = f"{codes[0][:4]}-{codes[0][4:]}".upper()  # as printed, in capitals
    log_in(client, user)

    response = enter_code(client, typed)

    assert sent_to(response) == "/admin/"
    landing = client.get("/admin/", REMOTE_ADDR=HOME)
    assert "You signed in with a recovery code: 9 are left." in landing.content.decode()
    assert StaticToken.objects.filter(device__user=user).count() == 9

    other = Client()
    log_in(other, user)
    assert WRONG_CODE_MESSAGE in enter_code(other, typed).content.decode()
    assert not admin_opens(other)


# --- Lockout ------------------------------------------------------------------------------------


def test_wrong_codes_count_towards_the_lockout_and_end_the_session(
    client: Client, settings: pytest.FixtureRequest, no_throttle: None
) -> None:
    user = staff_user("publisher")
    device = with_authenticator(user)
    log_in(client, user)
    wrong = str((int(code_of(device)) + 1) % 1_000_000).zfill(6)

    responses = [enter_code(client, wrong) for _ in range(settings.AXES_FAILURE_LIMIT)]

    assert [r.status_code for r in responses] == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    limit = settings.AXES_FAILURE_LIMIT
    assert (
        f"password or sign-in code was entered wrongly {limit} times"
        in responses[-1].content.decode()
    )
    assert sent_to(enter_code(client, code_of(device))) == LOGIN  # the session has ended
    data = {"username": user.get_username(), "password": PASSWORD, "next": "/admin/"}
    assert client.post(LOGIN, data, REMOTE_ADDR=HOME).status_code == 429


def test_password_lockout_still_holds(client: Client, settings: pytest.FixtureRequest) -> None:
    user = staff_user("superuser")
    data = {"username": user.get_username(), "password": "a-long-but-wrong-password"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, data, REMOTE_ADDR=HOME)

    response = client.post(LOGIN, {**data, "password": PASSWORD}, REMOTE_ADDR=HOME)

    assert response.status_code == 429
    assert not admin_opens(client)


def test_typed_codes_are_not_stored_with_a_failed_try(client: Client, no_throttle: None) -> None:
    user = staff_user("publisher")
    with_authenticator(user)
    log_in(client, user)

    enter_code(client, "abcd-efgh")

    assert "abcd-efgh" not in AccessAttempt.objects.get().post_data
