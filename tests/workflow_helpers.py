"""What the workflow tests share: staff in the real role groups, items with every kind of
content (translations, many-to-many links, inline children, photos), an edit of all of it,
and a fingerprint of everything a refused transition must leave alone."""

from __future__ import annotations

from typing import Any, NamedTuple

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group

from editorial.publishing import Publishable
from editorial.revisions import Revision
from editorial.roles import EDITORS, PUBLISHERS
from editorial.snapshots import take_snapshot
from tests.factories import (
    AidItemFactory,
    AidPackageFactory,
    MilestoneFactory,
    OrganizationFactory,
    PartnershipActivityFactory,
    PhotoFactory,
    ReconstructionProjectFactory,
    SisterCityPartnershipFactory,
    SourceFactory,
)

LANGUAGES = ("en", "uk", "az")

# Who may do what (issue 3): Editors edit and submit; Publishers and superusers do everything.
ROLES = (
    "anonymous",
    "editor",
    "publisher",
    "superuser",
    "inactive_publisher",
    "staff_without_group",
)


def make_user(role: str, username: str | None = None) -> AbstractBaseUser | AnonymousUser:
    """A user in `role`, with an e-mail address, in the groups the data migrations create."""
    if role == "anonymous":
        return AnonymousUser()
    username = username or role
    User = get_user_model()
    email = f"{username}@example.org"
    if role == "superuser":
        return User.objects.create_superuser(username, email=email, password="unused")
    user = User.objects.create_user(
        username, email=email, is_staff=True, is_active=role != "inactive_publisher"
    )
    group = {"editor": EDITORS, "publisher": PUBLISHERS, "inactive_publisher": PUBLISHERS}
    if role in group:
        user.groups.add(Group.objects.get(name=group[role]))
    return user


def state_of(obj: Publishable) -> dict[str, Any]:
    """Everything a transition could change, read back from the database."""
    model = type(obj)
    fresh = model.objects.get(pk=obj.pk)
    return {
        "row": model.objects.filter(pk=obj.pk).values().get(),
        "content": take_snapshot(fresh),
        "revisions": list(
            Revision.objects.for_object(obj).values_list(
                "pk", "state", "resolved_by_id", "resolved_at", "snapshot"
            )
        ),
    }


def translated(text: str, name: str = "title") -> dict[str, str]:
    """`text` in each language column of `name`, marked so the languages cannot be confused."""
    return {f"{name}_{lang}": f"{text} [{lang}]" for lang in LANGUAGES}


class ContentKind(NamedTuple):
    """A publishable model with one kind of inline child and one many-to-many link."""

    build: Any  # () -> Publishable with translations, two children, a link and a photo
    children: str  # the reverse relation in `revision_children`
    child_factory: type[factory.django.DjangoModelFactory]
    parent_field: str
    child_text: str  # a translated text field of the child
    m2m: str
    m2m_factory: type[factory.django.DjangoModelFactory]


def _with_photo(obj: Publishable) -> Publishable:
    PhotoFactory(content_object=obj, **translated("Loading dock", "caption"))
    return obj


def build_package(**kwargs: Any) -> Publishable:
    package = AidPackageFactory(
        **translated("Generators for Kharkiv"),
        **translated("Energy equipment", "summary"),
        **translated("The full account", "body"),
        **translated("Presidential order", "legal_basis"),
        **kwargs,
    )
    for n in (1, 2):
        AidItemFactory(package=package, order=n, **translated(f"Item {n}", "description"))
    package.sources.set([SourceFactory()])
    return _with_photo(package)


def build_project(**kwargs: Any) -> Publishable:
    project = ReconstructionProjectFactory(
        **translated("Irpin lyceum"), **translated("A school", "summary"), **kwargs
    )
    for n in (1, 2):
        MilestoneFactory(
            project=project, **translated(f"Milestone {n}"), **translated(f"Text {n}", "text")
        )
    project.funders.set([OrganizationFactory()])
    return _with_photo(project)


def build_partnership(**kwargs: Any) -> Publishable:
    partnership = SisterCityPartnershipFactory(
        **translated("Irpin and Lachin"), **translated("Two cities", "summary"), **kwargs
    )
    for n in (1, 2):
        PartnershipActivityFactory(partnership=partnership, **translated(f"Visit {n}"))
    partnership.sources.set([SourceFactory()])
    return _with_photo(partnership)


PACKAGE = ContentKind(
    build_package, "items", AidItemFactory, "package", "description", "sources", SourceFactory
)
PROJECT = ContentKind(
    build_project,
    "milestones",
    MilestoneFactory,
    "project",
    "title",
    "funders",
    OrganizationFactory,
)
PARTNERSHIP = ContentKind(
    build_partnership,
    "activities",
    PartnershipActivityFactory,
    "partnership",
    "title",
    "sources",
    SourceFactory,
)
CONTENT_KINDS = {"package": PACKAGE, "project": PROJECT, "partnership": PARTNERSHIP}


def rewrite_content(obj: Publishable, kind: ContentKind) -> None:
    """Change everything a snapshot holds, in the database: the fields in every language, the
    link, one child edited, one deleted and one added, and the photo's caption."""
    obj = type(obj).objects.get(pk=obj.pk)
    for name in ("title", "summary"):
        for lang in LANGUAGES:
            setattr(obj, f"{name}_{lang}", f"Rewritten {name} [{lang}]")
    obj.save()
    getattr(obj, kind.m2m).set([kind.m2m_factory()])
    first, *_, last = getattr(obj, kind.children).order_by("pk")
    for lang in LANGUAGES:
        setattr(first, f"{kind.child_text}_{lang}", f"Rewritten child [{lang}]")
    first.save()
    last.delete()
    kind.child_factory(**{kind.parent_field: obj}, **translated("Added child", kind.child_text))
    photo = obj.photos.get()
    for lang in LANGUAGES:
        setattr(photo, f"caption_{lang}", f"Rewritten caption [{lang}]")
    photo.save()
