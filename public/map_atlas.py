"""The country outlines a map draws: Natural Earth's, read once per process.

They come from the npm package `world-atlas` (public domain), which `make install` puts in
`node_modules/`. Its TopoJSON is decoded once per process: its arcs are delta-encoded integers,
and rings are stitched from arcs, those a country's pieces share dropped so no line is drawn
through it. Crimea is drawn as Ukraine.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django_countries import countries as country_names

ATLAS_PATH = Path("node_modules/world-atlas/countries-50m.json")

# Natural Earth's data set draws Crimea as part of Russia. Ukraine, Azerbaijan and the UN
# General Assembly (resolution 68/262) hold it to be Ukraine, and so does this record: the
# polygon lying within this box (lon, lat) is moved from Russia (643) to Ukraine (804).
CRIMEA_BOX = (32.3, 44.2, 36.8, 46.4)
RUSSIA, UKRAINE = "643", "804"

Coordinates = tuple[float, float]
Ring = tuple[Coordinates, ...]
BBox = tuple[float, float, float, float]  # west, south, east, north


class MapDataMissing(ImproperlyConfigured):
    """The country outlines are not installed."""


def numeric_id(alpha2: str) -> str:
    numeric = country_names.numeric(alpha2, padded=True)
    if numeric is None:
        raise ValueError(f"Unknown country code {alpha2!r}; expected ISO 3166-1 alpha-2.")
    return numeric


def atlas_path() -> Path:
    return Path(settings.BASE_DIR) / ATLAS_PATH


def load_outlines() -> None:
    """Read the country outlines now rather than on the first map drawn: ~100-250 ms and
    ~17 MB, which gunicorn's workers then share with the process that read them."""
    country_rings()


@lru_cache(maxsize=1)
def country_rings() -> dict[str, tuple[Ring, ...]]:
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


def _bbox(rings: Sequence[Ring]) -> BBox:
    lons = [lon for ring in rings for lon, _lat in ring]
    lats = [lat for ring in rings for _lon, lat in ring]
    return min(lons), min(lats), max(lons), max(lats)


@lru_cache(maxsize=256)
def country_bbox(key: str) -> BBox:
    """The box of a country's outlines (west, south, east, north): maps fit their view to it
    and leave out the neighbours outside theirs."""
    return _bbox(country_rings()[key])
