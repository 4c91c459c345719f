"""The map of the public projects list, /<lang>/projects/, past PROJECT_POINTS_LIMIT: one
numbered circle per place linking to the list narrowed to it, the same few queries however
many projects, and markup that does not grow with them. Under the limit the map marks each
project (tests/projects/test_views.py)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from editorial.models import Place
from projects import views
from projects.models import Phase, ReconstructionProject
from projects.views import PROJECT_POINTS_LIMIT, place_marker
from tests.factories import OrganizationFactory, PlaceFactory, ReconstructionProjectFactory
from tests.queries import CACHE_MISS, forget_cached_answers

pytestmark = pytest.mark.django_db

LIST_URL = "/en/projects/"


def city(name: str, latitude: str | None = "50.45", longitude: str | None = "30.52") -> Place:
    return PlaceFactory(
        name=name,
        slug=name.lower().replace(" ", "-"),
        latitude=Decimal(latitude) if latitude else None,
        longitude=Decimal(longitude) if longitude else None,
    )


def add_projects(place: Place, count: int, **fields: Any) -> list[ReconstructionProject]:
    """`count` published projects in `place`, written at once (hundreds stay quick)."""
    return ReconstructionProject.objects.bulk_create(
        ReconstructionProjectFactory.build_batch(count, published=True, place=place, **fields)
    )


def map_markup(html: str) -> str:
    return re.search(r'<figure class="map">.*?</figure>', html, re.S).group(0)


def count_marks(html: str) -> list[tuple[str, str, str]]:
    """(address, title, number shown) of each numbered circle, in drawing order."""
    return re.findall(
        r'<a href="([^"]*)" class="map__point map__point--count"><title>([^<]*)</title>'
        r"<circle [^>]*/><text [^>]*>(\d+)</text></a>",
        html,
    )


def test_project_list_map_past_the_limit_marks_each_place_with_its_count(client: Client) -> None:
    in_kyiv = PROJECT_POINTS_LIMIT + 1 - 20
    add_projects(city("Irpin", "50.52", "30.25"), 15)
    add_projects(city("Kyiv", "50.45", "30.52"), in_kyiv)
    add_projects(city("Bucha", "50.54", "30.21"), 5)

    html = client.get(LIST_URL).content.decode()

    # Most projects first, in the picture and in the list.
    assert count_marks(html) == [
        ("/en/projects/?city=irpin", "Irpin: 15 projects", "15"),
        ("/en/projects/?city=kyiv", f"Kyiv: {in_kyiv} projects", str(in_kyiv)),
        ("/en/projects/?city=bucha", "Bucha: 5 projects", "5"),
    ]
    assert "map__point--planned" not in html  # no project of its own
    assert re.findall(r"<li>(<a [^>]*>[^<]*</a>)</li>", map_markup(html)) == [
        '<a href="/en/projects/?city=irpin">Irpin: 15 projects</a>',
        f'<a href="/en/projects/?city=kyiv">Kyiv: {in_kyiv} projects</a>',
        '<a href="/en/projects/?city=bucha">Bucha: 5 projects</a>',
    ]
    assert "3 places on this map" in html


def test_project_list_map_past_the_limit_says_what_a_circle_is_instead_of_phases(
    client: Client,
) -> None:
    add_projects(city("Kyiv"), PROJECT_POINTS_LIMIT + 1, phase=Phase.DESIGN)

    markup = map_markup(client.get(LIST_URL).content.decode())

    # The circles are not in phase colours, so the phase legend would not be true.
    assert '<ul class="legend">' not in markup
    note = "Each circle is a place, with the number of projects there: choose it to list them."
    assert f'<p class="map__note">{note}</p>' in markup
    assert re.search(rf"<desc [^>]*>[^<]*{re.escape(note)}</desc>", markup)


def test_project_list_map_at_the_limit_still_marks_each_project(client: Client) -> None:
    add_projects(city("Kyiv"), PROJECT_POINTS_LIMIT)

    html = client.get(LIST_URL).content.decode()

    assert html.count('class="map__point map__point--planned"') == PROJECT_POINTS_LIMIT
    assert count_marks(html) == []
    assert '<ul class="legend">' in html


def test_project_list_place_links_keep_the_other_filters_but_not_the_page(
    client: Client,
) -> None:
    socar = OrganizationFactory(slug="socar")
    for project in add_projects(city("Irpin"), PROJECT_POINTS_LIMIT + 1, phase=Phase.DESIGN):
        project.funders.add(socar)

    response = client.get(LIST_URL, {"funder": "socar", "phase": "design", "page": 2})

    assert response.status_code == 200
    ((address, _title, _number),) = count_marks(response.content.decode())
    assert address == "/en/projects/?phase=design&amp;city=irpin&amp;funder=socar"
    assert client.get(address.replace("&amp;", "&")).status_code == 200


def test_project_list_place_marks_escape_the_place_name(client: Client) -> None:
    add_projects(city('Irpin <b>"new"</b>'), PROJECT_POINTS_LIMIT + 1)

    markup = map_markup(client.get(LIST_URL).content.decode())

    assert "<b>" not in markup
    name = "Irpin &lt;b&gt;&quot;new&quot;&lt;/b&gt;"
    assert f"<title>{name}: {PROJECT_POINTS_LIMIT + 1} projects</title>" in markup


def test_place_without_coordinates_is_marked_at_its_projects_sites_or_left_off(
    client: Client,
) -> None:
    sites_only, nowhere = city("Sites only", None, None), city("Nowhere", None, None)
    add_projects(sites_only, 1, latitude=Decimal("50.0"), longitude=Decimal("30.0"))
    add_projects(sites_only, 1, latitude=Decimal("50.2"), longitude=Decimal("30.4"))
    add_projects(sites_only, 1)  # no site of its own: counted, not averaged
    add_projects(nowhere, PROJECT_POINTS_LIMIT)

    places = {place.slug: place for place in ReconstructionProject.objects.places_for_map()}
    marker = place_marker(places["sites-only"], url="")
    html = client.get(LIST_URL).content.decode()

    assert (marker.latitude, marker.longitude, marker.count) == pytest.approx((50.1, 30.2, 3))
    assert place_marker(places["nowhere"], url="") is None
    assert [title for _address, title, _number in count_marks(html)] == ["Sites only: 3 projects"]
    assert "Nowhere" not in map_markup(html)


def test_places_for_map_counts_only_the_filtered_projects_in_one_query(
    django_assert_num_queries: Any,
) -> None:
    kyiv, irpin = city("Kyiv"), city("Irpin")
    add_projects(kyiv, 4, phase=Phase.DESIGN)
    add_projects(kyiv, 2, phase=Phase.PLANNED)
    add_projects(irpin, 3, phase=Phase.PLANNED)
    in_design = ReconstructionProject.objects.published().filter(phase=Phase.DESIGN)

    with django_assert_num_queries(1):
        counts = {place.slug: place.project_count for place in in_design.places_for_map()}

    assert counts == {"kyiv": 4}


def test_project_list_map_markup_does_not_grow_with_the_projects(client: Client) -> None:
    places = [city(f"Place {n}", f"{46 + n}", f"{25 + 3 * n}") for n in range(5)]
    for place in places:
        add_projects(place, 20)
    hundred = len(map_markup(client.get(LIST_URL).content.decode()))
    for place in places:
        add_projects(place, 40)
    forget_cached_answers()

    three_hundred = len(map_markup(client.get(LIST_URL).content.decode()))

    # Five circles and five list items, whatever they count; the outlines weigh the most.
    assert three_hundred == pytest.approx(hundred, rel=0.01)
    assert three_hundred < 20_000


@pytest.mark.parametrize("rows", [5, 15])
def test_project_list_queries_do_not_grow_past_the_limit(
    client: Client, django_assert_num_queries: Any, monkeypatch: pytest.MonkeyPatch, rows: int
) -> None:
    monkeypatch.setattr(views, "PROJECT_POINTS_LIMIT", 3)  # both sizes past it
    funder = OrganizationFactory()
    places = [city(f"Place {n}", f"{47 + n}", "30") for n in range(4)]
    for n in range(rows):
        project = ReconstructionProjectFactory(published=True, place=places[n % 4], photos=2)
        project.funders.add(funder)
    client.get(LIST_URL)  # content types are cached once per process
    forget_cached_answers()

    # City choices, funder choices, count, projects with places, photos, renditions, and
    # the places of every filtered project with their counts for the map: as under the limit.
    with django_assert_num_queries(7 + CACHE_MISS):
        response = client.get(LIST_URL)
    assert len(count_marks(response.content.decode())) == 4


def test_project_list_place_marks_speak_the_page_language(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "PROJECT_POINTS_LIMIT", 3)
    irpin = city("Irpin")
    irpin.name_uk = "Ірпінь"
    irpin.save()
    add_projects(irpin, 22)  # Ukrainian's plural for 2-4, 22-24...

    markup = map_markup(client.get("/uk/projects/").content.decode())

    assert "<title>Ірпінь: 22 проєкти</title>" in markup
    assert "Кожне коло — це місце" in markup
    assert 'href="/uk/projects/?city=irpin"' in markup
