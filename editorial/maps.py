"""Country maps drawn on the server as inline, accessible SVG: no tiles, no script, no third party.

A map is a few country outlines (Natural Earth, public domain, from the npm package
`world-atlas`, which `make install` puts in `node_modules/`) projected to fit the countries
and the points, with every point a link and a plain list of the same links for readers who
do not see the picture. Callers pass points; this module knows nothing of what they are. A
point may stand for several things (a count): it is then a numbered circle, sized by it.

The TopoJSON is decoded once per process (its arcs are delta-encoded integers; rings are
stitched from arcs) and the outlines of a given view are simplified and cached, so a page pays
for its points only.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext
from django_countries import countries as country_names

ATLAS_PATH = Path("node_modules/world-atlas/countries-50m.json")

VIEW_WIDTH = 600  # viewBox units; the SVG scales to its container
POINT_RADIUS = 7.0
SIMPLIFY_TOLERANCE = 0.45  # viewBox units: finer detail is invisible even at full width
CONTEXT_TOLERANCE = 1.0  # the pale neighbours need less
FIT_PADDING = 0.06  # of the fitted span, on each side
MIN_RING_EXTENT = 2.0  # viewBox units: smaller islands are left out
CLIP_MARGIN = 20.0  # context outlines are cut this far outside the view, out of sight

# Point colours in the order kinds are first named (legend first); all at least 4.5:1 on
# white, so a point stays distinct from the pale land it sits on.
PALETTE = ("#0b5fa5", "#0f7472", "#6a3d9a", "#a24d00", "#1e6b3a", "#5b6478", "#a3262e")
SEA = "#e3eef7"
LAND = "#eef0f4"
LAND_EDGE = "#c5ccd8"
FOCUS_LAND = "#ffffff"
FOCUS_EDGE = "#0b2545"
LABEL = "#44506a"
LABEL_SIZE = 15

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

# Natural Earth's data set draws Crimea as part of Russia. Ukraine, Azerbaijan and the UN
# General Assembly (resolution 68/262) hold it to be Ukraine, and so does this record: the
# polygon lying within this box (lon, lat) is moved from Russia (643) to Ukraine (804).
CRIMEA_BOX = (32.3, 44.2, 36.8, 46.4)
RUSSIA, UKRAINE = "643", "804"

Coordinates = tuple[float, float]
Ring = tuple[Coordinates, ...]
BBox = tuple[float, float, float, float]  # west, south, east, north
Placement = tuple[Coordinates, Coordinates | None]  # where drawn; its true spot if moved


class MapDataMissing(ImproperlyConfigured):
    """The country outlines are not installed."""


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
    focus = tuple(_numeric_id(code) for code in countries)
    atlas = _atlas()
    bbox = _fit_bbox(atlas, focus, points)
    view = _View.fitting(bbox)
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
        h=_number(view.height),
        uid=uid,
        title=title,
        desc=_description(countries, points, note),
        outlines=mark_safe(_outlines(focus, bbox)),  # numbers and fixed markup only
        labels=_country_labels(
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


# --- The atlas: TopoJSON decoded to rings of (longitude, latitude) per country -----------------


def _numeric_id(alpha2: str) -> str:
    numeric = country_names.numeric(alpha2, padded=True)
    if numeric is None:
        raise ValueError(f"Unknown country code {alpha2!r}; expected ISO 3166-1 alpha-2.")
    return numeric


def atlas_path() -> Path:
    return Path(settings.BASE_DIR) / ATLAS_PATH


def load_outlines() -> None:
    """Read the country outlines now rather than on the first map drawn: ~100-250 ms and
    ~17 MB, which gunicorn's workers then share with the process that read them."""
    _atlas()


@lru_cache(maxsize=1)
def _atlas() -> dict[str, tuple[Ring, ...]]:
    """Every country's rings (exterior and holes alike: maps fill them even-odd), by ISO
    numeric id, or by name for the few Natural Earth units without one (e.g. Kosovo)."""
    path = atlas_path()
    try:
        topology = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MapDataMissing(
            f"Country outlines not found at {path}. They come from the npm package "
            "'world-atlas': run `make install` (it runs `npm ci`)."
        ) from None
    arcs = _decode_arcs(topology["arcs"], topology["transform"])
    rings_by_country: dict[str, list[list[int]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        key = geometry.get("id") or f"name:{geometry['properties']['name']}"
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings_by_country[key] = [ring for polygon in polygons for ring in polygon]
    _move_crimea_to_ukraine(rings_by_country, arcs)
    return {
        key: tuple(_ring_points(ring, arcs) for ring in _merge_shared_borders(refs, arcs))
        for key, refs in rings_by_country.items()
    }


Arcs = list[tuple[Coordinates, ...]]


def _decode_arcs(encoded: list[list[list[int]]], transform: dict[str, list[float]]) -> Arcs:
    """Quantised arcs are stored as deltas from the previous point. The same integers always
    give the same floats, so arcs meeting at a point still meet exactly."""
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in encoded:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(tuple(points))
    return arcs


def _arc(ref: int, arcs: Arcs) -> tuple[Coordinates, ...]:
    """Arc `ref`; a negative ref (~index) is that arc walked backwards."""
    return arcs[ref] if ref >= 0 else arcs[~ref][::-1]


def _ring_points(refs: list[int], arcs: Arcs) -> Ring:
    points: list[Coordinates] = []
    for ref in refs:
        arc = _arc(ref, arcs)
        points.extend(arc if not points else arc[1:])  # each arc starts where the last ended
    return tuple(points)


def _move_crimea_to_ukraine(rings_by_country: dict[str, list[list[int]]], arcs: Arcs) -> None:
    west, south, east, north = CRIMEA_BOX
    for ring in list(rings_by_country.get(RUSSIA, [])):
        lons, lats = zip(*_ring_points(ring, arcs), strict=True)
        if west <= min(lons) and max(lons) <= east and south <= min(lats) and max(lats) <= north:
            rings_by_country[RUSSIA].remove(ring)
            rings_by_country.setdefault(UKRAINE, []).append(ring)


def _merge_shared_borders(rings: list[list[int]], arcs: Arcs) -> list[list[int]]:
    """Join rings of one country that share a border, dropping the arcs they share (as
    topojson.merge does), so no line is drawn through the country (e.g. at Perekop, once
    Crimea is drawn as Ukraine)."""
    uses = Counter(ref if ref >= 0 else ~ref for ring in rings for ref in ring)
    shared = {index for index, count in uses.items() if count > 1}
    if not shared:
        return rings
    kept = [ring for ring in rings if not any((r if r >= 0 else ~r) in shared for r in ring)]
    chains: list[list[int]] = []
    for ring in rings:
        if ring in kept:
            continue
        # Start the walk just after a shared arc, then cut the ring at every shared arc.
        first_cut = next(i for i, r in enumerate(ring) if (r if r >= 0 else ~r) in shared)
        walk = ring[first_cut + 1 :] + ring[: first_cut + 1]
        chain: list[int] = []
        for ref in walk:
            if (ref if ref >= 0 else ~ref) in shared:
                if chain:
                    chains.append(chain)
                chain = []
            else:
                chain.append(ref)
        if chain:
            chains.append(chain)
    by_start = {_arc(chain[0], arcs)[0]: chain for chain in chains}
    while by_start:
        start, chain = by_start.popitem()
        ring = list(chain)
        end = _arc(ring[-1], arcs)[-1]
        while end != start and end in by_start:
            following = by_start.pop(end)
            ring.extend(following)
            end = _arc(ring[-1], arcs)[-1]
        kept.append(ring)
    return kept


# --- Fitting the view ----------------------------------------------------------------------------


def _bbox(rings: Sequence[Ring]) -> BBox:
    lons = [lon for ring in rings for lon, _lat in ring]
    lats = [lat for ring in rings for _lon, lat in ring]
    return min(lons), min(lats), max(lons), max(lats)


@lru_cache(maxsize=256)
def _country_bbox(key: str) -> BBox:
    return _bbox(_atlas()[key])


def _fit_bbox(
    atlas: Mapping[str, tuple[Ring, ...]], focus: tuple[str, ...], points: Sequence[MapPoint]
) -> BBox:
    """The countries and points, padded. Rounded so that maps of the same countries share
    their cached outlines whatever points they show within them."""
    boxes = [_country_bbox(key) for key in focus if key in atlas]
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


@dataclass(frozen=True)
class _View:
    """Equirectangular projection, longitudes shortened by cos(latitude) at the middle of the
    view, so that shapes at these latitudes keep their proportions."""

    west: float
    north: float
    x_scale: float
    y_scale: float
    height: float

    @classmethod
    def fitting(cls, bbox: BBox) -> _View:
        west, south, east, north = bbox
        squeeze = math.cos(math.radians((south + north) / 2))
        scale = VIEW_WIDTH / ((east - west) * squeeze)
        return cls(west, north, scale * squeeze, scale, (north - south) * scale)

    def project(self, lon: float, lat: float) -> Coordinates:
        return (lon - self.west) * self.x_scale, (self.north - lat) * self.y_scale


# --- Outlines ------------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _outlines(focus: tuple[str, ...], bbox: BBox) -> str:
    """The sea, the neighbours in pale grey and the countries of the map, as SVG markup."""
    atlas = _atlas()
    view = _View.fitting(bbox)
    west, south, east, north = bbox
    context = []
    for key, rings in atlas.items():
        if key in focus:
            continue
        box = _country_bbox(key)
        if box[0] > east or box[2] < west or box[1] > north or box[3] < south:
            continue
        d = _path(rings, view, clip=True)
        if d:
            context.append(d)
    focused = [_path(atlas[key], view, clip=False) for key in focus if key in atlas]
    return (
        f'<g aria-hidden="true"><rect width="{VIEW_WIDTH}" height="{_number(view.height)}"'
        f' fill="{SEA}"/>'
        f'<path d="{"".join(context)}" fill="{LAND}" stroke="{LAND_EDGE}" stroke-width="1"'
        ' fill-rule="evenodd" vector-effect="non-scaling-stroke" stroke-linejoin="round"/>'
        f'<path d="{"".join(focused)}" fill="{FOCUS_LAND}" stroke="{FOCUS_EDGE}"'
        ' stroke-width="1.25" fill-rule="evenodd" vector-effect="non-scaling-stroke"'
        ' stroke-linejoin="round"/></g>'
    )


def _path(rings: Sequence[Ring], view: _View, *, clip: bool) -> str:
    parts = []
    bounds = (-CLIP_MARGIN, -CLIP_MARGIN, VIEW_WIDTH + CLIP_MARGIN, view.height + CLIP_MARGIN)
    for ring in rings:
        projected = [view.project(lon, lat) for lon, lat in ring]
        if clip:
            projected = _clip(projected, bounds)
        if len(projected) < 3 or _extent(projected) < MIN_RING_EXTENT:
            continue  # an islet or a sliver of a neighbour: invisible, but not free
        simplified = _simplify(projected, CONTEXT_TOLERANCE if clip else SIMPLIFY_TOLERANCE)
        rounded = _dedupe([(_number(x), _number(y)) for x, y in simplified])
        if len(rounded) >= 3:
            parts.append("M" + " ".join(f"{x} {y}" for x, y in rounded) + "Z")
    return "".join(parts)


def _extent(ring: list[Coordinates]) -> float:
    xs, ys = [x for x, _y in ring], [y for _x, y in ring]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def _clip(ring: list[Coordinates], bounds: BBox) -> list[Coordinates]:
    """Sutherland-Hodgman against a rectangle. Concave rings may gain edges along the
    rectangle, which lies outside the view, so they are never seen."""
    x0, y0, x1, y1 = bounds
    edges = (
        (lambda p: p[0] >= x0, lambda a, b: _cross_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cross_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cross_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cross_y(a, b, y1)),
    )
    for inside, crossing in edges:
        if not ring:
            break
        clipped: list[Coordinates] = []
        previous = ring[-1]
        for point in ring:
            if inside(point):
                if not inside(previous):
                    clipped.append(crossing(previous, point))
                clipped.append(point)
            elif inside(previous):
                clipped.append(crossing(previous, point))
            previous = point
        ring = clipped
    return ring


def _cross_x(a: Coordinates, b: Coordinates, x: float) -> Coordinates:
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _cross_y(a: Coordinates, b: Coordinates, y: float) -> Coordinates:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def _simplify(points: list[Coordinates], tolerance: float) -> list[Coordinates]:
    """Douglas-Peucker, iterative: drop points closer than `tolerance` to the line kept."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        farthest, distance = first, 0.0
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / length
            else:
                d = math.hypot(px - ax, py - ay)
            if d > distance:
                farthest, distance = i, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _dedupe(points: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]


def _number(value: float) -> str:
    """One decimal is a tenth of a unit in a 600-unit view: finer than any screen shows."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _country_labels(
    atlas: Mapping[str, tuple[Ring, ...]],
    codes: Sequence[str],
    focus: tuple[str, ...],
    view: _View,
    taken: Sequence[tuple[Coordinates, float]],
) -> SafeString:
    """Each country's name (in the page's language) near the middle of its largest piece,
    moved above, below or aside when points would hide it."""
    labels = []
    for code, key in zip(codes, focus, strict=True):
        if key not in atlas:
            continue
        name = str(country_names.name(code))
        largest = max(atlas[key], key=lambda ring: abs(_area(ring)))
        projected = [view.project(lon, lat) for lon, lat in largest]
        x, y = view.project(*_centroid(largest))
        top = min(py for _px, py in projected)
        bottom = max(py for _px, py in projected)
        width = len(name) * LABEL_SIZE * 0.6
        candidates = [
            (x, y),
            (x, y + LABEL_SIZE * 1.6),
            (x, y - LABEL_SIZE * 1.6),
            (x, bottom + LABEL_SIZE * 1.2),
            (x, top - LABEL_SIZE * 0.5),
            # Then aside, where the middle of the country is full (a circle per city).
            *((x + width * side, y) for side in (-1, 1, -2, 2)),
        ]
        fitting = [(cx, cy) for cx, cy in candidates if LABEL_SIZE < cy < view.height - 4]
        spot = next(
            (c for c in fitting if not _label_hides(c, width, taken)),
            fitting[0] if fitting else (x, y),
        )
        # Keep the whole name inside the view.
        lx = min(max(spot[0], width / 2 + 4), VIEW_WIDTH - width / 2 - 4)
        labels.append((_number(lx), _number(spot[1]), name))
    return format_html(
        '<g aria-hidden="true" font-size="{}" fill="{}" text-anchor="middle"'
        ' stroke="#fff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">{}</g>',
        LABEL_SIZE,
        LABEL,
        format_html_join("", '<text x="{}" y="{}">{}</text>', labels),
    )


def _label_hides(
    anchor: Coordinates, width: float, taken: Sequence[tuple[Coordinates, float]]
) -> bool:
    """Whether a label with its baseline centred at `anchor` would cover any point (its
    centre and radius)."""
    x, y = anchor
    return any(
        x - width / 2 - (radius + 2) < px < x + width / 2 + (radius + 2)
        and y - LABEL_SIZE - (radius + 2) < py < y + (radius + 2)
        for (px, py), radius in taken
    )


def _area(ring: Ring) -> float:
    return sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def _centroid(ring: Ring) -> Coordinates:
    area = _area(ring)
    if not area:
        return ring[0]
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (3 * area), cy / (3 * area)


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
            (_number(hub[0]), _number(hub[1]), _number(spot[0]), _number(spot[1]))
            for spot, hub in placed
            if hub is not None
        ),
    )
    hubs = format_html_join(
        "", '<circle cx="{}" cy="{}" r="2.5"/>', ((_number(x), _number(y)) for x, y in ties)
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
        _number(spot[0]),
        _number(spot[1]),
        _number(POINT_RADIUS),
        colours.get(point.kind, PALETTE[0]),
    )
    css_class = "map__point" + (f" map__point--{point.kind}" if point.kind else "")
    return _named(point, css_class, circle)


def _count_mark(point: MapPoint, spot: Coordinates, radius: float) -> SafeString:
    """A numbered circle. Its number is hidden from screen readers, which read the title (the
    label) instead, so a count is not said twice."""
    x, y = _number(spot[0]), _number(spot[1])
    mark = format_html(
        '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="#fff" stroke-width="2"/>'
        '<text x="{}" y="{}" dy=".35em" aria-hidden="true">{}</text>',
        x,
        y,
        _number(radius),
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
