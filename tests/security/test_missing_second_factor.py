"""An account whose second step went missing (issue 15, item 3): it had an authenticator, and
its devices are gone without a reset (a restore from an older archive, rows deleted by hand).
After the password it is told to ask a superuser; the set-up page is never its way in, since
that would let a password alone enrol a new phone. Superusers reset it from Users.

Helpers and the sign-in steps are those of two_factor/steps.py; every test turns the second
step on, as there.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.accounts import ensure_demo_accounts
from demo.records import Tally
from editorial.roles import EDITORS, PUBLISHERS
from staff.devices import mark_enrolled, replace_recovery_codes
from staff.models import Enrolment
from tests.security.two_factor.steps import (
    CODE,
    ENROL,
    HOME,
    TWO_STEP,
    admin_opens,
    code_of,
    enter_code,
    log_in,
    pending_key,
    sent_to,
    staff_user,
    verified,
    with_authenticator,
)
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

MISSING = reverse("staff:missing")
MISSING_MESSAGE = "Ask a superuser to reset two-step sign-in for your account"
ROLES = ["superuser", "publisher", "editor"]


@pytest.fixture(autouse=True)
def _two_step_on(settings: pytest.FixtureRequest) -> None:
    settings.STAFF_2FA_REQUIRED = True
    settings.STAFF_2FA_FOR_EDITORS = False


def enrolled(role: str, username: str | None = None) -> tuple[AbstractBaseUser, TOTPDevice]:
    """A user in `role` who has set up an authenticator and recovery codes."""
    user = staff_user(role, username)
    device = with_authenticator(user)
    replace_recovery_codes(user)
    mark_enrolled(user)
    return user, device


def lose_devices(user: AbstractBaseUser) -> None:
    """What a restore from an archive without second factors leaves: the account, not its
    devices."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


# --- Each role, with and without a second step --------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_account_whose_second_step_is_missing_is_told_to_ask_a_superuser(
    client: Client, role: str
) -> None:
    user, _ = enrolled(role)
    lose_devices(user)
    log_in(client, user)

    response = client.get("/admin/", REMOTE_ADDR=HOME)

    assert sent_to(response) == MISSING
    page = client.get(response["Location"], REMOTE_ADDR=HOME)
    assert page.status_code == 403
    content = page.content.decode()
    assert MISSING_MESSAGE in content
    assert "QR code" not in content and "secret" not in page.context
    assert not TOTPDevice.objects.filter(user=user).exists()


@pytest.mark.parametrize("role", ROLES)
def test_account_whose_second_step_is_missing_reaches_no_admin_page(
    client: Client, role: str
) -> None:
    user, _ = enrolled(role)
    lose_devices(user)
    log_in(client, user)

    for url in ["/admin/", "/admin/aid/", TWO_STEP, reverse("admin:password_change")]:
        assert sent_to(client.get(url, REMOTE_ADDR=HOME)) == MISSING, url
    assert sent_to(client.get(CODE, REMOTE_ADDR=HOME)) == MISSING


@pytest.mark.parametrize("role", ROLES)
def test_account_whose_second_step_is_missing_is_not_shown_the_set_up_page(
    client: Client, role: str
) -> None:
    user, _ = enrolled(role)
    lose_devices(user)
    log_in(client, user)

    response = client.get(ENROL, REMOTE_ADDR=HOME)

    assert response.status_code == 403
    assert "staff/missing.html" in [t.name for t in response.templates]
    assert "qr_code" not in response.context
    assert not TOTPDevice.objects.filter(user=user).exists()  # no pending device either


@pytest.mark.parametrize("role", ROLES)
def test_account_with_its_second_step_is_asked_for_the_code_as_before(
    client: Client, role: str
) -> None:
    user, device = enrolled(role)
    log_in(client, user)

    assert sent_to(client.get("/admin/", REMOTE_ADDR=HOME)) == CODE
    assert sent_to(enter_code(client, code_of(device))) == "/admin/"
    assert admin_opens(client)


@pytest.mark.parametrize(
    ("role", "first_stop"),
    [("superuser", ENROL), ("publisher", ENROL), ("editor", "/admin/")],
)
def test_account_that_never_had_a_second_step_is_treated_as_before(
    client: Client, role: str, first_stop: str
) -> None:
    log_in(client, staff_user(role))

    response = client.get("/admin/", REMOTE_ADDR=HOME)

    if first_stop == "/admin/":
        assert response.status_code == 200
    else:
        assert sent_to(response) == first_stop


def test_a_forged_set_up_post_for_an_account_whose_second_step_is_missing_enrols_nothing(
    client: Client,
) -> None:
    """Even with a code of an unconfirmed device left in the database (its key known to
    whoever made it), the password alone confirms nothing."""
    user, _ = enrolled("publisher")
    lose_devices(user)
    leftover = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    log_in(client, user)

    response = client.post(ENROL, {"code": code_of(leftover)}, REMOTE_ADDR=HOME)

    assert response.status_code == 403
    leftover.refresh_from_db()
    assert not leftover.confirmed
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert not client.session.get("otp_device_id")
    assert sent_to(client.get("/admin/", REMOTE_ADDR=HOME)) == MISSING


def test_missing_page_sends_everyone_else_on(client: Client) -> None:
    user, _ = enrolled("publisher")
    log_in(client, user)

    assert sent_to(client.get(f"{MISSING}?next=/admin/aid/", REMOTE_ADDR=HOME)) == "/admin/aid/"


def test_missing_page_needs_the_password_first(client: Client) -> None:
    assert sent_to(client.get(MISSING)) == "/admin/login/"


@pytest.mark.parametrize(
    ("language", "title", "ask"),
    [
        ("uk", "Немає другого кроку входу", "Попросіть суперкористувача скинути двоетапний вхід"),
        ("az", "Girişin ikinci mərhələsi yoxdur", "Superistifadəçidən hesabınız üçün"),
    ],
)
def test_missing_page_is_in_the_browsers_language(
    client: Client, language: str, title: str, ask: str
) -> None:
    user, _ = enrolled("publisher")
    lose_devices(user)
    log_in(client, user)

    page = client.get(MISSING, REMOTE_ADDR=HOME, HTTP_ACCEPT_LANGUAGE=language)

    content = page.content.decode()
    assert page.status_code == 403
    assert title in content and ask in content
    english = ["Your second sign-in step is missing", MISSING_MESSAGE, "with a password only"]
    assert not [sentence for sentence in english if sentence in content]


# --- What marks an account, and what clears the mark ---------------------------------------


def test_setting_it_up_marks_the_account(client: Client) -> None:
    user = staff_user("publisher")
    log_in(client, user)

    client.post(ENROL, {"code": code_of(pending_key(client))}, REMOTE_ADDR=HOME)

    assert Enrolment.objects.filter(user=user).exists()


def test_a_superusers_reset_clears_the_mark_and_opens_the_set_up_page_again(
    client: Client,
) -> None:
    colleague, _ = enrolled("publisher", "colleague")
    lose_devices(colleague)
    colleague_session = Client()
    log_in(colleague_session, colleague)
    assert sent_to(colleague_session.get("/admin/", REMOTE_ADDR=HOME)) == MISSING
    verified(client, "superuser")

    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_step", "_selected_action": [colleague.pk]},
        REMOTE_ADDR=HOME,
    )

    assert not Enrolment.objects.filter(user=colleague).exists()
    assert sent_to(colleague_session.get("/admin/", REMOTE_ADDR=HOME)) == ENROL
    device = pending_key(colleague_session)
    response = colleague_session.post(ENROL, {"code": code_of(device)}, REMOTE_ADDR=HOME)
    assert len(response.context["codes"]) == 10
    assert Enrolment.objects.filter(user=colleague).exists()


def test_removing_it_yourself_with_a_code_clears_the_mark(client: Client) -> None:
    user = staff_user("editor")
    log_in(client, user)
    device = pending_key(client)
    client.post(f"{ENROL}?next={TWO_STEP}", {"code": code_of(device)}, REMOTE_ADDR=HOME)

    client.post(
        TWO_STEP, {"action": "remove", "code": code_of(device, steps_ahead=1)}, REMOTE_ADDR=HOME
    )

    assert not Enrolment.objects.filter(user=user).exists()
    assert pending_key(client)  # the set-up page opens again


def test_reset_command_unlocks_an_account_from_the_server(client: Client) -> None:
    """For when every superuser is locked out (a restore with --without-second-factors)."""
    user, _ = enrolled("superuser")
    lose_devices(user)
    out = StringIO()

    call_command("resettwostep", "superuser", stdout=out)

    assert out.getvalue() == "Reset two-step sign-in of superuser.\n"
    log_in(client, user)
    assert sent_to(client.get("/admin/", REMOTE_ADDR=HOME)) == ENROL


def test_reset_command_dry_run_changes_nothing() -> None:
    user, _ = enrolled("publisher")
    out = StringIO()

    call_command("resettwostep", "--dry-run", "publisher", stdout=out)

    assert out.getvalue() == "Would reset two-step sign-in of publisher.\n"
    assert Enrolment.objects.filter(user=user).exists()
    assert TOTPDevice.objects.filter(user=user).exists()


def test_reset_command_with_an_unknown_name_resets_nobody() -> None:
    user, _ = enrolled("publisher")

    with pytest.raises(CommandError, match="No user named 'nobody'; nothing reset"):
        call_command("resettwostep", "publisher", "nobody", stdout=StringIO())

    assert Enrolment.objects.filter(user=user).exists()


def test_demo_accounts_with_an_authenticator_are_marked() -> None:
    ensure_demo_accounts(password="a-long-and-right-password", tally=Tally())

    marked = set(Enrolment.objects.values_list("user__username", flat=True))

    assert marked == {"admin", "publisher"}


# --- The data migration that marks the accounts enrolled before it -----------------------------


def migrate_staff(name: str) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([("staff", name)])


@pytest.mark.django_db(transaction=True)
def test_migration_marks_the_accounts_enrolled_before_it_and_reverses() -> None:
    # A transactional test that ran before this one flushed the groups the data migrations
    # made (serialized_rollback would clash with the content types migrate makes again).
    for name in (EDITORS, PUBLISHERS):
        Group.objects.get_or_create(name=name)
    migrate_staff("0001_enrolment")
    with_authenticator(make_user("publisher"))
    codes_only = make_user("editor")
    StaticDevice.objects.create(user=codes_only, name="Recovery codes", confirmed=True)
    unconfirmed = make_user("superuser")
    TOTPDevice.objects.create(user=unconfirmed, confirmed=False)
    make_user("editor", "no-device")

    migrate_staff("0002_mark_enrolled_accounts")
    marked = set(Enrolment.objects.values_list("user__username", flat=True))

    migrate_staff("0001_enrolment")
    assert not Enrolment.objects.exists()
    migrate_staff("0002_mark_enrolled_accounts")
    assert marked == {"publisher", "editor"}
    assert set(Enrolment.objects.values_list("user__username", flat=True)) == marked
