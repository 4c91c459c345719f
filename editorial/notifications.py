"""E-mail about the workflow: publishers hear of submissions, editors of decisions.

Mail goes out only once the transaction commits, so a refused transition sends nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils.translation import gettext as _

from editorial.revisions import Revision
from editorial.roles import permission_name


def _item_line(revision: Revision) -> str:
    model = revision.content_type.model_class()
    noun = model._meta.verbose_name if model else _("item")
    return f"{noun}: {revision.object_repr}"


def _send(subject: str, body: str, recipients: list[str]) -> None:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))


def submitted(revision: Revision) -> None:
    """Tell every active publisher of this kind of item that something awaits review."""
    model = revision.content_type.model_class()
    # Named, because the login lockout (settings: "Staff accounts") adds a second backend.
    publishers = get_user_model().objects.with_perm(
        permission_name("publish", model),
        include_superusers=True,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    who = revision.user or _("Someone")
    _send(
        _("[Körpü] Awaiting review: %(item)s") % {"item": revision.object_repr},
        _("%(who)s sent this for review.\n\n%(item)s\n\n%(comment)s")
        % {"who": who, "item": _item_line(revision), "comment": revision.comment},
        [user.email for user in publishers],  # with_perm() keeps active users only,
    )


def published(revision: Revision, author: Any) -> None:
    if author is None or author == revision.user:
        return
    _send(
        _("[Körpü] Published: %(item)s") % {"item": revision.object_repr},
        _("%(who)s approved and published your work.\n\n%(item)s\n\n%(comment)s")
        % {"who": revision.user, "item": _item_line(revision), "comment": revision.comment},
        [author.email],
    )


def sent_back(revision: Revision, author: Any) -> None:
    if author is None:
        return
    _send(
        _("[Körpü] Changes requested: %(item)s") % {"item": revision.object_repr},
        _("%(who)s sent this back with a comment:\n\n%(comment)s\n\n%(item)s")
        % {"who": revision.user, "comment": revision.comment, "item": _item_line(revision)},
        [author.email],
    )
