"""/<lang>/feed/: an Atom feed of the latest published items of every kind, per language."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from editorial.models import Status
from tests.factories import (
    AidPackageFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)
from tests.queries import CACHE_MISS

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> list[ET.Element]:
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def entry_titles(response) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in entries(response)]


def days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def test_feed_is_atom_with_its_id_and_self_link(client):
    response = client.get("/en/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == "http://testserver/en/feed/"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": "http://testserver/en/feed/", "alternate": "http://testserver/en/"}
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Körpü"


def test_feed_has_every_kind_newest_first(client):
    AidPackageFactory(published=True, title="Generators", published_at=days_ago(4))
    ReconstructionProjectFactory(published=True, title="School", published_at=days_ago(1))
    RehabilitationGroupFactory(published=True, title="Group", published_at=days_ago(3))
    SisterCityPartnershipFactory(published=True, title="Cities", published_at=days_ago(2))

    response = client.get("/en/feed/")

    assert entry_titles(response) == ["School", "Cities", "Group", "Generators"]


def test_feed_entries_carry_link_summary_and_dates(client):
    published_at = days_ago(2)
    package = AidPackageFactory(
        published=True, slug="fuel-2025", summary="Diesel for hospitals.", published_at=published_at
    )

    (entry,) = entries(client.get("/en/feed/"))

    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/en/aid/fuel-2025/"
    assert entry.findtext(f"{ATOM}id") == "http://testserver/en/aid/fuel-2025/"
    assert entry.findtext(f"{ATOM}summary") == "Diesel for hospitals."
    assert entry.findtext(f"{ATOM}published") == published_at.isoformat()
    assert entry.findtext(f"{ATOM}updated") == package.updated_at.isoformat()
    assert entry.find(f"{ATOM}category").get("term") == "Aid package"


def test_feed_is_in_the_language_of_its_url(client):
    AidPackageFactory(
        published=True,
        slug="generators",
        title="Generators",
        title_uk="Генератори",
        summary_uk="Для лікарень.",
    )

    response = client.get("/uk/feed/")

    feed = ET.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "uk"
    (entry,) = entries(response)
    assert entry.findtext(f"{ATOM}title") == "Генератори"
    assert entry.findtext(f"{ATOM}summary") == "Для лікарень."
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/uk/aid/generators/"


def test_feed_falls_back_to_english_text(client):
    AidPackageFactory(published=True, title="Generators", summary="For hospitals.")

    (entry,) = entries(client.get("/az/feed/"))

    assert entry.findtext(f"{ATOM}title") == "Generators"


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.DRAFT},
        {"status": Status.IN_REVIEW},
        {"status": Status.ARCHIVED},
        {"status": Status.PUBLISHED, "publish_at": timezone.now() + dt.timedelta(days=1)},
        {
            "status": Status.PUBLISHED,
            "publish_at": days_ago(2),
            "expire_at": days_ago(1),
        },
    ],
    ids=["draft", "in_review", "archived", "not_yet_live", "expired"],
)
def test_feed_leaves_out_unpublished_items(client, fields):
    for factory in (
        AidPackageFactory,
        ReconstructionProjectFactory,
        RehabilitationGroupFactory,
        SisterCityPartnershipFactory,
    ):
        factory(title="Hidden", **fields)

    assert entry_titles(client.get("/en/feed/")) == []


def test_feed_holds_the_latest_thirty(client):
    for day in range(20):
        AidPackageFactory(published=True, title=f"Package {day}", published_at=days_ago(day))
        ReconstructionProjectFactory(
            published=True, title=f"Project {day}", published_at=days_ago(day)
        )

    titles = entry_titles(client.get("/en/feed/"))

    assert len(titles) == 30
    assert "Package 0" in titles
    assert "Package 14" in titles  # two a day: days 0 to 14 make the thirty
    assert "Package 15" not in titles


@pytest.mark.parametrize("per_kind", [2, 6])
def test_feed_queries_do_not_grow(client, django_assert_num_queries, per_kind):
    for _ in range(per_kind):
        AidPackageFactory(published=True, photos=1)
        ReconstructionProjectFactory(published=True)
        RehabilitationGroupFactory(published=True)
        SisterCityPartnershipFactory(published=True)

    with django_assert_num_queries(4 + CACHE_MISS):  # the newest thirty of each kind
        response = client.get("/en/feed/")

    assert len(entries(response)) == 4 * per_kind
