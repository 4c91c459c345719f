"""The public project pages, /<lang>/projects/ and /<lang>/projects/<slug>/: what they show
(cards, map, facts, before/after, milestones), what they never show, how they filter and
page, and that their query counts do not grow with the data."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from editorial.models import Photo
from projects.models import FacilityType, Phase, ReconstructionProject
from tests.factories import (
    HIDDEN_STATES,
    MilestoneFactory,
    OrganizationFactory,
    PhotoFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    SourceFactory,
    hidden_state,
)
from tests.queries import CACHE_MISS, forget_cached_answers

pytestmark = pytest.mark.django_db

LIST_URL = "/en/projects/"


def detail_url(project: ReconstructionProject, language: str = "en") -> str:
    return f"/{language}/projects/{project.slug}/"


def card_titles(response: Any) -> list[str]:
    return re.findall(r'<h2 class="card__title"><a [^>]*>(.*?)</a>', response.content.decode())


def completed(**kwargs: Any) -> ReconstructionProject:
    return ReconstructionProjectFactory(
        published=True, phase=Phase.COMPLETED, actual_completion=dt.date(2025, 4, 30), **kwargs
    )


# --- The list -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "uk", "az"])
def test_project_list_responds_in_every_language(client: Client, language: str) -> None:
    ReconstructionProjectFactory(published=True, title="Irpin school")

    response = client.get(f"/{language}/projects/")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_project_list_card_shows_phase_facility_place_dates_and_photo(client: Client) -> None:
    irpin = PlaceFactory(name="Irpin")
    project = completed(title="Irpin school", place=irpin, facility_type=FacilityType.SCHOOL)
    PhotoFactory(content_object=project, alt_text="The new school facade")

    html = client.get(LIST_URL).content.decode()

    assert '<span class="badge badge--done">Completed</span> School' in html
    assert "<strong>Irpin</strong>" in html
    assert 'Completed <time datetime="2025-04-30">' in html
    assert 'alt="The new school facade" loading="eager"' in html


@pytest.mark.parametrize(
    ("phase", "badge"),
    [
        (Phase.PLANNED, "badge--planned"),
        (Phase.DESIGN, "badge--planned"),
        (Phase.UNDER_CONSTRUCTION, "badge--moving"),
        (Phase.ON_HOLD, ""),
    ],
)
def test_project_list_badge_class_follows_phase(client: Client, phase: str, badge: str) -> None:
    ReconstructionProjectFactory(published=True, phase=phase)

    assert f'class="badge {badge}"' in client.get(LIST_URL).content.decode()


def test_project_list_map_marks_every_filtered_project_by_phase(client: Client) -> None:
    kyiv = PlaceFactory(name="Kyiv", slug="kyiv", latitude=Decimal("50.45"), longitude=30.52)
    for n in range(22):  # more than a page: the map shows them all
        ReconstructionProjectFactory(published=True, place=kyiv, title=f"Kyiv project {n}")
    ReconstructionProjectFactory(published=True, title="Somewhere unmapped")  # no coordinates

    html = client.get(LIST_URL).content.decode()

    assert '<figure class="map">' in html
    assert html.count('class="map__point map__point--planned"') == 22
    assert "<title>Kyiv project 21</title>" in html
    assert '<ul class="legend">' in html and "Under construction</li>" in html


@pytest.mark.parametrize("rows", [5, 15])
def test_project_list_queries_do_not_grow(
    client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    place = PlaceFactory(latitude=Decimal("50.45"), longitude=Decimal("30.52"))
    funder = OrganizationFactory()
    for _ in range(rows):
        project = ReconstructionProjectFactory(published=True, place=place, photos=2)
        project.funders.add(funder)
    client.get(LIST_URL)  # content types are cached once per process
    forget_cached_answers()

    # City choices, funder choices, count, projects with places, photos, renditions, and
    # every filtered project with its place for the map.
    with django_assert_num_queries(7 + CACHE_MISS):
        assert client.get(LIST_URL).status_code == 200


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_project_list_never_shows_unpublished_projects(client: Client, state: str) -> None:
    place = PlaceFactory(latitude=Decimal("50.45"), longitude=Decimal("30.52"))
    ReconstructionProjectFactory(title="Hidden project", place=place, **hidden_state(state))
    ReconstructionProjectFactory(published=True, title="Public project", place=place)

    response = client.get(LIST_URL)

    assert card_titles(response) == ["Public project"]
    assert "Hidden project" not in response.content.decode()


def test_project_list_paginates_by_twenty_and_keeps_filters_in_page_links(
    client: Client,
) -> None:
    ReconstructionProjectFactory.create_batch(25, published=True, phase=Phase.PLANNED)
    ReconstructionProjectFactory(published=True, phase=Phase.DESIGN)

    first = client.get(LIST_URL, {"phase": "planned"})
    second = client.get(LIST_URL, {"phase": "planned", "page": 2})

    assert len(card_titles(first)) == 20
    assert len(card_titles(second)) == 5
    assert "25 results" in first.content.decode()
    assert 'href="?phase=planned&amp;page=2"' in first.content.decode()


def test_project_list_page_past_the_end_is_404(client: Client) -> None:
    ReconstructionProjectFactory(published=True)

    assert client.get(LIST_URL, {"page": 3}).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"phase": "completed"}, ["Kyiv park"]),
        ({"facility_type": "school"}, ["Irpin school"]),
        ({"city": "irpin"}, ["Irpin school"]),
        ({"funder": "socar"}, ["Kyiv park"]),
        ({"city": "kyiv", "phase": "planned"}, []),
    ],
)
def test_project_list_filters_narrow_the_results(
    client: Client, query: dict[str, str], expected: list[str]
) -> None:
    kyiv, irpin = PlaceFactory(slug="kyiv"), PlaceFactory(slug="irpin")
    park = completed(title="Kyiv park", place=kyiv, facility_type=FacilityType.PARK)
    park.funders.add(OrganizationFactory(slug="socar"), OrganizationFactory(slug="other"))
    ReconstructionProjectFactory(published=True, title="Irpin school", place=irpin)

    response = client.get(LIST_URL, query)

    assert response.status_code == 200
    assert card_titles(response) == expected


@pytest.mark.parametrize(
    "query",
    [{"phase": "finished"}, {"facility_type": "castle"}, {"city": "atlantis"}, {"funder": "x"}],
)
def test_project_list_bad_filter_value_is_400_with_a_message_and_no_results(
    client: Client, query: dict[str, str]
) -> None:
    ReconstructionProjectFactory(published=True, title="Irpin school")

    response = client.get(LIST_URL, query)

    html = response.content.decode()
    assert response.status_code == 400
    assert card_titles(response) == []
    assert 'class="errorlist"' in html
    assert "Some filter values are not valid" in html
    assert '<figure class="map">' not in html


def test_project_list_filter_choices_come_from_published_projects_only(client: Client) -> None:
    ReconstructionProjectFactory(published=True, place=PlaceFactory(name="Irpin"))
    hidden = ReconstructionProjectFactory(place=PlaceFactory(name="Bucha"))
    hidden.funders.add(OrganizationFactory(name="Secret fund"))

    html = client.get(LIST_URL).content.decode()

    assert ">Irpin</option>" in html
    assert "Bucha" not in html
    assert "Secret fund" not in html


def test_project_list_never_shows_photos_of_minors_without_consent(client: Client) -> None:
    project = ReconstructionProjectFactory(published=True)
    PhotoFactory(content_object=project, alt_text="Children at the opening", shows_minors=True)

    assert "Children at the opening" not in client.get(LIST_URL).content.decode()


# --- The detail page ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "uk", "az"])
def test_project_detail_responds_in_every_language(client: Client, language: str) -> None:
    project = ReconstructionProjectFactory(published=True)

    assert client.get(detail_url(project, language)).status_code == 200


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_project_detail_of_an_unpublished_project_is_404(client: Client, state: str) -> None:
    project = ReconstructionProjectFactory(**hidden_state(state))

    assert client.get(detail_url(project)).status_code == 404


def test_project_detail_shows_facts_milestones_and_sources(client: Client) -> None:
    region = PlaceFactory(name="Kyiv region", kind="region")
    irpin = PlaceFactory(
        name="Irpin", region=region, latitude=Decimal("50.52"), longitude=Decimal("30.25")
    )
    project = completed(
        title="Irpin polyclinic",
        place=irpin,
        address="1 Hospital Street",
        facility_type=FacilityType.POLYCLINIC,
        planned_start=dt.date(2023, 9, 1),
        budget=Decimal("2500000"),
        currency="AZN",
        budget_usd=Decimal("1470000"),
    )
    project.funders.add(OrganizationFactory(name="SOCAR Ukraine"))
    project.implementing_partners.add(OrganizationFactory(name="Irpin City Council"))
    project.sources.add(SourceFactory(title="Ambassador's interview"))
    MilestoneFactory(project=project, date=dt.date(2025, 4, 30), title="Reopened")
    MilestoneFactory(project=project, date=dt.date(2024, 5, 1), title="Works began")

    html = client.get(detail_url(project)).content.decode()

    assert '<nav class="breadcrumbs"' in html
    assert "<h1>Irpin polyclinic</h1>" in html
    assert "Irpin, Kyiv region<br><small>1 Hospital Street</small>" in html
    assert "2,500,000 <abbr" in html and "1,470,000 USD" in html
    assert "SOCAR Ukraine" in html and "Irpin City Council" in html
    assert re.search(r'<ol class="milestones">.*Works began.*Reopened', html, re.S)
    assert "Ambassador&#x27;s interview" in html or "Ambassador's interview" in html
    assert "<title>Irpin polyclinic</title>" in html  # the location map
    assert "application/ld+json" in html


def test_project_detail_shows_before_and_after_side_by_side_first_eager(client: Client) -> None:
    project = completed()
    PhotoFactory(content_object=project, role=Photo.Role.BEFORE, alt_text="Ruined hall")
    PhotoFactory(content_object=project, role=Photo.Role.AFTER, alt_text="Rebuilt hall")

    html = client.get(detail_url(project)).content.decode()

    section = re.search(r'<ul class="gallery">(.*?)</ul>', html, re.S).group(1)
    assert section.index("Ruined hall") < section.index("Rebuilt hall")
    assert 'alt="Ruined hall" loading="eager"' in html


def test_project_detail_general_photo_leads_and_the_rest_form_the_gallery(
    client: Client,
) -> None:
    project = ReconstructionProjectFactory(published=True)
    PhotoFactory(content_object=project, alt_text="Lead view", order=0)
    PhotoFactory(content_object=project, alt_text="Side view", order=1)

    html = client.get(detail_url(project)).content.decode()

    assert 'alt="Lead view" loading="eager"' in html
    assert 'alt="Side view" loading="lazy"' in html


def test_project_detail_never_shows_photos_of_minors_without_consent(client: Client) -> None:
    project = ReconstructionProjectFactory(published=True)
    milestone = MilestoneFactory(project=project)
    PhotoFactory(content_object=project, alt_text="Pupils in class", shows_minors=True)
    PhotoFactory(content_object=milestone, alt_text="Children at the opening", shows_minors=True)
    PhotoFactory(
        content_object=milestone,
        alt_text="Children with consent",
        shows_minors=True,
        consent_on_file=True,
    )

    html = client.get(detail_url(project)).content.decode()

    assert "Pupils in class" not in html
    assert "Children at the opening" not in html
    assert "Children with consent" in html


def test_project_detail_shows_each_milestone_its_own_photos(client: Client) -> None:
    project = ReconstructionProjectFactory(published=True)
    PhotoFactory(content_object=project, alt_text="The site")
    began, reopened = (
        MilestoneFactory(project=project, date=dt.date(2024, 5, 1), title="Works began"),
        MilestoneFactory(project=project, date=dt.date(2025, 4, 30), title="Reopened"),
    )
    PhotoFactory(content_object=began, alt_text="Scaffolding")
    PhotoFactory(content_object=reopened, alt_text="Ribbon", order=1)
    PhotoFactory(content_object=reopened, alt_text="Crowd", order=0)
    PhotoFactory(content_object=MilestoneFactory(), alt_text="Elsewhere")  # another project's

    html = client.get(detail_url(project)).content.decode()

    # Projects and milestones are numbered apart: one photo query for both must not confuse
    # project 1 with milestone 1.
    milestones = re.search(r'<ol class="milestones">(.*?)</ol>', html, re.S).group(1)
    first, second = milestones.split("Reopened")
    assert "Scaffolding" in first and "Crowd" not in first
    assert second.index("Crowd") < second.index("Ribbon")
    assert "The site" not in milestones and "Elsewhere" not in html
    assert html.count('alt="Scaffolding"') == 1 and 'alt="The site" loading="eager"' in html


def test_project_detail_lists_funders_and_partners_in_name_order(client: Client) -> None:
    project = ReconstructionProjectFactory(published=True)
    city = OrganizationFactory(name="Irpin City Council")
    project.funders.add(OrganizationFactory(name="SOCAR"), OrganizationFactory(name="Azersu"))
    project.implementing_partners.add(city, OrganizationFactory(name="Builders Ltd"))
    other = ReconstructionProjectFactory(published=True)
    other.funders.add(city)  # a partner here, a funder there: never mixed up

    html = client.get(detail_url(project)).content.decode()

    assert "<dd>Azersu; SOCAR</dd>" in html
    assert "<dd>Builders Ltd; Irpin City Council</dd>" in html


def test_project_detail_marks_english_fallback_text(client: Client) -> None:
    project = ReconstructionProjectFactory(
        published=True, title="Irpin school", summary="Restored after occupation."
    )

    html = client.get(detail_url(project, "uk")).content.decode()

    assert '<html lang="uk">' in html
    assert '<h1><span lang="en">Irpin school</span></h1>' in html
    assert '<span lang="en">Restored after occupation.</span>' in html


def test_project_detail_shows_own_translation_unmarked(client: Client) -> None:
    project = ReconstructionProjectFactory(published=True, title="Irpin school")
    project.title_uk = "Ліцей в Ірпені"
    project.save()

    html = client.get(detail_url(project, "uk")).content.decode()

    assert "<h1>Ліцей в Ірпені</h1>" in html


@pytest.mark.parametrize("milestones", [2, 6])
def test_project_detail_queries_do_not_grow(
    client: Client, django_assert_num_queries: Any, milestones: int
) -> None:
    project = ReconstructionProjectFactory(published=True, photos=milestones)
    project.funders.add(*OrganizationFactory.create_batch(milestones))
    project.implementing_partners.add(OrganizationFactory())
    project.sources.add(*SourceFactory.create_batch(milestones))
    for milestone in MilestoneFactory.create_batch(milestones, project=project):
        PhotoFactory.create_batch(2, content_object=milestone)
    client.get(detail_url(project))  # content types are cached once per process
    forget_cached_answers()

    # Project with place and region, funders and partners, sources, milestones, the photos of
    # the project and its milestones, their renditions.
    with django_assert_num_queries(6 + CACHE_MISS):
        assert client.get(detail_url(project)).status_code == 200
