"""The addresses measured, picked from a database: real published slugs, the most common
filter value and its last page, a word the search finds; and each of them answers 200."""

from __future__ import annotations

from typing import Any

import pytest

from aid.models import AidPackage, Sector
from bench import addresses
from bench.endpoints import CSV_EXPORT_LABEL, IATI_LABEL, STREAMED_EXPORTS, Group
from bench.queries import count_queries
from tests.factories import (
    AidPackageFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def record() -> None:
    """25 published energy packages (two pages of the list), 3 medical, one draft."""
    AidPackageFactory.create_batch(25, published=True, sector=Sector.ENERGY)
    AidPackageFactory.create_batch(3, published=True, sector=Sector.MEDICAL)
    AidPackageFactory(slug="a-draft", title="Generators draft", sector=Sector.ENERGY)
    ReconstructionProjectFactory(published=True, slug="school-7")
    RehabilitationGroupFactory(published=True, slug="group-2025")
    SisterCityPartnershipFactory(published=True, slug="irpin-ganja")


def by_label() -> dict[str, str]:
    return {endpoint.label: endpoint.path for endpoint in addresses.bench_endpoints()}


def test_bench_endpoints_cover_every_kind_of_page_and_api(record: None) -> None:
    groups = {endpoint.group for endpoint in addresses.bench_endpoints()}
    assert groups == {Group.HOME, Group.LIST, Group.DETAIL, Group.PAGE, Group.API, Group.EXPORT}
    paths = by_label()
    assert paths["home"] == "/en/"
    assert paths["sitemap"] == "/sitemap.xml"
    assert paths["sitemap, first page of aid"] == "/sitemap-aid.xml"
    assert paths["feed"] == "/en/feed/"
    assert paths["API stats"] == "/api/v1/stats/"
    assert paths[IATI_LABEL] == "/api/v1/iati/activities.xml"
    assert paths[CSV_EXPORT_LABEL] == "/api/v1/aid-packages/export.csv"


def test_the_csv_export_row_reads_every_published_package(record: None, client: Any) -> None:
    response = client.get(by_label()[CSV_EXPORT_LABEL])
    assert response.streaming
    lines = b"".join(response.streaming_content).splitlines()
    assert len(lines) == 1 + AidPackage.objects.published().count() == 29


def test_the_exports_counted_on_the_small_database_only_are_rows(record: None) -> None:
    """A label the runner skips at full scale that names no row would skip nothing."""
    exports = {e.label for e in addresses.bench_endpoints() if e.group is Group.EXPORT}
    assert set(STREAMED_EXPORTS) <= exports


def test_details_are_published_items(record: None) -> None:
    paths = by_label()
    first = AidPackage.objects.published().order_by("slug").first()
    assert paths["aid detail"] == f"/en/aid/{first.slug}/"
    assert paths["API aid detail"] == f"/api/v1/aid-packages/{first.slug}/"
    assert "a-draft" not in " ".join(paths.values())
    assert paths["projects detail"] == "/en/projects/school-7/"
    assert paths["API partnerships detail"] == "/api/v1/partnerships/irpin-ganja/"


def test_the_deep_page_is_the_last_of_the_most_common_filter_value(record: None) -> None:
    assert by_label()["aid list, last page, filtered"] == "/en/aid/?sector=energy&page=2"


def test_search_looks_for_a_word_of_a_published_title(record: None) -> None:
    assert by_label()["search"] == "/en/search/?q=package"  # of "Aid package <n>"


def test_every_endpoint_answers_200_and_its_queries_are_counted(record: None) -> None:
    counts = count_queries(addresses.bench_endpoints(), host="127.0.0.1")
    assert {label: count.status for label, count in counts.items() if count.status != 200} == {}
    assert all(count.cold > 0 for count in counts.values())
    assert counts[IATI_LABEL].warm is None  # exports are asked once
    assert counts[CSV_EXPORT_LABEL].warm is None


def test_loadtest_mixes_three_languages_and_the_api(record: None) -> None:
    paths = addresses.loadtest_paths()
    for language in ("en", "uk", "az"):
        assert f"/{language}/" in paths
        assert f"/{language}/aid/?sector=energy" in paths
        assert f"/{language}/projects/school-7/" in paths
    assert "/api/v1/aid-packages/?lang=uk" in paths
    assert "/api/v1/stats/" in paths
    assert not [path for path in paths if "a-draft" in path or "iati" in path]


def test_csv_pages_walk_every_published_row(record: None) -> None:
    assert addresses.csv_export_pages(page_size=10) == [
        "/api/v1/aid-packages/?format=csv&page_size=10&page=1",
        "/api/v1/aid-packages/?format=csv&page_size=10&page=2",
        "/api/v1/aid-packages/?format=csv&page_size=10&page=3",
        "/api/v1/projects/?format=csv&page_size=10&page=1",
        "/api/v1/rehabilitation-groups/?format=csv&page_size=10&page=1",
        "/api/v1/partnerships/?format=csv&page_size=10&page=1",
    ]


def test_record_counts_tell_published_from_all(record: None) -> None:
    assert addresses.record_counts()["aid"] == {"total": 29, "published": 28}


def test_a_kind_with_nothing_published_is_refused_by_name() -> None:
    AidPackageFactory(published=True)
    with pytest.raises(LookupError, match="projects, rehabilitation, partnerships"):
        addresses.bench_endpoints()
