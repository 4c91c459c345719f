"""Which demo items stand in which editorial state, so a new user can try the whole workflow.

Most items are published. A few real records stand elsewhere: one waits in review, one carries
an editor's change awaiting approval, one an editor's change a publisher sent back. States a
record of the seeds' facts cannot take without hiding them (draft, scheduled, expired,
archived) are shown on labelled copies of the planned Irpin projects, which say that they
are copies; the originals stay published. `demo.states` walks each item to its state through
the editorial workflow, so its history is real.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, NamedTuple

from demo.content import Text, translated
from demo.content.planned_projects import PLANNED_PROJECTS


class DemoState(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"
    PENDING_CHANGE = "pending_change"
    SENT_BACK = "sent_back"
    SCHEDULED = "scheduled"
    EXPIRED = "expired"
    ARCHIVED = "archived"


SCHEDULED_IN = dt.timedelta(days=30)
"""How far ahead the scheduled copy goes live, counted from the run that creates it."""

EXPIRED_AFTER = (dt.timedelta(days=30), dt.timedelta(days=1))
"""The expired copy went live this long before its creation and expired this long before."""


class Copy(NamedTuple):
    """A labelled copy of a published record, standing in `state`."""

    of: str
    state: DemoState
    label: Text


COPIES: dict[str, Copy] = {
    "workflow-example-draft": Copy(
        "irpin-cultural-centre",
        DemoState.DRAFT,
        Text("draft", "чернетка", "qaralama"),
    ),
    "workflow-example-scheduled": Copy(
        "irpin-childrens-art-centre",
        DemoState.SCHEDULED,
        Text("scheduled", "заплановано", "planlaşdırılıb"),
    ),
    "workflow-example-expired": Copy(
        "irpin-residential-building",
        DemoState.EXPIRED,
        Text("expired", "термін показу минув", "göstərilmə müddəti bitib"),
    ),
    "workflow-example-archived": Copy(
        "irpin-youth-sports-complex",
        DemoState.ARCHIVED,
        Text("archived", "в архіві", "arxivdə"),
    ),
}

_COPY_NOTE = Text(
    "This is a copy of a published record, made so that you can try the editorial workflow; "
    "it is not a separate project. The published record says:",
    "Це копія опублікованого запису, зроблена для того, щоб ви могли випробувати редакційний "
    "процес; це не окремий проєкт. В опублікованому записі сказано:",
    "Bu, redaksiya iş axınını sınamağınız üçün dərc edilmiş qeydin surətidir; ayrıca layihə "
    "deyil. Dərc edilmiş qeyddə deyilir:",
)


def _labelled(copy: Copy) -> dict[str, Any]:
    spec = PLANNED_PROJECTS[copy.of]
    title, body = spec["title"], spec["body"]
    return {
        **spec,
        "title": Text(
            f"Workflow example ({copy.label.en}): {title.en}",
            f"Приклад редакційного процесу ({copy.label.uk}): {title.uk}",
            f"İş axını nümunəsi ({copy.label.az}): {title.az}",
        ),
        "body": Text(*(f"{note}\n\n{text}" for note, text in zip(_COPY_NOTE, body, strict=True))),
    }


WORKFLOW_COPIES: dict[str, dict[str, Any]] = {slug: _labelled(c) for slug, c in COPIES.items()}
"""The copies as project specs, loaded with the other projects."""


class ProposedEdit(NamedTuple):
    """An editor's change to a published record, held for a publisher's approval."""

    fields: dict[str, str]
    comment: str
    sent_back: str = ""
    """The publisher's reason for sending it back; empty while it awaits approval."""


_SPORTS_SUMMARY: Text = PLANNED_PROJECTS["irpin-youth-sports-complex"]["summary"]

PROPOSED_EDITS: dict[str, ProposedEdit] = {
    # True to the seeds: a publisher may approve it.
    "sumgait-energy-shipment-2026": ProposedEdit(
        translated(
            "title",
            Text(
                "Energy equipment worth USD 1 million from the Sumgait Technologies Park, 2026",
                "Енергетичне обладнання на 1 млн доларів США із Сумгаїтського технологічного "
                "парку, 2026",
                "Sumqayıt Texnologiyalar Parkından 1 milyon ABŞ dolları dəyərində enerji "
                "avadanlığı, 2026",
            ),
        ),
        "The value in the title, as the summary gives it.",
    ),
    # Not true to the seeds: the record's rule is never to give a date nobody reported.
    "irpin-youth-sports-complex": ProposedEdit(
        translated(
            "summary",
            Text(
                f"{_SPORTS_SUMMARY.en} Work starts in 2025.",
                f"{_SPORTS_SUMMARY.uk} Роботи почнуться у 2025 році.",
                f"{_SPORTS_SUMMARY.az} İşlər 2025-ci ildə başlayır.",
            ),
        ),
        "Added when work starts.",
        sent_back=(
            "No source gives a start date: the ambassador only hoped work would begin in 2025, "
            "and the body says no start date has been published. Leave the date out, or say "
            "it was a hope."
        ),
    ),
}

STATES: dict[str, DemoState] = {
    # Received but undated (see demo.content.energy): it waits in review until an editor
    # adds the handover date.
    "ses-generators-warmth-for-ukraine": DemoState.IN_REVIEW,
    "sumgait-energy-shipment-2026": DemoState.PENDING_CHANGE,
    "irpin-youth-sports-complex": DemoState.SENT_BACK,
    **{slug: copy.state for slug, copy in COPIES.items()},
}
"""Every demo item not listed here is published."""

SUBMIT_COMMENT = "Checked against the sources cited."
ARCHIVE_COMMENT = "Withdrawn: an example of an archived record."
