from django.db import migrations

from editorial.roles import grant_role_permissions, revoke_role_permissions


def forwards(apps, schema_editor):
    grant_role_permissions(
        apps,
        "aid",
        editable=["aidpackage", "aiditem", "reportedfigure"],
        deletable=["aiditem"],
        publishable=["aidpackage", "reportedfigure"],
    )


def backwards(apps, schema_editor):
    revoke_role_permissions(apps, "aid")


class Migration(migrations.Migration):
    dependencies = [("aid", "0001_initial"), ("editorial", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
