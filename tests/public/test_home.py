"""/<lang>/: live totals from published records, the reported figures, the timeline, the latest."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aid.models import AidItem, DeliveryStatus, ReportedFigure, Sector
from editorial.models import Status
from projects.models import Phase
from tests.factories import (
    HIDDEN_STATES,
    AidItemFactory,
    AidPackageFactory,
    PhotoFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    ReportedFigureFactory,
    SisterCityPartnershipFactory,
    SourceFactory,
    hidden_state,
)
from tests.queries import CACHE_MISS

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "uk", "az")


def _home(client: Client, language: str = "en") -> str:
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return response.content.decode()


def _stat(html: str, label: str) -> str:
    """The value of the stat whose label is `label`."""
    match = re.search(
        r'<span class="stat__value">([^<]*)</span>\s*<span class="stat__label">' + re.escape(label),
        html,
    )
    assert match, f"no stat labelled {label!r}"
    return match.group(1)


def _timeline(html: str) -> ET.Element:
    svg = re.search(r"<svg .*?</svg>", html, re.S)
    assert svg, "no chart"
    return ET.fromstring(svg.group(0))


def _record(state: str, *, usd: str, children: int, title: str) -> None:
    """One item of each kind in `state` ("published" or a hidden one), each carrying numbers
    the totals would show."""
    fields = {"status": Status.PUBLISHED} if state == "published" else hidden_state(state)
    package = AidPackageFactory(
        **fields,
        title=f"{title} aid",
        value_usd=Decimal(usd),
        decided_on=dt.date(2024 if state == "published" else 2019, 3, 1),
        delivery_status=DeliveryStatus.DELIVERED,
        delivered_on=dt.date(2025, 3, 1),
        published_at=timezone.now(),
    )
    AidItemFactory(package=package, kind=AidItem.Kind.TRANSFORMER, quantity=Decimal(children))
    ReconstructionProjectFactory(
        **fields,
        title=f"{title} project",
        phase=Phase.COMPLETED,
        actual_completion=dt.date(2025, 1, 1),
        published_at=timezone.now(),
    )
    RehabilitationGroupFactory(
        **fields,
        title=f"{title} group",
        children_count=children,
        published_at=timezone.now(),
    )
    SisterCityPartnershipFactory(**fields)
    ReportedFigureFactory(**fields, title=f"{title} figure")


@pytest.fixture
def published() -> None:
    _record("published", usd="1000", children=30, title="Visible")


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_home_totals_count_published_records_only(
    client: Client, published: None, state: str
) -> None:
    _record(state, usd="987654", children=4321, title="Hidden")
    html = _home(client)
    assert _stat(html, "US dollars of aid delivered") == "1,000"
    assert _stat(html, "Children rehabilitated") == "30"
    assert _stat(html, "Reconstruction projects completed") == "1"
    assert _stat(html, "Partnerships between cities") == "1"
    assert _stat(html, "Transformers") == "30"
    assert "987,654" not in html and "4,321" not in html


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_home_shows_no_unpublished_card_figure_or_bar(
    client: Client, published: None, state: str
) -> None:
    _record(state, usd="987654", children=4321, title="Hidden")
    html = _home(client)
    assert "Visible aid" in html and "Visible project" in html and "Visible group" in html
    assert "Visible figure" in html
    assert "Hidden" not in html
    years = [t.text for t in _timeline(html).iter("{http://www.w3.org/2000/svg}text")]
    assert "2024" in years and "2019" not in years


def test_home_sums_usd_by_delivery_status(client: Client) -> None:
    AidPackageFactory(
        published=True,
        value_usd=Decimal("2500000"),
        delivery_status=DeliveryStatus.DELIVERED,
        delivered_on=dt.date(2025, 2, 1),
    )
    AidPackageFactory(published=True, value_usd=Decimal("700000"))  # pledged
    AidPackageFactory(
        published=True, value_usd=Decimal("300000"), delivery_status=DeliveryStatus.IN_TRANSIT
    )
    AidPackageFactory(published=True)  # no value: named, not summed
    html = _home(client)
    assert _stat(html, "US dollars of aid delivered") == "2,500,000"
    assert _stat(html, "US dollars pledged or in transit") == "1,000,000"
    assert "1 aid package has no stated value and is not in these sums." in html


def test_home_counts_items_by_kind_with_units(client: Client) -> None:
    package = AidPackageFactory(published=True)
    AidItemFactory(package=package, kind=AidItem.Kind.TRANSFORMER, quantity=Decimal("134"))
    AidItemFactory(
        package=package,
        kind=AidItem.Kind.CABLE,
        quantity=Decimal("2000000"),
        unit=AidItem.Unit.METRES,
    )
    AidItemFactory(package=package, kind=AidItem.Kind.GENERATOR, quantity=None)
    html = _home(client)
    assert _stat(html, "Transformers") == "134"
    assert "2,000,000 <small>metres</small>" in html
    assert "Also itemised, without a stated quantity: Generators." in html


def test_home_counts_projects_by_phase_and_partner_places(client: Client) -> None:
    ReconstructionProjectFactory(
        published=True, phase=Phase.COMPLETED, actual_completion=dt.date(2025, 1, 1)
    )
    ReconstructionProjectFactory(published=True, phase=Phase.UNDER_CONSTRUCTION)
    ReconstructionProjectFactory(published=True, phase=Phase.DESIGN)
    ReconstructionProjectFactory(published=True, phase=Phase.PLANNED)
    first = SisterCityPartnershipFactory(published=True)
    SisterCityPartnershipFactory(published=True, ukrainian_place=first.ukrainian_place)
    html = _home(client)
    assert _stat(html, "Reconstruction projects completed") == "1"
    assert _stat(html, "Reconstruction projects under way") == "2"
    assert "and 1 more planned or agreed" in html
    assert _stat(html, "Partnerships between cities") == "2"
    assert "joining 1 Ukrainian and 2 Azerbaijani cities and regions" in html


def test_home_shows_latest_reported_figure_per_metric_with_date_and_source(
    client: Client,
) -> None:
    source = SourceFactory(publisher="AZERTAC", url="https://azertac.az/report")
    ReportedFigureFactory(
        published=True,
        title="Total aid by 2026",
        value=Decimal("45000000"),
        qualifier=ReportedFigure.Qualifier.MORE_THAN,
        as_of=dt.date(2026, 1, 16),
        source=source,
    )
    ReportedFigureFactory(published=True, title="Total aid by 2023", as_of=dt.date(2023, 12, 31))
    html = _home(client)
    assert "Total aid by 2026" in html and "Total aid by 2023" not in html
    assert "<small>more than</small> 45,000,000 <small>USD</small>" in html
    assert '<time datetime="2026-01-16">' in html
    assert '<a href="https://azertac.az/report">AZERTAC' in html


def test_home_says_what_the_record_itemises_and_what_it_does_not(client: Client) -> None:
    html = _home(client)
    assert "The record itemises only what is listed on this site." in html
    assert "they include aid the record does not itemise, so the sums differ" in html


def test_home_timeline_stacks_sectors_by_year_with_a_table(client: Client) -> None:
    for year, sector, usd in [
        (2023, Sector.ENERGY, "7600000"),
        (2025, Sector.ENERGY, "2000000"),
        (2025, Sector.DEMINING, "1000000"),
    ]:
        AidPackageFactory(
            published=True, sector=sector, decided_on=dt.date(year, 1, 1), value_usd=Decimal(usd)
        )
    html = _home(client)
    svg = _timeline(html)
    assert svg.get("role") == "img"
    assert [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")].count("2024") == 1
    assert "<summary>Show the figures as a table</summary>" in html
    assert '<table class="data">' in html
    assert '<td class="num">3,000,000</td>' in html  # the 2025 total
    assert 'class="legend__swatch"' in html and ">Demining</li>" in html


def test_home_without_data_says_so_instead_of_an_empty_chart(client: Client) -> None:
    AidPackageFactory(published=True)  # no decision date, no value: nothing to draw
    html = _home(client)
    assert "<svg" not in html.split('id="timeline-heading"')[1]
    assert "so there is no timeline to draw" in html
    assert "Nothing has been published yet." not in html  # the package is still a card


def test_home_cards_link_to_items_and_lists(client: Client) -> None:
    package = AidPackageFactory(published=True, slug="sumgait-2026", photos=1)
    html = _home(client)
    assert f'href="{package.get_absolute_url()}"' in html
    for url in ("/en/aid/", "/en/projects/", "/en/rehabilitation/"):
        assert f'href="{url}"' in html
    assert 'alt="Generators lined up on a loading dock"' in html


def test_home_hides_photos_of_minors_without_consent(client: Client) -> None:
    group = RehabilitationGroupFactory(published=True)
    PhotoFactory(content_object=group, alt_text="Children without consent", shows_minors=True)
    PhotoFactory(
        content_object=group,
        alt_text="Children with consent",
        shows_minors=True,
        consent_on_file=True,
    )
    html = _home(client)
    assert "Children without consent" not in html
    assert "Children with consent" in html


def test_home_latest_are_newest_first_two_of_each_kind(client: Client) -> None:
    now = timezone.now()
    for days in range(4):
        AidPackageFactory(
            published=True, title=f"Aid {days}", published_at=now - dt.timedelta(days=days)
        )
    RehabilitationGroupFactory(
        published=True, title="Group new", published_at=now + dt.timedelta(minutes=1)
    )
    html = _home(client)
    titles = re.findall(r'<h3 class="card__title"><a [^>]*>([^<]*)</a>', html)
    assert titles == ["Group new", "Aid 0", "Aid 1"]


def test_home_latest_of_equal_date_keep_the_kinds_order_newest_row_first(client: Client) -> None:
    moment = timezone.now() - dt.timedelta(days=1)
    for title in ("Group 1", "Group 2"):
        RehabilitationGroupFactory(published=True, title=title, published_at=moment)
    for title in ("Aid 1", "Aid 2"):
        AidPackageFactory(published=True, title=title, published_at=moment)
    ReconstructionProjectFactory(published=True, title="Project", published_at=None)

    html = _home(client)

    titles = re.findall(r'<h3 class="card__title"><a [^>]*>([^<]*)</a>', html)
    assert titles == ["Aid 2", "Aid 1", "Group 2", "Group 1", "Project"]


def test_home_cards_show_each_item_its_own_photo(client: Client) -> None:
    # Aid package 1, project 1 and group 1: one photo query for the three kinds must keep them
    # apart by kind, not only by number.
    for factory, kind in (
        (AidPackageFactory, "aid"),
        (ReconstructionProjectFactory, "project"),
        (RehabilitationGroupFactory, "group"),
    ):
        PhotoFactory(content_object=factory(published=True, title=kind), alt_text=f"{kind} photo")

    html = _home(client)

    cards = re.findall(r'<li class="card">(.*?)</li>', html, re.S)
    assert len(cards) == 3
    for card in cards:
        kind = re.search(r'<h3 class="card__title"><a [^>]*>([^<]*)</a>', card).group(1)
        assert re.findall(r'alt="([^"]*)"', card) == [f"{kind} photo"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_responds_in_every_language(client: Client, published: None, language: str) -> None:
    html = _home(client, language)
    assert f'<html lang="{language}">' in html


def test_home_marks_english_fallback_text(client: Client) -> None:
    ReportedFigureFactory(published=True, title_en="Total aid in English only")
    AidPackageFactory(published=True, title_en="Aid in English only")
    html = _home(client, "uk")
    assert '<span lang="en">Total aid in English only</span>' in html
    assert '<span lang="en">Aid in English only</span>' in html


def _fill(rows: int) -> None:
    for index in range(rows):
        package = AidPackageFactory(
            published=True,
            sector=list(Sector.values)[index % 8],
            decided_on=dt.date(2022 + index % 4, 1, 1),
            value_usd=Decimal("1000"),
            items=2,
            photos=1,
        )
        AidItemFactory(package=package, kind=AidItem.Kind.CABLE, unit=AidItem.Unit.METRES)
        ReconstructionProjectFactory(published=True, photos=1)
        RehabilitationGroupFactory(published=True, photos=1)
        SisterCityPartnershipFactory(published=True)
        ReportedFigureFactory(published=True)


@pytest.mark.parametrize("rows", [3, 9])
def test_home_queries_do_not_grow_with_rows(
    client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    _fill(rows)
    # aid: by year and sector, items by kind, reported figures (+ source); projects by phase,
    # groups and partnerships together; the latest of the three kinds together, their photos,
    # renditions
    with django_assert_num_queries(7 + CACHE_MISS):
        _home(client)
