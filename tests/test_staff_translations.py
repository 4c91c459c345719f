"""Strings read outside the public pages, by staff in the admin or by a partner's client, that
must not fall back to English in Ukrainian or Azerbaijani: the page of an account whose second
step is missing, the shared-record notices, the photo renditions' fields, the source-address
and UTC-offset refusals. tests/public/test_translations.py checks the public strings; these
come from staff/, editorial/ and their templates.

Read from the project's own compiled catalogues (`make install` compiles them), not through
Django's fallback to its own, so a string missing here is not hidden by Django's "user"."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LANGUAGES = ("uk", "az")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%%|%[sdf]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")

STRINGS = [
    # staff/: the account whose second step is missing, and its enrolment record.
    "Your second sign-in step is missing",
    "Your second sign-in step is missing.",
    "Your account had two-step sign-in, but its authenticator app is no longer on record (for "
    "example after the database was restored from an older backup).",
    "A password alone may not set up a new one. Ask a superuser to reset two-step sign-in for "
    "your account (Users, then “Reset two-step sign-in”); at your next sign-in after that you "
    "set it up again.",
    "Your account had two-step sign-in, but its authenticator is no longer on record. Ask a "
    "superuser to reset two-step sign-in for your account; then you can set it up again.",
    "Signed in as %(name)s with a password only.",
    "Reset two-step sign-in of selected users",
    "user",
    "enrolled at",
    "two-step sign-in enrolment",
    "two-step sign-in enrolments",
    # editorial/: shared records in published use, renditions, source addresses, the API.
    "use by published items",
    "Shown by published items (publishers only)",
    "Not shown by anything published",
    "The published items below show this record: saving it changes their public pages at "
    "once, without review.",
    "Only a publisher may change or delete this record: the published items below show it, and "
    "a change would reach their public pages at once, without review. You can still link it to "
    "your items, or add a new record.",
    "and more",
    "Generated from the original; never edited by hand. Kept in private storage.",
    "public copy",
    "Its copy's name in public storage while the photo is public, drawn at random; empty "
    "otherwise (editorial/photo_files.py).",
    "An address cannot hold %(characters)s. Copy it again from the browser's address bar, or "
    "write each as %%XX (a double quote is %%22).",
    "The UTC offset must be from -15:59 to +15:59, e.g. +04:00 or Z.",
]


def project_catalogue(language: str) -> gettext.GNUTranslations:
    """locale/<language>/LC_MESSAGES/django.mo alone, without Django's catalogues behind it."""
    mo = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.mo"
    assert mo.exists(), "Compile the catalogues: make install"
    with mo.open("rb") as file:
        return gettext.GNUTranslations(file)


def assert_translated(msgid: str, text: str) -> None:
    assert text and text != msgid, f"not translated: {msgid!r}"
    assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(msgid)), text
    assert sorted(TAG.findall(text)) == sorted(TAG.findall(msgid)), text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("msgid", STRINGS, ids=lambda msgid: msgid[:40])
def test_staff_and_error_strings_are_translated(language: str, msgid: str) -> None:
    assert_translated(msgid, project_catalogue(language).gettext(msgid))
