"""The Content-Security-Policy in Chromium: the home page, an aid detail page (with its JSON-LD),
the API docs (Swagger UI, whose inline script runs by the nonce) and the admin's change form
load with no violation reported.

These pages are opened in a context that enforces the policy; the ``page`` fixture bypasses
it for axe-core, which is injected as a script of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from weakref import WeakKeyDictionary

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.admin_helpers import change_url
from tests.browser.pages import screenshot, visit, watch
from tests.factories import AidPackageFactory, PhotoFactory
from tests.workflow_helpers import make_user

PASSWORD = "a-long-password"
# Recorded in the page from before its first script runs; Playwright's init scripts and
# evaluate() are not subject to the page's policy.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
});
"""

# "Content Security Policy" messages each watched page logged to its console.
_console: WeakKeyDictionary[Page, list[str]] = WeakKeyDictionary()


@pytest.fixture
def csp_page(
    browser: Browser, live_server: LiveServer, django_db_serialized_rollback: None
) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    watch(page, origin=live_server.url)
    console = _console.setdefault(page, [])

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            console.append(message.text)

    page.on("console", on_console)
    yield page
    context.close()


def violations(page: Page) -> list[str]:
    return [*_console[page], *page.evaluate("window.cspViolations")]


def open_clean(page: Page, url: str, name: str) -> None:
    """Open ``url`` (checked by ``visit``, without axe) and fail on any CSP violation."""
    visit(page, url, f"csp-{name}", axe=False)
    page.wait_for_load_state("networkidle")
    assert violations(page) == []


def test_a_blocked_inline_script_is_seen(csp_page: Page) -> None:
    """The watch works: an inline script added to the home page is refused and reported."""
    csp_page.goto("/en/")
    csp_page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        }"""
    )
    expect(csp_page.locator("body")).to_be_visible()
    csp_page.wait_for_function("window.cspViolations.length > 0")
    assert csp_page.evaluate("window.injected") is None
    assert any("script-src" in v for v in violations(csp_page))


def test_home_page_has_no_csp_violation(csp_page: Page) -> None:
    AidPackageFactory.create_batch(2, published=True)
    open_clean(csp_page, "/en/", "home")


def test_aid_detail_with_json_ld_has_no_csp_violation(csp_page: Page) -> None:
    package = AidPackageFactory(published=True)
    PhotoFactory(content_object=package)
    open_clean(csp_page, package.get_absolute_url(), "aid-detail")
    assert csp_page.locator('script[type="application/ld+json"]').count() == 1


def test_api_docs_render_their_operations_under_the_policy(csp_page: Page) -> None:
    open_clean(csp_page, "/api/v1/docs/", "api-docs")
    operations = csp_page.locator(".opblock-summary-path")
    expect(operations.first).to_be_visible()
    assert operations.count() >= 5

    # A request from the docs, as a partner would try one: fetch() is allowed to our own API.
    operations.filter(has_text=re.compile(r"^/api/v1/aid-packages/$")).click()
    csp_page.get_by_role("button", name="Try it out").click()
    csp_page.get_by_role("button", name="Execute").click()
    expect(csp_page.locator(".live-responses-table tbody .response-col_status").first).to_have_text(
        "200"
    )
    screenshot(csp_page, "csp-api-docs-tried")
    assert violations(csp_page) == []


def test_admin_change_form_has_no_csp_violation(csp_page: Page) -> None:
    user = make_user("superuser")
    user.set_password(PASSWORD)
    user.save()
    package = AidPackageFactory(published=True)
    csp_page.goto("/admin/login/?next=/admin/")
    csp_page.get_by_label("Username").fill(user.username)
    csp_page.get_by_label("Password").fill(PASSWORD)
    csp_page.get_by_role("button", name="Log in").click()
    expect(csp_page).to_have_url(re.compile(r"/admin/$"))
    assert violations(csp_page) == []

    open_clean(csp_page, change_url(package), "admin-change-form")
    expect(csp_page.locator("#aidpackage_form")).to_be_visible()
