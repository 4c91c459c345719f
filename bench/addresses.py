"""Which addresses to measure, picked from what the database holds: real published slugs, the
most common filter value of each list and its last page, a word the search finds.

Needs Django set up (`bench.probe` does it). The labels are the same at every scale; the
addresses are not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Model
from django.urls import reverse
from django.utils import translation

from aid.models import AidPackage
from bench.endpoints import CSV_EXPORT_LABEL, IATI_LABEL, Endpoint, Group
from people.models import RehabilitationGroup, SisterCityPartnership
from projects.models import ReconstructionProject
from public.base_views import PublishedListView

BENCH_LANGUAGE = "en"
LOADTEST_LANGUAGES = ("en", "uk", "az")
# Detail pages per kind in the load test's mix: enough that one cached page is not all it sees.
LOADTEST_DETAILS_PER_KIND = 5
IATI_PATH = "/api/v1/iati/activities.xml"


@dataclass(frozen=True)
class Kind:
    """One kind of content: its model, its public URL names, its API basename, and the filter
    of its public list (the API's list takes the same field) used for the deep page."""

    key: str
    model: type[Model]
    url_namespace: str
    api_basename: str
    filter_field: str


KINDS: tuple[Kind, ...] = (
    Kind("aid", AidPackage, "aid", "aidpackage", "sector"),
    Kind("projects", ReconstructionProject, "projects", "reconstructionproject", "phase"),
    Kind(
        "rehabilitation", RehabilitationGroup, "rehabilitation", "rehabilitationgroup", "programme"
    ),
    Kind("partnerships", SisterCityPartnership, "partnerships", "sistercitypartnership", "kind"),
)


@dataclass(frozen=True)
class KindSample:
    """What one kind offers to measure, read once from the database."""

    kind: Kind
    slugs: list[str]  # published, in slug order
    filter_value: str | None  # the most common value of the list's filter
    filter_pages: int  # pages of the public list with that filter

    def filtered_query(self, page: int | None = None) -> str:
        query: dict[str, object] = {self.kind.filter_field: self.filter_value}
        if page is not None:
            query["page"] = page
        return urlencode(query)


def sample(kind: Kind, limit: int = LOADTEST_DETAILS_PER_KIND) -> KindSample:
    published = kind.model.objects.published()
    slugs = list(published.order_by("slug").values_list("slug", flat=True)[:limit])
    top = (
        published.order_by()
        .values(kind.filter_field)
        .annotate(rows=Count("pk"))
        .order_by("-rows", kind.filter_field)
        .first()
    )
    if top is None:
        return KindSample(kind, slugs, None, 0)
    pages = max(1, math.ceil(top["rows"] / PublishedListView.paginate_by))
    return KindSample(kind, slugs, str(top[kind.filter_field]), pages)


def search_word() -> str:
    """The longest word of the first published aid package's title: something the search
    finds at any scale."""
    title = AidPackage.objects.published().order_by("slug").values_list("title", flat=True).first()
    words = re.findall(r"\w{3,}", title or "")
    if not words:
        raise LookupError("No published aid package with a title: seed the database first.")
    return max(words, key=len)


def search_path(word: str | None = None) -> str:
    return f"{reverse('public:search')}?{urlencode({'q': word or search_word()})}"


def sitemap_section_path() -> str:
    """The sitemap's largest section, whose first page holds the most addresses a page may."""
    return reverse("sitemap-section", kwargs={"section": KINDS[0].key})


def bench_endpoints() -> list[Endpoint]:
    """The table's rows, in the order they are printed (the static ceiling is added by the
    runner, which knows the files collected)."""
    samples = [sample(kind, limit=1) for kind in KINDS]
    missing = [s.kind.key for s in samples if not s.slugs]
    if missing:
        raise LookupError(f"Nothing published to measure for: {', '.join(missing)}.")
    with translation.override(BENCH_LANGUAGE):
        rows = [Endpoint("home", reverse("public:home"), Group.HOME)]
        for s in samples:
            list_path = reverse(f"{s.kind.url_namespace}:list")
            rows.append(Endpoint(f"{s.kind.key} list", list_path, Group.LIST))
            deep = f"{list_path}?{s.filtered_query(page=s.filter_pages)}"
            rows.append(Endpoint(f"{s.kind.key} list, last page, filtered", deep, Group.LIST))
        for s in samples:
            path = reverse(f"{s.kind.url_namespace}:detail", kwargs={"slug": s.slugs[0]})
            rows.append(Endpoint(f"{s.kind.key} detail", path, Group.DETAIL))
        rows += [
            Endpoint("search", search_path(), Group.PAGE),
            Endpoint("feed", reverse("public:feed"), Group.PAGE),
        ]
    rows += [
        Endpoint("sitemap", reverse("sitemap"), Group.PAGE),
        Endpoint("sitemap, first page of aid", sitemap_section_path(), Group.PAGE),
    ]
    for s in samples:
        api_list = reverse(f"api:{s.kind.api_basename}-list")
        rows.append(Endpoint(f"API {s.kind.key} list", api_list, Group.API))
    for s in samples:
        api_detail = reverse(f"api:{s.kind.api_basename}-detail", kwargs={"slug": s.slugs[0]})
        rows.append(Endpoint(f"API {s.kind.key} detail", api_detail, Group.API))
    rows.append(Endpoint("API stats", reverse("api:stats"), Group.API))
    rows += list(export_endpoints())
    return rows


def export_endpoints() -> Iterator[Endpoint]:
    """The IATI file; the largest list whole as one streamed CSV file, and its first CSV page
    at the largest page size (`csv_export_pages` walks every page)."""
    yield Endpoint(IATI_LABEL, IATI_PATH, Group.EXPORT)
    yield Endpoint(CSV_EXPORT_LABEL, reverse(f"api:{KINDS[0].api_basename}-export"), Group.EXPORT)
    api_list = reverse(f"api:{KINDS[0].api_basename}-list")
    yield Endpoint(
        f"API {KINDS[0].key} CSV, 200 rows", f"{api_list}?format=csv&page_size=200", Group.EXPORT
    )


def csv_export_pages(page_size: int = 200) -> list[str]:
    """Every page of every list endpoint as CSV: the whole record, as a partner who does not
    use the lists' `export.csv` would fetch it."""
    paths = []
    for kind in KINDS:
        count = kind.model.objects.published().count()
        api_list = reverse(f"api:{kind.api_basename}-list")
        pages = max(1, math.ceil(count / page_size))
        paths += [
            f"{api_list}?{urlencode({'format': 'csv', 'page_size': page_size, 'page': page})}"
            for page in range(1, pages + 1)
        ]
    return paths


def loadtest_paths() -> list[str]:
    """The load test's mix: every public page kind in the three languages (lists with and
    without a filter, several details, search, feed), the sitemap, and the API's lists (also
    in Ukrainian), details and stats. Not the exports, whose single answers take longer than a
    page view should, which is what the load test is about."""
    samples = [sample(kind) for kind in KINDS]
    word = search_word()
    paths: list[str] = []
    for language in LOADTEST_LANGUAGES:
        with translation.override(language):
            paths.append(reverse("public:home"))
            for s in samples:
                list_path = reverse(f"{s.kind.url_namespace}:list")
                paths.append(list_path)
                if s.filter_value is not None:
                    paths.append(f"{list_path}?{s.filtered_query()}")
                    paths.append(f"{list_path}?{s.filtered_query(page=s.filter_pages)}")
                paths += [
                    reverse(f"{s.kind.url_namespace}:detail", kwargs={"slug": slug})
                    for slug in s.slugs
                ]
            paths += [search_path(word), reverse("public:feed")]
    paths += [reverse("sitemap"), sitemap_section_path()]
    for s in samples:
        api_list = reverse(f"api:{s.kind.api_basename}-list")
        paths += [api_list, f"{api_list}?lang=uk"]
        paths += [
            reverse(f"api:{s.kind.api_basename}-detail", kwargs={"slug": slug}) for slug in s.slugs
        ]
    paths.append(reverse("api:stats"))
    return paths


def record_counts() -> dict[str, dict[str, int]]:
    """Rows and published rows of each kind, for the report's description of the data."""
    return {
        kind.key: {
            "total": kind.model.objects.count(),
            "published": kind.model.objects.published().count(),
        }
        for kind in KINDS
    }
