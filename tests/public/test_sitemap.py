"""/sitemap.xml: an index of paged sections with hreflang alternates; robots.txt points to it."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from aid.models import AidPackage
from editorial.models import Status
from public.sitemaps import URLS_PER_PAGE, PublishedSitemap
from tests.factories import (
    AidPackageFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)
from tests.public.sitemap_pages import SITEMAP, sitemap_pages
from tests.queries import CACHE_MISS

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"
FACTORIES = (
    AidPackageFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)


def urls(response) -> dict[str, ET.Element]:
    root = ET.fromstring(response.content)
    return {url.findtext(f"{SITEMAP}loc"): url for url in root.findall(f"{SITEMAP}url")}


def listed_urls(client) -> dict[str, ET.Element]:
    """Every address of every page the index at /sitemap.xml lists."""
    listed: dict[str, ET.Element] = {}
    for response in sitemap_pages(client):
        listed.update(urls(response))
    return listed


def alternates(url: ET.Element) -> dict[str, str]:
    return {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}


def test_sitemap_lists_home_and_lists_in_every_language(client):
    index = client.get("/sitemap.xml")

    assert index.status_code == 200
    assert index["Content-Type"].startswith("application/xml")
    listed = listed_urls(client)
    for path in ("", "aid/", "projects/", "rehabilitation/", "partnerships/"):
        for language in ("en", "uk", "az"):
            assert f"http://testserver/{language}/{path}" in listed


def test_sitemap_lists_published_detail_pages_with_alternates(client):
    AidPackageFactory(published=True, slug="fuel-2025")

    listed = listed_urls(client)

    for language in ("en", "uk", "az"):
        url = listed[f"http://testserver/{language}/aid/fuel-2025/"]
        assert alternates(url) == {
            "en": "http://testserver/en/aid/fuel-2025/",
            "uk": "http://testserver/uk/aid/fuel-2025/",
            "az": "http://testserver/az/aid/fuel-2025/",
            "x-default": "http://testserver/aid/fuel-2025/",
        }


def test_sitemap_x_default_redirects_by_language(client):
    AidPackageFactory(published=True, slug="fuel-2025")

    response = client.get("/aid/fuel-2025/", headers={"accept-language": "uk"})

    assert response.status_code == 302
    assert response["Location"] == "/uk/aid/fuel-2025/"


def test_sitemap_gives_each_detail_page_its_last_change(client):
    package = AidPackageFactory(published=True, slug="fuel-2025")
    # Late evening in UTC is already the next day in Kyiv, the site's time zone, in which
    # the sitemap writes its dates: the test held only before 22:00 UTC when it compared with
    # the UTC date.
    changed = dt.datetime(2026, 11, 25, 23, 30, tzinfo=dt.UTC)
    AidPackage.objects.filter(pk=package.pk).update(updated_at=changed)

    url = listed_urls(client)["http://testserver/uk/aid/fuel-2025/"]

    assert url.findtext(f"{SITEMAP}lastmod") == "2026-11-26"


def test_sitemap_covers_every_kind(client):
    for number, factory in enumerate(FACTORIES):
        factory(published=True, slug=f"kind-{number}")

    listed = listed_urls(client)

    for path in (
        "aid/kind-0/",
        "projects/kind-1/",
        "rehabilitation/kind-2/",
        "partnerships/kind-3/",
    ):
        assert f"http://testserver/en/{path}" in listed


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.DRAFT},
        {"status": Status.IN_REVIEW},
        {"status": Status.ARCHIVED},
        {"status": Status.PUBLISHED, "publish_at": timezone.now() + dt.timedelta(days=1)},
        {
            "status": Status.PUBLISHED,
            "publish_at": timezone.now() - dt.timedelta(days=2),
            "expire_at": timezone.now() - dt.timedelta(days=1),
        },
    ],
    ids=["draft", "in_review", "archived", "not_yet_live", "expired"],
)
def test_sitemap_leaves_out_unpublished_items(client, fields):
    for number, factory in enumerate(FACTORIES):
        factory(slug=f"hidden-{number}", **fields)

    for response in sitemap_pages(client):
        assert b"hidden-" not in response.content


@pytest.mark.parametrize("per_kind", [2, 6])
def test_sitemap_queries_do_not_grow(client, django_assert_num_queries, per_kind):
    for factory in FACTORIES:
        factory.create_batch(per_kind, published=True)

    # The index: every kind's number of published items (its pages) and their last change.
    with django_assert_num_queries(1 + CACHE_MISS):
        client.get("/sitemap.xml")
    # One kind's published items (the index has looked up the schedule of this version).
    with django_assert_num_queries(1):
        response = client.get("/sitemap-aid.xml")

    assert len(urls(response)) == 3 * per_kind


def test_sitemap_is_paged_in_sections_of_at_most_3000_addresses(client, monkeypatch):
    monkeypatch.setattr(PublishedSitemap, "limit", 6)
    AidPackageFactory.create_batch(5, published=True)

    pages = [
        loc.text for loc in ET.fromstring(client.get("/sitemap.xml").content).iter(f"{SITEMAP}loc")
    ]

    assert URLS_PER_PAGE == 3000
    assert pages == [
        "http://testserver/sitemap-sections.xml",
        "http://testserver/sitemap-aid.xml",
        "http://testserver/sitemap-aid.xml?p=2",
        "http://testserver/sitemap-aid.xml?p=3",
        "http://testserver/sitemap-project.xml",
        "http://testserver/sitemap-group.xml",
        "http://testserver/sitemap-partnership.xml",
    ]
    assert len(listed_urls(client)) == 3 * 5 + 3 * 5  # five packages, five sections
    assert client.get("/sitemap-aid.xml?p=4").status_code == 404
    assert client.get("/sitemap-weapons.xml").status_code == 404


def test_sitemap_index_gives_each_section_the_last_change_of_its_published_items(client):
    now = timezone.now()
    AidPackageFactory(published=True)
    AidPackageFactory(published=True)
    AidPackageFactory()  # a draft, changed last
    ReconstructionProjectFactory()  # no published project: no date for its section
    AidPackage.objects.filter(status=Status.PUBLISHED).update(updated_at=now - dt.timedelta(days=3))
    newest = AidPackage.objects.filter(status=Status.PUBLISHED).first()
    AidPackage.objects.filter(pk=newest.pk).update(updated_at=now - dt.timedelta(days=1))

    root = ET.fromstring(client.get("/sitemap.xml").content)

    lastmod = {
        entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod")
        for entry in root.findall(f"{SITEMAP}sitemap")
    }
    aid = lastmod.pop("http://testserver/sitemap-aid.xml")
    assert dt.datetime.fromisoformat(aid) == now - dt.timedelta(days=1)
    assert lastmod == {
        "http://testserver/sitemap-sections.xml": None,
        "http://testserver/sitemap-project.xml": None,
        "http://testserver/sitemap-group.xml": None,
        "http://testserver/sitemap-partnership.xml": None,
    }


def test_robots_txt_allows_the_site_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:4] == ["User-agent: *", "Allow: /", "Disallow: /admin/", "Disallow: /api/"]
    assert "Disallow: /uk/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_uses_the_requests_scheme(client):
    response = client.get("/robots.txt", secure=True)

    assert "Sitemap: https://testserver/sitemap.xml" in response.content.decode()
