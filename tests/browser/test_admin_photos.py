"""Photos of a draft aid package, added and arranged by an editor in Chromium: several files
uploaded at once, captions written and the order changed in the item's form, the result read
in the preview; and a file that is not an image refused with nothing stored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from aid.models import AidPackage
from editorial.models import Photo
from tests.admin_helpers import change_url
from tests.browser.pages import assert_clean, screenshot
from tests.factories import AidPackageFactory
from tests.workflow_helpers import make_user

PASSWORD = "a-long-password"
CREDIT = "Embassy of Azerbaijan in Kyiv"
PHOTO_INLINE = "editorial-photo-content_type-object_id"  # the generic inline's form prefix
COLOURS = {"red": (200, 40, 40), "green": (40, 160, 60), "blue": (40, 70, 200)}


def log_in_as_editor(page: Page) -> None:
    user = make_user("editor")
    user.set_password(PASSWORD)
    user.save()
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def images(folder: Path) -> list[Path]:
    """Three small photos, a JPEG and two PNGs, each a colour of its own."""
    paths = []
    for index, (name, rgb) in enumerate(COLOURS.items()):
        path = folder / (f"{name}.jpg" if index == 0 else f"{name}.png")
        Image.new("RGB", (320, 240), rgb).save(path)
        paths.append(path)
    return paths


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def messages(page: Page) -> Locator:
    return page.locator("ul.messagelist")


def photo_field(page: Page, index: int, name: str) -> Locator:
    """A field of the photo inline's `index`th form (the items inline has an `order` too)."""
    return page.locator(f'[name="{PHOTO_INLINE}-{index}-{name}"]')


def open_upload_page(page: Page, package: AidPackage) -> None:
    page.goto(change_url(package))
    page.locator(".object-tools").get_by_role("link", name="Upload photos").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Upload photos")


@pytest.mark.parametrize("viewport", ["desktop"])
def test_editor_uploads_captions_and_reorders_photos_then_previews_them(
    page: Page, tmp_path: Path
) -> None:
    package = AidPackageFactory(title_en="Transformers for Kyiv")
    log_in_as_editor(page)

    # Three files at once, with the alt text and credit the upload page asks for.
    open_upload_page(page, package)
    page.get_by_label("Photos").set_input_files(images(tmp_path))
    page.get_by_label("Alt text [en]").fill("Transformers on a lorry at the border")
    page.get_by_label("Credit").fill(CREDIT)
    assert_clean(page)
    screenshot(page, "photos-01-upload-form")
    page.get_by_role("button", name="Upload").click()
    expect(page).to_have_url(re.compile(re.escape(change_url(package)) + r"$"))
    expect(messages(page)).to_contain_text("3 photos added.")
    assert_clean(page)
    screenshot(page, "photos-02-uploaded")
    assert list(package.photos.values_list("order", flat=True)) == [0, 1, 2]

    # A caption for each, and the order turned around: blue first, red last.
    captions = ["Red: loading in Baku", "Green: crossing the border", "Blue: arriving in Kyiv"]
    for index, caption in enumerate(captions):
        photo_field(page, index, "caption_en").fill(caption)
        photo_field(page, index, "order").fill(str(2 - index))
    screenshot(page, "photos-03-captions-and-order")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(messages(page)).to_contain_text("was changed successfully")
    assert_clean(page)
    screenshot(page, "photos-04-saved")

    # The preview shows them in the new order, each with its caption and credit.
    page.locator(".object-tools").get_by_role("link", name="Preview").click()
    expect(page.locator(".preview-banner")).to_be_visible()
    figcaptions = page.locator("main figure figcaption")
    expect(figcaptions).to_have_count(3)
    expect(figcaptions).to_have_text(
        [re.compile(rf"^{re.escape(caption)}\s+{CREDIT}$") for caption in reversed(captions)]
    )
    expect(page.locator("figcaption .photo-credit")).to_have_text([CREDIT] * 3)
    assert_clean(page)
    screenshot(page, "photos-05-preview")


@pytest.mark.parametrize("viewport", ["desktop"])
def test_a_text_file_named_jpg_is_refused_and_nothing_is_stored(page: Page, tmp_path: Path) -> None:
    package = AidPackageFactory(title_en="Transformers for Kyiv", photos=1)
    log_in_as_editor(page)
    fake = tmp_path / "notes.jpg"
    fake.write_text("Invoice 42: twelve transformers, delivered.\n")
    real = images(tmp_path)[0]
    before, files_before = Photo.objects.count(), stored_files()

    open_upload_page(page, package)
    page.get_by_label("Photos").set_input_files([real, fake])
    page.get_by_label("Alt text [en]").fill("Transformers on a lorry")
    page.get_by_label("Credit").fill(CREDIT)
    page.get_by_role("button", name="Upload").click()

    expect(page.locator(".errornote")).to_have_text("Please correct the errors below.")
    expect(page.locator(".errorlist")).to_contain_text("notes.jpg: This file is not an image.")
    assert_clean(page)
    screenshot(page, "photos-06-refused-text-file")
    assert Photo.objects.count() == before
    assert package.photos.count() == 1
    assert stored_files() == files_before
