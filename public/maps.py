"""Country maps drawn on the server as inline, accessible SVG: no tiles, no script, no third party.

A map is a few country outlines (public/map_atlas.py) projected to fit the countries and the
points (public/map_outlines.py), with every point a link and a plain list of the same links for
readers who do not see the picture. Callers pass points; this module knows nothing of what they
are. A point may stand for several things (a count): it is then a numbered circle, sized by it.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext
from django_countries import countries as country_names

from public.map_atlas import BBox, Coordinates, Ring, country_bbox, country_rings, numeric_id
from public.map_outlines import (
    FOCUS_EDGE,
    VIEW_WIDTH,
    MapView,
    country_labels,
    outlines_svg,
    svg_number,
)

POINT_RADIUS = 7.0
FIT_PADDING = 0.06  # of the fitted span, on each side

# Point colours in the order kinds are first named (legend first); all at least 4.5:1 on
# white, so a point stays distinct from the pale land it sits on.
PALETTE = ("#0b5fa5", "#0f7472", "#6a3d9a", "#a24d00", "#1e6b3a", "#5b6478", "#a3262e")

# A numbered circle stands for things that may be of several kinds, so it takes no kind's
# colour. Its number is bold and about 9.5 px high on a phone (the map is ~360 px wide there,
# and in a desktop page's side column); its area follows the count between the two radii.
COUNT_FILL = FOCUS_EDGE
COUNT_TEXT_SIZE = 16
COUNT_RADIUS_MIN = 12.0
COUNT_RADIUS_MAX = 22.0
DIGIT_WIDTH = 0.62  # of the text size, bold sans-serif digits
COUNT_GAP = 4.0  # between numbered circles: both white edges (1 unit outside each) and a sliver
# Pushing overlapping circles apart settles in 5 rounds for the benchmark's 20 cities and in
# 70 for 40 places crowded around Kyiv; the bound only caps what a pathological input costs.
SEPARATION_ROUNDS = 100

Placement = tuple[Coordinates, Coordinates | None]  # where drawn; its true spot if moved


@dataclass(frozen=True)
class MapPoint:
    latitude: float
    longitude: float
    label: str  # shown in the accessible list and the SVG <title>
    url: str = ""  # link target, optional
    kind: str = ""  # a CSS/legend category, e.g. "completed", "ua-city", "az-city"
    count: int = 0  # above 0, how many things it stands for, e.g. the projects of a city

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError(f"A map point stands for 0 or more things, not {self.count}.")


def country_map(
    points: Sequence[MapPoint],
    *,
    title: str,
    countries: Sequence[str] = ("UA", "AZ"),
    legend: Mapping[str, str] | None = None,
    note: str = "",
) -> SafeString:
    """A `<figure class="map">`: the countries (ISO alpha-2) with their neighbours in pale
    context, `points` as links coloured by kind (points with a count as numbered circles), a
    legend (kind -> label) when given, a `note` saying what a mark means when given, and the
    points as a list of links. Raises `MapDataMissing` when the outlines are not installed."""
    focus = tuple(numeric_id(code) for code in countries)
    atlas = country_rings()
    bbox = _fit_bbox(atlas, focus, points)
    view = MapView.fitting(bbox)
    colours = _colours(points, legend or {})
    uid = _map_id(title, points)
    radii = _radii(points)
    positions = [view.project(p.longitude, p.latitude) for p in points]
    if any(p.count for p in points):
        placed = _separate(positions, radii, height=view.height)
    else:
        placed = _spread(positions)
    svg = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}"'
        ' role="group" aria-labelledby="{uid}-title" aria-describedby="{uid}-desc">'
        '<title id="{uid}-title">{title}</title><desc id="{uid}-desc">{desc}</desc>'
        "{outlines}{labels}{points}</svg>",
        w=VIEW_WIDTH,
        h=svg_number(view.height),
        uid=uid,
        title=title,
        desc=_description(countries, points, note),
        outlines=mark_safe(outlines_svg(focus, bbox)),  # numbers and fixed markup only
        labels=country_labels(
            atlas,
            countries,
            focus,
            view,
            [(spot, radius) for (spot, _hub), radius in zip(placed, radii, strict=True)],
        ),
        points=_points_layer(points, placed, colours, radii),
    )
    return format_html(
        '<figure class="map">{}<figcaption><span class="map__title">{}</span>{}{}{}</figcaption>'
        "</figure>",
        svg,
        title,
        _legend(legend or {}, colours),
        format_html('<p class="map__note">{}</p>', note) if note else "",
        _point_list(points),
    )


def _fit_bbox(
    atlas: Mapping[str, tuple[Ring, ...]], focus: tuple[str, ...], points: Sequence[MapPoint]
) -> BBox:
    """The countries and points, padded. Rounded so that maps of the same countries share
    their cached outlines whatever points they show within them."""
    boxes = [country_bbox(key) for key in focus if key in atlas]
    boxes += [(p.longitude, p.latitude, p.longitude, p.latitude) for p in points]
    if not boxes:
        raise ValueError("A map needs at least one country or point.")
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    # At least a degree across, so a single point still shows its surroundings.
    span_lon, span_lat = max(east - west, 1.0), max(north - south, 1.0)
    centre_lon, centre_lat = (west + east) / 2, (south + north) / 2
    pad_lon, pad_lat = span_lon * (0.5 + FIT_PADDING), span_lat * (0.5 + FIT_PADDING)
    return (
        round(centre_lon - pad_lon, 1),
        round(centre_lat - pad_lat, 1),
        round(centre_lon + pad_lon, 1),
        round(centre_lat + pad_lat, 1),
    )


# --- Points, legend and the list -----------------------------------------------------------------


def _colours(points: Sequence[MapPoint], legend: Mapping[str, str]) -> dict[str, str]:
    kinds = list(legend)
    kinds += [p.kind for p in points if p.kind not in kinds]
    return {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(dict.fromkeys(kinds))}


def _radii(points: Sequence[MapPoint]) -> list[float]:
    """Each point's radius: the fixed one, or for a count an area in proportion to it (the
    largest count gets the largest circle), never too small for its number to fit."""
    largest = max((p.count for p in points), default=0)
    return [
        max(
            COUNT_RADIUS_MIN,
            COUNT_RADIUS_MAX * math.sqrt(p.count / largest),
            len(str(p.count)) * DIGIT_WIDTH * COUNT_TEXT_SIZE / 2 + 3,
        )
        if p.count
        else POINT_RADIUS
        for p in points
    ]


def _separate(
    positions: list[Coordinates], radii: Sequence[float], *, height: float
) -> list[Placement]:
    """Where to draw circles of `radii` so that none covers another, and the true spot of one
    moved off it. Overlapping pairs are pushed apart along the line between them, in
    rounds, until none overlaps: unlike `_spread`'s rings, each circle stays as near its
    place as the others let it, which a numbered circle (one per city) needs to be read."""
    spots = [list(position) for position in positions]
    for _round in range(SEPARATION_ROUNDS):
        moved = False
        for i, j in itertools.combinations(range(len(spots)), 2):
            dx, dy = spots[j][0] - spots[i][0], spots[j][1] - spots[i][1]
            distance = math.hypot(dx, dy)
            needed = radii[i] + radii[j] + COUNT_GAP
            if distance >= needed:
                continue
            if not distance:  # one spot: part them in a direction of their own
                dx, dy, distance = math.cos(j), math.sin(j), 1.0
            push = (needed - distance) / 2
            for spot, sign in ((spots[i], -1), (spots[j], 1)):
                spot[0] += sign * push * dx / distance
                spot[1] += sign * push * dy / distance
            moved = True
        for spot, radius in zip(spots, radii, strict=True):  # inside the view
            spot[0] = min(max(spot[0], radius), VIEW_WIDTH - radius)
            spot[1] = min(max(spot[1], radius), height - radius)
        if not moved:
            break
    # A circle moved off its true spot is tied to it; one still covering it needs no tie.
    return [
        ((x, y), position if math.hypot(x - position[0], y - position[1]) > radius else None)
        for (x, y), position, radius in zip(spots, positions, radii, strict=True)
    ]


def _spread(positions: list[Coordinates]) -> list[Placement]:
    """Where to draw each point, and the true spot it is tied to when several points would
    cover one another (many projects in one city): those are set in a ring around their
    common centre, in the direction of their true spots, so each stays a separate link and
    a thin line still shows where it is."""
    groups: list[list[int]] = []
    for i, (x, y) in enumerate(positions):
        for group in groups:
            if any(
                math.hypot(x - positions[j][0], y - positions[j][1]) < POINT_RADIUS * 1.6
                for j in group
            ):
                group.append(i)
                break
        else:
            groups.append([i])
    placed: list[Placement] = [((0.0, 0.0), None)] * len(positions)
    for group in groups:
        if len(group) == 1:
            placed[group[0]] = (positions[group[0]], None)
            continue
        cx = sum(positions[i][0] for i in group) / len(group)
        cy = sum(positions[i][1] for i in group) / len(group)
        # Points west of the centre go to the west of the ring, and so on: slots in the order
        # of their true directions, the ring turned to match those directions best.
        ideal = {i: math.atan2(positions[i][1] - cy, positions[i][0] - cx) for i in group}
        group.sort(key=ideal.__getitem__)
        step = 2 * math.pi / len(group)
        turns = [ideal[i] - step * n for n, i in enumerate(group)]
        start = math.atan2(sum(map(math.sin, turns)), sum(map(math.cos, turns)))
        if all(positions[i] == positions[group[0]] for i in group):
            start = -math.pi / 2  # all on one spot: start at the top
        radius = max(POINT_RADIUS * 2, len(group) * POINT_RADIUS * 2.5 / (2 * math.pi))
        for n, i in enumerate(group):
            angle = start + step * n
            spot = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
            placed[i] = (spot, positions[i])
    return placed


def _points_layer(
    points: Sequence[MapPoint],
    placed: Sequence[Placement],
    colours: Mapping[str, str],
    radii: Sequence[float],
) -> SafeString:
    ties = dict.fromkeys(hub for _spot, hub in placed if hub is not None)
    tie_lines = format_html_join(
        "",
        '<line x1="{}" y1="{}" x2="{}" y2="{}"/>',
        (
            (svg_number(hub[0]), svg_number(hub[1]), svg_number(spot[0]), svg_number(spot[1]))
            for spot, hub in placed
            if hub is not None
        ),
    )
    hubs = format_html_join(
        "", '<circle cx="{}" cy="{}" r="2.5"/>', ((svg_number(x), svg_number(y)) for x, y in ties)
    )
    drawn = list(zip(points, placed, radii, strict=True))
    marks = format_html_join(
        "",
        "{}",
        (
            (_point_mark(point, spot, colours),)
            for point, (spot, _hub), _r in drawn
            if not point.count
        ),
    )
    counts = format_html_join(
        "",
        "{}",
        (
            (_count_mark(point, spot, radius),)
            for point, (spot, _hub), radius in drawn
            if point.count
        ),
    )
    return format_html(
        '<g aria-hidden="true" stroke="{}" fill="{}" stroke-width="1">{}{}</g><g>{}</g>{}',
        FOCUS_EDGE,
        FOCUS_EDGE,
        tie_lines,
        hubs,
        marks,
        # The numbers' type is said once, for every circle.
        format_html(
            '<g font-size="{}" font-weight="bold" fill="#fff" text-anchor="middle">{}</g>',
            COUNT_TEXT_SIZE,
            counts,
        )
        if counts
        else "",
    )


def _point_mark(point: MapPoint, spot: Coordinates, colours: Mapping[str, str]) -> SafeString:
    circle = format_html(
        '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="#fff" stroke-width="2"/>',
        svg_number(spot[0]),
        svg_number(spot[1]),
        svg_number(POINT_RADIUS),
        colours.get(point.kind, PALETTE[0]),
    )
    css_class = "map__point" + (f" map__point--{point.kind}" if point.kind else "")
    return _named(point, css_class, circle)


def _count_mark(point: MapPoint, spot: Coordinates, radius: float) -> SafeString:
    """A numbered circle. Its number is hidden from screen readers, which read the title (the
    label) instead, so a count is not said twice."""
    x, y = svg_number(spot[0]), svg_number(spot[1])
    mark = format_html(
        '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="#fff" stroke-width="2"/>'
        '<text x="{}" y="{}" dy=".35em" aria-hidden="true">{}</text>',
        x,
        y,
        svg_number(radius),
        COUNT_FILL,
        x,
        y,
        point.count,
    )
    css_class = "map__point map__point--count" + (
        f" map__point--{point.kind}" if point.kind else ""
    )
    return _named(point, css_class, mark)


def _named(point: MapPoint, css_class: str, mark: SafeString) -> SafeString:
    """A point's mark titled with its label: a link when it has an address."""
    if point.url:
        return format_html(
            '<a href="{}" class="{}"><title>{}</title>{}</a>',
            point.url,
            css_class,
            point.label,
            mark,
        )
    return format_html('<g class="{}"><title>{}</title>{}</g>', css_class, point.label, mark)


def _swatch(colour: str) -> SafeString:
    # `.map svg` stretches every svg in the figure, so the swatch is a box, not an svg.
    return format_html(
        '<span class="legend__swatch" style="background-color: {}" aria-hidden="true"></span>',
        colour,
    )


def _legend(legend: Mapping[str, str], colours: Mapping[str, str]) -> SafeString:
    if not legend:
        return SafeString("")
    return format_html(
        '<ul class="legend">{}</ul>',
        format_html_join(
            "", "<li>{}{}</li>", ((_swatch(colours[kind]), label) for kind, label in legend.items())
        ),
    )


def _point_list(points: Sequence[MapPoint]) -> SafeString:
    """The points as text, for readers who do not see the picture, folded away by default."""
    if not points:
        return SafeString("")
    items = format_html_join(
        "",
        "<li>{}</li>",
        (
            (format_html('<a href="{}">{}</a>', p.url, p.label) if p.url else p.label,)
            for p in points
        ),
    )
    summary = ngettext(
        "%(count)s place on this map", "%(count)s places on this map", len(points)
    ) % {"count": len(points)}
    return format_html(
        '<details class="map__places"><summary>{}</summary><ul>{}</ul></details>', summary, items
    )


def _description(codes: Sequence[str], points: Sequence[MapPoint], note: str = "") -> str:
    names = ", ".join(str(country_names.name(code)) for code in codes)
    if not points:
        return gettext("Map of %(countries)s. No places are marked.") % {"countries": names}
    described = ngettext(
        "Map of %(countries)s with %(count)s place marked; the places are also listed below.",
        "Map of %(countries)s with %(count)s places marked; the places are also listed below.",
        len(points),
    ) % {"countries": names, "count": len(points)}
    return f"{described} {note}" if note else described


def _map_id(title: str, points: Sequence[MapPoint]) -> str:
    """Stable per content, so ids stay unique between maps and pages cache well."""
    digest = hashlib.sha1(repr((title, tuple(points))).encode(), usedforsecurity=False)
    return f"map-{digest.hexdigest()[:8]}"
