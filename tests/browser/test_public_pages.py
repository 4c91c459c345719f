"""Every public page type in every language, at phone and desktop widths: it loads cleanly,
shows its content in the page's language and passes axe. Then what a visitor does: switch
language, filter a list, look through a gallery, arrive at `/` with a Ukrainian browser."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.db.models import Model
from django.utils import translation
from playwright.sync_api import Page, expect

from tests.browser.conftest import OpenPage
from tests.browser.pages import (
    assert_clean,
    assert_no_axe_violations,
    screenshot,
    viewport_name,
    visit,
)
from tests.browser.public_content import (
    LANGUAGES,
    SEARCH_TERMS,
    PublicContent,
    build_public_content,
)


def translated(obj: object, field: str, lang: str) -> str:
    return getattr(obj, f"{field}_{lang}")


def url_in(obj: Model, lang: str) -> str:
    with translation.override(lang):
        return obj.get_absolute_url()


def check_home(page: Page, content: PublicContent, lang: str) -> None:
    # The latest published items are linked from the home page.
    latest = page.locator("main .cards")
    for obj in (content.packages[0], content.projects[0], content.groups[0]):
        link = latest.get_by_role("link", name=translated(obj, "title", lang))
        expect(link).to_have_attribute("href", url_in(obj, lang))


def check_list(kind: str) -> Callable[[Page, PublicContent, str], None]:
    def check(page: Page, content: PublicContent, lang: str) -> None:
        cards = page.locator("main .cards")
        for obj in getattr(content, kind):
            expect(cards.get_by_role("link", name=translated(obj, "title", lang))).to_be_visible()

    return check


def check_detail(kind: str) -> Callable[[Page, PublicContent, str], None]:
    def check(page: Page, content: PublicContent, lang: str) -> None:
        obj = getattr(content, kind)[0]
        expect(page.get_by_role("heading", level=1)).to_have_text(translated(obj, "title", lang))

    return check


def check_map(page: Page, content: PublicContent, lang: str) -> None:
    check_list(
        "projects" if "/projects/" in page.url else "partnerships",
    )(page, content, lang)
    expect(page.locator("main svg").first).to_be_visible()


def check_search(page: Page, content: PublicContent, lang: str) -> None:
    # The Irpin project and the Irpin–Lachin partnership are found, whatever the language.
    for obj in (content.projects[0], content.partnerships[0]):
        expect(
            page.locator("main .cards").get_by_role("link", name=translated(obj, "title", lang))
        ).to_be_visible()


def check_not_found(page: Page, content: PublicContent, lang: str) -> None:
    # Besides the header's search box, the page offers one of its own.
    expect(page.locator("main").get_by_role("search").get_by_role("searchbox")).to_be_visible()
    expect(page.locator("main").get_by_role("link", name=re.compile(".")).first).to_be_visible()


# name: (path after /<lang>, expected status, content check)
PAGE_TYPES: dict[str, tuple[Callable[[PublicContent, str], str], int, Callable[..., None]]] = {
    "home": (lambda c, lang: "/", 200, check_home),
    "aid-list": (lambda c, lang: "/aid/", 200, check_list("packages")),
    "aid-detail": (lambda c, lang: f"/aid/{c.packages[0].slug}/", 200, check_detail("packages")),
    "projects-list": (lambda c, lang: "/projects/", 200, check_map),
    "projects-detail": (
        lambda c, lang: f"/projects/{c.projects[0].slug}/",
        200,
        check_detail("projects"),
    ),
    "rehabilitation-list": (lambda c, lang: "/rehabilitation/", 200, check_list("groups")),
    "rehabilitation-detail": (
        lambda c, lang: f"/rehabilitation/{c.groups[0].slug}/",
        200,
        check_detail("groups"),
    ),
    "partnerships-list": (lambda c, lang: "/partnerships/", 200, check_map),
    "partnerships-detail": (
        lambda c, lang: f"/partnerships/{c.partnerships[0].slug}/",
        200,
        check_detail("partnerships"),
    ),
    "search": (lambda c, lang: f"/search/?q={SEARCH_TERMS[lang]}", 200, check_search),
    "not-found": (lambda c, lang: "/no-such-page/", 404, check_not_found),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_public_page_type_is_clean_in_every_language(page: Page, page_type: str, lang: str) -> None:
    content = build_public_content()
    path, status, check = PAGE_TYPES[page_type]

    visit(page, f"/{lang}{path(content, lang)}", f"{page_type}-{lang}", status=status)

    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    check(page, content, lang)


def test_language_switch_leads_to_the_same_item(page: Page) -> None:
    package = build_public_content().packages[0]
    visit(page, package.get_absolute_url(), "switch-from-en")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Українська").click()

    expect(page).to_have_url(re.compile(rf"/uk/aid/{package.slug}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.get_by_role("heading", level=1)).to_have_text(package.title_uk)
    assert_clean(page)
    screenshot(page, f"switch-to-uk-{viewport_name(page)}")
    assert_no_axe_violations(page)


def test_language_switch_keeps_the_filters(page: Page) -> None:
    build_public_content()
    visit(page, "/en/aid/?sector=energy", "switch-filtered-en")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Azərbaycanca").click()

    expect(page).to_have_url(re.compile(r"/az/aid/\?sector=energy$"))
    expect(page.locator("select[name=sector]")).to_have_value("energy")
    expect(page.locator(".result-count")).to_have_text(re.compile(r"^1 "))
    assert_clean(page)
    screenshot(page, f"switch-filtered-to-az-{viewport_name(page)}")
    assert_no_axe_violations(page)


def test_filter_form_narrows_the_aid_list(page: Page) -> None:
    content = build_public_content()
    energy, demining = content.packages
    visit(page, "/en/aid/", "aid-filter-before-en")
    expect(page.locator(".result-count")).to_have_text("2 results")

    page.get_by_label("Sector").select_option(label="Energy")
    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"/en/aid/\?(.*&)?sector=energy(&|$)"))
    expect(page.locator(".result-count")).to_have_text("1 result")
    expect(page.get_by_role("link", name=energy.title_en)).to_be_visible()
    expect(page.get_by_role("link", name=demining.title_en)).to_have_count(0)
    expect(page.get_by_role("link", name="Clear filters")).to_be_visible()
    assert_clean(page)
    screenshot(page, f"aid-filtered-en-{viewport_name(page)}")
    assert_no_axe_violations(page)

    page.get_by_label("Year").select_option("2024")
    page.get_by_label("Sector").select_option("")
    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"year=2024"))
    expect(page.locator(".result-count")).to_have_text("1 result")
    expect(page.get_by_role("link", name=demining.title_en)).to_be_visible()


def test_bad_filter_value_gives_400_with_the_error(page: Page) -> None:
    build_public_content()

    visit(page, "/en/aid/?sector=nonsense", "aid-filter-400-en", status=400)

    expect(page.locator(".errorlist")).to_contain_text("Select a valid choice")
    expect(page.get_by_text("Some filter values are not valid")).to_be_visible()
    expect(page.locator(".result-count")).to_have_text("0 results")
    assert_no_axe_violations(page)


def test_gallery_photos_have_alt_size_credit_and_load_lazily(page: Page) -> None:
    package = build_public_content().gallery
    photos = list(package.photos.order_by("order"))
    visit(page, package.get_absolute_url(), "aid-gallery-en")

    figures = page.locator("main figure")
    expect(figures).to_have_count(len(photos))
    for figure, photo in zip(figures.all(), photos, strict=True):
        image = figure.locator("img")
        expect(image).to_have_attribute("alt", photo.alt_text_en)
        expect(image).to_have_attribute("width", re.compile(r"^\d+$"))
        expect(image).to_have_attribute("height", re.compile(r"^\d+$"))
        expect(figure.locator("figcaption")).to_contain_text(photo.credit)
        expect(figure.locator("source[type='image/webp']")).to_have_count(1)  # a rendition

    gallery = page.locator(".gallery img")
    expect(gallery).to_have_count(len(photos) - 1)  # the first photo leads the page
    fold = page.viewport_size["height"]
    for image in gallery.all():
        expect(image).to_have_attribute("loading", "lazy")
        assert image.bounding_box()["y"] > fold, "a lazy gallery photo is above the fold"
    for image in gallery.all():
        image.scroll_into_view_if_needed()
        expect(image).to_be_in_viewport()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
    assert_clean(page)


def test_root_redirects_a_ukrainian_browser_to_uk(open_page: OpenPage) -> None:
    page = open_page(locale="uk-UA")

    page.goto("/")

    expect(page).to_have_url(re.compile(r"/uk/$"))
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    assert_clean(page)
