"""E-mail about the workflow: publishers hear of submissions, editors of decisions.

Mail goes out only once the transaction commits, so a refused transition sends nothing. Mail
is a courtesy, not part of the transition: once the transition has committed, a mail server
that is down or refuses the message is logged here and the transition still succeeds.
"""

from __future__ import annotations

import logging
import smtplib
import unicodedata
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils.translation import gettext as _

from editorial.revisions import Revision
from editorial.roles import permission_name

logger = logging.getLogger(__name__)


def one_line(text: str) -> str:
    """`text` with its line breaks, tabs and other control characters as single spaces.

    A title may hold a line break (pasted text), and a mail header may not: Django refuses the
    message (BadHeaderError), and a log line would be split in two.
    """
    spaced = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    return " ".join(spaced.split())


def _item_line(revision: Revision) -> str:
    model = revision.content_type.model_class()
    noun = model._meta.verbose_name if model else _("item")
    return f"{noun}: {revision.object_repr}"


def _send(revision: Revision, subject: str, body: str, recipients: list[str]) -> None:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    subject = one_line(subject)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]

    def send() -> None:
        try:
            # One connection for all: a dead server costs one EMAIL_TIMEOUT, not one each.
            send_mass_mail(messages, fail_silently=False)
        except Exception as error:
            _log_failure(revision, len(recipients), error)

    # robust: should logging itself fail, Django logs that and the request still succeeds.
    transaction.on_commit(send, robust=True)


def _log_failure(revision: Revision, recipients: int, error: Exception) -> None:
    """Say which item, which transition and how many were not told; never the text of the mail,
    nor the addresses (a refused recipient's error names it)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        cause = type(error).__name__
    else:
        cause = f"{type(error).__name__}: {one_line(str(error))}"
    logger.error(
        "Workflow e-mail not sent: %s of %s.%s %s (%s) to %d recipient(s): %s",
        revision.transition,
        revision.content_type.app_label,
        revision.content_type.model,
        revision.object_id,
        one_line(revision.object_repr),
        recipients,
        cause,
        # A mail server's refusal or absence needs no traceback; anything else is a bug.
        exc_info=not isinstance(error, OSError),
    )


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
        revision,
        _("[Körpü] Awaiting review: %(item)s") % {"item": revision.object_repr},
        _("%(who)s sent this for review.\n\n%(item)s\n\n%(comment)s")
        % {"who": who, "item": _item_line(revision), "comment": revision.comment},
        [user.email for user in publishers],  # with_perm() keeps active users only,
    )


def published(revision: Revision, author: Any) -> None:
    if author is None or author == revision.user:
        return
    _send(
        revision,
        _("[Körpü] Published: %(item)s") % {"item": revision.object_repr},
        _("%(who)s approved and published your work.\n\n%(item)s\n\n%(comment)s")
        % {"who": revision.user, "item": _item_line(revision), "comment": revision.comment},
        [author.email],
    )


def sent_back(revision: Revision, author: Any) -> None:
    if author is None:
        return
    _send(
        revision,
        _("[Körpü] Changes requested: %(item)s") % {"item": revision.object_repr},
        _("%(who)s sent this back with a comment:\n\n%(comment)s\n\n%(item)s")
        % {"who": revision.user, "comment": revision.comment, "item": _item_line(revision)},
        [author.email],
    )
