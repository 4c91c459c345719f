"""The demo record: facts from the five seed texts in /shared/seeds, written in our own words.

Each module holds plain data for one app; `demo.services` turns it into rows. Every
translated text is a `Text` with English, Ukrainian and Azerbaijani versions.

Dates. The seeds often give a month, a season or nothing at all. A date the sources do not
give stays empty. Where the database needs one (a delivered package needs a dispatch or
delivery date, a completed project its completion date, a group its arrival), the record
uses a day consistent with the sources (the last day of the month they name, or the date of
the report that states the fact) and the record's own text says the date is approximate.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple


class Text(NamedTuple):
    """One text in the three languages of the site."""

    en: str
    uk: str
    az: str


class Item(NamedTuple):
    """One line of an aid package; `quantity` stays None when the sources give no number."""

    kind: str
    description: Text | None = None
    quantity: Decimal | None = None
    unit: str = "pieces"


class Event(NamedTuple):
    """A dated entry in a timeline: a project milestone or a partnership activity."""

    date: dt.date
    title: Text
    text: Text | None = None


def translated(field: str, text: Text | None) -> dict[str, str]:
    """Spread a Text over modeltranslation's per-language columns, e.g. title_en/_uk/_az."""
    text = text or Text("", "", "")
    return {
        f"{field}_{language}": value for language, value in zip(Text._fields, text, strict=True)
    }


# Dates the seeds fix, used by several modules.
ROME_CONFERENCE = dt.date(2025, 7, 11)
"""Last day of the Ukraine Recovery Conference in Rome; the overview's July 2025 figures."""

MARDALIYEV_INTERVIEW = dt.date(2025, 4, 30)
"""The ambassador's interview followed the polyclinic's reopening 'at the end of April 2025';
its own date is not given, so facts it reports as done are dated no later than this."""

GUSEV_INTERVIEW = dt.date(2025, 7, 20)
"""The Ukrinform interview came a few days after the Shusha forum of 20 July 2025."""
