"""What every endpoint does alike: pages, language, conditional GET."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from api.serializers import RenditionSerializer
from editorial.renditions import ensure_renditions
from tests.api.endpoints import ENDPOINT_PARAMS, Endpoint
from tests.factories import AidItemFactory, AidPackageFactory, PhotoFactory

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


@pytest.mark.parametrize(
    "path", [AID, f"{AID}p/", f"{AID}export.csv", "/api/v1/stats/", "/api/v1/schema/"]
)
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


@pytest.mark.parametrize("endpoint", ENDPOINT_PARAMS)
def test_public_url_is_the_page_in_the_language_asked(client: Any, endpoint: Endpoint) -> None:
    endpoint.make(slug="shown", published=True)
    for lang in ("uk", "az"):
        [record] = client.get(endpoint.path, {"lang": lang}).json()["results"]
        assert record["public_url"].startswith(f"http://testserver/{lang}/")
        assert record["public_url"].endswith("/shown/")
        assert client.get(record["public_url"]).status_code == 200


def test_photos_have_absolute_renditions_with_sizes_and_credits(client: Any) -> None:
    photo = PhotoFactory(content_object=AidPackageFactory(slug="p", published=True))
    ensure_renditions(photo)
    [shown] = client.get(f"{AID}p/").json()["photos"]
    assert shown["url"].startswith("http://testserver/")
    assert (shown["width"], shown["height"]) == (8, 6)
    assert shown["alt_text"] and shown["credit"] == "AZERTAC"
    assert {r["format"] for r in shown["renditions"]} == {"webp", "jpeg"}
    for rendition in shown["renditions"]:
        assert rendition["url"].startswith("http://testserver/")
        assert (rendition["width"], rendition["height"]) == (8, 6)


def test_the_photos_of_a_list_share_one_rendition_serializer(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Making a serializer's fields costs more than using them: once per list, not per photo
    (a third of a whole list's CSV export, when it was made per photo)."""
    for slug in ("a", "b", "c"):
        ensure_renditions(PhotoFactory(content_object=AidPackageFactory(slug=slug, published=True)))
    made = []
    init = RenditionSerializer.__init__

    def counted(self: RenditionSerializer, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(RenditionSerializer, "__init__", counted)
    photos = [record["photos"][0] for record in client.get(AID).json()["results"]]
    assert [len(photo["renditions"]) for photo in photos] == [2, 2, 2]
    assert len(made) == 1


@pytest.mark.parametrize(
    ("stored", "served"),
    [
        ('https://example.org/a"<b>', "https://example.org/a%22%3Cb%3E"),
        ("https://example.org/звіт?q=a b", "https://example.org/%D0%B7%D0%B2%D1%96%D1%82?q=a%20b"),
        ("https://example.org/[1]/100%", "https://example.org/%5B1%5D/100%25"),
        ("https://example.org/%D0%B7?q=1&r=2#top", "https://example.org/%D0%B7?q=1&r=2#top"),
    ],
    ids=["markup", "iri", "brackets-and-stray-percent", "already-a-uri"],
)
def test_a_source_address_is_served_as_a_uri(client: Any, stored: str, served: str) -> None:
    # The schema types it `format: uri`: an address stored before the check, or around it
    # (the shell, a data migration), is percent-encoded on the way out, never served raw.
    from tests.factories import SourceFactory

    AidPackageFactory(slug="p", published=True).sources.add(SourceFactory(url=stored))
    assert client.get(f"{AID}p/").json()["sources"][0]["url"] == served


def test_a_source_without_address_has_null_url(client: Any) -> None:
    from tests.factories import SourceFactory

    AidPackageFactory(slug="p", published=True).sources.add(SourceFactory(url=""))
    assert client.get(f"{AID}p/").json()["sources"][0]["url"] is None


def test_csv_columns_are_the_same_on_every_page_and_with_no_rows(client: Any) -> None:
    AidPackageFactory(slug="bare", published=True)  # no dates, no recipient, no origin
    from tests.api.endpoints import rich_package

    rich_package(slug="rich", published=True, decided_on=dt.date(2025, 1, 1))
    headers = {
        client.get(AID, {"format": "csv", "page_size": 1, "page": page}).content.splitlines()[0]
        for page in (1, 2)
    }
    empty = client.get(AID, {"format": "csv", "search": "nothing-matches"})
    assert empty.content.splitlines() == list(headers)
    assert empty["Content-Type"] == "text/csv; charset=utf-8"
    assert b"decided_on.date,decided_on.precision" in empty.content
    assert b"recipient.slug" in empty.content


def test_an_address_no_route_matches_is_a_json_404(client: Any) -> None:
    response = client.get(f"{AID}not a slug!/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
