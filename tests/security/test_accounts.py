"""Staff accounts (issue, item 3): a brute-force lockout on the admin login that a spoofed
X-Forwarded-For cannot reset, sessions that end when idle, strong passwords, and roles that
cannot grant themselves more rights. Logins here go through the admin's login form, as a
person's do: `force_login` would skip the lockout."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from demo.accounts import DEFAULT_PASSWORD, ensure_demo_accounts
from demo.records import Tally
from editorial.roles import EDITORS, PUBLISHERS
from tests.admin_helpers import login_staff

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "a-long-and-right-password"
WRONG = "a-long-but-wrong-password"
HOME = "192.0.2.10"


@pytest.fixture
def staff() -> AbstractBaseUser:
    return get_user_model().objects.create_user("clerk", password=PASSWORD, is_staff=True)


def log_in(
    client: Client, password: str, *, username: str = "clerk", **headers: str
) -> HttpResponse:
    data = {"username": username, "password": password, "next": "/admin/"}
    return client.post(LOGIN, data, REMOTE_ADDR=headers.pop("REMOTE_ADDR", HOME), **headers)


def fail(client: Client, times: int, **headers: str) -> list[int]:
    """Wrong passwords `times` times; the status of each answer."""
    return [log_in(client, WRONG, **headers).status_code for _ in range(times)]


def is_logged_in(client: Client) -> bool:
    return client.get("/admin/", REMOTE_ADDR=HOME).status_code == 200


def move_attempts_back(by: timedelta) -> None:
    """As if the failures had happened `by` earlier."""
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= by
        attempt.save(update_fields=["attempt_time"])


# --- Lockout ----------------------------------------------------------------------------------


def test_lockout_defaults_to_five_failures_for_an_hour_per_username_and_address() -> None:
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 60 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


PRINT_ACCOUNT_SETTINGS = """
from django.conf import settings
print(settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME.total_seconds(),
      settings.SESSION_COOKIE_AGE)
"""


def account_settings(**environ: str) -> subprocess.CompletedProcess[str]:
    """Import config.settings in a fresh interpreter, so this process keeps its own."""
    env = {**os.environ, **environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    return subprocess.run(
        [sys.executable, "-c", PRINT_ACCOUNT_SETTINGS],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_lockout_and_idle_time_come_from_the_environment() -> None:
    result = account_settings(
        LOGIN_FAILURE_LIMIT="3", LOGIN_COOLOFF_MINUTES="15", SESSION_IDLE_MINUTES="30"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "900.0", "1800"]


@pytest.mark.parametrize("variable", ["LOGIN_FAILURE_LIMIT", "LOGIN_COOLOFF_MINUTES"])
def test_a_lockout_setting_of_zero_refuses_to_start(variable: str) -> None:
    result = account_settings(**{variable: "0"})
    assert result.returncode != 0
    assert "must be positive" in result.stderr


def test_wrong_passwords_below_the_limit_show_the_login_form_again(
    client: Client, staff: AbstractBaseUser
) -> None:
    assert fail(client, settings.AXES_FAILURE_LIMIT - 1) == [200] * (
        settings.AXES_FAILURE_LIMIT - 1
    )
    assert log_in(client, PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_lockout_refuses_even_the_right_password_with_a_clear_page(
    client: Client, staff: AbstractBaseUser
) -> None:
    statuses = fail(client, settings.AXES_FAILURE_LIMIT)
    assert statuses[-1] == 429  # the failure that reaches the limit already gets the page

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert "axes/lockout.html" in [t.name for t in response.templates]
    content = response.content.decode()
    assert "Too many failed logins" in content
    assert (
        f"password or sign-in code was entered wrongly {settings.AXES_FAILURE_LIMIT} times"
        in content
    )
    assert "Wait 60 minutes" in content
    assert not is_logged_in(client)


def test_lockout_holds_a_username_at_one_address_only(
    client: Client, staff: AbstractBaseUser
) -> None:
    """Typing a colleague's name does not lock them out of their own desk."""
    get_user_model().objects.create_user("colleague", password=PASSWORD, is_staff=True)
    fail(client, settings.AXES_FAILURE_LIMIT)

    assert log_in(Client(), PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 302
    assert log_in(Client(), PASSWORD, username="colleague").status_code == 302


def test_spoofed_forwarded_for_does_not_reset_the_count(
    client: Client, staff: AbstractBaseUser
) -> None:
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, WRONG, HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}")

    response = log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.200")

    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {HOME}


def test_another_user_agent_does_not_reset_the_count(
    client: Client, staff: AbstractBaseUser
) -> None:
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, WRONG, HTTP_USER_AGENT=f"Browser/{attempt}")

    assert log_in(client, PASSWORD, HTTP_USER_AGENT="Browser/new").status_code == 429


def test_lockout_lasts_the_whole_cool_off(client: Client, staff: AbstractBaseUser) -> None:
    fail(client, settings.AXES_FAILURE_LIMIT)
    move_attempts_back(settings.AXES_COOLOFF_TIME - timedelta(minutes=1))

    assert log_in(client, PASSWORD).status_code == 429


def test_a_try_during_the_lockout_starts_the_cool_off_again(
    client: Client, staff: AbstractBaseUser
) -> None:
    fail(client, settings.AXES_FAILURE_LIMIT)
    move_attempts_back(settings.AXES_COOLOFF_TIME - timedelta(minutes=1))
    fail(client, 1)
    move_attempts_back(timedelta(minutes=2))  # the first failure is now past the cool-off

    assert log_in(client, PASSWORD).status_code == 429


def test_lockout_ends_after_the_cool_off(client: Client, staff: AbstractBaseUser) -> None:
    fail(client, settings.AXES_FAILURE_LIMIT)
    move_attempts_back(settings.AXES_COOLOFF_TIME + timedelta(seconds=1))

    assert log_in(client, PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_a_successful_login_clears_the_failures(client: Client, staff: AbstractBaseUser) -> None:
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert log_in(client, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()
    client.post(reverse("admin:logout"), REMOTE_ADDR=HOME)

    assert fail(client, settings.AXES_FAILURE_LIMIT - 1)[-1] == 200
    assert log_in(client, PASSWORD).status_code == 302


# --- Idle sessions ----------------------------------------------------------------------------


def test_sessions_end_after_two_idle_hours_or_when_the_browser_closes(
    client: Client, staff: AbstractBaseUser
) -> None:
    assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    log_in(client, PASSWORD)
    # No Max-Age or Expires: the browser forgets the cookie when it closes.
    assert not client.cookies[settings.SESSION_COOKIE_NAME]["max-age"]
    assert not client.cookies[settings.SESSION_COOKIE_NAME]["expires"]


def test_each_request_moves_the_idle_expiry_on(client: Client, staff: AbstractBaseUser) -> None:
    log_in(client, PASSWORD)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))  # idle 1:59

    assert is_logged_in(client)
    expiry = Session.objects.get().expire_date
    assert expiry > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_an_idle_session_is_logged_out(client: Client, staff: AbstractBaseUser) -> None:
    log_in(client, PASSWORD)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    response = client.get("/admin/", REMOTE_ADDR=HOME)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# --- Passwords --------------------------------------------------------------------------------


def change_own_password(client: Client, new: str) -> HttpResponse:
    return client.post(
        reverse("admin:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )


@pytest.mark.parametrize(
    ("password", "refusal"),
    [
        ("korpu-demo1", "This password is too short. It must contain at least 12 characters."),
        ("qwerty123456", "This password is too common."),
        ("739184652017", "This password is entirely numeric."),
    ],
)
def test_admin_password_change_refuses_weak_passwords(
    client: Client, staff: AbstractBaseUser, password: str, refusal: str
) -> None:
    client.force_login(staff)

    response = change_own_password(client, password)

    assert response.status_code == 200
    assert refusal in response.content.decode()
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_admin_password_change_accepts_a_long_uncommon_password(
    client: Client, staff: AbstractBaseUser
) -> None:
    client.force_login(staff)

    assert change_own_password(client, "bridge-over-the-dnipro-2022").status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("bridge-over-the-dnipro-2022")


def test_superuser_cannot_set_a_short_password_for_someone_else(
    admin_client: Client, staff: AbstractBaseUser
) -> None:
    url = reverse("admin:auth_user_password_change", args=[staff.pk])

    response = admin_client.post(url, {"password1": "korpu-demo1", "password2": "korpu-demo1"})

    assert response.status_code == 200
    assert "too short" in response.content.decode()
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_demo_accounts_log_in_with_the_documented_shorter_password(client: Client) -> None:
    """`make demo` promises `korpu-demo`: the validators guard the forms, not the demo loader."""
    assert DEFAULT_PASSWORD == "korpu-demo"
    ensure_demo_accounts(password=DEFAULT_PASSWORD, tally=Tally())

    for username in ("admin", "editor", "publisher"):
        assert log_in(Client(), DEFAULT_PASSWORD, username=username).status_code == 302, username


# --- No self-escalation -----------------------------------------------------------------------

ROLES = [pytest.param(EDITORS, id="editor"), pytest.param(PUBLISHERS, id="publisher")]
# Permissions that would let a role give itself, or anyone, more rights, or reach partner keys
# and the lockout records.
ESCALATING = ["auth", "partners", "axes", "admin", "contenttypes", "sessions"]


@pytest.mark.parametrize("role", ROLES)
def test_role_holds_no_permission_over_accounts_groups_or_keys(role: str) -> None:
    app_labels = set(
        Group.objects.get(name=role).permissions.values_list("content_type__app_label", flat=True)
    )
    assert app_labels <= {"editorial", "aid", "projects", "people"}
    assert not app_labels & set(ESCALATING)


@pytest.mark.parametrize("role", ROLES)
def test_role_member_has_none_of_the_escalating_permissions(client: Client, role: str) -> None:
    user = login_staff(client, role)
    for permission in (
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "auth.change_group",
        "auth.add_group",
        "auth.change_permission",
        "partners.add_partnerkey",
        "partners.change_partnerkey",
        "partners.view_partnerkey",
        "axes.delete_accessattempt",
    ):
        assert not user.has_perm(permission), permission


def own_pages(user: AbstractBaseUser) -> list[str]:
    return [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[user.pk]),
        reverse("admin:auth_user_password_change", args=[user.pk]),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_group_add"),
        reverse("admin:partners_partnerkey_changelist"),
        reverse("admin:partners_partnerkey_add"),
        reverse("admin:axes_accessattempt_changelist"),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_role_member_is_refused_the_account_and_group_pages(client: Client, role: str) -> None:
    user = login_staff(client, role)
    for url in own_pages(user):
        assert client.get(url).status_code == 403, url


def user_rights(user: AbstractBaseUser) -> tuple[object, ...]:
    user.refresh_from_db()
    return (
        user.is_superuser,
        user.is_staff,
        set(user.groups.values_list("name", flat=True)),
        set(user.user_permissions.all()),
    )


@pytest.mark.parametrize("role", ROLES)
def test_forged_post_to_own_account_changes_nothing(client: Client, role: str) -> None:
    user = login_staff(client, role)
    before = user_rights(user)
    url = reverse("admin:auth_user_change", args=[user.pk])
    forged = {
        "username": user.get_username(),
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": list(Group.objects.values_list("pk", flat=True)),
        "user_permissions": list(Permission.objects.values_list("pk", flat=True)),
        "date_joined_0": "2025-01-01",
        "date_joined_1": "00:00:00",
    }

    assert client.post(url, forged).status_code == 403
    assert user_rights(user) == before
    assert not user.is_superuser


@pytest.mark.parametrize("role", ROLES)
def test_forged_posts_cannot_add_a_user_or_widen_a_group(client: Client, role: str) -> None:
    login_staff(client, role)
    group = Group.objects.get(name=role)
    permissions_before = set(group.permissions.all())
    users_before = get_user_model().objects.count()
    everything = list(Permission.objects.values_list("pk", flat=True))

    added = client.post(
        reverse("admin:auth_user_add"),
        {"username": "accomplice", "password1": PASSWORD, "password2": PASSWORD},
    )
    widened = client.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": role, "permissions": everything},
    )

    assert (added.status_code, widened.status_code) == (403, 403)
    assert get_user_model().objects.count() == users_before
    assert set(group.permissions.all()) == permissions_before
