from django.db import migrations

from editorial.roles import EDITORS, PUBLISHERS, grant_role_permissions, revoke_role_permissions


def forwards(apps, schema_editor):
    grant_role_permissions(
        apps,
        "editorial",
        editable=["organization", "place", "source", "photo"],
        deletable=["photo"],
        publishable=[],
    )


def backwards(apps, schema_editor):
    revoke_role_permissions(apps, "editorial")
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, PUBLISHERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
