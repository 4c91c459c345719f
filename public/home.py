"""The home page, /<lang>/: live totals beside the official figures, the timeline, the latest.

The totals come from the apps' stats modules (the same functions behind /api/v1/stats/), so
the page and the API never disagree; this module only arranges them for the template.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from django.db.models import F, QuerySet, Value, prefetch_related_objects
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from modeltranslation.settings import AVAILABLE_LANGUAGES as LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from aid.models import AidPackage, Sector
from aid.stats import aid_stats, item_highlights, latest_reported_figures
from editorial.models import Publishable
from editorial.renditions import photos_prefetch
from editorial.totals import read_totals
from people.models import RehabilitationGroup
from people.stats import people_stats, people_totals
from projects.models import ReconstructionProject
from projects.stats import project_stats, project_totals
from public.charts import Series, StackedBarChart, format_number, render_stacked_bars

LATEST_PER_KIND = 2  # six cards: the newest of each kind, so one busy kind cannot fill them

# Distinct hues, each at least 3:1 on white; white gaps separate stacked segments.
SECTOR_COLOURS: dict[str, str] = {
    Sector.ENERGY: "#0b5fa5",
    Sector.DEMINING: "#a3262e",
    Sector.MEDICAL: "#1e6b3a",
    Sector.FOOD_ESSENTIALS: "#b35c00",
    Sector.FUEL: "#6a3d9a",
    Sector.REHABILITATION: "#00777a",
    Sector.RECONSTRUCTION: "#7a6200",
    Sector.OTHER: "#5f6b7a",
}

LATEST_KINDS = (
    (AidPackage, gettext_lazy("Aid package")),
    (ReconstructionProject, gettext_lazy("Reconstruction")),
    (RehabilitationGroup, gettext_lazy("Rehabilitation")),
)


@dataclass(frozen=True)
class LatestItem:
    item: Publishable
    meta: str


def aid_timeline(rows: list[dict[str, Any]]) -> StackedBarChart:
    """`aid_stats()["aid_by_year_and_sector"]` as a chart, one bar for every year in range."""
    values = {(str(row["year"]), row["sector"]): row["usd"] for row in rows}
    years = sorted({row["year"] for row in rows})
    categories = tuple(str(year) for year in range(years[0], years[-1] + 1)) if years else ()
    chart = StackedBarChart(
        title=_("Aid by year of decision and sector, in US dollars"),
        description="",
        category_label=_("Year of decision"),
        unit=_("US dollars"),
        categories=categories,
        series=tuple(
            Series(key=value, label=str(label), colour=SECTOR_COLOURS[value])
            for value, label in Sector.choices
        ),
        values=values,
    )
    if chart.is_empty:
        return chart
    peak = max(categories, key=chart.total)
    description = _(
        "Stacked bars, one for each year from %(first)s to %(last)s, split by sector. "
        "The largest year is %(peak)s, with %(total)s US dollars. "
        "The same figures are given in a table below the chart."
    ) % {
        "first": categories[0],
        "last": categories[-1],
        "peak": peak,
        "total": format_number(chart.total(peak)),
    }
    return replace(chart, description=description)


# What a card shows of an item besides its photo: the texts in every language, since a missing
# translation falls back to English.
CARD_TEXTS = ("title", "summary")


def _card_fields() -> list[str]:
    texts = [build_localized_fieldname(text, code) for text in CARD_TEXTS for code in LANGUAGES]
    return ["id", "slug", "published_at", *texts]


def _newest_cards(kind: int, model: type[Publishable]) -> QuerySet:
    """The kind's newest published items, as the values of their cards, tagged with the kind."""
    newest = (
        model.objects.published()
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
        .values("pk")[:LATEST_PER_KIND]
    )
    # The parts of a UNION select the same columns in the same order (raw_values(): the values()
    # of modeltranslation adds fallback columns in an order of its own), unordered (SQLite).
    return (
        model.objects.filter(pk__in=newest).order_by().raw_values(*_card_fields(), kind=Value(kind))
    )


def _card_item(model: type[Publishable], values: dict[str, Any], db: str) -> Publishable:
    """An item holding only what its card shows, as if loaded with `.only()`."""
    names = [field.attname for field in model._meta.concrete_fields if field.attname in values]
    return model.from_db(db, names, [values[name] for name in names])


def _newest_first(entry: tuple[int, Publishable]) -> tuple[float, int, int]:
    # Ties keep the kinds' order, then the newest row first, as the kinds' own order would.
    kind, item = entry
    published = item.published_at.timestamp() if item.published_at else 0.0
    return (-published, kind, -item.pk)


def latest_published() -> list[LatestItem]:
    """The newest published aid packages, projects and groups, two of each, newest first.

    One query for the cards of every kind (a UNION of each kind's newest), and one prefetch of
    their photos for all kinds at once (photos, renditions): three, however many rows.
    """
    first, *others = (
        _newest_cards(kind, model) for kind, (model, _label) in enumerate(LATEST_KINDS)
    )
    cards = first.union(*others, all=True)
    found = []
    for values in cards:
        kind = values.pop("kind")
        found.append((kind, _card_item(LATEST_KINDS[kind][0], values, cards.db)))
    found.sort(key=_newest_first)
    prefetch_related_objects([item for _kind, item in found], photos_prefetch())
    latest = []
    for kind, item in found:
        label = str(LATEST_KINDS[kind][1])
        meta = f"{label} · {date_format(item.published_at)}" if item.published_at else label
        latest.append(LatestItem(item, meta))
    return latest


class HomeView(TemplateView):
    """Everything on it is computed from published records; see the stats modules."""

    template_name = "public/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        aid = aid_stats()
        usd = aid["usd_by_status"]
        timeline = aid_timeline(aid["aid_by_year_and_sector"])
        on_timeline = sum(row["packages"] for row in aid["aid_by_year_and_sector"])
        packages = sum(row["packages"] for row in aid["aid_by_sector"])
        # The projects' and people's counts in one query between them.
        figures = read_totals(*project_totals(), *people_totals())
        context.update(
            aid=aid,
            packages_off_timeline=packages - on_timeline,
            usd_delivered=usd["delivered"],
            usd_pledged=usd["pledged"] + usd["in_transit"],
            items=item_highlights(aid["items"]),
            reported_figures=latest_reported_figures(aid["reported_figures"]),
            projects=project_stats(figures),
            people=people_stats(figures),
            timeline=timeline,
            timeline_svg=render_stacked_bars(timeline, chart_id="aid-timeline"),
            latest=latest_published(),
        )
        return context
