"""The whole record in one portable archive, and back: `manage.py backup` and `manage.py restore`.

An archive (a .tar.gz, or a directory with the same contents) holds:

- `data.json`: the database content in Django's JSON serialisation: every model of the
  project's own apps, the staff accounts (users with their groups and permissions), the groups
  and the admin's change log. Content types and permissions are named by natural keys, and
  groups by name, so the archive loads into any freshly migrated database. Sessions, content
  types, permissions and login attempts are not kept: migrate creates the first, the others
  are transient. Nor are the search documents: the database writes them from the rows as they
  are restored. Each staff account's second sign-in step is kept with it: django-otp's
  authenticators and recovery codes, and staff's record of who has enrolled (staff/models.py).
- `media/`: every file in the (private) media storage: photo originals and renditions. The
  public copies are not kept: restore makes them again for the photos that are public.
- `manifest.json`: the format, the schema (last migration of each app), the models kept, the
  number of rows per model and the SHA-256 and size of `data.json` and of every media file.
  Restore checks every checksum before it changes anything, and reads each media file back
  after writing it.

An archive written before the second steps were kept (its manifest lists no models) would
bring staff accounts back with their passwords alone; restore refuses it while it holds staff
accounts, unless told to restore them locked out until a superuser resets their second step.

The archive holds password hashes, partner key hashes, and the authenticator keys and recovery
codes as django-otp stores them (readable): keep it as safe as the database.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tarfile
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path, PurePosixPath
from typing import Any

import django
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder

from editorial import photo_files
from staff.devices import mark_enrolled

FORMAT = "korpu-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
MEDIA = "media"
CHUNK = 1024 * 1024

# Django's own models worth keeping; the project's apps are found by where they live.
CONTRIB_MODELS = ("auth.Group", "auth.User", "admin.LogEntry")
# Each staff account's second sign-in step (staff/devices.py): without them a restored account
# would have its password alone. staff.Enrolment, a project model, is kept with the others.
SECOND_FACTOR_MODELS = ("otp_totp.TOTPDevice", "otp_static.StaticDevice", "otp_static.StaticToken")
# What an archive must list under "models" to hold every account's second step.
SECOND_FACTOR_LABELS = frozenset({*SECOND_FACTOR_MODELS, "staff.Enrolment"})
# Groups are matched by name: migrations create Editors and Publishers in every database.
NATURAL_PRIMARY = (Group,)
# Project apps whose rows are not part of the record: ops has none, and public's are the search
# documents, which the database writes from the restored rows as they go in (public.models).
NOT_KEPT_APPS = frozenset({"ops", "public"})


class LosslessJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, but datetimes and times keep their microseconds (Django's own cuts
    them to milliseconds, ECMA-262 style, so a restored timestamp would differ)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | time):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class BackupError(Exception):
    """An archive that cannot be written or trusted, or a database it must not go into."""


@dataclass
class BackupResult:
    path: Path
    rows: dict[str, int]
    media_files: int
    media_bytes: int
    missing_media: list[str] = field(default_factory=list)


@dataclass
class RestorePlan:
    manifest: dict[str, Any]
    existing_rows: dict[str, int]
    media_conflicts: list[str]
    schema_differences: list[str]
    # Usernames of the staff accounts in an archive that does not hold their second steps.
    without_second_factors: list[str] = field(default_factory=list)


@dataclass
class RestoreResult:
    rows: int
    media_written: int
    media_unchanged: int
    # Staff accounts restored without their second step, stopped after the password until reset.
    locked_out: list[str] = field(default_factory=list)


def backed_up_models() -> list[type[models.Model]]:
    """Every model whose rows an archive keeps, in an order that loads."""
    project_apps = [
        config
        for config in apps.get_app_configs()
        if Path(config.path).parent == Path(settings.BASE_DIR) and config.label not in NOT_KEPT_APPS
    ]
    own = [
        model
        for config in project_apps
        for model in config.get_models()
        if model._meta.managed and not model._meta.proxy
    ]
    own += [apps.get_model(label) for label in SECOND_FACTOR_MODELS]
    contrib = [apps.get_model(label) for label in CONTRIB_MODELS if _installed(label)]
    # Users before the rows that name them; ours sorted so that natural keys load in order.
    return contrib[:2] + serializers.sort_dependencies([(None, own)]) + contrib[2:]


def _installed(label: str) -> bool:
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True


# --- Writing -------------------------------------------------------------------------------


def write_backup(target: Path, *, storage: Storage = default_storage) -> BackupResult:
    """Write the archive to `target`: a .tar.gz/.tgz file, or else a new or empty directory.
    A .tar.gz is written beside its final name and renamed when complete."""
    as_tar = target.name.endswith((".tar.gz", ".tgz"))
    if as_tar:
        if target.exists():
            raise BackupError(f"{target} exists; choose a new name.")
        with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
            result = _write_directory(Path(scratch) / "backup", storage)
            partial = target.with_name(target.name + ".partial")
            with tarfile.open(partial, "w:gz") as archive:
                for path in sorted((Path(scratch) / "backup").rglob("*")):
                    if path.is_file():
                        archive.add(path, arcname=str(path.relative_to(Path(scratch) / "backup")))
            partial.rename(target)
        result.path = target
        return result
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"{target} is not an empty directory; choose a new one.")
    return _write_directory(target, storage)


def _write_directory(directory: Path, storage: Storage) -> BackupResult:
    directory.mkdir(parents=True, exist_ok=True)
    rows: Counter[str] = Counter()
    with _snapshot(), (directory / DATA).open("w", encoding="utf-8") as out:
        out.write("[\n")
        first = True
        for model in backed_up_models():
            objects = serializers.serialize(
                "python",
                model._default_manager.order_by("pk"),
                use_natural_foreign_keys=True,
                use_natural_primary_keys=model in NATURAL_PRIMARY,
            )
            for obj in objects:
                out.write(("" if first else ",\n") + json.dumps(obj, cls=LosslessJSONEncoder))
                first = False
                rows[model._meta.label] += 1
        out.write("\n]\n")
        referenced = _referenced_media()

    media: list[dict[str, Any]] = []
    for name in _storage_files(storage):
        destination = directory / MEDIA / Path(*PurePosixPath(name).parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, destination.open("wb") as copy:
            shutil.copyfileobj(source, copy, CHUNK)
        media.append({"name": name, **_checksum(destination)})
    stored = {entry["name"] for entry in media}

    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "django": django.get_version(),
        "schema": _schema(),
        # Which models were kept, so that restore can tell an empty table from one not kept.
        "models": [model._meta.label for model in backed_up_models()],
        "rows": dict(rows),
        "data": {"name": DATA, **_checksum(directory / DATA)},
        "media": media,
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return BackupResult(
        path=directory,
        rows=dict(rows),
        media_files=len(media),
        media_bytes=sum(entry["size"] for entry in media),
        missing_media=sorted(referenced - stored),
    )


@contextmanager
def _snapshot() -> Iterator[None]:
    """One transaction, so that the rows are of one moment; on PostgreSQL also one snapshot
    (its default, READ COMMITTED, gives each query its own), read-only."""
    connection = connections[DEFAULT_DB_ALIAS]
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _referenced_media() -> set[str]:
    names: set[str] = set()
    for model in backed_up_models():
        for file_field in model._meta.get_fields():
            if isinstance(file_field, models.FileField):
                values = model._default_manager.exclude(**{file_field.name: ""})
                names.update(values.values_list(file_field.name, flat=True))
    return names


def _storage_files(storage: Storage, directory: str = "") -> Iterator[str]:
    try:
        subdirectories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for subdirectory in sorted(subdirectories):
        yield from _storage_files(
            storage, f"{directory}/{subdirectory}" if directory else subdirectory
        )


def _checksum(path: Path) -> dict[str, Any]:
    with path.open("rb") as stream:
        return {
            "sha256": hashlib.file_digest(stream, "sha256").hexdigest(),
            "size": path.stat().st_size,
        }


def _schema() -> dict[str, str]:
    """The last applied migration of each app, to compare with the database restored into."""
    latest: dict[str, str] = {}
    applied = MigrationRecorder(connections[DEFAULT_DB_ALIAS]).applied_migrations()
    for app_label, name in sorted(applied):
        latest[app_label] = max(latest.get(app_label, ""), name)
    return latest


# --- Reading -------------------------------------------------------------------------------


def open_archive(source: Path, scratch: Path) -> Path:
    """The directory holding the archive at `source`: itself, or a .tar.gz unpacked into
    `scratch` (refusing absolute names, `..` and links, by tarfile's "data" filter)."""
    if source.is_dir():
        return source
    if not source.is_file():
        raise BackupError(f"{source} does not exist.")
    try:
        with tarfile.open(source, "r:*") as archive:
            archive.extractall(scratch, filter="data")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{source} is not a readable archive: {error}") from error
    return scratch


def verify_archive(directory: Path) -> dict[str, Any]:
    """The archive's manifest, once every file it lists is present with its checksum."""
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"No readable {MANIFEST}: {error}") from error
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(f"Not a {FORMAT} archive of version {VERSION}.")
    entries = [(directory / DATA, manifest["data"])]
    for entry in manifest["media"]:
        path = PurePosixPath(entry["name"])
        if path.is_absolute() or ".." in path.parts:
            raise BackupError(f"Unsafe media name in the manifest: {entry['name']!r}")
        entries.append((directory / MEDIA / Path(*path.parts), entry))
    for path, entry in entries:
        if not path.is_file():
            raise BackupError(f"{path.relative_to(directory)} is missing from the archive.")
        if _checksum(path) != {"sha256": entry["sha256"], "size": entry["size"]}:
            raise BackupError(f"{path.relative_to(directory)} does not match its checksum.")
    return manifest


def plan_restore(directory: Path, *, storage: Storage = default_storage) -> RestorePlan:
    """What restoring the verified archive in `directory` would meet in this database."""
    manifest = verify_archive(directory)
    existing = {
        model._meta.label: count
        for model in backed_up_models()
        if model not in NATURAL_PRIMARY and (count := model._default_manager.count())
    }
    conflicts = [
        entry["name"]
        for entry in manifest["media"]
        if storage.exists(entry["name"])
        and _stored_sha256(storage, entry["name"]) != entry["sha256"]
    ]
    here = _schema()
    differences = [
        f"{app}: archive {name}, database {here.get(app, 'none')}"
        for app, name in sorted(manifest["schema"].items())
        if here.get(app) != name
    ]
    return RestorePlan(
        manifest, existing, conflicts, differences, _staff_without_second_factors(directory)
    )


def holds_second_factors(manifest: dict[str, Any]) -> bool:
    """Whether the archive keeps every account's second step (archives before it list no
    models)."""
    return set(manifest.get("models", [])) >= SECOND_FACTOR_LABELS


def _staff_without_second_factors(directory: Path) -> list[str]:
    """The staff accounts of an archive that does not hold their second steps. Such an archive
    cannot say which of them had one (Editors may have turned it on themselves), so all count
    as having had one."""
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    if holds_second_factors(manifest):
        return []
    label = get_user_model()._meta.label_lower
    username = get_user_model().USERNAME_FIELD
    with (directory / DATA).open(encoding="utf-8") as data:
        return sorted(
            row["fields"][username]
            for row in json.load(data)
            if row["model"] == label and row["fields"].get("is_staff")
        )


def restore(
    directory: Path,
    plan: RestorePlan,
    *,
    storage: Storage = default_storage,
    without_second_factors: bool = False,
) -> RestoreResult:
    """Load the archive's rows and write its media files, in one transaction: if a file cannot
    be written or read back intact, no row is kept. Files already stored intact are left.

    An archive without the staff accounts' second steps is refused before anything changes,
    unless `without_second_factors`: then those accounts are marked as enrolled
    (staff/models.py), so after the password they are stopped, not offered a fresh set-up,
    until a superuser resets their second step."""
    if plan.without_second_factors and not without_second_factors:
        raise BackupError(
            f"The archive holds no second sign-in steps, and {len(plan.without_second_factors)} "
            "staff accounts."
        )
    written = unchanged = 0
    with transaction.atomic():
        # loaddata resets PostgreSQL's sequences past the loaded ids, and (modeltranslation's
        # version of it) keeps every language's column as stored.
        call_command("loaddata", str(directory / DATA), verbosity=0)
        users = get_user_model()._default_manager
        for username in plan.without_second_factors:
            mark_enrolled(users.get_by_natural_key(username))
        for entry in plan.manifest["media"]:
            name = entry["name"]
            if storage.exists(name):
                if _stored_sha256(storage, name) == entry["sha256"]:
                    unchanged += 1
                    continue
                storage.delete(name)
            with (directory / MEDIA / Path(*PurePosixPath(name).parts)).open("rb") as source:
                saved = storage.save(name, File(source))
            if saved != name or _stored_sha256(storage, name) != entry["sha256"]:
                raise BackupError(f"Media file {name} could not be written intact.")
            written += 1
    # The archive holds private storage only: the public copies are made again from it, under
    # the names the rows give them.
    photo_files.restore_public_copies()
    return RestoreResult(
        rows=sum(plan.manifest["rows"].values()),
        media_written=written,
        media_unchanged=unchanged,
        locked_out=list(plan.without_second_factors),
    )


def _stored_sha256(storage: Storage, name: str) -> str:
    with storage.open(name, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()
