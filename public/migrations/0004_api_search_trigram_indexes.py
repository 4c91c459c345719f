"""Trigram indexes for the partner API's `?search=` (PostgreSQL only).

`?search=` (editorial.api.TranslatedSearchFilter) keeps its own rule, not the site search's:
every word must appear, as written, in the title, summary or body in some language, compared
by Django's `icontains`, `UPPER(column::text) LIKE UPPER('%word%')`. Without an index each
query read every row of the table. A GIN trigram index on each of those expressions lets
PostgreSQL find the rows holding a word of three letters or more from the indexes, one per
column, OR-ed in a bitmap; the expressions are Django's to the letter, or no index is used
(tests/api/test_search_indexes.py checks the plans). Shorter words, and words in most rows,
are still read row by row: no index can narrow those.

Here rather than in each content app because public holds what spans them all, and one
migration keeps the extension and the indexes together. Undoing it drops the indexes and
keeps the extension, which other databases' objects may use.
"""

from django.db import migrations

TABLES = (
    "aid_aidpackage",
    "projects_reconstructionproject",
    "people_rehabilitationgroup",
    "people_sistercitypartnership",
)
COLUMNS = [
    f"{field}_{code}" for field in ("title", "summary", "body") for code in ("en", "uk", "az")
]


def _indexes():
    for table in TABLES:
        for column in COLUMNS:
            yield f"{table}_{column}_trgm", table, column


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in _indexes():
        schema_editor.execute(
            f"CREATE INDEX {name} ON {table} USING gin (UPPER({column}::text) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in _indexes():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("public", "0003_fill_search_documents")]
    operations = [migrations.RunPython(forwards, backwards)]
