"""Labelled demo illustrations drawn with Pillow: clearly drawings, never passable as photos.

Each is a calm colour field with one simple shape, the word 'Illustration', the item's
English title and 'Körpü demo'. Rendering is deterministic (same input, same bytes), which
lets the loader name files by content and skip work on a second run.
"""

from __future__ import annotations

import functools
import io
import itertools
import unicodedata
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFont

from demo.content.captions import Theme

WIDTH, HEIGHT = 1200, 750
JPEG_QUALITY = 85
TEXT_LEFT, TEXT_WIDTH = 70, 640
SHAPE_CENTRE, SHAPE_RADIUS = (935, 360), 170

Colour = tuple[int, int, int]
Shape = Callable[[ImageDraw.ImageDraw, Colour, Colour], None]


def render_illustration(theme: Theme, title: str) -> bytes:
    """Draw the illustration for one item and return it as JPEG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), theme.rgb)
    draw = ImageDraw.Draw(image)
    ink = _ink_for(theme.rgb)
    draw.rectangle((24, 24, WIDTH - 25, HEIGHT - 25), outline=ink, width=3)
    _write(draw, (TEXT_LEFT, 70), "Illustration", _font(86), ink)
    title_font = _font(46)
    y = 210
    for line in _wrap(title, title_font, TEXT_WIDTH)[:6]:
        _write(draw, (TEXT_LEFT, y), line, title_font, ink)
        y += 60
    _write(draw, (TEXT_LEFT, HEIGHT - 110), "Körpü demo", _font(36), ink)
    SHAPES[theme.shape](draw, ink, theme.rgb)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _write(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    text: str,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    ink: Colour,
) -> None:
    """Draw text; Pillow's bundled font lacks 'ö' and 'ü', so their dots are drawn by hand."""
    x, y = xy
    previous = ""
    for char in unicodedata.normalize("NFD", text):
        if char == "\N{COMBINING DIAERESIS}":
            left, top, right, _bottom = font.getbbox(previous)
            width = font.getlength(previous)
            radius = max(2, round(font.size * 0.055))
            dot_y = y + top - radius * 2.6
            for share in (0.3, 0.7):
                dot_x = x - width + left + (right - left) * share
                draw.ellipse(
                    (dot_x - radius, dot_y - radius, dot_x + radius, dot_y + radius), fill=ink
                )
        elif not unicodedata.combining(char):  # other accents are dropped, not shown as boxes
            draw.text((x, y), char, font=font, fill=ink)
            x += font.getlength(char)
            previous = char


def _ink_for(background: Colour) -> Colour:
    """Dark ink on light backgrounds, white on dark ones, for legible text."""
    red, green, blue = background
    luminance = 0.299 * red + 0.587 * green + 0.114 * blue
    return (30, 30, 30) if luminance > 150 else (255, 255, 255)


def _wrap(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _box(scale: float = 1.0) -> tuple[int, int, int, int]:
    (x, y), r = SHAPE_CENTRE, int(SHAPE_RADIUS * scale)
    return x - r, y - r, x + r, y + r


def _bolt(draw: ImageDraw.ImageDraw, ink: Colour, _bg: Colour) -> None:
    x, y = SHAPE_CENTRE
    points = [(x + 40, y - 170), (x - 90, y + 20), (x - 5, y + 20), (x - 40, y + 170)]
    points += [(x + 90, y - 30), (x + 5, y - 30)]
    draw.polygon(points, fill=ink)


def _triangle(draw: ImageDraw.ImageDraw, ink: Colour, bg: Colour) -> None:
    x, y = SHAPE_CENTRE
    draw.polygon([(x, y - 165), (x - 175, y + 140), (x + 175, y + 140)], fill=ink)
    draw.rectangle((x - 14, y - 70, x + 14, y + 50), fill=bg)
    draw.ellipse((x - 16, y + 75, x + 16, y + 107), fill=bg)


def _plus(draw: ImageDraw.ImageDraw, ink: Colour, _bg: Colour) -> None:
    x, y = SHAPE_CENTRE
    draw.rectangle((x - 50, y - 150, x + 50, y + 150), fill=ink)
    draw.rectangle((x - 150, y - 50, x + 150, y + 50), fill=ink)


def _parcel(draw: ImageDraw.ImageDraw, ink: Colour, bg: Colour) -> None:
    left, top, right, bottom = _box(0.85)
    draw.rectangle((left, top + 40, right, bottom), fill=ink)
    draw.line((left, top + 110, right, top + 110), fill=bg, width=6)
    middle = (left + right) // 2
    draw.rectangle((middle - 18, top + 40, middle + 18, bottom), fill=bg)


def _drop(draw: ImageDraw.ImageDraw, ink: Colour, _bg: Colour) -> None:
    x, y = SHAPE_CENTRE
    draw.ellipse((x - 115, y - 20, x + 115, y + 210), fill=ink)
    draw.polygon([(x, y - 190), (x - 105, y + 50), (x + 105, y + 50)], fill=ink)


def _sun(draw: ImageDraw.ImageDraw, ink: Colour, bg: Colour) -> None:
    x, y = SHAPE_CENTRE
    draw.ellipse((x - 70, y - 150, x + 70, y - 10), fill=ink)
    for dx, dy in ((0, -110), (0, 110), (-110, 0), (110, 0), (-78, -78), (78, -78)):
        draw.line((x + dx * 0.7, y - 80 + dy * 0.7, x + dx, y - 80 + dy), fill=ink, width=8)
    draw.pieslice((x - 260, y + 40, x + 60, y + 360), 180, 360, fill=ink)
    draw.pieslice((x - 40, y + 80, x + 240, y + 360), 180, 360, fill=ink, outline=bg, width=4)


def _bridge(draw: ImageDraw.ImageDraw, ink: Colour, _bg: Colour) -> None:
    x, y = SHAPE_CENTRE
    draw.ellipse((x - 200, y - 40, x - 100, y + 60), fill=ink)
    draw.ellipse((x + 100, y - 40, x + 200, y + 60), fill=ink)
    draw.arc((x - 150, y - 120, x + 150, y + 120), 200, 340, fill=ink, width=14)
    draw.line((x - 150, y + 10, x + 150, y + 10), fill=ink, width=10)


def _building(draw: ImageDraw.ImageDraw, ink: Colour, bg: Colour) -> None:
    x, y = SHAPE_CENTRE
    draw.polygon([(x - 170, y - 60), (x, y - 180), (x + 170, y - 60)], fill=ink)
    draw.rectangle((x - 150, y - 60, x + 150, y + 180), fill=ink)
    for column in (-105, -25, 55):
        for row in (-30, 50):
            draw.rectangle((x + column, y + row, x + column + 50, y + row + 50), fill=bg)
    draw.rectangle((x - 25, y + 120, x + 25, y + 180), fill=bg)


def _building_damaged(draw: ImageDraw.ImageDraw, ink: Colour, bg: Colour) -> None:
    _building(draw, ink, bg)
    x, y = SHAPE_CENTRE
    # A broken corner and a crack: the same building, before the work.
    draw.polygon(
        [(x + 60, y - 180), (x + 175, y - 180), (x + 175, y + 40), (x + 95, y - 20)], fill=bg
    )
    draw.line(
        [(x - 10, y - 100), (x + 20, y - 40), (x - 15, y + 20), (x + 15, y + 110)], fill=bg, width=8
    )


def _building_outline(draw: ImageDraw.ImageDraw, ink: Colour, _bg: Colour) -> None:
    x, y = SHAPE_CENTRE
    corners = [(x - 150, y - 60), (x, y - 180), (x + 150, y - 60), (x + 150, y + 180)]
    corners += [(x - 150, y + 180), (x - 150, y - 60)]
    for (x1, y1), (x2, y2) in itertools.pairwise(corners):
        for step in range(0, 20, 2):  # dashed: a building not yet built
            a, b = step / 20, (step + 1) / 20
            draw.line(
                (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b),
                fill=ink,
                width=8,
            )


def _tree(draw: ImageDraw.ImageDraw, ink: Colour, _bg: Colour) -> None:
    x, y = SHAPE_CENTRE
    draw.rectangle((x - 25, y + 20, x + 25, y + 190), fill=ink)
    draw.ellipse((x - 160, y - 190, x + 160, y + 80), fill=ink)


def _tree_bare(draw: ImageDraw.ImageDraw, ink: Colour, _bg: Colour) -> None:
    x, y = SHAPE_CENTRE
    draw.rectangle((x - 22, y - 60, x + 22, y + 190), fill=ink)
    for end in ((x - 130, y - 150), (x + 120, y - 160), (x - 90, y - 40), (x + 100, y - 30)):
        draw.line((x, y + 10, *end), fill=ink, width=12)


SHAPES: dict[str, Shape] = {
    "bolt": _bolt,
    "triangle": _triangle,
    "plus": _plus,
    "box": _parcel,
    "drop": _drop,
    "sun": _sun,
    "bridge": _bridge,
    "building": _building,
    "building_damaged": _building_damaged,
    "building_outline": _building_outline,
    "tree": _tree,
    "tree_bare": _tree_bare,
}
