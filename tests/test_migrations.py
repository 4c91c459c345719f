"""Migrations match the models, and every one of ours can be undone and redone."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from aid.models import AidPackage
from editorial.roles import EDITORS, PUBLISHERS
from tests.factories import AidPackageFactory, PlaceFactory, SisterCityPartnershipFactory
from tests.search_documents import stale_documents

TRIGGERS = {
    "sqlite": """
        SELECT name FROM sqlite_master
        WHERE type = 'trigger' AND name LIKE 'partnership_place%'
    """,
    "postgresql": """
        SELECT tgname FROM pg_trigger
        WHERE NOT tgisinternal AND tgname LIKE 'partnership_place%'
    """,
}


# The search documents' triggers and functions (public/migrations/0002): PostgreSQL only.
SEARCH_DOCUMENT_UPKEEP = """
    SELECT tgrelid::regclass || '.' || tgname FROM pg_trigger
    WHERE NOT tgisinternal AND tgname LIKE 'search_document%'
    UNION ALL
    SELECT proname FROM pg_proc WHERE proname LIKE 'public\\_%search\\_documents%'
"""


def partnership_triggers() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(TRIGGERS[connection.vendor])
        return {name for (name,) in cursor.fetchall()}


def search_document_upkeep() -> set[str]:
    if connection.vendor != "postgresql":
        return set()
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_DOCUMENT_UPKEEP)
        return {name for (name,) in cursor.fetchall()}


def migrate(*targets: tuple[str, str]) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets) or executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_migrations_match_models() -> None:
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, stderr=out)
    except SystemExit:  # --check exits with status 1 when a migration is missing
        pytest.fail(f"makemigrations would write migrations:\n{out.getvalue()}")
    assert "No changes detected" in out.getvalue()


# Unapplying an app unapplies the migrations of the others that depend on it as well.
OUR_APPS = ("editorial", "aid", "projects", "people", "partners", "public", "staff")


def our_tables() -> set[str]:
    prefixes = tuple(f"{app}_" for app in OUR_APPS)
    return {name for name in connection.introspection.table_names() if name.startswith(prefixes)}


# Reversing rewrites the schema, so this needs a real (non-wrapped) transaction; the database
# is flushed afterwards, and pytest-django runs transactional tests after all the others.
@pytest.mark.django_db(transaction=True)
def test_every_migration_of_ours_reverses_to_zero_with_rows_present_and_reapplies() -> None:
    """A deploy that goes wrong is rolled back with `migrate <app> <earlier>`: every operation
    must have a reverse, the roles and trigger migrations included, with content in the tables.
    (One test for all of it: each run rebuilds the whole schema twice.)"""
    tables, triggers, upkeep = our_tables(), partnership_triggers(), search_document_upkeep()
    # An earlier transactional test's flush emptied the content types this process has cached.
    ContentType.objects.clear_cache()
    package = AidPackageFactory(published=True, items=2, photos=1)
    SisterCityPartnershipFactory()
    assert len(tables) >= 10
    assert len(triggers) >= 2  # SQLite has three (insert, update, place), PostgreSQL two
    # Per kind a writer, its insert and change triggers and their functions; per named table
    # (places, organisations) two triggers and a function.
    assert len(upkeep) == (4 * 5 + 2 * 3 if connection.vendor == "postgresql" else 0)

    migrate(*((app, None) for app in OUR_APPS))
    assert (our_tables(), partnership_triggers(), search_document_upkeep()) == (set(), set(), set())
    assert not Group.objects.filter(name__in=[EDITORS, PUBLISHERS]).exists()

    migrate()
    assert our_tables() == tables
    assert not AidPackage.objects.filter(pk=package.pk).exists()  # the rows went with the tables
    test_migrations_match_models()  # and what is rebuilt is what the models say
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, PUBLISHERS}
    assert (
        Group.objects.get(name=PUBLISHERS)
        .permissions.filter(codename="publish_sistercitypartnership")
        .exists()
    )
    assert partnership_triggers() == triggers
    assert search_document_upkeep() == upkeep
    with pytest.raises(IntegrityError, match="partnership_places_countries"), transaction.atomic():
        SisterCityPartnershipFactory(azerbaijani_place=PlaceFactory(country="UA"))


@pytest.mark.django_db(transaction=True)
def test_rows_from_before_the_search_documents_are_found_once_migrated(client: Client) -> None:
    """The documents' migrations fill in the rows already there; undone, they take their
    tables with them."""
    ContentType.objects.clear_cache()
    migrate(("public", None))
    assert not [name for name in connection.introspection.table_names() if "search" in name]
    package = AidPackageFactory(
        published=True, title="Generators", origin=PlaceFactory(name="Quillonbury")
    )

    migrate()

    for query in ("generators", "Quillonbury"):
        response = client.get("/en/search/", {"q": query})
        assert [result.item for result in response.context["results"]] == [package]
    if connection.vendor == "postgresql":
        assert stale_documents() == {}
