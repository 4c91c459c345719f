"""User-written text is escaped wherever it is shown (issue 4): a script payload in every
free-text field of every model, in every language, and in the names of the people and files
around them, never comes out as markup on a public page, an admin screen, the feed, the
sitemap or the API; URL fields refuse `javascript:`; CSV cells cannot start a formula."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.test import Client, RequestFactory
from django.urls import reverse
from modeltranslation.fields import TranslationField

from aid.models import AidPackage
from editorial import workflow
from editorial.models import Organization, Photo, Source
from editorial.publishing import Publishable
from editorial.revisions import Revision
from editorial.snapshots import take_snapshot
from partners.models import PartnerKey
from tests.admin_helpers import admin_url, change_url, changelist_url
from tests.factories import (
    AidItemFactory,
    AidPackageFactory,
    MilestoneFactory,
    OrganizationFactory,
    PartnershipActivityFactory,
    PhotoFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    ReportedFigureFactory,
    SisterCityPartnershipFactory,
    SourceFactory,
    png_file,
)
from tests.public.sitemap_pages import sitemap_pages
from tests.workflow_helpers import LANGUAGES

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&'
SHORT_PAYLOAD = "<img src=x onerror=alert(1)>"  # for fields too short for the whole payload
ESCAPED = "&lt;script&gt;alert("
# Fields that hold no free text: identifiers, hashes and codes the code writes.
NOT_USER_TEXT = {"slug", "prefix", "key_hash", "rate", "status_after", "object_repr"}


# --- Filling every free-text field with the payload ------------------------------------------


def _text_fields(model: type[models.Model]) -> list[models.Field]:
    fields = [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField | models.URLField | models.EmailField)
        and not field.choices
        and field.name not in NOT_USER_TEXT
    ]
    translated = {f.translated_field.name for f in fields if isinstance(f, TranslationField)}
    # The untranslated name proxies to the active language's column: fill the columns.
    return [field for field in fields if field.name not in translated]


def hostile(obj: models.Model) -> models.Model:
    """`obj` with the payload in every free-text field, each language marked, saved."""
    for field in _text_fields(type(obj)):
        suffix = f" [{field.language}]" if isinstance(field, TranslationField) else ""
        value = PAYLOAD + suffix
        if field.max_length and len(value) > field.max_length:
            value = SHORT_PAYLOAD
        setattr(obj, field.name, value)
    obj.save()
    return obj


def hostile_user() -> AbstractBaseUser:
    """A superuser whose name is the payload (usernames show in history, the dashboard and
    the admin log; the ORM does not run the username validator)."""
    user = get_user_model().objects.create_superuser(
        PAYLOAD[:150], email="hostile@example.org", password="unused"
    )
    user.first_name = SHORT_PAYLOAD
    user.last_name = SHORT_PAYLOAD
    user.save()
    return user


def _with_history(obj: Publishable, user: AbstractBaseUser) -> Publishable:
    """Revisions with the payload as comment, published, then a pending change of the payload
    (so the review page has a diff to show)."""
    workflow.record_save(obj=obj, user=user, created=True, comment=PAYLOAD)
    workflow.submit(obj=obj, user=user, comment=PAYLOAD)
    workflow.publish(obj=obj, user=user, comment=PAYLOAD)
    obj.refresh_from_db()
    snapshot = take_snapshot(obj)
    snapshot["fields"]["title_en"] = PAYLOAD + " pending"
    workflow.hold_pending(
        obj=obj, user=user, snapshot=snapshot, base_version=obj.version, comment=PAYLOAD
    )
    return obj


def hostile_record() -> dict[str, Any]:
    """One published item of every kind, every text in and around it the payload."""
    user = hostile_user()
    org = hostile(OrganizationFactory())
    place = hostile(PlaceFactory(country="UA"))
    az_place = hostile(PlaceFactory(country="AZ"))
    source = hostile(SourceFactory())

    package = hostile(AidPackageFactory(funder=org))
    for _ in range(2):
        hostile(AidItemFactory(package=package))
    package.sources.set([source])

    project = hostile(ReconstructionProjectFactory(place=place))
    project.funders.set([org])
    milestone = hostile(MilestoneFactory(project=project))

    group = hostile(RehabilitationGroupFactory(host_institution=org))
    group.home_regions.set([place])

    partnership = hostile(
        SisterCityPartnershipFactory(ukrainian_place=place, azerbaijani_place=az_place)
    )
    partnership.sources.set([source])
    hostile(PartnershipActivityFactory(partnership=partnership))

    items = [package, project, group, partnership]
    photos = [hostile(PhotoFactory(content_object=item)) for item in items]
    photos.append(hostile(PhotoFactory(content_object=milestone)))
    for item in items:
        _with_history(item, user)

    figure = hostile(ReportedFigureFactory(source=source))
    workflow.publish(obj=figure, user=user, comment=PAYLOAD)

    partner_key = PartnerKey(name=PAYLOAD, contact_email="partner@example.org")
    partner_key.set_new_key()
    partner_key.save()
    return {
        "user": user,
        "items": items,
        "figure": figure,
        "milestone": milestone,
        "photos": photos,
        "org": org,
        "place": place,
        "source": source,
        "partner_key": partner_key,
    }


# --- What "never unescaped" means -------------------------------------------------------------


class _LiveMarkup(HTMLParser):
    """Collects markup the payload could have produced: event-handler attributes, script
    elements that run code, and `javascript:` links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "onerror" or (name.startswith("on") and "alert" in (value or "")):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src", "action", "formaction"} and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._script_type = dict(attrs).get("type") or "text/javascript"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_type = None

    def handle_data(self, data: str) -> None:
        if self._script_type and "json" not in self._script_type and "alert(" in data:
            self.found.append(f"<script>{data[:80]!r}")


def assert_escaped_html(content: str, url: str) -> None:
    assert "<script>alert" not in content, url
    assert "<img src=x onerror" not in content, url
    scanner = _LiveMarkup()
    scanner.feed(content)
    scanner.close()
    assert scanner.found == [], url


def get_html(client: Client, url: str, *, shows_payload: bool = True) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    content = response.content.decode()
    assert_escaped_html(content, url)
    if shows_payload:
        assert ESCAPED in content, f"{url} does not show the payload at all"
    return content


# --- Public pages -----------------------------------------------------------------------------


def public_urls(record: dict[str, Any], lang: str) -> list[tuple[str, bool]]:
    """(url, whether the page shows a text of the record)."""
    urls = [
        (f"/{lang}/", True),
        (f"/{lang}/aid/", True),
        (f"/{lang}/projects/", True),
        (f"/{lang}/rehabilitation/", True),
        (f"/{lang}/partnerships/", True),
        (f"/{lang}/search/?q=alert", True),
        (f"/{lang}/search/?q={PAYLOAD}", False),
    ]
    with_lang = [
        item.get_absolute_url().replace("/en/", f"/{lang}/", 1) for item in record["items"]
    ]
    urls += [(url, True) for url in with_lang]
    return urls


@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_pages_escape_every_user_written_text(client: Client, lang: str) -> None:
    record = hostile_record()
    for url, shows in public_urls(record, lang):
        get_html(client, url, shows_payload=shows)


def test_search_query_is_escaped_where_it_is_echoed(client: Client) -> None:
    response = client.get("/en/search/", {"q": PAYLOAD})
    assert response.status_code == 200
    assert_escaped_html(response.content.decode(), "search")


def test_detail_page_json_ld_cannot_be_closed_by_a_title(client: Client) -> None:
    record = hostile_record()
    content = client.get(record["items"][0].get_absolute_url()).content.decode()
    ld = content.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in ld
    assert json.loads(ld)["headline"].startswith("<script>alert")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_and_sitemap_are_well_formed_xml_with_the_payload_as_text(
    client: Client, lang: str
) -> None:
    hostile_record()
    feed = client.get(f"/{lang}/feed/")
    assert feed.status_code == 200
    root = ET.fromstring(feed.content)
    texts = [element.text or "" for element in root.iter()]
    assert any(text.startswith("<script>alert") for text in texts)
    assert not any(element.tag.endswith(("script", "img")) for element in root.iter())
    for sitemap in sitemap_pages(client):
        ET.fromstring(sitemap.content)
        assert b"<script>" not in sitemap.content


# --- Admin screens ----------------------------------------------------------------------------


def admin_urls(record: dict[str, Any]) -> list[tuple[str, bool]]:
    urls: list[tuple[str, bool]] = [("/admin/", True)]
    ours = {"editorial", "aid", "projects", "people", "partners"}
    for model in admin.site._registry:
        urls.append((changelist_url(model), model._meta.app_label in ours))
    for obj in [
        *record["items"],
        record["figure"],
        record["milestone"],
        *record["photos"],
        record["org"],
        record["place"],
        record["source"],
        record["partner_key"],
    ]:
        urls.append((change_url(obj), True))
        urls.append((admin_url(type(obj), "history", obj.pk), True))
    for item in record["items"]:
        model = type(item)
        revisions = list(Revision.objects.for_object(item))
        urls += [
            (admin_url(model, "review", item.pk), True),
            (admin_url(model, "transition", item.pk, "request_changes"), True),
            (admin_url(model, "rollback", item.pk, revisions[-1].pk), True),
        ]
        urls += [
            (admin_url(model, "revision", item.pk, revision.pk), True) for revision in revisions
        ]
        urls += [
            (f"{admin_url(model, 'preview', item.pk)}?lang={lang}", True) for lang in LANGUAGES
        ]
        urls.append((admin_url(model, "revision_preview", item.pk, revisions[0].pk), True))
    return urls


def test_admin_screens_escape_every_user_written_text(client: Client) -> None:
    record = hostile_record()
    # A failed login leaves its username and user agent in the login-attempt lists.
    client.post(
        reverse("admin:login"),
        {"username": PAYLOAD, "password": "wrong"},
        HTTP_USER_AGENT=PAYLOAD,
    )
    client.force_login(record["user"])
    for url, shows in admin_urls(record):
        get_html(client, url, shows_payload=shows)
    user_url = change_url(record["user"])
    get_html(client, user_url, shows_payload=False)
    get_html(client, changelist_url(get_user_model()), shows_payload=False)


def test_photo_upload_names_are_slugified_and_pages_stay_escaped(client: Client) -> None:
    record = hostile_record()
    client.force_login(record["user"])
    draft = AidPackageFactory()
    response = client.post(
        admin_url(AidPackage, "photos", draft.pk),
        {
            "files": [png_file(name=f"{SHORT_PAYLOAD}.png")],
            "alt_text": SHORT_PAYLOAD,
            "credit": SHORT_PAYLOAD,
        },
    )
    assert response.status_code == 302
    photo = Photo.objects.get(object_id=draft.pk, content_type__model="aidpackage")
    assert "<" not in photo.image.name and ">" not in photo.image.name
    get_html(client, change_url(draft))
    get_html(client, changelist_url(Photo))


# --- The API ----------------------------------------------------------------------------------

API_LISTS = ("aidpackage", "reconstructionproject", "rehabilitationgroup", "sistercitypartnership")


def _strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in _strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    return [data] if isinstance(data, str) else []


def test_api_json_carries_the_payload_as_a_json_string(client: Client) -> None:
    record = hostile_record()
    for basename in API_LISTS:
        for lang in LANGUAGES:
            response = client.get(reverse(f"api:{basename}-list"), {"lang": lang})
            assert response.status_code == 200
            assert response["Content-Type"].startswith("application/json")
            assert any(text.startswith(PAYLOAD) for text in _strings(response.json()))
    for item in record["items"]:
        basename = type(item)._meta.model_name
        response = client.get(reverse(f"api:{basename}-detail", args=[item.slug]))
        assert response.status_code == 200, basename
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["title"].startswith("<script>alert")
    stats = client.get(reverse("api:stats"))
    assert stats["Content-Type"].startswith("application/json")


def test_api_csv_is_a_download_with_the_payload_as_a_cell(client: Client) -> None:
    hostile_record()
    for basename in API_LISTS:
        response = client.get(reverse(f"api:{basename}-list"), {"format": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert response["Content-Disposition"].startswith("attachment")
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert rows and rows[0]["title"].startswith("<script>alert")


def test_api_csv_export_is_a_download_with_the_payload_as_a_cell(client: Client) -> None:
    hostile_record()
    for basename in API_LISTS:
        response = client.get(reverse(f"api:{basename}-export"))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        text = b"".join(response.streaming_content).decode()
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and rows[0]["title"].startswith("<script>alert")


def test_iati_xml_is_well_formed_with_the_payload_as_text(client: Client) -> None:
    hostile_record()
    response = client.get(reverse("api:iati-activities"))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    root = ET.fromstring(body)
    assert any((element.text or "").startswith("<script>alert") for element in root.iter())
    assert not any(element.tag in {"script", "img"} for element in root.iter())


FORMULAS = ("=1+1", "+1+1", "@SUM(A1)", "-2+3+cmd|' /C calc'!A0", "\t=1+1")


def _csv_cells(client: Client, basename: str) -> list[str]:
    """Every cell of the list's CSV, on a page and in the export: the same rule makes both."""
    page = client.get(reverse(f"api:{basename}-list"), {"format": "csv"})
    export = client.get(reverse(f"api:{basename}-export"))
    assert page.status_code == export.status_code == 200
    texts = [page.content.decode(), b"".join(export.streaming_content).decode()]
    cells = [[cell for row in csv.reader(io.StringIO(text)) for cell in row] for text in texts]
    assert cells[0] == cells[1]
    return cells[0]


@pytest.mark.parametrize("formula", FORMULAS[:3] + FORMULAS[4:])
def test_api_csv_neutralises_a_text_cell_that_starts_a_formula(
    client: Client, formula: str
) -> None:
    AidPackageFactory(published=True, title_en=formula)
    assert formula not in _csv_cells(client, "aidpackage")
    assert "'" + formula in _csv_cells(client, "aidpackage")


def test_api_csv_neutralises_a_cell_that_starts_with_a_minus(client: Client) -> None:
    AidPackageFactory(published=True, title_en=FORMULAS[3])
    assert FORMULAS[3] not in _csv_cells(client, "aidpackage")


def test_api_csv_neutralises_a_list_cell_that_starts_a_formula(client: Client) -> None:
    project = ReconstructionProjectFactory(published=True)
    project.funders.set([OrganizationFactory(name_en='=HYPERLINK("https://evil.example")')])
    cells = _csv_cells(client, "reconstructionproject")
    assert not any(cell.startswith("=") for cell in cells), cells


# --- URL fields -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "field"), [(Source, "url"), (Organization, "website")], ids=["source", "org"]
)
@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x"])
def test_admin_refuses_a_script_url(model: type[models.Model], field: str, url: str) -> None:
    user = get_user_model().objects.create_superuser("root", password="unused")
    request = RequestFactory().get("/")
    request.user = user
    form_class = admin.site._registry[model].get_form(request)
    form = form_class(data={field: url})
    assert field in form.errors


def test_admin_refuses_a_source_address_with_markup(admin_client: Client) -> None:
    data = {"title": "Report", "publisher": "AZERTAC", "url": 'https://example.org/"><script>'}

    response = admin_client.post(admin_url(Source, "add"), data)

    assert response.status_code == 200
    assert "An address cannot hold" in str(response.context["adminform"].form.errors["url"])
    assert not Source.objects.exists()


def test_a_stored_script_url_never_becomes_a_link(client: Client) -> None:
    source = SourceFactory(url="javascript:alert(1)")
    package = AidPackageFactory(published=True)
    package.sources.set([source])
    content = client.get(package.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in content
