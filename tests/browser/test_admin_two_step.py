"""The second sign-in step in Chromium: a publisher sets up the authenticator after the password
(reading the key off the page, as someone without a camera would), keeps the recovery codes,
logs out, and signs in again with a code. The pages run no script, so the Content-Security-Policy
is enforced throughout (no bypass) and must report nothing."""

from __future__ import annotations

import re
import time
from base64 import b32decode
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import AbstractBaseUser
from django_otp.oath import TOTP
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.pages import assert_clean, screenshot, visit, watch
from tests.workflow_helpers import make_user

PASSWORD = "a-long-password"
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture(autouse=True)
def _two_step_on(settings: pytest.FixtureRequest) -> None:
    """The live server reads settings per request, so this reaches it (pyproject turns it off)."""
    settings.STAFF_2FA_REQUIRED = True


@pytest.fixture
def policed_page(
    browser: Browser, live_server: LiveServer, django_db_serialized_rollback: None
) -> Iterator[Page]:
    """A page whose context enforces the site's CSP and records any violation."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    watch(page, origin=live_server.url)
    yield page
    context.close()


def publisher() -> AbstractBaseUser:
    user = make_user("publisher")
    user.set_password(PASSWORD)
    user.save()
    return user


def code_from_key(key: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app set up with `key` (base32, as shown) displays."""
    totp = TOTP(b32decode(re.sub(r"\s", "", key)), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time() + steps_ahead * 30
    return str(totp.token()).zfill(6)


def log_in(page: Page) -> None:
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("publisher")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def no_violations(page: Page) -> None:
    assert_clean(page)
    assert page.evaluate("window.cspViolations") == []


def test_publisher_sets_up_two_step_then_signs_in_with_a_code(policed_page: Page) -> None:
    page = policed_page
    publisher()

    log_in(page)
    expect(page).to_have_url(re.compile(r"/admin/login/set-up/\?next=%2Fadmin%2F$"))
    expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    screenshot(page, "admin-two-step-set-up")
    no_violations(page)

    key = page.locator(".two-step-secret").inner_text()
    page.get_by_role("textbox", name="Code").fill(code_from_key(key))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    expect(page.locator(".two-step-codes li")).to_have_count(10)
    screenshot(page, "admin-two-step-recovery-codes")
    no_violations(page)

    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("Thanks for spending some quality time")).to_be_visible()

    log_in(page)
    expect(page).to_have_url(re.compile(r"/admin/login/code/\?next=%2Fadmin%2F$"))
    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    wrong = "000000" if code_from_key(key) != "000000" else "111111"
    page.get_by_role("textbox", name="Code").fill(wrong)
    page.get_by_role("button", name="Verify").click()
    expect(page.locator(".errorlist")).to_contain_text("That code is not right")
    screenshot(page, "admin-two-step-code-refused")
    no_violations(page)

    time.sleep(1.1)  # django-otp's wait after a wrong code
    # The set-up used the current period's code, and each code counts once: the app's next one.
    page.get_by_role("textbox", name="Code").fill(code_from_key(key, steps_ahead=1))
    page.get_by_role("button", name="Verify").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("link", name="Two-step sign-in")).to_be_visible()
    no_violations(page)


@pytest.mark.parametrize("viewport", ["phone"])
def test_two_step_pages_are_accessible_on_a_phone(page: Page) -> None:
    publisher()
    log_in(page)
    expect(page).to_have_url(re.compile(r"/admin/login/set-up/"))

    # The admin's login box has no <h1> of its own, but these pages do: nothing skipped.
    visit(page, "/admin/login/set-up/", "admin-two-step-set-up")
