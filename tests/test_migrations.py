"""Migrations match the models; the roles and trigger migrations can be undone and redone."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from editorial.roles import EDITORS, PUBLISHERS
from tests.factories import PlaceFactory, SisterCityPartnershipFactory

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


def partnership_triggers() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(TRIGGERS[connection.vendor])
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


# Reversing rewrites the schema, so this needs a real (non-wrapped) transaction; the database
# is flushed afterwards, and pytest-django runs transactional tests after all the others.
@pytest.mark.django_db(transaction=True)
def test_roles_and_trigger_migrations_reverse_and_reapply() -> None:
    triggers = partnership_triggers()
    assert len(triggers) >= 2  # SQLite has three (insert, update, place), PostgreSQL two

    migrate(("editorial", "0001_initial"))  # unapplies every app's 0002_roles and people 0003
    assert (
        Group.objects.filter(name__in=[EDITORS, PUBLISHERS]).count(),
        partnership_triggers(),
    ) == (
        0,
        set(),
    )

    migrate()

    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, PUBLISHERS}
    assert (
        Group.objects.get(name=PUBLISHERS)
        .permissions.filter(codename="publish_sistercitypartnership")
        .exists()
    )
    assert partnership_triggers() == triggers
    with pytest.raises(IntegrityError, match="partnership_places_countries"), transaction.atomic():
        SisterCityPartnershipFactory(azerbaijani_place=PlaceFactory(country="UA"))
