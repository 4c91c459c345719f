from django.db import migrations

from editorial.roles import grant_role_permissions, revoke_role_permissions


def forwards(apps, schema_editor):
    grant_role_permissions(
        apps,
        "people",
        editable=["rehabilitationgroup", "sistercitypartnership", "partnershipactivity"],
        deletable=["partnershipactivity"],
        publishable=["rehabilitationgroup", "sistercitypartnership"],
    )


def backwards(apps, schema_editor):
    revoke_role_permissions(apps, "people")


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial"), ("editorial", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
