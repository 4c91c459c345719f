"""/sitemap.xml: an index of sections (the home and list pages, then each kind's published
detail pages), each in pages of at most `URLS_PER_PAGE` addresses.

`i18n` lists every page once per language, and `alternates` gives each the hreflang links
to the others plus x-default: the address without a language prefix, which
LocaleMiddleware redirects by the reader's Accept-Language.

Pages, not one file: at 20,000 packages a single sitemap is 60,000 addresses with four links
each, twelve seconds and hundreds of megabytes to make, which a crawler's visit right after a
publish would spend on every worker. A page of 3,000 costs a fraction of a second.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.db.models import Model, QuerySet
from django.urls import reverse

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


def sitemaps() -> dict[str, Sitemap]:
    details = {kind.key: PublishedSitemap(kind.model) for kind in KINDS}
    return {"sections": SectionSitemap(), **details}
