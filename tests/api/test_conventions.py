"""What every endpoint does alike: pages, language, conditional GET."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import AidItemFactory, AidPackageFactory

pytestmark = pytest.mark.django_db

AID = "/api/v1/aid-packages/"


def test_pages_hold_50_by_default_and_never_overlap(client: Any) -> None:
    AidPackageFactory.create_batch(120, published=True)  # all with the same (empty) dates
    first = client.get(AID)
    assert len(first.json()["results"]) == 50
    assert 'rel="next"' in first["Link"]
    seen: list[str] = []
    for page in (1, 2, 3):
        seen += [p["slug"] for p in client.get(AID, {"page": page}).json()["results"]]
    assert len(seen) == len(set(seen)) == 120


def test_page_size_up_to_200(client: Any) -> None:
    AidPackageFactory.create_batch(201, published=True)
    response = client.get(AID, {"page_size": "200"})
    assert len(response.json()["results"]) == 200
    assert client.get(AID, {"page_size": "201"}).status_code == 400


def test_page_beyond_the_last_is_404(client: Any) -> None:
    AidPackageFactory(published=True)
    assert client.get(AID, {"page": "2"}).status_code == 404


def test_lang_picks_the_translation(client: Any) -> None:
    AidPackageFactory(slug="p", published=True, title_en="Transformers", title_uk="Трансформатори")
    assert client.get(f"{AID}p/", {"lang": "uk"}).json()["title"] == "Трансформатори"
    assert client.get(f"{AID}p/", {"lang": "en"}).json()["title"] == "Transformers"


def test_missing_translation_falls_back_to_english(client: Any) -> None:
    AidPackageFactory(slug="p", published=True, title_en="Transformers", title_uk="Трансформатори")
    response = client.get(f"{AID}p/", {"lang": "az"})
    assert response.json()["title"] == "Transformers"
    assert response["Content-Language"] == "az"


def test_accept_language_picks_the_translation(client: Any) -> None:
    AidPackageFactory(slug="p", published=True, title_en="Transformers", title_uk="Трансформатори")
    response = client.get(f"{AID}p/", headers={"accept-language": "uk"})
    assert response.json()["title"] == "Трансформатори"
    assert "Accept-Language" in response["Vary"]


def test_item_label_reads_kind_quantity_and_unit(client: Any) -> None:
    AidItemFactory(package=AidPackageFactory(slug="p", published=True))
    assert client.get(f"{AID}p/").json()["items"][0]["label"] == "Generator: 10 pieces"


def test_bad_lang_is_400_naming_it(client: Any) -> None:
    response = client.get(AID, {"lang": "fr"})
    assert response.status_code == 400
    assert list(response.json()) == ["lang"]


@pytest.mark.parametrize("path", [AID, f"{AID}p/", "/api/v1/stats/", "/api/v1/schema/"])
def test_etag_and_304(client: Any, path: str) -> None:
    AidPackageFactory(slug="p", published=True)
    response = client.get(path)
    assert response.status_code == 200
    etag = response["ETag"]
    again = client.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_etag_changes_with_what_is_shown(client: Any) -> None:
    package = AidPackageFactory(slug="p", published=True)
    before = client.get(AID)["ETag"]
    package.title_en = "Renamed"
    package.save()
    response = client.get(AID, headers={"if-none-match": before})
    assert response.status_code == 200
    assert response["ETag"] != before


def test_csv_errors_are_json(client: Any) -> None:
    response = client.get(AID, {"format": "csv", "sector": "weapons"})
    assert response.status_code == 400
    assert response.json() == {"sector": [response.json()["sector"][0]]}


def test_csv_keeps_the_filters(client: Any) -> None:
    AidPackageFactory(slug="energy", published=True)
    AidPackageFactory(slug="food", published=True, sector="food_essentials")
    lines = client.get(AID, {"format": "csv", "sector": "food_essentials"}).content.splitlines()
    assert len(lines) == 2
    assert b",food," in lines[1]
