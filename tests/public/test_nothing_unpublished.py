"""Nothing the public may not see appears on any public surface: a draft, an item in review, an
archived item, one not yet live and one expired; an edit of a live item waiting for approval;
a photo of minors without consent on file. Every page, list, search, feed, sitemap, total and
API response is fetched in every language and searched for the hidden item's marks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from aid.models import AidItem
from editorial.revisions import Revision, RevisionState, Transition
from editorial.snapshots import take_snapshot
from tests.factories import (
    HIDDEN_STATES,
    AidItemFactory,
    AidPackageFactory,
    PhotoFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
    hidden_state,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "uk", "az")
MARK = "Zorvexhidden"  # what must not show anywhere
SEARCHED = "Qalvintor"  # a second word of the hidden titles: the search page echoes its query
HIDDEN_USD = Decimal("987654321")  # a sum no published record reaches
HIDDEN_CHILDREN = 4321
HIDDEN_ITEMS = Decimal("7777")


def _in_every_language(text: str, field: str = "title") -> dict[str, str]:
    return {f"{field}_{lang}": f"{text} {SEARCHED} {lang}" for lang in LANGUAGES}


def _hide_everything(state: str) -> list[Any]:
    """One item of each kind in `state`, marked in every language, with photos and numbers."""
    marks = {**_in_every_language(MARK), **_in_every_language(MARK, "summary")}
    package = AidPackageFactory(value_usd=HIDDEN_USD, **marks, **hidden_state(state))
    AidItemFactory(package=package, kind=AidItem.Kind.TRANSFORMER, quantity=HIDDEN_ITEMS)
    items = [
        package,
        ReconstructionProjectFactory(**marks, **hidden_state(state)),
        RehabilitationGroupFactory(children_count=HIDDEN_CHILDREN, **marks, **hidden_state(state)),
        SisterCityPartnershipFactory(**marks, **hidden_state(state)),
    ]
    for item in items:
        PhotoFactory(content_object=item, **_in_every_language(MARK, "alt_text"))
    return items


def _published_neighbours() -> None:
    """Published items, so that every list, total and feed has something to show."""
    package = AidPackageFactory(published=True, value_usd=Decimal("1000"), title_en="Cable")
    AidItemFactory(package=package, kind=AidItem.Kind.CABLE, quantity=Decimal("50"))
    ReconstructionProjectFactory(published=True, title_en="Lyceum")
    RehabilitationGroupFactory(published=True, title_en="Summer group", children_count=30)
    SisterCityPartnershipFactory(published=True, title_en="Irpin and Shamakhi")


def public_surfaces() -> Iterator[str]:
    for lang in LANGUAGES:
        yield f"/{lang}/"
        for section in ("aid", "projects", "rehabilitation", "partnerships"):
            yield f"/{lang}/{section}/"
        yield f"/{lang}/search/?q={SEARCHED}"
        yield f"/{lang}/feed/"
    yield "/sitemap.xml"
    for section in ("sections", "aid", "project", "group", "partnership"):
        yield f"/sitemap-{section}.xml"
    for endpoint in ("aid-packages", "projects", "rehabilitation-groups", "partnerships"):
        yield f"/api/v1/{endpoint}/"
        yield f"/api/v1/{endpoint}/?format=csv"
        yield f"/api/v1/{endpoint}/?search={SEARCHED}"
    yield "/api/v1/stats/"


def leaks(client: Client, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for url in public_surfaces():
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        found += [f"{url}: {word}" for word in forbidden if word in content]
    return found


def detail_urls(items: list[Any]) -> Iterator[str]:
    endpoints = ("aid-packages", "projects", "rehabilitation-groups", "partnerships")
    for item, endpoint in zip(items, endpoints, strict=True):
        for lang in LANGUAGES:
            yield item.get_absolute_url().replace("/en/", f"/{lang}/", 1)
        yield f"/api/v1/{endpoint}/{item.slug}/"


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_items_appear_on_no_public_surface(client: Client, state: str) -> None:
    _published_neighbours()
    hidden = _hide_everything(state)
    # Short numbers are checked in the totals (the home page reads the same stats functions),
    # not in page text, where a timestamp's digits could match them by chance.
    forbidden = (MARK, "987654321", "987,654,321", "987 654 321")

    assert leaks(client, forbidden) == []
    stats = client.get("/api/v1/stats/").json()
    assert stats["children_rehabilitated"] == 30
    assert {item["kind"] for item in stats["items"]} == {"cable"}

    for url in detail_urls(hidden):
        assert client.get(url).status_code == 404, url


def _hold_an_edit(item: Any, **changes: Any) -> None:
    """What the admin does when an editor saves a live item: a pending revision, row untouched."""
    snapshot = take_snapshot(item)
    snapshot["fields"].update(changes)
    Revision.objects.create(
        item=item,
        object_repr=str(item),
        transition=Transition.EDITED_WHILE_LIVE,
        state=RevisionState.PENDING,
        status_after=item.status,
        base_version=item.version,
        snapshot=snapshot,
    )


def test_an_edit_waiting_for_approval_appears_on_no_public_surface(client: Client) -> None:
    _published_neighbours()
    live: list[Callable[..., Any]] = [
        AidPackageFactory,
        ReconstructionProjectFactory,
        RehabilitationGroupFactory,
        SisterCityPartnershipFactory,
    ]
    for factory in live:
        item = factory(published=True)
        _hold_an_edit(item, **_in_every_language(MARK), **_in_every_language(MARK, "summary"))

    assert leaks(client, (MARK,)) == []


def test_photos_of_minors_without_consent_appear_nowhere(client: Client) -> None:
    _published_neighbours()
    for factory in (
        AidPackageFactory,
        ReconstructionProjectFactory,
        RehabilitationGroupFactory,
        SisterCityPartnershipFactory,
    ):
        item = factory(published=True)
        PhotoFactory(
            content_object=item,
            shows_minors=True,
            consent_on_file=False,
            **_in_every_language(MARK, "alt_text"),
            **_in_every_language(MARK, "caption"),
        )
        for lang in LANGUAGES:
            url = item.get_absolute_url().replace("/en/", f"/{lang}/", 1)
            assert MARK not in client.get(url).content.decode(), url

    assert leaks(client, (MARK,)) == []
