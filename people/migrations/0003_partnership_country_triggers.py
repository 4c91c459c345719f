"""A partnership joins one Ukrainian and one Azerbaijani place, enforced by the database.

A CHECK constraint cannot look at another table, so triggers guard both sides: inserting or
re-pointing a partnership, and changing the country of a place a partnership uses.
"""

from django.db import migrations

MESSAGE = (
    "partnership_places_countries: a partnership joins one Ukrainian and one Azerbaijani place"
)

SQLITE_FORWARDS = [
    f"""
    CREATE TRIGGER partnership_places_countries_{event.lower()}
    BEFORE {event} ON people_sistercitypartnership
    FOR EACH ROW WHEN
        (SELECT country FROM editorial_place WHERE id = NEW.ukrainian_place_id) IS NOT 'UA'
        OR (SELECT country FROM editorial_place WHERE id = NEW.azerbaijani_place_id) IS NOT 'AZ'
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
    """
    for event in ("INSERT", "UPDATE")
] + [
    f"""
    CREATE TRIGGER partnership_place_country_update
    BEFORE UPDATE OF country ON editorial_place
    FOR EACH ROW WHEN
        (NEW.country IS NOT 'UA' AND EXISTS (
            SELECT 1 FROM people_sistercitypartnership WHERE ukrainian_place_id = NEW.id))
        OR (NEW.country IS NOT 'AZ' AND EXISTS (
            SELECT 1 FROM people_sistercitypartnership WHERE azerbaijani_place_id = NEW.id))
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
    """
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS partnership_places_countries_insert",
    "DROP TRIGGER IF EXISTS partnership_places_countries_update",
    "DROP TRIGGER IF EXISTS partnership_place_country_update",
]

POSTGRES_FORWARDS = [
    f"""
    CREATE FUNCTION people_partnership_places_check() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF (SELECT country FROM editorial_place WHERE id = NEW.ukrainian_place_id)
               IS DISTINCT FROM 'UA'
           OR (SELECT country FROM editorial_place WHERE id = NEW.azerbaijani_place_id)
               IS DISTINCT FROM 'AZ' THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$;
    """,
    """
    CREATE TRIGGER partnership_places_countries
    BEFORE INSERT OR UPDATE OF ukrainian_place_id, azerbaijani_place_id
    ON people_sistercitypartnership
    FOR EACH ROW EXECUTE FUNCTION people_partnership_places_check();
    """,
    f"""
    CREATE FUNCTION people_place_country_check() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF (NEW.country <> 'UA' AND EXISTS (
                SELECT 1 FROM people_sistercitypartnership WHERE ukrainian_place_id = NEW.id))
           OR (NEW.country <> 'AZ' AND EXISTS (
                SELECT 1 FROM people_sistercitypartnership WHERE azerbaijani_place_id = NEW.id))
        THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$;
    """,
    """
    CREATE TRIGGER partnership_place_country
    BEFORE UPDATE OF country ON editorial_place
    FOR EACH ROW EXECUTE FUNCTION people_place_country_check();
    """,
]
POSTGRES_BACKWARDS = [
    "DROP TRIGGER IF EXISTS partnership_place_country ON editorial_place",
    "DROP FUNCTION IF EXISTS people_place_country_check()",
    "DROP TRIGGER IF EXISTS partnership_places_countries ON people_sistercitypartnership",
    "DROP FUNCTION IF EXISTS people_partnership_places_check()",
]

STATEMENTS = {
    "sqlite": (SQLITE_FORWARDS, SQLITE_BACKWARDS),
    "postgresql": (POSTGRES_FORWARDS, POSTGRES_BACKWARDS),
}


def _run(schema_editor, direction: int) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise NotImplementedError(f"No partnership triggers written for {vendor}.")
    for sql in STATEMENTS[vendor][direction]:
        schema_editor.execute(sql)


def forwards(apps, schema_editor):
    _run(schema_editor, 0)


def backwards(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("people", "0002_roles"), ("editorial", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
