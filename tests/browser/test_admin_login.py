import re

from django.contrib.auth.models import AbstractUser
from playwright.sync_api import Page, expect

from tests.browser.pages import (
    assert_clean,
    assert_no_axe_violations,
    screenshot,
    viewport_name,
    visit,
)


def test_admin_login_page_is_styled_and_accessible(page: Page) -> None:
    # Django's login template has no <h1> (it empties the title block and its site name is a
    # <div>); our own pages must pass page-has-heading-one.
    visit(page, "/admin/login/", "admin-login", axe_skip=["page-has-heading-one"])
    # The admin's style sheet was served by the live server, not merely linked.
    header = page.locator("#header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header not in ("rgba(0, 0, 0, 0)", "transparent")


def test_admin_login_leads_to_the_dashboard(
    page: Page, django_user_model: type[AbstractUser]
) -> None:
    django_user_model.objects.create_superuser("chief", "chief@example.org", "a-long-password")
    page.goto("/admin/login/?next=/admin/")

    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill("a-long-password")
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(
        page.get_by_role("heading", name="The record of Azerbaijan's aid to Ukraine")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert_clean(page)
    screenshot(page, f"admin-dashboard-{viewport_name(page)}")
    assert_no_axe_violations(page)
