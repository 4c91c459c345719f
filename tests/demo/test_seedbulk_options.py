"""`seedbulk`'s refusals, options and query count: each test starts from an empty database."""

from __future__ import annotations

import math
import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext

from aid.models import AidPackage
from demo.bulk import BATCH, delete_seeded
from editorial.models import Organization, Revision
from tests.demo.seedbulk_runs import row_counts, seedbulk
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_seedbulk_refuses_a_database_with_content() -> None:
    OrganizationFactory()
    before = row_counts()
    with pytest.raises(CommandError, match="already holds a record"):
        seedbulk(aid_packages=2, projects=1, groups=1, partnerships=1)
    assert row_counts() == before


@pytest.mark.parametrize(
    "args",
    [
        ["--aid-packages=-1"],
        ["--projects=many"],
        ["--groups=1.5"],
        ["--scale=0"],
        ["--scale=-1"],
        ["--scale=nan"],
        ["--scale=lots"],
        ["--partnerships=201"],
        ["--aid-packages=0", "--projects=0", "--groups=0", "--partnerships=0"],
    ],
)
def test_seedbulk_rejects_bad_options_and_changes_nothing(args: list[str]) -> None:
    with pytest.raises(CommandError):
        call_command("seedbulk", *args, stdout=StringIO())
    assert not any(row_counts().values())


def test_seedbulk_dry_run_changes_nothing() -> None:
    output = seedbulk("--dry-run", "--scale=0.01")
    assert "Would create 200 aid packages." in output
    assert not any(row_counts().values())


def insert_batches(output: str) -> int:
    """INSERTs needed for the rows the summary lists, in batches as large as the database
    allows (SQLite limits the parameters of one query; PostgreSQL takes `BATCH` rows)."""
    batches = 0
    for label, rows in re.findall(r"^  (\S+): (\d+)$", output, re.MULTILINE):
        model = apps.get_model(label)
        fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
        size = min(BATCH, connection.ops.bulk_batch_size(fields, [None] * int(rows)))
        batches += math.ceil(int(rows) / size)
    return batches


def split_inserts(queries: CaptureQueriesContext) -> tuple[int, list[str]]:
    """The number of INSERTs, and every other query (with its values taken out)."""
    sql = [query["sql"] for query in queries.captured_queries]
    others = [re.sub(r"\d+", "N", q) for q in sql if not q.startswith("INSERT")]
    return len(sql) - len(others), others


def test_seedbulk_queries_do_not_grow_with_rows() -> None:
    runs = []
    for factor in (1, 3):
        ContentType.objects.clear_cache()  # each run starts with the same cache
        with CaptureQueriesContext(connection) as queries:
            output = seedbulk(
                aid_packages=10 * factor,
                projects=2 * factor,
                groups=2 * factor,
                partnerships=2 * factor,
            )
        runs.append((output, *split_inserts(queries)))
        delete_seeded()  # empty again, as the command needs
    (few, few_inserts, few_others), (many, many_inserts, many_others) = runs
    # Reading and checking take the same queries at any size; writing grows by whole batches
    # of rows at most (none on PostgreSQL at this size), never by a query per row.
    assert many_others == few_others
    assert many_inserts - few_inserts <= insert_batches(many) - insert_batches(few)
    if connection.vendor == "postgresql":
        assert many_inserts == few_inserts


def test_seedbulk_replace_deletes_only_its_own_rows() -> None:
    seedbulk(aid_packages=3, projects=1, groups=1, partnerships=1)
    first = set(AidPackage.objects.values_list("pk", flat=True))
    other = OrganizationFactory(slug="not-seeded")
    with pytest.raises(CommandError):
        seedbulk(aid_packages=3, projects=1, groups=1, partnerships=1)
    output = seedbulk("--replace", aid_packages=4, projects=1, groups=1, partnerships=1)
    assert "Deleted" in output
    assert AidPackage.objects.count() == 4
    assert not first & set(AidPackage.objects.values_list("pk", flat=True))
    assert Organization.objects.filter(pk=other.pk).exists()
    # Nothing of the first run is left behind: every table holds what the second one wrote.
    created = dict(re.findall(r"^  (\S+): (\d+)$", output, re.MULTILINE))
    for label, count in row_counts().items():
        expected = int(created.get(label, 0)) + (label == "editorial.Organization")
        assert count == expected, label
    assert Revision.objects.count() == 7
    connection.check_constraints()  # no link, child or photo points at a deleted row


def test_seedbulk_and_its_replace_retire_cached_pages(client: Client) -> None:
    """bulk_create and raw deletes send no signals: seedbulk bumps the content version itself."""
    assert client.get("/api/v1/aid-packages/").json()["count"] == 0
    seedbulk(aid_packages=3, projects=1, groups=1, partnerships=1)
    seeded = client.get("/api/v1/aid-packages/").json()["count"]
    assert seeded > 0

    delete_seeded()

    assert client.get("/api/v1/aid-packages/").json()["count"] == 0
