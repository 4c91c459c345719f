from django.db import migrations

from editorial.roles import grant_role_permissions, revoke_role_permissions


def forwards(apps, schema_editor):
    grant_role_permissions(
        apps,
        "projects",
        editable=["reconstructionproject", "milestone"],
        deletable=["milestone"],
        publishable=["reconstructionproject"],
    )


def backwards(apps, schema_editor):
    revoke_role_permissions(apps, "projects")


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial"), ("editorial", "0002_roles")]
    operations = [migrations.RunPython(forwards, backwards)]
