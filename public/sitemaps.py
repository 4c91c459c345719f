"""/sitemap.xml: an index of sections (the home and list pages, then each kind's published
detail pages), each in pages of at most `URLS_PER_PAGE` addresses.

`i18n` lists every page once per language, and `alternates` gives each the hreflang links
to the others plus x-default: the address without a language prefix, which
LocaleMiddleware redirects by the reader's Accept-Language.

Pages, not one file: at 20,000 packages a single sitemap is 60,000 addresses with four links
each, twelve seconds and hundreds of megabytes to make, which a crawler's visit right after a
publish would spend on every worker. A page of 3,000 costs a fraction of a second. The index
itself loads no item: it reads every kind's count and last change in one query.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Count, Max, Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from editorial.totals import Totals, read_totals
from public.search import KINDS

SECTION_URL_NAMES = (
    "public:home",
    "aid:list",
    "projects:list",
    "rehabilitation:list",
    "partnerships:list",
)


# Addresses (not items) per sitemap page: i18n counts each language's address.
URLS_PER_PAGE = 3000


class MultilingualSitemap(Sitemap):
    limit = URLS_PER_PAGE
    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(MultilingualSitemap):
    """The home page and the four lists."""

    changefreq = "daily"
    priority = 0.8

    def items(self) -> tuple[str, ...]:
        return SECTION_URL_NAMES

    def location(self, item: str) -> str:
        return reverse(item)


class PublishedSitemap(MultilingualSitemap):
    """The detail pages of one model's published items, with their last change."""

    changefreq = "weekly"
    priority = 0.6

    def __init__(self, model: type[Model]) -> None:
        self.model = model

    def items(self) -> QuerySet:
        # Only what a URL and lastmod need; slug order keeps pages of the sitemap stable.
        return self.model.objects.published().only("pk", "slug", "updated_at").order_by("slug")

    def lastmod(self, item: Model) -> dt.datetime:
        return item.updated_at


class CountedSitemap(PublishedSitemap):
    """One kind's section as the index lists it: its pages and its last change, from figures
    read beforehand, without loading its items (Django's index would load them all, twice)."""

    def __init__(self, model: type[Model], *, items: int, lastmod: dt.datetime | None) -> None:
        super().__init__(model)
        self.item_count = items
        self.latest_lastmod = lastmod

    @property
    def paginator(self) -> Paginator:
        # An address for each item in each language, as the sitemap's pages count them.
        languages = self.languages or [code for code, _name in settings.LANGUAGES]
        return Paginator(range(self.item_count * len(languages)), self.limit)

    def get_latest_lastmod(self) -> dt.datetime | None:
        return self.latest_lastmod


def sitemaps() -> dict[str, Sitemap]:
    details = {kind.key: PublishedSitemap(kind.model) for kind in KINDS}
    return {"sections": SectionSitemap(), **details}


def index(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml: Django's index of the sections of `sitemaps()`, each kind's number of
    published items and their last change read for all kinds in one query."""
    figures = read_totals(
        *(
            Totals(
                kind.model.objects.published(),
                {f"{kind.key}_items": Count("pk"), f"{kind.key}_lastmod": Max("updated_at")},
            )
            for kind in KINDS
        )
    )
    counted = {
        kind.key: CountedSitemap(
            kind.model, items=figures[f"{kind.key}_items"], lastmod=figures[f"{kind.key}_lastmod"]
        )
        for kind in KINDS
    }
    sections = {"sections": SectionSitemap(), **counted}
    return sitemap_views.index(request, sections, sitemap_url_name="sitemap-section")
