"""Search across every kind of published content, in English, Ukrainian and Azerbaijani.

Each content model gives one queryset of (kind, pk, rank, published_at) rows over its
published items; the four are joined with UNION ALL and ordered by rank in the database, so a
page of results costs a count, the page's keys, and one query per kind on the page, however
many rows match. The count ranks nothing: ranking every match is most of a page's work.

On PostgreSQL the rank is full-text search: a weighted document (title A, summary and place
or organisation names B, body C) of all three languages' columns, the English ones stemmed
with the "english" configuration and the Ukrainian and Azerbaijani ones with "simple"
(PostgreSQL ships no dictionary for either), matched by `websearch_to_tsquery` in both
configurations. Each item's document is stored, GIN-indexed, in a table of its own
(public.models: why not a column of the item) and kept right by the database's triggers
(public/migrations/0002, where the document is defined) however a row is written. Built per
query, the documents cost seconds a search at 20,000 aid packages, and an expression index
cannot hold the names of related rows. `published()` still filters the items themselves.

On SQLite every word must appear somewhere, and items with all words in a title come first,
then the newest. SQLite compares case only for ASCII letters, so each word is also matched
in its lower, capitalised and upper case: "київ" finds "Київ", though not "КиЇв".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Case, F, FloatField, Model, Q, QuerySet, Value, When
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from aid.models import AidPackage
from people.models import RehabilitationGroup, SisterCityPartnership
from projects.models import ReconstructionProject

MAX_QUERY_LENGTH = 200
# PostgreSQL's text-search configuration for each language's columns.
TEXT_SEARCH_CONFIGS = {"en": "english", "uk": "simple", "az": "simple"}


@dataclass(frozen=True)
class SearchableKind:
    """One kind of content: its model, its label on a result, and which names to search."""

    key: str
    model: type[Model]
    label: Promise
    # Translated names of related places and organisations (foreign keys only, so a match
    # never repeats the row), searched with the summary's weight.
    related_names: tuple[str, ...] = ()


KINDS: tuple[SearchableKind, ...] = (
    SearchableKind(
        "aid", AidPackage, _("Aid package"), ("funder__name", "recipient__name", "origin__name")
    ),
    SearchableKind("project", ReconstructionProject, _("Reconstruction project"), ("place__name",)),
    SearchableKind(
        "group",
        RehabilitationGroup,
        _("Rehabilitation group"),
        ("host_place__name", "host_institution__name"),
    ),
    SearchableKind(
        "partnership",
        SisterCityPartnership,
        _("Partnership"),
        ("ukrainian_place__name", "azerbaijani_place__name"),
    ),
)
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


@dataclass(frozen=True)
class SearchResult:
    kind: SearchableKind
    item: Any  # a published AidPackage, ReconstructionProject, ...


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _columns(field: str) -> list[tuple[str, str]]:
    """(column, language) of a translated field in every language: ("title_uk", "uk")..."""
    return [(build_localized_fieldname(field, code), code) for code in _languages()]


def _words(query: str) -> list[str]:
    return [word for word in query.split() if word.strip("\"'-")]


@dataclass(frozen=True)
class SearchKeys:
    """What `search_keys` gives a Paginator: (result_kind, pk, result_rank, published_at) rows,
    best first, sliced in the database, and counted without ranking: ranking every match is
    the dearest part of a page, and a count needs no order."""

    ranked: QuerySet
    matching: QuerySet  # the pk of every match, unordered

    def count(self) -> int:
        return self.matching.count()

    def __getitem__(self, index: slice) -> QuerySet:
        return self.ranked[index]


def search_keys(query: str) -> SearchKeys:
    """The published items matching `query`, best first: UNION ALL querysets, so counting and
    slicing happen in the database."""
    if connection.vendor == "postgresql":
        matches = [_postgres_matches(kind, query) for kind in KINDS]
    else:
        words = _words(query)
        matches = [_plain_matches(kind, words) for kind in KINDS]
    ranked = _union(
        [_keys(kind, queryset, rank) for kind, (queryset, rank) in zip(KINDS, matches, strict=True)]
    )
    return SearchKeys(
        ranked=ranked.order_by("-result_rank", "-published_at", "result_kind", "pk"),
        matching=_union([queryset.values("pk").order_by() for queryset, _rank in matches]),
    )


def _union(querysets: list[QuerySet]) -> QuerySet:
    first, *others = querysets
    return first.union(*others, all=True)


def _keys(kind: SearchableKind, queryset: QuerySet, rank: Any) -> QuerySet:
    return (
        # Prefixed names: a model may have a field called `kind` (partnerships do).
        queryset.annotate(result_kind=Value(kind.key), result_rank=rank)
        .values("result_kind", "pk", "result_rank", "published_at")
        .order_by()
    )


def _postgres_matches(kind: SearchableKind, query: str) -> tuple[QuerySet, Any]:
    """The published items of `kind` whose stored document (public.models) matches, through
    its GIN index, and their rank."""
    from django.contrib.postgres.search import SearchQuery, SearchRank

    search_query = reduce(
        or_,
        [
            SearchQuery(query, config=config, search_type="websearch")
            for config in sorted(set(TEXT_SEARCH_CONFIGS.values()))
        ],
    )
    matching = kind.model.objects.published().filter(search_document__document=search_query)
    return matching, SearchRank(F("search_document__document"), search_query)


def _spellings(word: str) -> list[str]:
    # SQLite's LIKE ignores case for ASCII letters only: try the usual cases of the others.
    return sorted({word, word.lower(), word.capitalize(), word.upper()})


def _contains_word(columns: Iterable[str], word: str) -> Q:
    spellings = _spellings(word)
    return reduce(
        or_,
        [Q(**{f"{column}__icontains": spelling}) for column in columns for spelling in spellings],
    )


def _plain_matches(kind: SearchableKind, words: Sequence[str]) -> tuple[QuerySet, Any]:
    title_columns = [column for column, _code in _columns("title")]
    all_columns = [
        column
        for field in ("title", "summary", "body", *kind.related_names)
        for column, _code in _columns(field)
    ]
    if not words:  # only quotes or dashes: nothing to look for
        return kind.model.objects.none(), Value(0.0, output_field=FloatField())
    matching = kind.model.objects.published().filter(
        *[_contains_word(all_columns, word) for word in words]
    )
    in_title = reduce(and_, [_contains_word(title_columns, word) for word in words])
    rank = Case(When(in_title, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
    return matching, rank


def load_results(keys: Iterable[dict[str, Any]]) -> list[SearchResult]:
    """The items behind a page of `search_keys` rows, in the same order: one query per kind."""
    keys = list(keys)
    wanted: dict[str, list[int]] = {}
    for key in keys:
        wanted.setdefault(key["result_kind"], []).append(key["pk"])
    loaded: dict[tuple[str, int], Any] = {}
    for key, pks in wanted.items():
        kind = KINDS_BY_KEY[key]
        # published() again: the rows are read a moment after the keys were.
        for item in kind.model.objects.published().filter(pk__in=pks):
            loaded[(key, item.pk)] = item
    return [
        SearchResult(KINDS_BY_KEY[key["result_kind"]], loaded[(key["result_kind"], key["pk"])])
        for key in keys
        if (key["result_kind"], key["pk"]) in loaded
    ]
