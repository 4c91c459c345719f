"""manage.py backup and restore: a round trip through an emptied database and media storage
loses nothing, and restore refuses what it must not load over."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection, models
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from aid.models import AidPackage
from editorial import workflow
from editorial.models import Photo
from editorial.renditions import ensure_renditions
from editorial.revisions import Revision
from ops.backup import MANIFEST, SECOND_FACTOR_LABELS, backed_up_models
from partners.models import PartnerKey
from staff.devices import mark_enrolled, replace_recovery_codes
from staff.models import Enrolment
from tests.factories import (
    OrganizationFactory,
    PhotoFactory,
    PlaceFactory,
    RehabilitationGroupFactory,
    ReportedFigureFactory,
    png_file,
)
from tests.search_documents import on_postgresql, stale_documents
from tests.security.two_factor.steps import HOME, code_of, enter_code, log_in, sent_to, staff_user
from tests.workflow_helpers import (
    build_package,
    build_partnership,
    build_project,
    make_user,
    translated,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget_content_types() -> Iterator[None]:
    """A flush renumbers the content types, and the test's rollback brings the old numbers
    back: the process-wide cache of them must not outlive the test."""
    yield
    ContentType.objects.clear_cache()


def build_record() -> None:
    """A little of everything: translated items with children, links and photos with
    renditions, revisions from the workflow, staff in groups with their second steps, a partner
    key, the admin log."""
    editor, publisher, admin = make_user("editor"), make_user("publisher"), make_user("superuser")
    editor.user_permissions.add(Permission.objects.get(codename="view_partnerkey"))
    for user in (publisher, admin):
        set_up_second_step(user)
    TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=False)
    package, project, partnership = build_package(), build_project(), build_partnership()
    for item in (package, project, partnership):
        workflow.record_save(obj=item, user=editor, created=True)
        workflow.submit(obj=item, user=editor, comment="Ready")
    workflow.publish(obj=package, user=publisher)
    workflow.publish(obj=project, user=publisher)
    workflow.request_changes(obj=partnership, user=publisher, comment="Name the source")
    region = PlaceFactory(kind="region", **translated("Kyiv Oblast", "name"))
    group = RehabilitationGroupFactory(host_place=PlaceFactory(region=region), published=True)
    group.home_regions.set([region])
    group.partners.set([OrganizationFactory(**translated("Foundation", "name"))])
    ReportedFigureFactory(published=True)
    PhotoFactory(content_object=group, image=png_file("large.png", (700, 500)))
    for photo in Photo.objects.all():
        ensure_renditions(photo)
    key = PartnerKey(name="Partner", contact_email="data@example.org", created_by=admin)
    key.set_new_key()
    key.save()
    LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(AidPackage),
        object_id=str(package.pk),
        object_repr=str(package),
        action_flag=ADDITION,
        change_message="[]",
    )


def set_up_second_step(user: Any) -> TOTPDevice:
    """What the set-up page leaves: a confirmed authenticator, recovery codes, the mark."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    replace_recovery_codes(user)
    mark_enrolled(user)
    return device


def second_steps() -> list[tuple[Any, ...]]:
    """Each account's devices as sign-in reads them: keys, confirmed flags, codes."""
    return sorted(
        [
            *TOTPDevice.objects.values_list("user__username", "name", "key", "confirmed"),
            *StaticDevice.objects.values_list("user__username", "name", "confirmed"),
            *StaticToken.objects.values_list("device__user__username", "token"),
            *Enrolment.objects.values_list("user__username", "enrolled_at"),
        ],
        key=str,
    )


def as_an_older_archive(directory: Path) -> None:
    """Rewrite a backup directory as main wrote it before the second steps were kept: no
    otp or enrolment rows, and no list of models in the manifest."""
    data = directory / "data.json"
    dropped = {label.lower() for label in SECOND_FACTOR_LABELS}
    rows = [row for row in json.loads(data.read_text()) if row["model"] not in dropped]
    data.write_text(json.dumps(rows))
    manifest = json.loads((directory / MANIFEST).read_text())
    del manifest["models"]
    manifest["rows"] = {
        label: count for label, count in manifest["rows"].items() if label.lower() not in dropped
    }
    manifest["data"]["size"] = data.stat().st_size
    manifest["data"]["sha256"] = hashlib.sha256(data.read_bytes()).hexdigest()
    (directory / MANIFEST).write_text(json.dumps(manifest))


def natural(value: Any, field: models.Field) -> Any:
    """Content types and permissions by name: migrate numbers them anew in each database."""
    if value is None or not field.is_relation:
        return value
    if field.related_model is ContentType:
        return ContentType.objects.get(pk=value).natural_key()
    return value


def everything() -> dict[str, Any]:
    """Every row of every backed-up model, and every many-to-many link, by value."""
    state: dict[str, Any] = {}
    for model in backed_up_models():
        if model is Group:
            continue
        fields = {field.attname: field for field in model._meta.concrete_fields}
        state[model._meta.label] = [
            {name: natural(value, fields[name]) for name, value in row.items()}
            for row in model._default_manager.order_by("pk").values()
        ]
        for m2m in model._meta.many_to_many:
            if m2m.related_model is Permission:
                links = model._default_manager.values_list(
                    "pk", f"{m2m.name}__content_type__app_label", f"{m2m.name}__codename"
                )
            elif m2m.related_model is Group:
                links = model._default_manager.values_list("pk", f"{m2m.name}__name")
            else:
                links = model._default_manager.values_list("pk", m2m.name)
            state[f"{model._meta.label}.{m2m.name}"] = sorted(links, key=str)
    state["groups"] = sorted(
        Group.objects.values_list(
            "name", "permissions__content_type__app_label", "permissions__codename"
        ),
        key=str,
    )
    return state


def media_files() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def empty_everything() -> None:
    # PostgreSQL cannot TRUNCATE with foreign-key checks still pending in the transaction.
    connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=out)
    return out.getvalue()


@pytest.mark.parametrize("name", ["korpu.tar.gz", "korpu-directory"])
def test_backup_and_restore_round_trip_loses_nothing(tmp_path: Path, name: str) -> None:
    build_record()
    before, files_before = everything(), media_files()
    assert Revision.objects.count() >= 9 and len(files_before) >= 10  # The record is rich.

    run("backup", str(tmp_path / name))
    empty_everything()
    assert not AidPackage.objects.exists() and get_user_model().objects.count() == 0
    output = run("restore", str(tmp_path / name))

    assert "checksums verified" in output and "Restored" in output
    assert everything() == before
    assert media_files() == files_before


def test_round_trip_keeps_every_staff_accounts_second_step(tmp_path: Path) -> None:
    build_record()
    before = second_steps()
    assert len(before) == 2 + 1 + 2 + 20 + 2  # authenticators, a pending one, codes, marks

    run("backup", str(tmp_path / "korpu.tar.gz"))
    empty_everything()
    assert not TOTPDevice.objects.exists() and not Enrolment.objects.exists()
    run("restore", str(tmp_path / "korpu.tar.gz"))

    assert second_steps() == before


def test_after_a_round_trip_the_code_is_still_asked_and_accepted(
    tmp_path: Path, client: Client, settings: Any
) -> None:
    settings.STAFF_2FA_REQUIRED = True
    build_record()
    publisher = staff_user("publisher", "signer")
    set_up_second_step(publisher)
    run("backup", str(tmp_path / "korpu.tar.gz"))
    empty_everything()
    run("restore", str(tmp_path / "korpu.tar.gz"))

    log_in(client, publisher)

    assert sent_to(client.get("/admin/", REMOTE_ADDR=HOME)) == "/admin/login/code/"
    device = TOTPDevice.objects.get(user__username="signer")
    assert sent_to(enter_code(client, code_of(device))) == "/admin/"
    assert client.get("/admin/", REMOTE_ADDR=HOME).status_code == 200


def test_restore_refuses_an_older_archive_without_second_steps(tmp_path: Path) -> None:
    build_record()
    run("backup", str(tmp_path / "backup"))
    as_an_older_archive(tmp_path / "backup")
    empty_everything()

    with pytest.raises(CommandError, match="holds no second sign-in steps") as refusal:
        run("restore", str(tmp_path / "backup"))

    assert "--without-second-factors" in str(refusal.value)
    assert get_user_model().objects.count() == 0 and not AidPackage.objects.exists()
    assert not Path(settings.MEDIA_ROOT).exists()


def test_restore_of_an_older_archive_can_leave_its_staff_locked_out(
    tmp_path: Path, client: Client, settings: Any
) -> None:
    settings.STAFF_2FA_REQUIRED = True
    build_record()
    publisher = staff_user("publisher", "signer")
    set_up_second_step(publisher)
    run("backup", str(tmp_path / "backup"))
    as_an_older_archive(tmp_path / "backup")
    empty_everything()

    output = run("restore", "--without-second-factors", str(tmp_path / "backup"))

    assert "4 staff accounts were restored without their second sign-in step" in output
    assert ": editor, publisher, signer, superuser" in output
    assert not TOTPDevice.objects.exists()
    assert Enrolment.objects.count() == get_user_model().objects.filter(is_staff=True).count()
    log_in(client, publisher)
    assert sent_to(client.get("/admin/", REMOTE_ADDR=HOME)) == "/admin/login/missing/"


def test_restored_items_are_found_by_search(tmp_path: Path, client: Client) -> None:
    build_record()
    package = AidPackage.objects.get()
    run("backup", str(tmp_path / "korpu.tar.gz"))
    empty_everything()

    run("restore", str(tmp_path / "korpu.tar.gz"))

    response = client.get("/en/search/", {"q": "generators kharkiv"})
    assert [result.item.slug for result in response.context["results"]] == [package.slug]


@on_postgresql
def test_restore_leaves_the_search_documents_right(tmp_path: Path) -> None:
    # The archive holds none: the database writes them as the rows go in.
    assert not [model for model in backed_up_models() if model._meta.app_label == "public"]
    build_record()
    run("backup", str(tmp_path / "korpu.tar.gz"))
    empty_everything()

    run("restore", str(tmp_path / "korpu.tar.gz"))

    assert stale_documents() == {}


def test_new_rows_after_a_restore_get_fresh_ids(tmp_path: Path) -> None:
    # PostgreSQL's sequences must move past the restored ids, or the next insert collides.
    build_record()
    highest = {model: model.objects.order_by("-pk").first().pk for model in (AidPackage, Revision)}
    run("backup", str(tmp_path / "korpu.tar.gz"))
    empty_everything()
    run("restore", str(tmp_path / "korpu.tar.gz"))

    package = build_package()
    workflow.record_save(
        obj=package, user=get_user_model().objects.get(username="editor"), created=True
    )

    assert package.pk > highest[AidPackage]
    assert Revision.objects.order_by("-pk").first().pk > highest[Revision]
    assert OrganizationFactory().pk and make_user("editor", "new-editor").pk


def test_restore_refuses_a_database_with_content(tmp_path: Path) -> None:
    build_record()
    run("backup", str(tmp_path / "korpu.tar.gz"))
    count = Revision.objects.count()

    with pytest.raises(CommandError, match="already holds content"):
        run("restore", str(tmp_path / "korpu.tar.gz"))
    assert Revision.objects.count() == count


def test_restore_over_content_with_force_is_idempotent(tmp_path: Path) -> None:
    build_record()
    before, files_before = everything(), media_files()
    run("backup", str(tmp_path / "korpu.tar.gz"))

    output = run("restore", "--force", str(tmp_path / "korpu.tar.gz"))

    assert "already present and intact" in output
    assert everything() == before and media_files() == files_before


def test_restore_dry_run_verifies_and_changes_nothing(tmp_path: Path) -> None:
    build_record()
    run("backup", str(tmp_path / "backup"))
    empty_everything()

    output = run("restore", "--dry-run", str(tmp_path / "backup"))

    assert "checksums verified" in output and "aid.AidPackage: 1" in output
    assert "Dry run: nothing changed." in output
    assert not AidPackage.objects.exists() and not Path(settings.MEDIA_ROOT).exists()


def test_restore_refuses_an_archive_whose_file_was_changed(tmp_path: Path) -> None:
    build_record()
    run("backup", str(tmp_path / "backup"))
    original = next((tmp_path / "backup" / "media" / "photos").rglob("*.png"))
    original.write_bytes(original.read_bytes() + b"tampered")
    empty_everything()

    with pytest.raises(CommandError, match="does not match its checksum"):
        run("restore", str(tmp_path / "backup"))
    assert not AidPackage.objects.exists()


def test_restore_refuses_an_archive_with_a_path_outside_it(tmp_path: Path) -> None:
    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("../escaped.txt")
        tar.addfile(info, io.BytesIO(b""))

    with pytest.raises(CommandError, match="not a readable archive"):
        run("restore", str(archive))
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_backup_keeps_no_sessions_or_login_attempts(tmp_path: Path, client: Any) -> None:
    build_record()
    client.force_login(get_user_model().objects.get(username="editor"))
    run("backup", str(tmp_path / "backup"))

    data = (tmp_path / "backup" / "data.json").read_text()

    assert '"sessions.session"' not in data and '"axes.' not in data
    assert '"contenttypes.contenttype"' not in data and '"auth.permission"' not in data


def test_backup_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "korpu.tar.gz").write_bytes(b"an older backup")

    with pytest.raises(CommandError, match="exists"):
        run("backup", str(tmp_path / "korpu.tar.gz"))
    assert (tmp_path / "korpu.tar.gz").read_bytes() == b"an older backup"
