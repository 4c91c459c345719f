"""The database keeps every item's search document right by itself (PostgreSQL only).

Triggers, not Django signals: a signal misses every write made without `save()`
(`QuerySet.update()`, `bulk_create`, raw SQL), and a stale document is a search that lies. So:

- inserting items writes their documents, once per statement: a bulk insert of a thousand rows
  writes a thousand documents in one INSERT;
- updating an item rewrites its document when one of its texts, or which place or organisation
  it names, changed (a change of state or a version bump costs nothing);
- inserting or renaming a place or organisation rewrites the documents of the items that name
  it, one statement per kind;
- deleting an item deletes its document (ON DELETE CASCADE).

`public_<kind>_search_documents(ids)` writes the documents of the items `ids` (all when NULL)
where they differ, and returns how many it wrote; `public.documents.rebuild_documents()` calls
it for every kind.

Two transactions at once must not each write from what the other has not committed yet (a
place renamed while an item naming it is edited would keep the old name or the old title).
So a writer first share-locks the places and organisations its items name, and a rename
takes its row's lock exclusively: advisory locks held to the end of the transaction, one per
named row. Whichever comes second waits for the first to commit, and its next statement sees
what the first wrote. Edits of items never wait for each other; a rebuild takes no locks.
(Two renames at once of rows that share items can deadlock: PostgreSQL fails one of them.)

The document is written out here, from KINDS, and nowhere else: the one public/search.py used
to build per query (title A; summary and the names of related places and organisations B;
body C; English stemmed with "english", Ukrainian and Azerbaijani with "simple"), part for
part and in the same order, so that ranks stay the same. A change to it is a new migration
that replaces these functions and rewrites the documents.
"""

from dataclasses import dataclass

from django.db import migrations

LANGUAGES = (("en", "english"), ("uk", "simple"), ("az", "simple"))
TEXTS = (("title", "A"), ("summary", "B"), ("body", "C"))
NAME_WEIGHT = "B"
PLACE = "editorial_place"
ORGANIZATION = "editorial_organization"
NAMED_TABLES = (PLACE, ORGANIZATION)


@dataclass(frozen=True)
class Kind:
    key: str  # the model's name, in the names of its functions
    table: str
    documents: str
    names: tuple[tuple[str, str], ...]  # (foreign key column, table of the named row)


KINDS = (
    Kind(
        "aidpackage",
        "aid_aidpackage",
        "public_aidpackagesearchdocument",
        (("funder_id", ORGANIZATION), ("recipient_id", ORGANIZATION), ("origin_id", PLACE)),
    ),
    Kind(
        "reconstructionproject",
        "projects_reconstructionproject",
        "public_reconstructionprojectsearchdocument",
        (("place_id", PLACE),),
    ),
    Kind(
        "rehabilitationgroup",
        "people_rehabilitationgroup",
        "public_rehabilitationgroupsearchdocument",
        (("host_place_id", PLACE), ("host_institution_id", ORGANIZATION)),
    ),
    Kind(
        "sistercitypartnership",
        "people_sistercitypartnership",
        "public_sistercitypartnershipsearchdocument",
        (("ukrainian_place_id", PLACE), ("azerbaijani_place_id", PLACE)),
    ),
)


def _document(kind: Kind) -> str:
    parts = [
        f"setweight(to_tsvector('{config}', COALESCE(item.{field}_{code}, '')), '{weight}')"
        for field, weight in TEXTS
        for code, config in LANGUAGES
    ]
    parts += [
        f"setweight(to_tsvector('simple', COALESCE(named_{number}.name_{code}, '')), "
        f"'{NAME_WEIGHT}')"
        for number, _name in enumerate(kind.names)
        for code, _config in LANGUAGES
    ]
    return "\n            || ".join(parts)


def _upsert(kind: Kind, where: str = "") -> str:
    joins = "".join(
        f"\n        LEFT JOIN {table} named_{number} ON named_{number}.id = item.{column}"
        for number, (column, table) in enumerate(kind.names)
    )
    return f"""
        INSERT INTO {kind.documents} AS stored (item_id, document)
        SELECT item.id,
            {_document(kind)}
        FROM {kind.table} item{joins}
        {where}
        ON CONFLICT (item_id) DO UPDATE SET document = EXCLUDED.document
        WHERE stored.document IS DISTINCT FROM EXCLUDED.document;"""


def _name_lock(table_sql: str, id_sql: str, mode: str = "") -> str:
    """The advisory lock that stands for one place or organisation row."""
    return f"pg_advisory_xact_lock{mode}(hashtext({table_sql}), hashint8({id_sql}))"


def _hold_names(kind: Kind) -> str:
    """Share-lock the rows the items `ids` name, in one order, until the transaction ends."""
    named = "\n                UNION ".join(
        f"SELECT '{table}', item.{column} FROM {kind.table} item "
        f"WHERE item.id = ANY (ids) AND item.{column} IS NOT NULL"
        for column, table in kind.names
    )
    return f"""
            PERFORM {_name_lock("named.tbl", "named.id", "_shared")}
            FROM ({named}
                ORDER BY 1, 2) AS named (tbl, id);"""


def _text_columns() -> list[str]:
    return [f"{field}_{code}" for field, _weight in TEXTS for code, _config in LANGUAGES]


def _changed(columns: list[str]) -> str:
    old = ", ".join(f"OLD.{column}" for column in columns)
    new = ", ".join(f"NEW.{column}" for column in columns)
    return f"({old}) IS DISTINCT FROM ({new})"


def _kind_forwards(kind: Kind) -> list[str]:
    columns = _text_columns() + [column for column, _table in kind.names]
    writer = f"public_{kind.key}_search_documents"
    return [
        # The constraint Django cannot declare: the document goes with its item.
        f"""
        ALTER TABLE {kind.documents} ADD CONSTRAINT {kind.documents}_item_cascade
        FOREIGN KEY (item_id) REFERENCES {kind.table} (id) ON DELETE CASCADE
        """,
        f"CREATE INDEX {kind.documents}_document ON {kind.documents} USING gin (document)",
        f"""
        CREATE FUNCTION {writer}(ids bigint[]) RETURNS integer LANGUAGE plpgsql AS $$
        DECLARE
            written integer;
        BEGIN
            IF ids IS NULL THEN{_upsert(kind)}
            ELSE{_hold_names(kind)}{_upsert(kind, "WHERE item.id = ANY (ids)")}
            END IF;
            GET DIAGNOSTICS written = ROW_COUNT;
            RETURN written;
        END $$;
        """,
        f"""
        CREATE FUNCTION {writer}_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM {writer}(ARRAY(SELECT id FROM inserted));
            RETURN NULL;
        END $$;
        """,
        f"""
        CREATE TRIGGER search_documents_inserted AFTER INSERT ON {kind.table}
        REFERENCING NEW TABLE AS inserted
        FOR EACH STATEMENT EXECUTE FUNCTION {writer}_inserted();
        """,
        f"""
        CREATE FUNCTION {writer}_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM {writer}(ARRAY[NEW.id]);
            RETURN NULL;
        END $$;
        """,
        f"""
        CREATE TRIGGER search_document_changed AFTER UPDATE OF {", ".join(columns)}
        ON {kind.table}
        FOR EACH ROW WHEN ({_changed(columns)})
        EXECUTE FUNCTION {writer}_changed();
        """,
    ]


def _named_forwards(table: str) -> list[str]:
    rewrites = "".join(
        f"""
            PERFORM public_{kind.key}_search_documents(ARRAY(
                SELECT id FROM {kind.table} WHERE {" OR ".join(columns)}));"""
        for kind in KINDS
        if (columns := [f"{column} = NEW.id" for column, named in kind.names if named == table])
    )
    names = [f"name_{code}" for code, _config in LANGUAGES]
    return [
        f"""
        CREATE FUNCTION public_{table}_named_search_documents() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM {_name_lock(f"'{table}'", "NEW.id")};{rewrites}
            RETURN NULL;
        END $$;
        """,
        # Inserted too: a row may name a place inserted later in the same transaction, as
        # foreign keys are checked at commit.
        f"""
        CREATE TRIGGER search_documents_named AFTER INSERT ON {table}
        FOR EACH ROW EXECUTE FUNCTION public_{table}_named_search_documents();
        """,
        f"""
        CREATE TRIGGER search_documents_renamed AFTER UPDATE OF {", ".join(names)} ON {table}
        FOR EACH ROW WHEN ({_changed(names)})
        EXECUTE FUNCTION public_{table}_named_search_documents();
        """,
    ]


def _forwards_sql() -> list[str]:
    statements = [sql for kind in KINDS for sql in _kind_forwards(kind)]
    return statements + [sql for table in NAMED_TABLES for sql in _named_forwards(table)]


def _backwards_sql() -> list[str]:
    statements = []
    for table in NAMED_TABLES:
        statements += [
            f"DROP TRIGGER IF EXISTS search_documents_renamed ON {table}",
            f"DROP TRIGGER IF EXISTS search_documents_named ON {table}",
            f"DROP FUNCTION IF EXISTS public_{table}_named_search_documents()",
        ]
    for kind in KINDS:
        writer = f"public_{kind.key}_search_documents"
        statements += [
            f"DROP TRIGGER IF EXISTS search_document_changed ON {kind.table}",
            f"DROP FUNCTION IF EXISTS {writer}_changed()",
            f"DROP TRIGGER IF EXISTS search_documents_inserted ON {kind.table}",
            f"DROP FUNCTION IF EXISTS {writer}_inserted()",
            f"DROP FUNCTION IF EXISTS {writer}(bigint[])",
            f"DROP INDEX IF EXISTS {kind.documents}_document",
            f"ALTER TABLE {kind.documents} DROP CONSTRAINT IF EXISTS {kind.documents}_item_cascade",
        ]
    return statements


def _run(schema_editor, statements: list[str]) -> None:
    # SQLite keeps no documents: search there reads the content columns.
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in statements:
        schema_editor.execute(sql)


def forwards(apps, schema_editor):
    _run(schema_editor, _forwards_sql())


def backwards(apps, schema_editor):
    _run(schema_editor, _backwards_sql())


class Migration(migrations.Migration):
    dependencies = [
        ("public", "0001_search_documents"),
        ("editorial", "0007_photo_image_help"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
