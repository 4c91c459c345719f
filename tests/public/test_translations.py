"""The Ukrainian and Azerbaijani catalogues in locale/: complete for what the public sees,
placeholders and markup intact, correct headers, and the pages really served in those languages.

The page and gettext tests read the compiled .mo files: `make install` and `make test` run
`compilemessages` first."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django_countries.fields import CountryField

from aid.models import DeliveryStatus
from tests.factories import AidPackageFactory

LANGUAGES = ("uk", "az")
PLURAL_FORMS = {
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "az": "nplurals=2; plural=(n != 1);",
}
# Where the strings the public reads come from (a reference is "path:line").
PUBLIC_SOURCES = re.compile(
    r"^(templates/(?!admin/)"
    r"|public/"
    r"|editorial/(dates|money)\.py"
    r"|config/settings\.py"
    r"|\w+/(stats|public_filters|views|querysets)\.py)"
)
PUBLIC_APPS = ("aid", "projects", "people", "editorial")
# Editors' bookkeeping, never labelled on a public page.
PRIVATE_MODELS = ("editorial.revision", "editorial.rendition")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sdf]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return all(self.msgstr.values()) and bool(self.msgstr) and "fuzzy" not in self.flags

    @property
    def public(self) -> bool:
        return any(PUBLIC_SOURCES.match(reference) for reference in self.references)


def _unquote(text: str) -> str:
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), text.strip()[1:-1])


def read_po(path: Path) -> list[Entry]:
    """Every entry of a .po file, the header (msgid "") first. Enough of the format for
    catalogues written by makemessages: no obsolete entries, no msgctxt."""
    entries: list[Entry] = []
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        entry, target = Entry(), None
        for line in block.splitlines():
            if line.startswith("#:"):
                entry.references += line[2:].split()
            elif line.startswith("#,"):
                entry.flags += [flag.strip() for flag in line[2:].split(",")]
            elif line.startswith("#"):
                continue
            elif match := re.match(r"(msgid_plural|msgid|msgstr(?:\[(\d)\])?)\s+(\".*\")$", line):
                keyword, index, text = match.groups()
                target = (keyword, int(index or 0))
                if keyword == "msgid":
                    entry.msgid = _unquote(text)
                elif keyword == "msgid_plural":
                    entry.msgid_plural = _unquote(text)
                else:
                    entry.msgstr[target[1]] = _unquote(text)
            elif line.startswith('"') and target:
                keyword, index = target
                if keyword == "msgid":
                    entry.msgid += _unquote(line)
                elif keyword == "msgid_plural":
                    entry.msgid_plural = (entry.msgid_plural or "") + _unquote(line)
                else:
                    entry.msgstr[index] += _unquote(line)
        if target:
            entries.append(entry)
    return entries


def catalogue(language: str) -> list[Entry]:
    return read_po(Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po")


def model_labels() -> set[str]:
    """The English text of every verbose name and choice label of the public apps' models:
    they name filters and facts on the public pages. Not the per-language copies
    modeltranslation adds ("title [uk]"), nor country names (django-countries' own catalogue)."""
    languages = tuple(f"_{code}" for code, _name in settings.LANGUAGES)
    labels: set[str] = set()
    with translation.override("en"):
        for model in (m for name in PUBLIC_APPS for m in apps.get_app_config(name).get_models()):
            if model._meta.label_lower in PRIVATE_MODELS:
                continue
            labels |= {str(model._meta.verbose_name), str(model._meta.verbose_name_plural)}
            for model_field in model._meta.concrete_fields:
                if (
                    model_field.auto_created
                    or model_field.name.endswith(languages)
                    or model_field.name.endswith("_precision")
                ):
                    continue
                labels.add(str(model_field.verbose_name))
                if not isinstance(model_field, CountryField):
                    labels |= {str(label) for _value, label in model_field.flatchoices}
    return labels


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_header_names_language_plurals_and_charset(language: str) -> None:
    header = catalogue(language)[0]
    assert header.msgid == ""
    assert "fuzzy" not in header.flags
    assert f"Language: {language}\n" in header.msgstr[0]
    assert "Content-Type: text/plain; charset=UTF-8\n" in header.msgstr[0]
    assert "Project-Id-Version: Körpü\n" in header.msgstr[0]
    assert f"Plural-Forms: {PLURAL_FORMS[language]}\n" in header.msgstr[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_translates_every_public_string(language: str) -> None:
    missing = [
        f"{entry.msgid!r} ({' '.join(entry.references)})"
        for entry in catalogue(language)[1:]
        if entry.public and not entry.translated
    ]
    assert not missing, f"{len(missing)} public strings untranslated or fuzzy:\n" + "\n".join(
        missing
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_translates_every_model_label(language: str) -> None:
    translated = {entry.msgid for entry in catalogue(language)[1:] if entry.translated}
    missing = sorted(model_labels() - translated)
    assert not missing, f"Verbose names or choice labels not translated: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_markup(language: str) -> None:
    broken = []
    for entry in catalogue(language)[1:]:
        for index, text in entry.msgstr.items():
            if not text:
                continue
            source = entry.msgid_plural if index and entry.msgid_plural else entry.msgid
            # A plural form may drop a count its language does not need; it may not invent one.
            expected = set(PLACEHOLDER.findall(source)) | set(PLACEHOLDER.findall(entry.msgid))
            if set(PLACEHOLDER.findall(text)) != expected:
                broken.append(f"{entry.msgid!r} [{index}]: {text!r}")
            if sorted(TAG.findall(text)) != sorted(TAG.findall(entry.msgid)):
                broken.append(f"{entry.msgid!r} [{index}] markup: {text!r}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_entries_have_every_form(language: str) -> None:
    forms = int(PLURAL_FORMS[language].split("nplurals=")[1].split(";")[0])
    short = [
        entry.msgid
        for entry in catalogue(language)[1:]
        if entry.msgid_plural and entry.translated and len(entry.msgstr) != forms
    ]
    assert not short


def test_ukrainian_uses_guillemets_and_typographic_apostrophe() -> None:
    """«лапки» and the apostrophe ’, never "straight" quotes, “English” ones or ASCII '."""
    wrong = [
        text
        for entry in catalogue("uk")[1:]
        for text in entry.msgstr.values()
        if re.search(r"[“”']", text) or re.search(r'"', TAG.sub("", text))
    ]
    assert not wrong


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("uk", ["Допомога", "Відбудова", "Реабілітація", "Міста-партнери", "Пошук"]),
        ("az", ["Yardım", "Bərpa", "Reabilitasiya", "Tərəfdaş şəhərlər", "Axtarış"]),
    ],
)
def test_key_interface_strings_are_translated_in_compiled_catalogue(
    language: str, expected: list[str]
) -> None:
    with translation.override(language):
        assert [
            gettext("Aid"),
            gettext("Reconstruction"),
            gettext("Rehabilitation"),
            gettext("Partner cities"),
            gettext("Search"),
        ] == expected, "Compile the catalogues: manage.py compilemessages"
        assert gettext("Azerbaijan's aid to Ukraine") != "Azerbaijan's aid to Ukraine"
        assert gettext("Funder") != "Funder"  # also a plural msgid: found through its form 1
        assert DeliveryStatus.DELIVERED.label != "Delivered"


def test_ukrainian_plural_forms_follow_the_number() -> None:
    with translation.override("uk"):
        children = [
            ngettext("%(counter)s child", "%(counter)s children", n) % {"counter": n}
            for n in (1, 3, 5, 11, 21, 22)
        ]
    assert children == [
        "1 дитина",
        "3 дитини",
        "5 дітей",
        "11 дітей",
        "21 дитина",
        "22 дитини",
    ]


ENGLISH_NAVIGATION = (">Aid<", ">Reconstruction<", ">Rehabilitation<", ">Partner cities<")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "navigation", "delivered"),
    [
        ("uk", ">Допомога<", "Доставлено"),
        ("az", ">Yardım<", "Çatdırılıb"),
    ],
)
@pytest.mark.parametrize("path", ["", "aid/"])
def test_public_pages_are_served_translated(
    client: Client, language: str, navigation: str, delivered: str, path: str
) -> None:
    AidPackageFactory(
        published=True, delivery_status=DeliveryStatus.DELIVERED, delivered_on=dt.date(2025, 7, 1)
    )

    html = client.get(f"/{language}/{path}").content.decode()

    assert navigation in html
    assert not [word for word in ENGLISH_NAVIGATION if word in html]
    if path == "aid/":
        assert delivered in html
