"""The staff roles the data migrations create: Editors edit, Publishers also publish.

Neither role may delete a publishable record (deleting means archiving); both may delete the
children edited inline.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.db.models import Model

from editorial.publishing import Publishable
from editorial.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db

PUBLISHABLE_MODELS: list[type[Model]] = [
    model for model in apps.get_models() if issubclass(model, Publishable)
]

CONTENT_MODELS = [
    "editorial.organization",
    "editorial.place",
    "editorial.source",
    "editorial.photo",
    "aid.aidpackage",
    "aid.aiditem",
    "aid.reportedfigure",
    "projects.reconstructionproject",
    "projects.milestone",
    "people.rehabilitationgroup",
    "people.sistercitypartnership",
    "people.partnershipactivity",
]

INLINE_CHILDREN = [
    "editorial.photo",
    "aid.aiditem",
    "projects.milestone",
    "people.partnershipactivity",
]


def label(model: type[Model]) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def group_permissions(name: str) -> set[str]:
    """The group's permissions as `app_label.codename`, as `user.has_perm()` spells them."""
    return {
        f"{app_label}.{codename}"
        for app_label, codename in Group.objects.get(name=name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def publish_permission(model: type[Model]) -> str:
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def test_publishable_models_are_the_five_content_types() -> None:
    assert sorted(label(model) for model in PUBLISHABLE_MODELS) == [
        "aid.aidpackage",
        "aid.reportedfigure",
        "people.rehabilitationgroup",
        "people.sistercitypartnership",
        "projects.reconstructionproject",
    ]


@pytest.mark.parametrize("model", PUBLISHABLE_MODELS, ids=label)
def test_publishable_model_declares_publish_permission(model: type[Model]) -> None:
    codename = f"publish_{model._meta.model_name}"
    assert codename in dict(model._meta.permissions)
    assert Permission.objects.filter(
        content_type__app_label=model._meta.app_label, codename=codename
    ).exists()


def test_roles_groups_exist_after_migrations() -> None:
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, PUBLISHERS}


@pytest.mark.parametrize("model", PUBLISHABLE_MODELS, ids=label)
def test_publishers_may_publish_every_publishable_model(model: type[Model]) -> None:
    assert publish_permission(model) in group_permissions(PUBLISHERS)


def test_editors_may_publish_nothing() -> None:
    assert {p for p in group_permissions(EDITORS) if ".publish_" in p} == set()


@pytest.mark.parametrize("group", [EDITORS, PUBLISHERS])
@pytest.mark.parametrize("model", PUBLISHABLE_MODELS, ids=label)
def test_roles_may_not_delete_publishable_model(group: str, model: type[Model]) -> None:
    assert f"{model._meta.app_label}.delete_{model._meta.model_name}" not in group_permissions(
        group
    )


@pytest.mark.parametrize("group", [EDITORS, PUBLISHERS])
@pytest.mark.parametrize("content_model", CONTENT_MODELS)
def test_roles_may_add_change_view_content_model(group: str, content_model: str) -> None:
    app_label, model_name = content_model.split(".")
    expected = {f"{app_label}.{action}_{model_name}" for action in ("add", "change", "view")}
    assert expected <= group_permissions(group)


@pytest.mark.parametrize("group", [EDITORS, PUBLISHERS])
@pytest.mark.parametrize("child", INLINE_CHILDREN)
def test_roles_may_delete_inline_child(group: str, child: str) -> None:
    app_label, model_name = child.split(".")
    assert f"{app_label}.delete_{model_name}" in group_permissions(group)


def test_publishers_may_do_everything_editors_may() -> None:
    assert group_permissions(EDITORS) <= group_permissions(PUBLISHERS)


def test_role_membership_grants_publish_permission_to_publishers_only(
    django_user_model: type[User],
) -> None:
    publisher = django_user_model.objects.create_user("publisher")
    editor = django_user_model.objects.create_user("editor")
    publisher.groups.add(Group.objects.get(name=PUBLISHERS))
    editor.groups.add(Group.objects.get(name=EDITORS))
    assert publisher.has_perm("aid.publish_aidpackage")
    assert not editor.has_perm("aid.publish_aidpackage")
