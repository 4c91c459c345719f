"""Strings read outside the public pages, by staff in the admin or by a partner's client, that
must not fall back to English in Ukrainian or Azerbaijani: the page of an account whose second
step is missing, the shared-record notices, the photo renditions' fields, the source-address
and UTC-offset refusals, the cache-outage page. tests/public/test_translations.py checks the
public strings; these come from staff/, editorial/, ops/ and their templates.

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
    # templates/503_cache.html
    "Saved, but not yet on every server",
    "Not saved",
    "Not saved: the shared cache cannot be reached",
    "For whoever runs the servers: the server log has the details "
    "(<code>editorial.content_version</code>).",
    "If it keeps failing, tell whoever runs the servers: the cache needs looking at "
    "(%(healthz)s then says %(error)s).",
    "Back to the administration",
]

PLURALS = [
    (
        "Your change was saved, but the site's shared cache (Redis) could not be told of it "
        "afterwards. Pages made while it was being saved may show the old version for up to "
        "%(minutes)s minute. Once the cache is back, saving any item again brings every page up "
        "to date.",
        "Your change was saved, but the site's shared cache (Redis) could not be told of it "
        "afterwards. Pages made while it was being saved may show the old version for up to "
        "%(minutes)s minutes. Once the cache is back, saving any item again brings every page "
        "up to date.",
    ),
    (
        "Nothing was saved. While the site's shared cache (Redis) cannot be reached, no change "
        "to the record can be saved, not even to a draft: the other servers could not be told "
        "of it and would keep showing old pages for up to %(minutes)s minute. Try again in a "
        "minute.",
        "Nothing was saved. While the site's shared cache (Redis) cannot be reached, no change "
        "to the record can be saved, not even to a draft: the other servers could not be told "
        "of it and would keep showing old pages for up to %(minutes)s minutes. Try again in a "
        "minute.",
    ),
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


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("singular", "plural"), PLURALS, ids=lambda msgid: msgid[:20])
@pytest.mark.parametrize("count", [1, 2, 5])
def test_cache_outage_sentences_are_translated_for_every_count(
    language: str, singular: str, plural: str, count: int
) -> None:
    text = project_catalogue(language).ngettext(singular, plural, count)

    assert_translated(singular if count == 1 else plural, text)
