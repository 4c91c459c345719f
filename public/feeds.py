"""The Atom feed of each language, /<lang>/feed/: the latest published items of every kind."""

from __future__ import annotations

import datetime as dt
from heapq import merge
from itertools import islice
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import F, Model
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from public.search import KINDS

FEED_LENGTH = 30


def _sort_key(item: Model) -> dt.datetime:
    # Items published before the workflow stamped `published_at` sort by their last change.
    return item.published_at or item.updated_at


def latest_published(limit: int = FEED_LENGTH) -> list[Model]:
    """The `limit` most recently published items of all kinds: one query per kind."""
    newest_first = [
        kind.model.objects.published()
        .select_related(None)
        .order_by(F("published_at").desc(nulls_last=True), "-updated_at")[:limit]
        for kind in KINDS
    ]
    merged = merge(*newest_first, key=_sort_key, reverse=True)
    return list(islice(merged, limit))


class LatestFeed(Feed):
    """The URL's language is active, so titles, summaries and links are in that language
    (English where a translation is missing, as on the pages)."""

    feed_type = Atom1Feed
    title = _("Körpü: Azerbaijan's aid to Ukraine")
    subtitle = _(
        "The latest published aid packages, reconstruction projects, children's "
        "rehabilitation groups and partnerships between cities."
    )
    author_name = _("Körpü")

    def link(self) -> str:
        return reverse("public:home")

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        # The feed's own absolute URL, its Atom id; the per-request value is passed to the
        # methods below as `obj` because one Feed instance serves every request.
        return request.build_absolute_uri(request.path)

    def feed_guid(self, obj: str) -> str:
        return obj

    def items(self) -> list[Model]:
        return latest_published()

    def item_title(self, item: Model) -> str:
        return item.title

    def item_description(self, item: Model) -> str:
        return item.summary

    def item_link(self, item: Model) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Model) -> dt.datetime:
        return _sort_key(item)

    def item_updateddate(self, item: Model) -> dt.datetime:
        return item.updated_at

    def item_categories(self, item: Model) -> list[Any]:
        return [next(kind.label for kind in KINDS if isinstance(item, kind.model))]
