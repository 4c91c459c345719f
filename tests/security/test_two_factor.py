"""Second sign-in step for staff (issue 7, item 3): after the password, a code from an
authenticator app (TOTP) or a single-use recovery code. Required for superusers and Publishers
(who must set it up before any admin page opens), optional for Editors unless
STAFF_2FA_FOR_EDITORS is on. Logins go through the admin's login form, as a person's do.

The rest of the suite runs with STAFF_2FA_REQUIRED off (pyproject.toml); every test here turns
it on.
"""

from __future__ import annotations

import re
import time
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from aid.models import AidPackage
from demo.accounts import DEMO_TOTP_SECRET, ensure_demo_accounts
from demo.records import Tally
from editorial.publishing import Status
from staff.devices import RECOVERY_CODES, replace_recovery_codes
from staff.qr import qr_svg
from tests.admin_helpers import admin_url, change_url, form_data
from tests.factories import AidPackageFactory
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-right-password"
HOME = "192.0.2.10"
LOGIN = "/admin/login/"
CODE = reverse("staff:code")
ENROL = reverse("staff:enrol")
TWO_STEP = reverse("staff:two_step")
WRONG_CODE_MESSAGE = "That code is not right, or it has already been used."


@pytest.fixture(autouse=True)
def _two_step_on(settings: pytest.FixtureRequest) -> None:
    settings.STAFF_2FA_REQUIRED = True
    settings.STAFF_2FA_FOR_EDITORS = False


@pytest.fixture
def no_throttle(settings: pytest.FixtureRequest) -> None:
    """django-otp refuses every code for 1, 2, 4... seconds after a wrong one; tests that type a
    wrong code and then go on at once switch that off (one test below checks it)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


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


def verified(client: Client, role: str) -> tuple[AbstractBaseUser, TOTPDevice]:
    user = staff_user(role)
    device = with_authenticator(user)
    replace_recovery_codes(user)
    log_in(client, user)
    assert sent_to(enter_code(client, code_of(device))) == "/admin/"
    return user, device


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
