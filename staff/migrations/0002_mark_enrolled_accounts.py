"""Mark every account that has a confirmed authenticator or recovery codes today as enrolled,
so that losing those devices later stops it after the password (staff/models.py)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Enrolment = apps.get_model("staff", "Enrolment")
    users = set()
    for label in ("otp_totp.TOTPDevice", "otp_static.StaticDevice"):
        devices = apps.get_model(label).objects.filter(confirmed=True)
        users.update(devices.values_list("user_id", flat=True))
    marked = set(Enrolment.objects.values_list("user_id", flat=True))
    Enrolment.objects.bulk_create(Enrolment(user_id=pk) for pk in sorted(users - marked))


def backwards(apps, schema_editor):
    apps.get_model("staff", "Enrolment").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_enrolment"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
