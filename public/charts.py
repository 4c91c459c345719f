"""Server-side SVG charts: readable without JavaScript, with their numbers also given as a table.

`render_stacked_bars()` draws one bar per category (e.g. a year), each split into segments by
series (e.g. a sector). The SVG is an image with a title and a description (role="img",
aria-labelledby); the legend and the data table are HTML in `includes/chart_stacked_bars.html`,
so a screen reader, a text browser and a printer all get the figures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

# The drawing's own coordinates; the SVG scales to the width of its column (viewBox).
WIDTH = 460
HEIGHT = 300
FONT_SIZE = 15
# Wider than this the text would outgrow the page's own; narrower the drawing scales down.
MAX_DISPLAY_WIDTH = "36rem"
TOP = 36  # room for the axis title above the plot
BOTTOM = 30  # room for the category labels
RIGHT = 8
CHAR_WIDTH = FONT_SIZE * 0.6  # a generous average for digits and separators
MAX_BAR_WIDTH = 64
TEXT = "#44506a"  # --ink-soft: 8:1 on white
GRID = "#d7dce6"  # --line
AXIS = "#14213d"  # --ink
NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    colour: str  # a fill with at least 3:1 contrast on white (WCAG 1.4.11)


@dataclass(frozen=True)
class TableRow:
    category: str
    values: list[Decimal]
    total: Decimal


@dataclass(frozen=True)
class StackedBarChart:
    """One bar per category, one segment per series; `values[(category, series key)]`."""

    title: str
    description: str
    category_label: str  # heads the table's first column, e.g. "Year of decision"
    unit: str  # what the values count, e.g. "US dollars"
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    values: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)

    def value(self, category: str, key: str) -> Decimal:
        return self.values.get((category, key), Decimal(0))

    def total(self, category: str) -> Decimal:
        return sum((self.value(category, s.key) for s in self.series), Decimal(0))

    @property
    def is_empty(self) -> bool:
        return not any(value > 0 for value in self.values.values())

    @property
    def used_series(self) -> list[Series]:
        """Series with a value somewhere: the legend and the table leave out the rest."""
        return [s for s in self.series if any(self.value(c, s.key) for c in self.categories)]

    @property
    def table_rows(self) -> list[TableRow]:
        used = self.used_series
        return [
            TableRow(c, [self.value(c, s.key) for s in used], self.total(c))
            for c in self.categories
        ]


def nice_ticks(maximum: Decimal, count: int = 5) -> list[Decimal]:
    """Round tick values from 0 to at least `maximum`: steps of 1, 2, 2.5 or 5 times 10ⁿ."""
    if maximum <= 0:
        return [Decimal(0)]
    raw = maximum / count
    exponent = int(raw.log10().to_integral_value(rounding=ROUND_FLOOR))
    magnitude = Decimal(1).scaleb(exponent)
    step = next(f * magnitude for f in NICE_STEPS if f * magnitude >= raw)
    steps = int((maximum / step).to_integral_value(rounding=ROUND_CEILING))
    return [(step * i).normalize() for i in range(steps + 1)]


def _magnitude(top: Decimal, unit: str) -> tuple[Decimal, str]:
    """Axis values in millions or thousands, so tick labels stay short on a phone."""
    if top >= 1_000_000:
        return Decimal(1_000_000), _("%(unit)s, millions") % {"unit": unit}
    if top >= 10_000:
        return Decimal(1_000), _("%(unit)s, thousands") % {"unit": unit}
    return Decimal(1), unit


def _coordinate(value: float) -> str:
    # format_html escapes its arguments into strings, so numbers are formatted beforehand.
    return f"{value:.1f}"


def _decimals(values: list[Decimal]) -> int:
    exponents = [v.normalize().as_tuple().exponent for v in values if v]
    return max([0, *(-e for e in exponents if isinstance(e, int))])


def format_number(value: Decimal, decimals: int = 0) -> str:
    """Grouped by the active language's rules: 1,000,000 in English, 1 000 000 in Ukrainian."""
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _short(value: Decimal) -> str:
    """A bar's total in axis units: one decimal below ten (7.6), none above (42)."""
    if value < 10 and value != value.to_integral_value():
        return format_number(value.quantize(Decimal("0.1")), 1)
    return format_number(value.quantize(Decimal(1)))


def render_stacked_bars(chart: StackedBarChart, *, chart_id: str) -> SafeString:
    """The chart as inline SVG, or an empty string when there is nothing to draw.

    `chart_id` prefixes the ids of the title and description; it must be unique on the page.
    """
    if chart.is_empty or not chart.categories:
        return SafeString("")
    totals = [chart.total(c) for c in chart.categories]
    ticks = nice_ticks(max(totals))
    top = ticks[-1]
    divisor, axis_title = _magnitude(top, chart.unit)
    scaled_ticks = [t / divisor for t in ticks]
    decimals = _decimals(scaled_ticks)
    tick_labels = [format_number(t, decimals) for t in scaled_ticks]
    left = int(max(len(label) for label in tick_labels) * CHAR_WIDTH) + 14
    plot_width = WIDTH - left - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    baseline = TOP + plot_height

    def y_of(value: Decimal) -> float:
        return baseline - float(value / top) * plot_height

    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
        '<text x="{}" y="{}" dy="0.35em" text-anchor="end">{}</text>',
        (
            (left, WIDTH - RIGHT, y, y, GRID if tick else AXIS, left - 6, y, label)
            for tick, label in zip(ticks, tick_labels, strict=True)
            for y in [_coordinate(y_of(tick))]
        ),
    )
    band = plot_width / len(chart.categories)
    bar_width = min(band * 0.62, MAX_BAR_WIDTH)
    bars = [
        _bar(chart, category, left + index * band + (band - bar_width) / 2, bar_width, y_of)
        for index, category in enumerate(chart.categories)
    ]
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle">{}</text>',
        (
            (
                _coordinate(left + (index + 0.5) * band),
                HEIGHT - 8,
                category,
            )
            for index, category in enumerate(chart.categories)
        ),
    )
    totals_text = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" fill="{}" font-weight="600">{}</text>',
        (
            (
                _coordinate(left + (index + 0.5) * band),
                _coordinate(y_of(total) - 6),
                AXIS,
                _short(total / divisor),
            )
            for index, total in enumerate(totals)
            if total
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" '
        'style="max-width: {}" role="img" '
        'aria-labelledby="{id}-title {id}-desc" font-size="{}" fill="{}">'
        '<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>'
        '<text x="{}" y="{}" font-weight="600">{}</text>'
        "<g>{}</g><g>{}</g><g>{}{}</g></svg>",
        WIDTH,
        HEIGHT,
        MAX_DISPLAY_WIDTH,
        FONT_SIZE,
        TEXT,
        chart.title,
        chart.description,
        0,
        FONT_SIZE - 1,
        axis_title,
        grid,
        SafeString("".join(bars)),
        labels,
        totals_text,
        id=chart_id,
    )


def _bar(
    chart: StackedBarChart,
    category: str,
    x: float,
    width: float,
    y_of: Callable[[Decimal], float],
) -> str:
    """One bar: its segments stacked from the baseline, thin white gaps between them."""
    segments = []
    running = Decimal(0)
    for series in chart.series:
        value = chart.value(category, series.key)
        if value <= 0:
            continue
        y_top, y_bottom = y_of(running + value), y_of(running)
        running += value
        segments.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" '
                'stroke="#fff" stroke-width="1"><title>{}, {}: {} {}</title></rect>',
                _coordinate(x),
                _coordinate(y_top),
                _coordinate(width),
                _coordinate(y_bottom - y_top),
                series.colour,
                series.label,
                category,
                format_number(value),
                chart.unit,
            )
        )
    return "".join(segments)
