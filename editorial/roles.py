"""The staff roles and the permissions each app grants them, used by data migrations, and
the rules about roles that no single model's permissions can say.

Editors create and edit drafts and submit them; Publishers also publish. Neither may delete
a publishable record: deleting means archiving (the workflow issue). Both may delete the
children edited inline (items, milestones, photos), which is part of editing. An organisation,
place or source that published items show may be changed only by whoever may publish them
(`may_change_shared_record`).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
PUBLISHERS = "Publishers"


def permission_name(action: str, model: Any) -> str:
    """E.g. "aid.publish_aidpackage" for ("publish", AidPackage)."""
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def has_model_perm(user: Any, action: str, model: Any) -> bool:
    """Whether an active `user` may `action` (view, change, publish...) items of `model`."""
    return user.is_active and user.has_perm(permission_name(action, model))


def may_change_shared_record(user: Any, record: Any) -> bool:
    """Whether `user` may change or delete `record`, an organisation, place or source.

    A shared record has no pending revision: a change to it reaches the public page of every
    item that shows it at once. So once published items show it, only someone who may publish
    every kind of those items (a Publisher, a superuser) may change it. Editors may still add
    new records and change those nothing published shows.
    """
    if not has_model_perm(user, "change", type(record)):
        return False
    kinds = {dependants.kind for dependants in record.published_dependants}
    return all(has_model_perm(user, "publish", kind) for kind in kinds)


def grant_role_permissions(
    apps: Any,
    app_label: str,
    *,
    editable: list[str],
    deletable: list[str],
    publishable: list[str],
) -> None:
    """Give both roles add/change/view on `editable`, delete on `deletable`; Publishers publish."""
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True  # create_permissions skips apps without models
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    publishers, _ = Group.objects.get_or_create(name=PUBLISHERS)

    def perms(codenames: list[str]) -> list[Any]:
        found = list(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
        missing = set(codenames) - {p.codename for p in found}
        if missing:
            raise LookupError(f"Permissions not found in {app_label}: {sorted(missing)}")
        return found

    shared = [f"{action}_{model}" for model in editable for action in ("add", "change", "view")]
    shared += [f"delete_{model}" for model in deletable]
    editors.permissions.add(*perms(shared))
    publishers.permissions.add(*perms(shared + [f"publish_{model}" for model in publishable]))


def revoke_role_permissions(apps: Any, app_label: str) -> None:
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=[EDITORS, PUBLISHERS]):
        group.permissions.remove(*group.permissions.filter(content_type__app_label=app_label))
