"""An edit of a live aid package, walked through the admin in Chromium by the people who make
it: an editor changes the title, a publisher reviews, previews and approves it, then restores
the earlier version from the history. The public page is read in the same browser between
the steps."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from aid.models import AidPackage
from editorial import workflow
from editorial.revisions import Revision, RevisionState
from tests.admin_helpers import admin_url, change_url
from tests.browser.pages import assert_clean, screenshot
from tests.factories import AidPackageFactory
from tests.workflow_helpers import make_user

PASSWORD = "a-long-password"
OLD_TITLE = "Transformers for Kyiv"
NEW_TITLE = "Twelve transformers for Kyiv"


def log_in(page: Page, username: str) -> None:
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    assert_clean(page)


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("Thanks for spending some quality time")).to_be_visible()


def messages(page: Page) -> Locator:
    """The admin's messages, without the banner of a change waiting for approval."""
    return page.locator("ul.messagelist:not(.workflow-pending)")


def tool_labels(page: Page) -> list[str]:
    """The buttons above the change form, as written (CSS shows them in capitals)."""
    return [text.strip() for text in page.locator(".object-tools a").all_text_contents()]


def assert_offers_no_publishing(page: Page) -> None:
    publishing = re.compile("publish|schedule|archive", re.IGNORECASE)
    expect(page.get_by_role("link", name=publishing)).to_have_count(0)
    expect(page.get_by_role("button", name=publishing)).to_have_count(0)


def user_with_password(role: str) -> None:
    user = make_user(role)
    user.set_password(PASSWORD)
    user.save()


def public_title(page: Page, package: AidPackage, name: str) -> str:
    response = page.goto(f"/en/aid/{package.slug}/")
    assert response is not None and response.status == 200
    assert_clean(page)
    screenshot(page, name)
    return page.get_by_role("heading", level=1).inner_text()


@pytest.mark.parametrize("viewport", ["desktop"])
def test_edit_of_a_live_package_waits_for_approval_then_is_restored(page: Page) -> None:
    user_with_password("editor")
    user_with_password("publisher")
    package = AidPackageFactory(published=True, title_en=OLD_TITLE, slug="transformers-kyiv")
    # The package went live through the workflow, so its history holds the approved version.
    workflow.publish(obj=package, user=make_user("publisher", "first-publisher"))

    # The editor changes the English title of the live package.
    log_in(page, "editor")
    page.goto(change_url(package))
    assert tool_labels(page) == ["Preview", "History", "View on site"]
    assert_offers_no_publishing(page)
    # The items table in three languages scrolls in its box, not the whole page sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.locator("#id_title_en").fill(NEW_TITLE)
    screenshot(page, "workflow-01-editor-edit")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(messages(page)).to_contain_text(
        "Your change is waiting for a publisher's approval; the public still sees the "
        "approved version."
    )
    assert tool_labels(page) == ["Preview the change", "History", "View on site"]
    assert_offers_no_publishing(page)
    assert_clean(page)
    screenshot(page, "workflow-02-editor-saved")

    # The editor cannot publish by forging the confirmation page's POST.
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    publish_url = admin_url(AidPackage, "transition", package.pk, "publish")
    forged = page.request.post(
        publish_url,
        form={"csrfmiddlewaretoken": cookies["csrftoken"], "comment": ""},
        headers={"X-CSRFToken": cookies["csrftoken"], "Referer": page.url},
    )
    assert forged.status == 403
    assert Revision.objects.for_object(package).pending().get().state == RevisionState.PENDING
    package.refresh_from_db()
    assert package.title_en == OLD_TITLE

    # The public still sees the approved title.
    assert public_title(page, package, "workflow-03-public-before") == OLD_TITLE

    # A publisher finds the change on the dashboard.
    page.goto("/admin/")
    log_out(page)
    log_in(page, "publisher")
    panel = page.locator("#workflow-review")
    # The entry names the item as the public knows it, by its approved title.
    expect(panel).to_contain_text(OLD_TITLE)
    expect(panel).to_contain_text("Change to the live item")
    expect(panel).to_contain_text("editor")
    screenshot(page, "workflow-04-publisher-dashboard")

    # The review page shows the field-by-field difference.
    panel.get_by_role("link", name=OLD_TITLE).click()
    expect(page.locator(".workflow-pending")).to_contain_text("is waiting for approval")
    page.get_by_role("link", name="Review the change", exact=True).click()
    row = page.locator("table.workflow-diff tbody tr", has_text="Title [en]")
    expect(row.locator("del")).to_have_text(OLD_TITLE)
    expect(row.locator("ins")).to_have_text(NEW_TITLE)
    assert_clean(page)
    screenshot(page, "workflow-05-review-diff")
    review_url = page.url

    # The preview shows the page as it will look once approved.
    page.get_by_role("link", name="See the page as it will look once approved").click()
    expect(page.locator(".preview-banner")).to_contain_text("Preview")
    expect(page.locator(".preview-banner")).to_contain_text("the change waiting for approval")
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)
    assert_clean(page)
    screenshot(page, "workflow-06-preview")

    # Approve and publish: the public page changes.
    page.goto(review_url)
    page.get_by_role("button", name="Approve & publish").click()
    expect(messages(page)).to_contain_text("Published.")
    assert_clean(page)
    screenshot(page, "workflow-07-approved")
    assert public_title(page, package, "workflow-08-public-after") == NEW_TITLE

    # Restore the version approved before the edit, from the item's history.
    page.goto(change_url(package))
    page.locator(".object-tools").get_by_role("link", name="History").click()
    expect(page.locator("#change-history tbody tr")).to_have_count(3)
    assert_clean(page)
    screenshot(page, "workflow-09-history")
    oldest = page.locator("#change-history tbody tr").last
    oldest.get_by_role("link", name="restore this version").click()
    row = page.locator("table.workflow-diff tbody tr", has_text="Title [en]")
    expect(row.locator("del")).to_have_text(NEW_TITLE)
    expect(row.locator("ins")).to_have_text(OLD_TITLE)
    page.get_by_label("Comment").fill("Back to the approved wording.")
    assert_clean(page)
    screenshot(page, "workflow-10-rollback-confirm")
    page.get_by_role("button", name="Restore this version").click()
    expect(messages(page)).to_contain_text("The earlier version is restored, as a new revision.")
    screenshot(page, "workflow-11-restored")
    assert public_title(page, package, "workflow-12-public-restored") == OLD_TITLE
