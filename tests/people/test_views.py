"""Public pages of rehabilitation groups and partnerships: what they show, filter and hide.

No record of an individual child exists; photos of minors without consent on file must never
reach a page. Query counts are pinned with N rows and again with 3N: they must not grow.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.test.client import RequestFactory
from django.urls import reverse
from django.utils.translation import override

from editorial.models import Place, Status
from editorial.preview import render_detail
from people.models import Cohort, PartnershipKind, Programme, RehabilitationGroup
from people.views import RehabilitationGroupDetailView
from tests.factories import (
    HIDDEN_STATES,
    OrganizationFactory,
    PartnershipActivityFactory,
    PhotoFactory,
    PlaceFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
    SourceFactory,
    hidden_state,
)
from tests.queries import CACHE_MISS, forget_cached_answers

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "uk", "az")


HIDDEN = pytest.mark.parametrize("state", HIDDEN_STATES)


def full_group(**kwargs: Any) -> RehabilitationGroup:
    """A published group with everything its pages show: host, regions, partners, a photo."""
    group = RehabilitationGroupFactory(
        published=True,
        host_place=PlaceFactory(country="AZ"),
        host_institution=OrganizationFactory(),
        **kwargs,
    )
    group.home_regions.set([PlaceFactory(kind=Place.Kind.REGION)])
    group.partners.set([OrganizationFactory()])
    group.sources.set([SourceFactory()])
    PhotoFactory(content_object=group)
    return group


def full_partnership(**kwargs: Any) -> Any:
    """A published partnership between two places with coordinates, an activity and a photo."""
    partnership = SisterCityPartnershipFactory(
        published=True,
        ukrainian_place=PlaceFactory(
            country="UA", latitude=Decimal("50.52"), longitude=Decimal("30.25")
        ),
        azerbaijani_place=PlaceFactory(
            country="AZ", latitude=Decimal("40.63"), longitude=Decimal("48.64")
        ),
        **kwargs,
    )
    PartnershipActivityFactory(partnership=partnership)
    partnership.sources.set([SourceFactory()])
    PhotoFactory(content_object=partnership)
    return partnership


# --- Rehabilitation: list ---------------------------------------------------------------------


def test_group_list_shows_totals_of_published_groups_only(client: Client) -> None:
    RehabilitationGroupFactory(published=True, children_count=30, adults_count=4)
    RehabilitationGroupFactory(published=True, children_count=25, adults_count=None)
    RehabilitationGroupFactory(children_count=1000)  # a draft counts for nothing

    page = client.get("/en/rehabilitation/").content.decode()

    assert '<span class="stat__value">55</span>' in page  # children
    assert '<span class="stat__value">2</span>' in page  # groups
    assert '<span class="stat__value">4</span>' in page  # adults, where a number is given
    assert "In the 1 group of 2 whose sources give a number." in page
    assert "1000" not in page and "1,000" not in page


def test_group_list_counts_home_regions_once_without_inflating_children(client: Client) -> None:
    sumy, kharkiv, odesa = PlaceFactory.create_batch(3, kind=Place.Kind.REGION)
    first = RehabilitationGroupFactory(published=True, children_count=30)
    first.home_regions.set([sumy, kharkiv])
    second = RehabilitationGroupFactory(published=True, children_count=25)
    second.home_regions.set([kharkiv])
    RehabilitationGroupFactory(children_count=7).home_regions.set([odesa])  # a draft's

    page = client.get("/en/rehabilitation/").content.decode()

    assert '<span class="stat__value">55</span>' in page  # children, each group once
    assert re.search(
        r'<span class="stat__value">2</span>\s*<span class="stat__label">home regions', page
    )


def test_group_list_card_shows_stay_children_cohort_programme_and_host(client: Client) -> None:
    group = full_group(children_count=31, programme=Programme.MEDICAL)

    page = client.get("/en/rehabilitation/").content.decode()

    assert f'href="{group.get_absolute_url()}"' in page
    assert '<time datetime="2025-06-01">1 June 2025</time>' in page
    assert '<time datetime="2025-06-21">21 June 2025</time>' in page
    assert "31 children" in page
    assert "Children of fallen defenders" in page
    assert f"Medical · {group.host_place.name}" in page
    assert 'loading="eager"' in page  # the first card's photo is above the fold


def test_group_list_queries_do_not_grow(client: Client, django_assert_num_queries: Any) -> None:
    for _ in range(3):
        full_group()
    client.get("/en/rehabilitation/")  # warm the content-type cache of the photo relation
    forget_cached_answers()
    # arrival years and host places (filter choices), count, totals with the home regions,
    # groups with host places, photos, renditions
    with django_assert_num_queries(7 + CACHE_MISS):
        assert client.get("/en/rehabilitation/").status_code == 200
    for _ in range(6):
        full_group()
    with django_assert_num_queries(7 + CACHE_MISS):
        assert client.get("/en/rehabilitation/").status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2024", {"arrived-2024"}),
        ("cohort=prisoners_of_war", {"prisoners"}),
        ("programme=psychosocial", {"psychosocial"}),
        ("host=ganja", {"in-ganja"}),
        ("year=2025&cohort=fallen_defenders", {"prisoners-not", "psychosocial", "in-ganja"}),
    ],
)
def test_group_list_filters(client: Client, query: str, expected: set[str]) -> None:
    RehabilitationGroupFactory(published=True, slug="arrived-2024", arrived_on=dt.date(2024, 1, 1))
    RehabilitationGroupFactory(published=True, slug="prisoners", cohort=Cohort.PRISONERS_OF_WAR)
    RehabilitationGroupFactory(published=True, slug="prisoners-not")
    RehabilitationGroupFactory(
        published=True, slug="psychosocial", programme=Programme.PSYCHOSOCIAL
    )
    ganja = PlaceFactory(slug="ganja", country="AZ")
    RehabilitationGroupFactory(published=True, slug="in-ganja", host_place=ganja)

    response = client.get(f"/en/rehabilitation/?{query}")

    assert response.status_code == 200
    assert {group.slug for group in response.context["object_list"]} == expected
    assert f"{len(expected)} result" in response.content.decode()


@pytest.mark.parametrize("query", ["year=1999", "year=abc", "cohort=orphans", "host=nowhere"])
def test_group_list_bad_filter_is_400_with_message_and_no_groups(
    client: Client, query: str
) -> None:
    RehabilitationGroupFactory(published=True, title="Visible group")

    response = client.get(f"/en/rehabilitation/?{query}")

    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="errorlist"' in page
    assert "The filters could not be applied" in page
    assert "Visible group" not in page


def test_group_list_filter_choices_offer_only_published_years_and_hosts(client: Client) -> None:
    RehabilitationGroupFactory(
        published=True, arrived_on=dt.date(2023, 1, 1), host_place=PlaceFactory(slug="shown")
    )
    RehabilitationGroupFactory(arrived_on=dt.date(2021, 1, 1), host_place=PlaceFactory(slug="hid"))

    page = client.get("/en/rehabilitation/").content.decode()

    assert '<option value="2023">' in page and '<option value="2021">' not in page
    assert '<option value="shown">' in page and '<option value="hid">' not in page


def test_group_list_paginates_and_keeps_filters(client: Client) -> None:
    RehabilitationGroupFactory.create_batch(21, published=True)

    first = client.get("/en/rehabilitation/?cohort=fallen_defenders")
    second = client.get("/en/rehabilitation/?cohort=fallen_defenders&page=2")

    assert len(first.context["object_list"]) == 20
    assert len(second.context["object_list"]) == 1
    assert "cohort=fallen_defenders&amp;page=2" in first.content.decode()
    assert client.get("/en/rehabilitation/?page=3").status_code == 404


# --- Rehabilitation: detail -------------------------------------------------------------------


def test_group_detail_shows_facts_body_and_sources(client: Client) -> None:
    group = full_group(body="They stayed by the sea.", adults_count=5, children_count=28)

    response = client.get(group.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="breadcrumbs"' in page
    assert "21 days" in page  # 1 to 21 June, both days counted
    assert "<dd>28</dd>" in page and "<dd>5</dd>" in page
    for name in (
        group.home_regions.get().name,
        group.partners.get().name,
        group.host_institution.name,
        group.host_place.name,
        group.sources.get().title,
    ):
        assert name in page
    assert "They stayed by the sea." in page
    assert '<meta property="og:type" content="article">' in page
    assert "application/ld+json" in page


def test_group_detail_gives_no_length_when_arrival_is_only_a_year(client: Client) -> None:
    group = RehabilitationGroupFactory(
        published=True,
        arrived_on=dt.date(2024, 1, 1),
        arrived_on_precision="year",
        departed_on=dt.date(2024, 3, 1),
        adults_count=None,
    )

    page = client.get(group.get_absolute_url()).content.decode()

    assert '<time datetime="2024">2024</time>' in page
    assert "Length of stay" not in page
    assert "Not given in the sources" in page  # adults


def test_group_detail_queries_do_not_grow(client: Client, django_assert_num_queries: Any) -> None:
    group = full_group()
    PhotoFactory.create_batch(2, content_object=group)
    client.get(group.get_absolute_url())  # warm the content-type cache
    forget_cached_answers()
    # group with host institution and place, photos, renditions, home regions, partners, sources
    with django_assert_num_queries(6 + CACHE_MISS):
        client.get(group.get_absolute_url())
    PhotoFactory.create_batch(6, content_object=group)
    group.home_regions.add(*PlaceFactory.create_batch(3, kind=Place.Kind.REGION))
    group.partners.add(*OrganizationFactory.create_batch(3))
    with django_assert_num_queries(6 + CACHE_MISS):
        client.get(group.get_absolute_url())


def test_group_preview_renders_a_draft_through_the_public_template(rf: RequestFactory) -> None:
    draft = RehabilitationGroupFactory(title="Draft group")
    row = RehabilitationGroup.objects.for_detail().get(pk=draft.pk)
    request = rf.get("/en/")

    response = render_detail(request, RehabilitationGroupDetailView, row).render()

    assert "Draft group" in response.content.decode()


# --- Partnerships -----------------------------------------------------------------------------


def test_partnership_list_shows_places_kind_and_a_map_of_partner_cities(client: Client) -> None:
    partnership = full_partnership(title="Irpin and Lachin", established_on=dt.date(2021, 5, 4))

    page = client.get("/en/partnerships/").content.decode()

    assert "Irpin and Lachin" in page
    assert partnership.ukrainian_place.name in page and partnership.azerbaijani_place.name in page
    assert "Sister cities · established" in page
    assert '<time datetime="2021-05-04">4 May 2021</time>' in page
    assert '<figure class="map">' in page
    # each partner city is a link on the map to its partnership
    assert page.count(f'href="{partnership.get_absolute_url()}"') >= 3


def test_partnership_list_without_coordinates_draws_no_map(client: Client) -> None:
    SisterCityPartnershipFactory(published=True)

    page = client.get("/en/partnerships/").content.decode()

    assert '<figure class="map">' not in page
    assert "1 result" in page


def test_partnership_list_filters_by_kind(client: Client) -> None:
    SisterCityPartnershipFactory(published=True, title="Twins")
    SisterCityPartnershipFactory(
        published=True, title="Agreed", kind=PartnershipKind.COOPERATION_AGREEMENT
    )

    response = client.get("/en/partnerships/?kind=cooperation_agreement")

    assert [p.title for p in response.context["object_list"]] == ["Agreed"]
    assert client.get("/en/partnerships/?kind=twinning").status_code == 400


def test_partnership_list_queries_do_not_grow(
    client: Client, django_assert_num_queries: Any
) -> None:
    for _ in range(3):
        full_partnership()
    client.get("/en/partnerships/")  # warm the content-type cache
    forget_cached_answers()
    # count, partnerships with places, photos, renditions, partner places for the map
    with django_assert_num_queries(5 + CACHE_MISS):
        assert client.get("/en/partnerships/").status_code == 200
    for _ in range(6):
        full_partnership()
    with django_assert_num_queries(5 + CACHE_MISS):
        assert client.get("/en/partnerships/").status_code == 200


def test_partnership_detail_shows_facts_and_activities_in_date_order(client: Client) -> None:
    partnership = full_partnership(kind=PartnershipKind.PARTNERSHIP)
    PartnershipActivityFactory(
        partnership=partnership, date=dt.date(2023, 2, 1), title="First visit", text="Talks."
    )

    page = client.get(partnership.get_absolute_url()).content.decode()

    assert '<ol class="milestones">' in page
    assert page.index("First visit") < page.index("Working visit")
    assert '<time datetime="2023-02-01">1 February 2023</time>' in page
    assert "Talks." in page
    assert "Partnership" in page and "Not given in the sources" in page  # established on
    assert partnership.sources.get().title in page


def test_partnership_detail_queries_do_not_grow(
    client: Client, django_assert_num_queries: Any
) -> None:
    partnership = full_partnership()
    client.get(partnership.get_absolute_url())  # warm the content-type cache
    forget_cached_answers()
    # partnership with places, photos, renditions, activities, sources
    with django_assert_num_queries(5 + CACHE_MISS):
        client.get(partnership.get_absolute_url())
    PartnershipActivityFactory.create_batch(6, partnership=partnership)
    PhotoFactory.create_batch(3, content_object=partnership)
    with django_assert_num_queries(5 + CACHE_MISS):
        client.get(partnership.get_absolute_url())


# --- What the public never sees ---------------------------------------------------------------


@HIDDEN
def test_unpublished_group_is_absent_everywhere(client: Client, state: str) -> None:
    group = RehabilitationGroupFactory(
        title="Hidden group", children_count=777, **hidden_state(state)
    )

    listing = client.get("/en/rehabilitation/").content.decode()

    assert client.get(group.get_absolute_url()).status_code == 404
    assert "Hidden group" not in listing and "777" not in listing


@HIDDEN
def test_unpublished_partnership_is_absent_everywhere(client: Client, state: str) -> None:
    partnership = full_partnership(title="Hidden partnership")
    for field, value in {"status": Status.PUBLISHED, **hidden_state(state)}.items():
        setattr(partnership, field, value)
    partnership.save()

    listing = client.get("/en/partnerships/").content.decode()

    assert client.get(partnership.get_absolute_url()).status_code == 404
    assert "Hidden partnership" not in listing
    assert partnership.ukrainian_place.name not in listing  # nor on the map


@pytest.mark.parametrize("make", [full_group, full_partnership], ids=["group", "partnership"])
def test_photo_of_minors_without_consent_is_never_shown(client: Client, make: Any) -> None:
    item = make()
    PhotoFactory(
        content_object=item, shows_minors=True, consent_on_file=False, alt_text="Secret minors"
    )
    PhotoFactory(
        content_object=item, shows_minors=True, consent_on_file=True, alt_text="Consented minors"
    )
    list_url = item.get_absolute_url().rsplit("/", 2)[0] + "/"

    for url in (list_url, item.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "Secret minors" not in page
    assert "Consented minors" in client.get(item.get_absolute_url()).content.decode()


# --- Languages --------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [full_group, full_partnership], ids=["group", "partnership"])
def test_english_fallback_is_marked_on_ukrainian_pages(client: Client, make: Any) -> None:
    item = make(title="Only in English")
    with override("uk"):
        list_url, detail_url = (
            item.get_absolute_url().rsplit("/", 2)[0] + "/",
            item.get_absolute_url(),
        )

    for url in (list_url, detail_url):
        page = client.get(url).content.decode()
        assert '<html lang="uk">' in page
        assert '<span lang="en">Only in English</span>' in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_responds_in_every_language(client: Client, language: str) -> None:
    group, partnership = full_group(), full_partnership()
    with override(language):
        urls = [reverse("rehabilitation:list"), group.get_absolute_url()]
        urls += [reverse("partnerships:list"), partnership.get_absolute_url()]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}">' in response.content.decode()
