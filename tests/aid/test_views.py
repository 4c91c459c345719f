"""The public aid pages, /<lang>/aid/ and /<lang>/aid/<slug>/: what they show, what they never
show, how they filter and page, and that their query counts do not grow with the data."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from aid.models import AidPackage, DatePrecision, DeliveryStatus, Sector
from editorial.models import Status
from editorial.renditions import ensure_renditions
from tests.factories import (
    HIDDEN_STATES,
    AidItemFactory,
    AidPackageFactory,
    OrganizationFactory,
    PhotoFactory,
    PlaceFactory,
    SourceFactory,
    hidden_state,
)
from tests.queries import CACHE_MISS

pytestmark = pytest.mark.django_db

LIST_URL = "/en/aid/"


def detail_url(package: AidPackage, language: str = "en") -> str:
    return f"/{language}/aid/{package.slug}/"


def card_titles(response: Any) -> list[str]:
    """The titles of the cards on a list page, in order."""
    return re.findall(r'<h2 class="card__title"><a [^>]*>(.*?)</a>', response.content.decode())


# --- The list ----------------------------------------------------------------------------------


def test_aid_list_sorts_by_decision_then_dispatch_or_delivery_with_undated_last(
    client: Client,
) -> None:
    AidPackageFactory(published=True, title="Undated")
    AidPackageFactory(published=True, title="Decided 2025", decided_on=dt.date(2025, 8, 1))
    AidPackageFactory(published=True, title="Delivered 2025", delivered_on=dt.date(2025, 7, 20))
    AidPackageFactory(published=True, title="Decided 2026", decided_on=dt.date(2026, 1, 16))

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert card_titles(response) == ["Decided 2026", "Decided 2025", "Delivered 2025", "Undated"]


def test_aid_list_card_shows_status_dates_value_funder_and_photo(client: Client) -> None:
    package = AidPackageFactory(
        published=True,
        delivery_status=DeliveryStatus.DELIVERED,
        decided_on=dt.date(2025, 8, 1),
        decided_on_precision=DatePrecision.MONTH,
        delivered_on=dt.date(2025, 9, 12),
        value_usd=Decimal("2000000"),
        funder=OrganizationFactory(name="Ministry of Energy"),
    )
    PhotoFactory(content_object=package, alt_text="Transformers on a lorry")

    content = client.get(LIST_URL).content.decode()

    assert '<span class="badge badge--done">Delivered</span>' in content
    assert '<time datetime="2025-08">August 2025</time>' in content
    assert '<time datetime="2025-09-12">' in content
    assert "2,000,000 USD" in content
    assert "Ministry of Energy" in content
    assert 'alt="Transformers on a lorry"' in content


@pytest.mark.parametrize(
    ("status", "badge"),
    [
        (DeliveryStatus.DELIVERED, "badge--done"),
        (DeliveryStatus.IN_TRANSIT, "badge--moving"),
        (DeliveryStatus.PLEDGED, "badge--planned"),
    ],
)
def test_aid_list_badge_class_follows_delivery_status(
    client: Client, status: str, badge: str
) -> None:
    dates = {"delivered_on": dt.date(2025, 1, 1)} if status == DeliveryStatus.DELIVERED else {}
    AidPackageFactory(published=True, delivery_status=status, **dates)

    assert f'class="badge {badge}"' in client.get(LIST_URL).content.decode()


@pytest.mark.parametrize("rows", [5, 15])
def test_aid_list_queries_do_not_grow(
    client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    for _ in range(rows):
        AidPackageFactory(published=True, photos=2, items=2)

    # Year choices, funder choices, count, packages with funders, photos, renditions.
    with django_assert_num_queries(6 + CACHE_MISS):
        assert client.get(LIST_URL).status_code == 200


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_aid_list_never_shows_unpublished_packages(client: Client, state: str) -> None:
    AidPackageFactory(title="Hidden package", **hidden_state(state))
    AidPackageFactory(published=True, title="Public package")

    response = client.get(LIST_URL)

    assert card_titles(response) == ["Public package"]
    assert "Hidden package" not in response.content.decode()


def test_aid_list_paginates_by_twenty_and_keeps_filters_in_page_links(client: Client) -> None:
    for day in range(1, 26):
        AidPackageFactory(published=True, sector=Sector.FUEL, decided_on=dt.date(2025, 1, day))

    first = client.get(LIST_URL, {"sector": "fuel"})
    second = client.get(LIST_URL, {"sector": "fuel", "page": 2})

    assert len(card_titles(first)) == 20
    assert len(card_titles(second)) == 5
    assert "25 results" in first.content.decode()
    assert 'href="?sector=fuel&amp;page=2"' in first.content.decode()


def test_aid_list_page_past_the_end_is_404(client: Client) -> None:
    AidPackageFactory(published=True)

    assert client.get(LIST_URL, {"page": 2}).status_code == 404


# --- Filters -----------------------------------------------------------------------------------


@pytest.fixture
def three_packages() -> dict[str, AidPackage]:
    socar = OrganizationFactory(name="SOCAR", slug="socar")
    return {
        "energy 2026": AidPackageFactory(
            published=True, title="energy 2026", decided_on=dt.date(2026, 1, 16)
        ),
        "fuel 2025": AidPackageFactory(
            published=True,
            title="fuel 2025",
            sector=Sector.FUEL,
            funder=socar,
            delivery_status=DeliveryStatus.DELIVERED,
            delivered_on=dt.date(2025, 7, 11),
        ),
        "demining 2025": AidPackageFactory(
            published=True,
            title="demining 2025",
            sector=Sector.DEMINING,
            decided_on=dt.date(2025, 2, 1),
            delivery_status=DeliveryStatus.IN_TRANSIT,
        ),
    }


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        pytest.param({"sector": "fuel"}, ["fuel 2025"], id="sector"),
        pytest.param({"year": "2025"}, ["fuel 2025", "demining 2025"], id="year"),
        pytest.param({"delivery_status": "in_transit"}, ["demining 2025"], id="status"),
        pytest.param({"funder": "socar"}, ["fuel 2025"], id="funder"),
        pytest.param({"year": "2025", "sector": "demining"}, ["demining 2025"], id="combined"),
        pytest.param({"sector": ""}, ["energy 2026", "fuel 2025", "demining 2025"], id="empty"),
    ],
)
def test_aid_list_filters_narrow_the_results(
    client: Client, three_packages: dict, query: dict, titles: list[str]
) -> None:
    response = client.get(LIST_URL, query)

    assert response.status_code == 200
    assert card_titles(response) == titles


@pytest.mark.parametrize(
    "query",
    [
        pytest.param({"sector": "weapons"}, id="unknown sector"),
        pytest.param({"year": "1999"}, id="year without packages"),
        pytest.param({"year": "last"}, id="year not a number"),
        pytest.param({"delivery_status": "lost"}, id="unknown status"),
        pytest.param({"funder": "nobody"}, id="unknown funder"),
    ],
)
def test_aid_list_bad_filter_value_is_400_with_a_message_and_no_results(
    client: Client, three_packages: dict, query: dict
) -> None:
    response = client.get(LIST_URL, query)

    assert response.status_code == 400
    content = response.content.decode()
    assert "Select a valid choice" in content
    assert "Some filter values are not valid" in content
    assert card_titles(response) == []


def test_aid_list_filter_choices_come_from_published_packages_only(client: Client) -> None:
    AidPackageFactory(published=True, funder=OrganizationFactory(name="Visible funder"))
    AidPackageFactory(
        status=Status.DRAFT,
        funder=OrganizationFactory(name="Draft-only funder"),
        decided_on=dt.date(2019, 3, 1),
    )

    content = client.get(LIST_URL).content.decode()

    assert "Visible funder" in content
    assert "Draft-only funder" not in content
    assert '<option value="2019">' not in content


def test_aid_list_filter_labels_follow_the_page_language(client: Client) -> None:
    funder = OrganizationFactory(name_en="Ministry of Energy", name_uk="Міністерство енергетики")
    AidPackageFactory(published=True, funder=funder)

    content = client.get("/uk/aid/").content.decode()

    assert f'<option value="{funder.slug}">Міністерство енергетики</option>' in content


# --- The detail page ---------------------------------------------------------------------------


@pytest.fixture
def full_package() -> AidPackage:
    package = AidPackageFactory(
        published=True,
        title="Transformers for Kyiv",
        summary="Transformers and cable for the grid.",
        body="First paragraph.\n\nSecond paragraph.",
        delivery_status=DeliveryStatus.DELIVERED,
        decided_on=dt.date(2025, 8, 1),
        decided_on_precision=DatePrecision.MONTH,
        legal_basis="Presidential order of August 2025",
        dispatched_on=dt.date(2025, 9, 1),
        delivered_on=dt.date(2025, 9, 12),
        value=Decimal("1700000"),
        currency="AZN",
        value_usd=Decimal("1000000"),
        exchange_rate=Decimal("0.588235"),
        exchange_rate_date=dt.date(2025, 8, 1),
        exchange_rate_source="Central Bank of Azerbaijan",
        funder=OrganizationFactory(name="Ministry of Energy"),
        recipient=OrganizationFactory(name="Ukrenergo", country="UA"),
        origin=PlaceFactory(name="Sumgait", country="AZ"),
    )
    AidItemFactory(package=package, kind="transformer", quantity=Decimal("12"), order=1)
    AidItemFactory(package=package, kind="cable", quantity=Decimal("45000"), unit="metres", order=2)
    PhotoFactory(content_object=package, alt_text="Lead photo", order=0)
    PhotoFactory(content_object=package, alt_text="Second photo", caption="Unloading", order=1)
    package.sources.add(SourceFactory(title="Azerbaijan sends transformers"))
    return package


def test_aid_detail_shows_facts_items_photos_and_sources(
    client: Client, full_package: AidPackage
) -> None:
    response = client.get(detail_url(full_package))

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Transformers for Kyiv</h1>" in content
    assert '<p class="lede">Transformers and cable for the grid.</p>' in content
    assert "<p>First paragraph.</p>" in content and "<p>Second paragraph.</p>" in content
    assert '<time datetime="2025-08">August 2025</time>' in content
    assert "Presidential order of August 2025" in content
    assert '<time datetime="2025-09-12">' in content
    assert "1,700,000" in content and "1,000,000 USD" in content
    assert "at 0.588235 USD per AZN" in content and "Central Bank of Azerbaijan" in content
    assert "Ukrenergo" in content and "Sumgait" in content
    assert "<caption" in content and '<td class="num">45,000 metres</td>' in content
    assert '<td class="num">12</td>' in content
    assert re.search(r'alt="Lead photo" loading="eager"', content)
    assert re.search(r'alt="Second photo" loading="lazy"', content)
    assert "Unloading" in content
    assert "Azerbaijan sends transformers" in content
    assert '<meta property="og:title" content="Transformers for Kyiv">' in content
    assert '<script type="application/ld+json">' in content


def test_aid_detail_without_value_or_items_says_so(client: Client) -> None:
    package = AidPackageFactory(published=True)

    content = client.get(detail_url(package)).content.decode()

    assert "not stated in the sources" in content
    assert "The sources do not itemise this package." in content


@pytest.mark.parametrize("rows", [2, 6])
def test_aid_detail_queries_do_not_grow(
    client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    package = AidPackageFactory(
        published=True,
        items=rows,
        photos=rows,
        recipient=OrganizationFactory(),
        origin=PlaceFactory(),
    )
    package.sources.add(*SourceFactory.create_batch(rows))

    # Package with funder, recipient and origin; photos; renditions; items; sources.
    with django_assert_num_queries(5 + CACHE_MISS):
        assert client.get(detail_url(package)).status_code == 200


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_aid_detail_of_unpublished_package_is_404(client: Client, state: str) -> None:
    package = AidPackageFactory(**hidden_state(state))

    assert client.get(detail_url(package)).status_code == 404


def test_aid_detail_of_unknown_slug_is_404(client: Client) -> None:
    assert client.get("/en/aid/no-such-package/").status_code == 404


# --- Photos of minors, languages ---------------------------------------------------------------


def test_aid_pages_never_show_photos_of_minors_without_consent(client: Client) -> None:
    package = AidPackageFactory(published=True)
    PhotoFactory(content_object=package, alt_text="Children without consent", shows_minors=True)
    PhotoFactory(
        content_object=package,
        alt_text="Children with consent",
        shows_minors=True,
        consent_on_file=True,
    )

    for url in (LIST_URL, detail_url(package)):
        content = client.get(url).content.decode()
        assert "Children without consent" not in content
        assert "Children with consent" in content


def test_aid_pages_mark_english_fallback_text(client: Client) -> None:
    package = AidPackageFactory(published=True, title_en="Only in English", summary_en="English.")

    for url in ("/uk/aid/", detail_url(package, "uk")):
        content = client.get(url).content.decode()
        assert '<span lang="en">Only in English</span>' in content


def test_aid_pages_show_the_translation_where_there_is_one(client: Client) -> None:
    package = AidPackageFactory(
        published=True, title_en="Generators", title_uk="Генератори", summary_uk="Опис."
    )

    content = client.get(detail_url(package, "uk")).content.decode()

    assert "<h1>Генератори</h1>" in content
    assert 'lang="en"' not in content.split("<main", 1)[1].split("</h1>", 1)[0]


@pytest.mark.parametrize("language", ["en", "uk", "az"])
def test_aid_pages_respond_in_every_language(client: Client, language: str) -> None:
    package = AidPackageFactory(published=True, items=1, photos=1)

    for url in (f"/{language}/aid/", detail_url(package, language)):
        response = client.get(url)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


def test_aid_detail_with_twenty_photos_and_their_renditions_costs_the_same_queries(
    client: Client, django_assert_num_queries: Any
) -> None:
    package = AidPackageFactory(published=True, items=1)
    for photo in PhotoFactory.create_batch(20, content_object=package):
        ensure_renditions(photo)

    # Package with funder, recipient and origin; photos; renditions; items; sources.
    with django_assert_num_queries(5 + CACHE_MISS):
        response = client.get(detail_url(package))

    content = response.content.decode()
    assert content.count("<figure>") == 20
    assert content.count('type="image/webp"') == 20  # every photo from its renditions
