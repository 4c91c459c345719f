"""The stored search documents (public.models): search finds what the rows say now, whatever
wrote them, and ranks as it did when it computed the documents per query.

The tests through the search page run on both databases (SQLite searches the columns and must
behave the same); those about the documents themselves need PostgreSQL."""

from __future__ import annotations

import datetime as dt
import operator
import threading
import time
from functools import reduce
from io import StringIO
from typing import Any
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from aid.models import AidPackage
from editorial import workflow
from editorial.models import Organization, Place
from editorial.snapshots import take_snapshot
from public.models import AidPackageSearchDocument
from public.search import KINDS, KINDS_BY_KEY, TEXT_SEARCH_CONFIGS, SearchableKind
from tests.factories import (
    AidPackageFactory,
    OrganizationFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)
from tests.queries import forget_cached_answers
from tests.search_documents import on_postgresql, stale_documents
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

FACTORIES = {
    "aid": AidPackageFactory,
    "project": ReconstructionProjectFactory,
    "group": RehabilitationGroupFactory,
    "partnership": SisterCityPartnershipFactory,
}
# Every place or organisation whose name a kind's document holds: ("aid", "funder"), ...
NAMED = [(kind.key, name.removesuffix("__name")) for kind in KINDS for name in kind.related_names]
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def found(client: Client, query: str) -> list[str]:
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    return [result.item.slug for result in response.context["results"]]


def named_row(model: type[Any], field: str) -> Place | Organization:
    related = model._meta.get_field(field).related_model
    if related is Place:
        return PlaceFactory(country="AZ" if field == "azerbaijani_place" else "UA")
    return OrganizationFactory()


def test_search_finds_an_edited_title_by_its_new_words_only(client: Client) -> None:
    package = AidPackageFactory(published=True, title="Generators for Kharkiv")
    assert found(client, "generators") == [package.slug]

    package.title = "Transformers for Kharkiv"
    package.save()

    assert found(client, "transformers") == [package.slug]
    assert found(client, "generators") == []


def test_search_follows_a_queryset_update_that_sends_no_signal(client: Client) -> None:
    package = AidPackageFactory(published=True, title="Generators")

    AidPackage.objects.filter(pk=package.pk).update(title_en="Transformers")
    forget_cached_answers()  # as code that writes without signals does (content_version)

    assert found(client, "transformers") == [package.slug]
    assert found(client, "generators") == []


@pytest.mark.parametrize(("key", "field"), NAMED)
def test_search_follows_a_renamed_place_or_organisation(
    client: Client, key: str, field: str
) -> None:
    model = KINDS_BY_KEY[key].model
    item = FACTORIES[key](published=True, **{field: named_row(model, field)})
    named = getattr(item, field)

    named.name_en, named.name_uk = "Quillonbury", "Квіллонбурі"
    named.save()
    assert found(client, "Quillonbury") == [item.slug]
    assert found(client, "квіллонбурі") == [item.slug]

    named.name_en = "Brackenmoor"
    named.save()
    assert found(client, "Brackenmoor") == [item.slug]
    assert found(client, "Quillonbury") == []


def test_search_shows_a_held_edit_only_once_it_is_published(client: Client) -> None:
    editor, publisher = make_user("editor"), make_user("publisher")
    package = AidPackageFactory(title="Generators for Kharkiv")
    workflow.record_save(obj=package, user=editor, created=True)
    workflow.publish(obj=package, user=publisher)
    package.refresh_from_db()
    edit = take_snapshot(package)
    edit["fields"]["title_en"] = "Transformers for Kharkiv"

    workflow.hold_pending(obj=package, user=editor, snapshot=edit, base_version=package.version)
    assert found(client, "transformers") == []
    assert found(client, "generators") == [package.slug]

    workflow.publish(obj=package, user=publisher)
    assert found(client, "transformers") == [package.slug]
    assert found(client, "generators") == []


def test_search_drops_an_unpublished_item_and_finds_it_once_republished(client: Client) -> None:
    publisher = make_user("publisher")
    package = AidPackageFactory(published=True, title="Generators")

    workflow.unpublish(obj=package, user=publisher)
    assert found(client, "generators") == []

    workflow.publish(obj=package, user=publisher)
    assert found(client, "generators") == [package.slug]


def test_search_finds_a_scheduled_item_once_it_goes_live_without_a_write(client: Client) -> None:
    going_live = timezone.now() + dt.timedelta(hours=1)
    package = AidPackageFactory(published=True, title="Generators", publish_at=going_live)
    assert found(client, "generators") == []

    forget_cached_answers()  # a cached page expires at the go-live time (content_version)
    with mock.patch("django.utils.timezone.now", return_value=going_live):
        assert found(client, "generators") == [package.slug]


def test_search_drops_a_deleted_item(client: Client) -> None:
    package = AidPackageFactory(published=True, title="Generators")
    other = AidPackageFactory(published=True, title="Generators too")

    package.delete()

    assert found(client, "generators") == [other.slug]


def test_search_finds_items_written_in_bulk(client: Client) -> None:
    funder = OrganizationFactory(name="Quillonbury Fund")
    AidPackage.objects.bulk_create(
        AidPackageFactory.build(slug=f"bulk-{n}", published=True, title=f"Cable {n}", funder=funder)
        for n in range(3)
    )
    forget_cached_answers()  # bulk_create sends no signal

    assert sorted(found(client, "cable")) == ["bulk-0", "bulk-1", "bulk-2"]
    assert len(found(client, "Quillonbury")) == 3


def test_search_finds_an_item_by_a_place_written_after_it(client: Client) -> None:
    # Foreign keys are checked at commit: a loader may write an item before the place it names.
    package = AidPackageFactory(published=True, origin_id=987_654)
    PlaceFactory(pk=987_654, name="Quillonbury")

    assert found(client, "Quillonbury") == [package.slug]


# --- The documents themselves (PostgreSQL) --------------------------------------------------


def per_query_document(kind: SearchableKind) -> Any:
    """The document search computed per query before it was stored (public/search.py, up to
    the stored documents), for comparison: the ranks depend on every part and its order."""
    from django.contrib.postgres.search import SearchVector

    def columns(field: str) -> list[tuple[str, str]]:
        return [(build_localized_fieldname(field, code), code) for code in LANGUAGES]

    parts = [
        SearchVector(column, config=TEXT_SEARCH_CONFIGS[code], weight=weight)
        for field, weight in (("title", "A"), ("summary", "B"), ("body", "C"))
        for column, code in columns(field)
    ]
    parts += [
        SearchVector(column, config="simple", weight="B")
        for name in kind.related_names
        for column, _code in columns(name)
    ]
    return reduce(operator.add, parts)


def every_text(stem: str) -> dict[str, str]:
    """Distinct words in every language column of the title, summary and body."""
    return {
        build_localized_fieldname(field, code): f"{stem} {field} {code} generators generator"
        for field in ("title", "summary", "body")
        for code in LANGUAGES
    }


@on_postgresql
@pytest.mark.parametrize("key", [kind.key for kind in KINDS])
def test_stored_document_is_the_document_search_computed_per_query(key: str) -> None:
    kind = KINDS_BY_KEY[key]
    names = {}
    for name in kind.related_names:
        field = name.removesuffix("__name")
        row = named_row(kind.model, field)
        for code in LANGUAGES:
            setattr(row, build_localized_fieldname("name", code), f"{field} name {code}")
        row.save()
        names[field] = row
    item = FACTORIES[key](published=True, **every_text("Quillonbury"), **names)

    stored, expected = (
        kind.model.objects.filter(pk=item.pk)
        .annotate(expected=per_query_document(kind))
        .values_list("search_document__document", "expected")
        .get()
    )

    assert stored == expected
    assert "'generator':" in stored and "quillonburi" in stored  # stemmed English, and more


@on_postgresql
@pytest.mark.parametrize("key", [kind.key for kind in KINDS])
def test_every_text_column_in_every_language_is_searched(client: Client, key: str) -> None:
    item = FACTORIES[key](published=True)
    for column in every_text(""):
        type(item).objects.filter(pk=item.pk).update(**{column: "Quillonbury"})
        forget_cached_answers()
        assert found(client, "Quillonbury") == [item.slug], column
        type(item).objects.filter(pk=item.pk).update(**{column: ""})


@on_postgresql
def test_documents_stay_right_through_every_kind_of_write() -> None:
    editor, publisher = make_user("editor"), make_user("publisher")
    place = PlaceFactory()
    package = AidPackageFactory(origin=place, title="Generators")
    workflow.record_save(obj=package, user=editor, created=True)
    workflow.publish(obj=package, user=publisher)
    ReconstructionProjectFactory(place=place)
    RehabilitationGroupFactory(host_place=place, host_institution=OrganizationFactory())
    SisterCityPartnershipFactory(ukrainian_place=place)
    assert stale_documents() == {}

    place.name_en = "Quillonbury"
    place.save()
    AidPackage.objects.update(body_en="Shipped by rail.")
    workflow.unpublish(obj=package, user=publisher)
    assert stale_documents() == {}


@on_postgresql
def test_an_items_document_goes_with_it_however_it_is_deleted() -> None:
    kept, deleted, raw = AidPackageFactory.create_batch(3)

    deleted.delete()
    queryset = AidPackage.objects.filter(pk=raw.pk)
    queryset._raw_delete(queryset.db)  # as seedbulk --replace deletes

    assert list(AidPackageSearchDocument.objects.values_list("pk", flat=True)) == [kept.pk]
    connection.check_constraints()


@on_postgresql
def test_a_change_of_state_leaves_the_document_alone() -> None:
    package = AidPackageFactory(title="Generators")
    AidPackageSearchDocument.objects.filter(pk=package.pk).update(document="")

    workflow.publish(obj=package, user=make_user("publisher"))

    # Only a change of a text or a named row rewrites it: this one is still the blank.
    assert AidPackageSearchDocument.objects.get(pk=package.pk).document == ""
    assert stale_documents() == {"aid": 1}


@on_postgresql
def test_rebuildsearch_rewrites_exactly_the_stale_documents(client: Client) -> None:
    package, _other = AidPackageFactory.create_batch(2, published=True, title="Generators")
    AidPackageSearchDocument.objects.filter(pk=package.pk).update(document="")
    forget_cached_answers()
    assert len(found(client, "generators")) == 1

    dry = run("rebuildsearch", "--dry-run")
    assert "aid packages: 1 of 2 documents to rewrite" in dry
    assert "nothing changed" in dry
    assert stale_documents() == {"aid": 1}

    output = run("rebuildsearch")
    assert "aid packages: 1 of 2 documents rewritten" in output
    assert "Rewrote 1 search documents" in output
    assert stale_documents() == {}
    forget_cached_answers()
    assert len(found(client, "generators")) == 2


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite keeps no documents")
def test_rebuildsearch_on_sqlite_says_there_is_nothing_to_rebuild() -> None:
    AidPackageFactory()

    with pytest.raises(CommandError, match="kept on PostgreSQL only"):
        run("rebuildsearch")
    assert not AidPackageSearchDocument.objects.exists()


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# --- Two writers at once (PostgreSQL) -------------------------------------------------------


def _open(autocommit: bool = False) -> Any:
    import psycopg

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    return psycopg.connect(**params, autocommit=autocommit)


def _wait_until_blocked(pid: int) -> None:
    with connection.cursor() as cursor:
        for _attempt in range(200):
            cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
            if cursor.fetchone()[0] == "Lock":
                return
            time.sleep(0.05)
    raise AssertionError("the second writer never waited for the first")


WRITES = {
    "item": ("UPDATE aid_aidpackage SET title_en = 'Transformers' WHERE id = %s", "package"),
    "place": ("UPDATE editorial_place SET name_en = 'Brackenmoor' WHERE id = %s", "place"),
}


@on_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("first", ["item", "place"])
def test_a_rename_and_an_edit_committed_together_leave_the_document_right(first: str) -> None:
    """Each writer computes from what it can see; the second must wait for the first to commit
    and then see it, or the document keeps the old title or the old name."""
    place = PlaceFactory(name="Quillonbury")
    package = AidPackageFactory(published=True, title="Generators", origin=place)
    ids = {"package": package.pk, "place": place.pk}
    second = "place" if first == "item" else "item"
    with _open() as earlier, _open(autocommit=True) as later:
        sql, target = WRITES[first]
        earlier.execute(sql, [ids[target]])
        sql, target = WRITES[second]
        waiting = threading.Thread(target=later.execute, args=(sql, [ids[target]]))
        waiting.start()
        _wait_until_blocked(later.info.backend_pid)
        earlier.commit()
        waiting.join(timeout=10)
        assert not waiting.is_alive()

    assert stale_documents() == {}
    document = AidPackageSearchDocument.objects.get(pk=package.pk).document
    assert "transform" in document and "brackenmoor" in document
