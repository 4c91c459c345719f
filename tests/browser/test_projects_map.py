"""The projects list's map past PROJECT_POINTS_LIMIT, at phone and desktop widths: one
numbered circle per city, none covering another or its number, passing axe; a circle leads
to the list narrowed to its city."""

from __future__ import annotations

import math
import re

from playwright.sync_api import Page, expect

from demo.bulk_vocabulary import UA_CITIES
from projects.models import ReconstructionProject
from projects.views import PROJECT_POINTS_LIMIT
from tests.browser.pages import visit
from tests.factories import PlaceFactory, ReconstructionProjectFactory


def seed_cities() -> None:
    """More projects than the limit, in the cities of the benchmark's record (Kyiv and the
    towns a few kilometres around it among them), a different number in each."""
    for n, spec in enumerate(UA_CITIES):
        place = PlaceFactory(
            name=spec.name.en, slug=spec.stem, latitude=spec.latitude, longitude=spec.longitude
        )
        ReconstructionProject.objects.bulk_create(
            ReconstructionProjectFactory.build_batch(n + 1, published=True, place=place)
        )
    assert ReconstructionProject.objects.count() > PROJECT_POINTS_LIMIT


def test_projects_map_of_cities_is_readable_and_leads_to_a_city(page: Page) -> None:
    seed_cities()

    visit(page, "/en/projects/", "projects-map-of-cities")

    circles = page.locator("#projects-map svg a.map__point--count circle")
    expect(circles).to_have_count(len(UA_CITIES))
    # (centre x, centre y, radius) on the screen, stroke left out
    drawn = [
        (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, box["width"] / 2)
        for box in (circles.nth(i).bounding_box() for i in range(len(UA_CITIES)))
    ]
    for i, (x, y, r) in enumerate(drawn):
        for x2, y2, r2 in drawn[i + 1 :]:
            # Less half a pixel of rounding: the white edges count in a bounding box.
            assert math.hypot(x - x2, y - y2) >= r + r2 - 0.5, f"circles touch at {x, y} {x2, y2}"
    page.locator('#projects-map svg a[href$="?city=kyiv"]').click()
    expect(page).to_have_url(re.compile(r"/en/projects/\?city=kyiv$"))
    expect(page.locator("main .cards > li")).to_have_count(1)
