"""/<lang>/search/?q=: published items of every kind, in all three languages, best first."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from editorial.models import Status
from tests.factories import (
    AidPackageFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)
from tests.queries import CACHE_MISS

pytestmark = pytest.mark.django_db


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL only"
)

HOUR = dt.timedelta(hours=1)


def search(client, query: str, language: str = "en", **params: str):
    return client.get(f"/{language}/search/", {"q": query, **params})


def found_titles(response) -> list[str]:
    return [result.item.title_en for result in response.context["results"]]


def test_search_empty_query_gives_a_helpful_page(client):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert "results" not in response.context
    assert b"Type a few words" in response.content
    assert b'href="/en/aid/"' in response.content


def test_search_blank_query_is_treated_as_empty(client):
    response = search(client, "   ")

    assert response.status_code == 200
    assert b"Type a few words" in response.content


def test_search_over_long_query_is_refused_with_the_reason(client):
    response = search(client, "generator " * 25)

    assert response.status_code == 400
    assert b"The search is too long" in response.content
    assert b'aria-invalid="true"' in response.content


@pytest.mark.parametrize("query", ["\x00", "Irpin\x00school"], ids=["alone", "inside"])
def test_search_with_a_null_character_is_refused_with_the_reason(client, query):
    # PostgreSQL refuses any text holding a NUL: without the check this was a 500 there.
    AidPackageFactory(published=True, title="Irpin school")

    response = search(client, query)

    assert response.status_code == 400
    assert b"Null characters are not allowed." in response.content
    assert b'aria-invalid="true"' in response.content
    assert b"\x00" not in response.content


def test_search_no_results_says_so(client):
    AidPackageFactory(published=True, title="Generators for Kharkiv")

    response = search(client, "submarine")

    assert response.status_code == 200
    assert response.context["results"] == []
    assert "Nothing published matches “submarine”" in response.content.decode()


@pytest.mark.parametrize("query", ['"', "- '", "!!!"])
def test_search_of_punctuation_finds_nothing(client, query):
    AidPackageFactory(published=True, title="Generators")

    response = search(client, query)

    assert response.status_code == 200
    assert response.context["results"] == []


def test_search_finds_every_kind_with_its_label(client):
    AidPackageFactory(published=True, title="Bridge generators")
    ReconstructionProjectFactory(published=True, title="Bridge school")
    RehabilitationGroupFactory(published=True, title="Bridge group")
    SisterCityPartnershipFactory(published=True, title="Bridge cities")

    response = search(client, "bridge")

    html = response.content.decode()
    assert response.context["paginator"].count == 4
    for label in ("Aid package", "Reconstruction project", "Rehabilitation group", "Partnership"):
        assert f'<span class="badge">{label}</span>' in html


@pytest.mark.parametrize(
    "state",
    [
        {"status": Status.DRAFT},
        {"status": Status.IN_REVIEW},
        {"status": Status.ARCHIVED},
        {"status": Status.PUBLISHED, "publish_at_offset": HOUR},
        {"status": Status.PUBLISHED, "expire_at_offset": -HOUR},
    ],
    ids=["draft", "in_review", "archived", "not_yet_live", "expired"],
)
def test_search_never_finds_unpublished_items(client, state):
    now = timezone.now()
    fields = {"status": state["status"]}
    if "publish_at_offset" in state:
        fields["publish_at"] = now + state["publish_at_offset"]
    if "expire_at_offset" in state:
        fields.update(publish_at=now - 2 * HOUR, expire_at=now + state["expire_at_offset"])
    for factory in (
        AidPackageFactory,
        ReconstructionProjectFactory,
        RehabilitationGroupFactory,
        SisterCityPartnershipFactory,
    ):
        factory(title="Hidden transformers", **fields)

    response = search(client, "transformers")

    assert response.context["results"] == []
    assert b"Hidden transformers" not in response.content


def test_search_finds_ukrainian_words(client):
    AidPackageFactory(published=True, title="Transformers", title_uk="Трансформатори для Ірпеня")

    response = search(client, "трансформатори", language="uk")

    assert found_titles(response) == ["Transformers"]
    assert "Трансформатори для Ірпеня" in response.content.decode()


def test_search_finds_cyrillic_words_whatever_their_case(client):
    ReconstructionProjectFactory(published=True, title="Park", body_uk="Парк в Києві відновлено.")

    assert found_titles(search(client, "києві")) == ["Park"]
    assert found_titles(search(client, "КИЄВІ")) == ["Park"]


def test_search_finds_azerbaijani_words(client):
    RehabilitationGroupFactory(
        published=True, title="Summer group", summary_az="Uşaqlar Qəbələdə reabilitasiya keçdilər."
    )

    response = search(client, "reabilitasiya", language="az")

    assert found_titles(response) == ["Summer group"]


def test_search_finds_place_names(client):
    ReconstructionProjectFactory(
        published=True, title="Lyceum restored", place=PlaceFactory(name="Irpin", name_uk="Ірпінь")
    )

    assert found_titles(search(client, "Irpin")) == ["Lyceum restored"]
    assert found_titles(search(client, "ірпінь", language="uk")) == ["Lyceum restored"]


def test_search_needs_every_word(client):
    AidPackageFactory(published=True, title="Generators for Kharkiv")
    AidPackageFactory(published=True, title="Generators for Odesa")

    assert found_titles(search(client, "generators odesa")) == ["Generators for Odesa"]


def test_search_ranks_a_title_match_above_a_body_match(client):
    AidPackageFactory(
        published=True,
        title="Medical supplies",
        body="Shipped with the transformers.",
        published_at=timezone.now(),
    )
    AidPackageFactory(
        published=True,
        title="Transformers for the grid",
        published_at=timezone.now() - dt.timedelta(days=30),
    )

    assert found_titles(search(client, "transformers")) == [
        "Transformers for the grid",
        "Medical supplies",
    ]


@on_postgresql
def test_search_stems_english_words_on_postgresql(client):
    AidPackageFactory(published=True, title="A generator shipment")

    assert found_titles(search(client, "generators")) == ["A generator shipment"]


@on_postgresql
def test_search_ranks_summary_above_body_on_postgresql(client):
    AidPackageFactory(published=True, title="One", body="Cable for the substation.")
    AidPackageFactory(published=True, title="Two", summary="Cable for the substation.")

    assert found_titles(search(client, "cable")) == ["Two", "One"]


def test_search_keeps_the_query_in_both_search_fields(client):
    response = search(client, "Irpin school")

    assert response.context["search_query"] == "Irpin school"
    html = response.content.decode()
    assert 'id="site-search" type="search" name="q" value="Irpin school"' in html
    assert 'id="search-query" type="search" name="q" value="Irpin school"' in html


def test_search_escapes_the_query(client):
    response = search(client, '<script>alert("x")</script>')

    assert b"<script>alert" not in response.content
    assert b"&lt;script&gt;alert" in response.content


def test_search_paginates_twenty_a_page(client):
    AidPackageFactory.create_batch(25, published=True, summary="Fuel for hospitals.")

    first = search(client, "fuel")
    second = search(client, "fuel", page="2")

    assert first.context["paginator"].count == 25
    assert len(first.context["results"]) == 20
    assert len(second.context["results"]) == 5
    assert "25 results for “fuel”" in first.content.decode()
    assert 'href="?q=fuel&amp;page=2"' in first.content.decode()


def test_search_marks_english_fallback_text(client):
    AidPackageFactory(published=True, title="Diesel generators", summary="Fuel for the winter.")

    response = search(client, "diesel", language="uk")

    assert '<span lang="en">Diesel generators</span>' in response.content.decode()


@pytest.mark.parametrize("language", ["en", "uk", "az"])
def test_search_responds_in_every_language(client, language):
    AidPackageFactory(published=True, title="Generators")

    response = search(client, "generators", language=language)

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    assert response.context["paginator"].count == 1


def _one_of_each(title: str) -> None:
    AidPackageFactory(published=True, title=title, photos=1)
    ReconstructionProjectFactory(published=True, title=title)
    RehabilitationGroupFactory(published=True, title=title)
    SisterCityPartnershipFactory(published=True, title=title)


@pytest.mark.parametrize("rounds", [1, 3])
def test_search_queries_do_not_grow(client, django_assert_num_queries, rounds):
    for _round in range(rounds):
        _one_of_each("Energy bridge")

    # count of the matches, the page's keys, then one query per kind shown on the page
    with django_assert_num_queries(6 + CACHE_MISS):
        response = search(client, "energy")

    assert response.context["paginator"].count == 4 * rounds


def test_search_counts_the_matches_without_ranking_them(client):
    _one_of_each("Energy bridge")

    with CaptureQueriesContext(connection) as queries:
        response = search(client, "energy")

    assert response.context["paginator"].count == 4
    (count,) = [query["sql"] for query in queries if "COUNT(" in query["sql"]]
    assert "result_rank" not in count and "ORDER BY" not in count
