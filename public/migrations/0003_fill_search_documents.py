"""Write the search documents of the items already in the database (PostgreSQL only).

One set-based INSERT per kind, by the functions of 0002; undone by emptying the tables, which
hold nothing but what the content rows say.
"""

from django.db import migrations

KINDS = (
    ("aidpackage", "public_aidpackagesearchdocument"),
    ("reconstructionproject", "public_reconstructionprojectsearchdocument"),
    ("rehabilitationgroup", "public_rehabilitationgroupsearchdocument"),
    ("sistercitypartnership", "public_sistercitypartnershipsearchdocument"),
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for key, _table in KINDS:
        schema_editor.execute(f"SELECT public_{key}_search_documents(NULL)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _key, table in KINDS:
        schema_editor.execute(f"DELETE FROM {table}")


class Migration(migrations.Migration):
    dependencies = [("public", "0002_search_document_triggers")]
    operations = [migrations.RunPython(forwards, backwards)]
