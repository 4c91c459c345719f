"""Server-side country maps: points inside the picture and linked, labels escaped, outlines of
Ukraine (with Crimea) and Azerbaijan drawn from the installed atlas, a clear error without it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from public import map_atlas, map_outlines, maps
from public.map_atlas import MapDataMissing
from public.maps import MapPoint, country_map

KYIV = MapPoint(50.4501, 30.5234, "Kyiv", "/en/projects/kyiv/", "completed")
IRPIN = MapPoint(50.5218, 30.2506, "Irpin", "/en/projects/irpin/", "planned")
BAKU = MapPoint(40.4093, 49.8671, "Baku", "", "az-city")


def view_box(html: str) -> tuple[float, float]:
    width, height = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', html).groups()
    return float(width), float(height)


def circles(html: str) -> list[tuple[float, float]]:
    return [
        (float(x), float(y))
        for x, y in re.findall(r'<circle cx="([-\d.]+)" cy="([-\d.]+)" r="7"', html)
    ]


def test_map_points_lie_within_the_view_box() -> None:
    html = country_map([KYIV, IRPIN, BAKU], title="Places")

    width, height = view_box(html)
    spots = circles(html)
    assert len(spots) == 3
    assert all(0 < x < width and 0 < y < height for x, y in spots)


def test_map_fits_a_point_outside_the_countries() -> None:
    tbilisi = MapPoint(41.7151, 44.8271, "Tbilisi")
    warsaw = MapPoint(52.2297, 21.0122, "Warsaw")

    html = country_map([tbilisi, warsaw], title="Neighbours", countries=("AZ",))

    width, height = view_box(html)
    assert all(0 < x < width and 0 < y < height for x, y in circles(html))


def test_map_points_are_links_in_the_picture_and_in_the_list() -> None:
    html = country_map([KYIV, BAKU], title="Places")

    assert '<a href="/en/projects/kyiv/" class="map__point map__point--completed">' in html
    assert "<title>Kyiv</title>" in html
    assert '<li><a href="/en/projects/kyiv/">Kyiv</a></li>' in html
    # A point without an address is named, not linked.
    assert '<g class="map__point map__point--az-city"><title>Baku</title>' in html
    assert "<li>Baku</li>" in html


def test_map_escapes_labels_and_titles() -> None:
    point = MapPoint(50.45, 30.52, '<script>alert("x")</script>', '/a?b=1&c="2"')

    html = country_map([point], title="<b>Title</b>")

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="/a?b=1&amp;c=&quot;2&quot;"' in html
    assert "&lt;b&gt;Title&lt;/b&gt;" in html


def test_map_is_a_labelled_figure_with_a_legend_in_the_order_given() -> None:
    html = country_map(
        [KYIV, IRPIN], title="Projects", legend={"planned": "Planned", "completed": "Completed"}
    )

    assert html.startswith('<figure class="map">')
    map_id = re.search(r'<title id="(map-[0-9a-f]{8})-title">Projects</title>', html).group(1)
    assert f'aria-labelledby="{map_id}-title" aria-describedby="{map_id}-desc"' in html
    legend = re.search(r'<ul class="legend">(.*?)</ul>', html).group(1)
    assert re.findall(r"</span>(\w+)</li>", legend) == ["Planned", "Completed"]
    assert "2 places on this map" in html


def test_map_without_points_still_draws_the_countries() -> None:
    html = country_map([], title="Nothing yet")

    assert "No places are marked" in html
    assert "<details" not in html
    assert 'fill="#ffffff"' in html


def test_map_draws_ukraine_and_azerbaijan_and_names_them() -> None:
    html = country_map([KYIV], title="Places")

    focus_path = re.search(r'<path d="([^"]+)" fill="#ffffff"', html).group(1)
    assert focus_path.count("M") >= 3  # Ukraine; Azerbaijan and its Nakhchivan exclave
    assert ">Ukraine</text>" in html
    assert ">Azerbaijan</text>" in html


def point_in_ring(lon: float, lat: float, ring: tuple[tuple[float, float], ...]) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


@pytest.mark.parametrize(
    ("country", "lon", "lat"),
    [
        ("804", 30.52, 50.45),  # Kyiv
        ("804", 34.10, 44.95),  # Simferopol: Crimea is Ukraine
        ("031", 49.87, 40.41),  # Baku
        ("031", 45.41, 39.21),  # Nakhchivan
    ],
)
def test_atlas_outlines_hold_their_cities(country: str, lon: float, lat: float) -> None:
    assert any(point_in_ring(lon, lat, ring) for ring in map_atlas.country_rings()[country])


def test_atlas_russia_does_not_hold_crimea() -> None:
    assert not any(point_in_ring(34.10, 44.95, ring) for ring in map_atlas.country_rings()["643"])


def test_map_rejects_an_unknown_country_code() -> None:
    with pytest.raises(ValueError, match="XX"):
        country_map([KYIV], title="Places", countries=("XX",))


@pytest.fixture
def _atlas_not_installed(settings: pytest.FixtureRequest, tmp_path: Path) -> Iterator[None]:
    settings.BASE_DIR = tmp_path
    map_atlas.country_rings.cache_clear()
    map_atlas.country_bbox.cache_clear()
    map_outlines.outlines_svg.cache_clear()
    yield
    map_atlas.country_rings.cache_clear()
    map_atlas.country_bbox.cache_clear()
    map_outlines.outlines_svg.cache_clear()


@pytest.mark.usefixtures("_atlas_not_installed")
def test_map_without_the_atlas_fails_naming_make_install() -> None:
    with pytest.raises(MapDataMissing, match=r"world-atlas.*make install"):
        country_map([KYIV], title="Places")


# --- Points that stand for several things: numbered circles ------------------------------------

IRPIN_PROJECTS = MapPoint(
    50.5218, 30.2506, "Irpin: 84 projects", "/en/projects/?city=irpin", count=84
)
BUCHA_PROJECTS = MapPoint(
    50.5433, 30.2122, "Bucha: 3 projects", "/en/projects/?city=bucha", count=3
)


def numbered_circles(html: str) -> list[tuple[float, float, float, str]]:
    """(x, y, radius, number shown) of each numbered circle."""
    return [
        (float(x), float(y), float(r), number)
        for x, y, r, number in re.findall(
            r'<circle cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)" fill="#0b2545"[^>]*/>'
            r"<text [^>]*>(\d+)</text>",
            html,
        )
    ]


def test_map_count_point_is_a_numbered_link_in_the_picture_and_the_list() -> None:
    html = country_map([IRPIN_PROJECTS], title="Projects")

    assert (
        '<a href="/en/projects/?city=irpin" class="map__point map__point--count">'
        "<title>Irpin: 84 projects</title>" in html
    )
    assert [number for *_spot, number in numbered_circles(html)] == ["84"]
    assert '<li><a href="/en/projects/?city=irpin">Irpin: 84 projects</a></li>' in html
    # The title says the number to screen readers; the digits in the picture do not repeat it.
    assert 'aria-hidden="true">84</text>' in html


def test_map_count_circle_area_follows_the_count_and_holds_its_number() -> None:
    counts = {"Most": 80, "Fewer": 45, "One": 1, "Thousands": 2000, "Millions": 8_000_000}
    points = [
        MapPoint(46.0 + n, 25.0 + 3 * n, name, count=c)
        for n, (name, c) in enumerate(counts.items())
    ]
    radii = {number: r for *_xy, r, number in numbered_circles(country_map(points[:3], title="A"))}
    wide = {number: r for *_xy, r, number in numbered_circles(country_map(points[3:], title="B"))}

    assert radii["80"] == maps.COUNT_RADIUS_MAX
    assert radii["45"] == pytest.approx(maps.COUNT_RADIUS_MAX * (45 / 80) ** 0.5, abs=0.1)
    assert radii["1"] == maps.COUNT_RADIUS_MIN
    # However small its share, a circle is wide enough for its digits.
    assert wide["2000"] > 4 * maps.DIGIT_WIDTH * maps.COUNT_TEXT_SIZE / 2
    assert wide["8000000"] > 7 * maps.DIGIT_WIDTH * maps.COUNT_TEXT_SIZE / 2


def test_map_count_circles_never_cover_one_another_and_stay_in_view() -> None:
    # Kyiv and the towns around it lie a few viewBox units apart; two places share one spot.
    towns = [
        (50.4501, 30.5234),
        (50.5218, 30.2506),
        (50.5433, 30.2122),
        (50.6450, 29.9170),
        (50.5690, 30.2650),
        (50.5690, 30.2650),
        (51.4982, 31.2893),
        (49.4444, 32.0598),
    ]
    points = [
        MapPoint(lat, lon, f"Town {n}", count=10 + n * 37) for n, (lat, lon) in enumerate(towns)
    ]

    html = country_map(points, title="Places")

    width, height = view_box(html)
    spots = numbered_circles(html)
    assert len(spots) == len(towns)
    for i, (x, y, r, _number) in enumerate(spots):
        assert r <= x <= width - r and r <= y <= height - r
        for x2, y2, r2, _ in spots[i + 1 :]:
            assert ((x - x2) ** 2 + (y - y2) ** 2) ** 0.5 >= r + r2
    # Circles pushed off their places are tied to them.
    assert "<line " in html


def test_map_country_name_moves_aside_when_circles_fill_the_middle() -> None:
    centre = [MapPoint(49.0 + d / 3, 31.0 + d / 2, f"Centre {d}", count=50) for d in range(-2, 3)]

    html = country_map(centre, title="Places", countries=("UA",))

    x, y = (
        float(v)
        for v in re.search(r'<text x="([\d.]+)" y="([\d.]+)">Ukraine</text>', html).groups()
    )
    half_width = len("Ukraine") * map_outlines.LABEL_SIZE * 0.6 / 2
    for cx, cy, r, _number in numbered_circles(html):
        overlaps_x = x - half_width - r < cx < x + half_width + r
        overlaps_y = y - map_outlines.LABEL_SIZE - r < cy < y + r
        assert not (overlaps_x and overlaps_y)


def test_map_note_says_what_a_mark_means_in_the_caption_and_the_description() -> None:
    html = country_map(
        [IRPIN_PROJECTS, BUCHA_PROJECTS], title="Projects", note="Each circle is a <place>."
    )

    assert '<p class="map__note">Each circle is a &lt;place&gt;.</p>' in html
    assert re.search(
        r"<desc [^>]*>Map of [^<]*2 places marked[^<]*Each circle is a &lt;place&gt;.</desc>", html
    )
    assert '<ul class="legend">' not in html


def test_map_point_rejects_a_negative_count() -> None:
    with pytest.raises(ValueError, match="-1"):
        MapPoint(50.45, 30.52, "Kyiv", count=-1)
