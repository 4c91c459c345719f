"""The demo record: facts from the five seed texts in /shared/seeds, written in our own words.

Each module holds plain data for one app; `demo.services` turns it into rows. Every
translated text is a `Text` with English, Ukrainian and Azerbaijani versions.

Dates. The seeds often give only a month, a season or a year, or nothing at all. Where a
model records a date's precision (aid packages, rehabilitation groups), a month or a year is
recorded as such (`in_month`, `in_year`: the period's first day with its precision), so a page
says "August 2025" or "2022", never a day nobody reported; a season is recorded as its year,
with the season in the text. A date the sources do not give stays empty. Only where the
database needs a date that no source gives (a delivered package needs a dispatch or delivery
date, a completed project its completion date) does a stand-in day appear: the last day of
the month named, or the date of the report that states the fact; the record's own text then
says the date is approximate.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from editorial.dates import DatePrecision


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


class Dated(NamedTuple):
    """A date only as precise as the sources give it; a plain `dt.date` means the exact day."""

    value: dt.date
    precision: DatePrecision


def in_month(year: int, month: int) -> Dated:
    """A date the sources give to the month: stored as its first day."""
    return Dated(dt.date(year, month, 1), DatePrecision.MONTH)


def in_year(year: int) -> Dated:
    """A date the sources give to the year: stored as 1 January."""
    return Dated(dt.date(year, 1, 1), DatePrecision.YEAR)


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
