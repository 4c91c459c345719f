"""public/charts.py: the server-side SVG stacked bar chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import translation

from public.charts import Series, StackedBarChart, nice_ticks, render_stacked_bars

SVG = "{http://www.w3.org/2000/svg}"


def _chart(values: dict[tuple[str, str], Decimal], **kwargs: object) -> StackedBarChart:
    return StackedBarChart(
        **{
            "title": "Aid by year",
            "description": "Bars by year.",
            "category_label": "Year",
            "unit": "US dollars",
            "categories": ("2024", "2025"),
            "series": (
                Series("energy", "Energy", "#0b5fa5"),
                Series("medical", "Medical", "#1e6b3a"),
            ),
            "values": values,
            **kwargs,
        }
    )


def _svg(chart: StackedBarChart) -> ET.Element:
    with translation.override("en"):
        return ET.fromstring(str(render_stacked_bars(chart, chart_id="test-chart")))


def _bars(root: ET.Element) -> dict[str, float]:
    """Segment height by its tooltip's 'series, category' prefix."""
    return {
        rect.find(f"{SVG}title").text.split(":")[0]: float(rect.get("height"))
        for rect in root.iter(f"{SVG}rect")
    }


def test_chart_is_well_formed_svg_labelled_by_its_title_and_description() -> None:
    root = _svg(_chart({("2024", "energy"): Decimal("100")}))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox").startswith("0 0 ")
    assert root.get("width") == "100%"
    ids = root.get("aria-labelledby").split()
    assert [root.find(f".//*[@id='{i}']").tag for i in ids] == [f"{SVG}title", f"{SVG}desc"]
    assert root.find(f"{SVG}title").text == "Aid by year"
    assert root.find(f"{SVG}desc").text == "Bars by year."


def test_chart_bar_heights_are_proportional_to_values() -> None:
    root = _svg(
        _chart(
            {
                ("2024", "energy"): Decimal("300"),
                ("2024", "medical"): Decimal("100"),
                ("2025", "energy"): Decimal("150"),
            }
        )
    )
    bars = _bars(root)
    assert set(bars) == {"Energy, 2024", "Medical, 2024", "Energy, 2025"}
    assert bars["Energy, 2024"] == pytest.approx(3 * bars["Medical, 2024"], rel=0.01)
    assert bars["Energy, 2024"] == pytest.approx(2 * bars["Energy, 2025"], rel=0.01)


def test_chart_segments_stack_without_overlap() -> None:
    root = _svg(_chart({("2024", "energy"): Decimal("30"), ("2024", "medical"): Decimal("10")}))
    energy, medical = root.iter(f"{SVG}rect")
    assert float(medical.get("y")) + float(medical.get("height")) == pytest.approx(
        float(energy.get("y")), abs=0.11
    )


def test_chart_escapes_labels() -> None:
    hostile = "<script>alert('x')</script> & co"
    chart = _chart(
        {("<b>2024</b>", "energy"): Decimal("5")},
        title=hostile,
        categories=("<b>2024</b>",),
        series=(Series("energy", hostile, "#0b5fa5"),),
    )
    with translation.override("en"):
        markup = str(render_stacked_bars(chart, chart_id="test-chart"))
    assert "<script>" not in markup and "<b>" not in markup
    root = ET.fromstring(markup)  # still well-formed
    assert root.find(f"{SVG}title").text == hostile
    assert any(text.text == "<b>2024</b>" for text in root.iter(f"{SVG}text"))
    [rect] = root.iter(f"{SVG}rect")
    assert rect.find(f"{SVG}title").text.startswith(f"{hostile}, <b>2024</b>: 5")


def test_chart_of_nothing_renders_nothing() -> None:
    assert render_stacked_bars(_chart({}), chart_id="empty") == ""
    assert render_stacked_bars(_chart({("2024", "energy"): Decimal(0)}), chart_id="zero") == ""
    assert _chart({}).is_empty


@pytest.mark.parametrize(
    ("maximum", "ticks"),
    [
        (Decimal("7600000"), [0, 2_000_000, 4_000_000, 6_000_000, 8_000_000]),
        (Decimal("42"), [0, 10, 20, 30, 40, 50]),
        (Decimal("100"), [0, 20, 40, 60, 80, 100]),
        (Decimal("11"), [0, Decimal("2.5"), 5, Decimal("7.5"), 10, Decimal("12.5")]),
        (Decimal("0"), [0]),
    ],
)
def test_nice_ticks_are_round_and_reach_the_maximum(maximum: Decimal, ticks: list) -> None:
    assert nice_ticks(maximum) == [Decimal(t) for t in ticks]


def test_axis_uses_millions_for_large_sums() -> None:
    root = _svg(_chart({("2024", "energy"): Decimal("7600000")}))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "US dollars, millions" in texts
    assert {"0", "2", "4", "6", "8"} <= set(texts)
    assert "7.6" in texts  # the bar's total, in the axis' unit


def test_axis_numbers_are_grouped_by_the_page_language() -> None:
    chart = _chart({("2024", "energy"): Decimal("8000")})
    root = _svg(chart)
    assert "8,000" in [t.text for t in root.iter(f"{SVG}text")]
    with translation.override("uk"):
        markup = str(render_stacked_bars(chart, chart_id="uk"))
    assert "8\xa0000" in markup


def test_table_rows_and_legend_leave_out_empty_series() -> None:
    chart = _chart({("2024", "energy"): Decimal("3"), ("2025", "energy"): Decimal("4")})
    assert [s.key for s in chart.used_series] == ["energy"]
    assert [(r.category, r.values, r.total) for r in chart.table_rows] == [
        ("2024", [Decimal("3")], Decimal("3")),
        ("2025", [Decimal("4")], Decimal("4")),
    ]
