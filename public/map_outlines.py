"""What a map draws beneath its points: the view fitted to a box of the globe, the land and sea
as SVG paths, and the countries' names.

The outlines of a given view are simplified and cached, so a page pays for its points only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django_countries import countries as country_names

from public.map_atlas import BBox, Coordinates, Ring, country_bbox, country_rings

VIEW_WIDTH = 600  # viewBox units; the SVG scales to its container
SIMPLIFY_TOLERANCE = 0.45  # viewBox units: finer detail is invisible even at full width
CONTEXT_TOLERANCE = 1.0  # the pale neighbours need less
MIN_RING_EXTENT = 2.0  # viewBox units: smaller islands are left out
CLIP_MARGIN = 20.0  # context outlines are cut this far outside the view, out of sight
SEA = "#e3eef7"
LAND = "#eef0f4"
LAND_EDGE = "#c5ccd8"
FOCUS_LAND = "#ffffff"
FOCUS_EDGE = "#0b2545"
LABEL = "#44506a"
LABEL_SIZE = 15


@dataclass(frozen=True)
class MapView:
    """Equirectangular projection, longitudes shortened by cos(latitude) at the middle of the
    view, so that shapes at these latitudes keep their proportions."""

    west: float
    north: float
    x_scale: float
    y_scale: float
    height: float

    @classmethod
    def fitting(cls, bbox: BBox) -> MapView:
        west, south, east, north = bbox
        squeeze = math.cos(math.radians((south + north) / 2))
        scale = VIEW_WIDTH / ((east - west) * squeeze)
        return cls(west, north, scale * squeeze, scale, (north - south) * scale)

    def project(self, lon: float, lat: float) -> Coordinates:
        return (lon - self.west) * self.x_scale, (self.north - lat) * self.y_scale


# --- Outlines ------------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def outlines_svg(focus: tuple[str, ...], bbox: BBox) -> str:
    """The sea, the neighbours in pale grey and the countries of the map, as SVG markup."""
    atlas = country_rings()
    view = MapView.fitting(bbox)
    west, south, east, north = bbox
    context = []
    for key, rings in atlas.items():
        if key in focus:
            continue
        box = country_bbox(key)
        if box[0] > east or box[2] < west or box[1] > north or box[3] < south:
            continue
        d = _path(rings, view, clip=True)
        if d:
            context.append(d)
    focused = [_path(atlas[key], view, clip=False) for key in focus if key in atlas]
    return (
        f'<g aria-hidden="true"><rect width="{VIEW_WIDTH}" height="{svg_number(view.height)}"'
        f' fill="{SEA}"/>'
        f'<path d="{"".join(context)}" fill="{LAND}" stroke="{LAND_EDGE}" stroke-width="1"'
        ' fill-rule="evenodd" vector-effect="non-scaling-stroke" stroke-linejoin="round"/>'
        f'<path d="{"".join(focused)}" fill="{FOCUS_LAND}" stroke="{FOCUS_EDGE}"'
        ' stroke-width="1.25" fill-rule="evenodd" vector-effect="non-scaling-stroke"'
        ' stroke-linejoin="round"/></g>'
    )


def _path(rings: Sequence[Ring], view: MapView, *, clip: bool) -> str:
    parts = []
    bounds = (-CLIP_MARGIN, -CLIP_MARGIN, VIEW_WIDTH + CLIP_MARGIN, view.height + CLIP_MARGIN)
    for ring in rings:
        projected = [view.project(lon, lat) for lon, lat in ring]
        if clip:
            projected = _clip(projected, bounds)
        if len(projected) < 3 or _extent(projected) < MIN_RING_EXTENT:
            continue  # an islet or a sliver of a neighbour: invisible, but not free
        simplified = _simplify(projected, CONTEXT_TOLERANCE if clip else SIMPLIFY_TOLERANCE)
        rounded = _dedupe([(svg_number(x), svg_number(y)) for x, y in simplified])
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


def svg_number(value: float) -> str:
    """One decimal is a tenth of a unit in a 600-unit view: finer than any screen shows."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def country_labels(
    atlas: Mapping[str, tuple[Ring, ...]],
    codes: Sequence[str],
    focus: tuple[str, ...],
    view: MapView,
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
        labels.append((svg_number(lx), svg_number(spot[1]), name))
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
