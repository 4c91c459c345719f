import re
from typing import Any

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.test import Client, RequestFactory
from django.urls import reverse

from editorial.admin_base import language_fieldsets, translated_fields
from editorial.models import Organization, Photo, Place, Source
from editorial.roles import EDITORS
from tests.admin_helpers import (
    add_url,
    change_url,
    changelist_url,
    form_data,
    login_staff,
    queries_to_get,
)
from tests.factories import (
    AidPackageFactory,
    MilestoneFactory,
    OrganizationFactory,
    PhotoFactory,
    PlaceFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

OUR_APPS = {"editorial", "aid", "projects", "people"}
OUR_ADMINS = [
    pytest.param(model_admin, id=model._meta.label_lower)
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label in OUR_APPS
]


def make_places(count: int) -> None:
    for _ in range(count):
        PlaceFactory(region=PlaceFactory(kind=Place.Kind.REGION))


def make_photos(count: int) -> None:
    """Photos on two kinds of item, so the list fetches each kind's items once."""
    for index in range(count):
        owner = AidPackageFactory() if index % 2 else MilestoneFactory()
        PhotoFactory(content_object=owner, shows_minors=bool(index % 3))


LISTS = [
    pytest.param(Organization, OrganizationFactory.create_batch, id="organization"),
    pytest.param(Place, make_places, id="place"),
    pytest.param(Source, SourceFactory.create_batch, id="source"),
    pytest.param(Photo, make_photos, id="photo"),
]


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_changelist_loads(admin_client: Client, model: type, make_rows: Any) -> None:
    make_rows(2)
    response = admin_client.get(changelist_url(model))
    assert response.status_code == 200
    assert response.context["cl"].result_count == model.objects.count()


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_change_form_loads(admin_client: Client, model: type, make_rows: Any) -> None:
    make_rows(1)
    assert admin_client.get(change_url(model.objects.first())).status_code == 200


@pytest.mark.parametrize(
    "model",
    [pytest.param(model, id=model._meta.model_name) for model in (Organization, Place, Source)],
)
def test_add_form_loads(admin_client: Client, model: type) -> None:
    assert admin_client.get(add_url(model)).status_code == 200


def test_photo_add_form_is_refused_because_photos_are_added_on_their_item(
    admin_client: Client,
) -> None:
    assert admin_client.get(add_url(Photo)).status_code == 403


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_changelist_queries_do_not_grow_with_rows(
    admin_client: Client, model: type, make_rows: Any
) -> None:
    make_rows(5)
    few = queries_to_get(admin_client, changelist_url(model))
    make_rows(45)
    assert queries_to_get(admin_client, changelist_url(model)) == few


# --- Every admin ------------------------------------------------------------------------------


def editable_fields(model: type[models.Model]) -> set[str]:
    """What an editor can set: not the untranslated originals of translated fields (each
    language has its own), nor the parts of a generic foreign key (set by the inline)."""
    generic = {
        part
        for field in model._meta.private_fields
        if isinstance(field, GenericForeignKey)
        for part in (field.ct_field, field.fk_field)
    }
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    return (
        {
            field.name
            for field in fields
            if field.editable and not field.primary_key and not field.auto_created
        }
        - set(translated_fields(model))
        - generic
    )


@pytest.mark.parametrize("model_admin", OUR_ADMINS)
def test_admin_form_shows_every_editable_field(
    model_admin: ModelAdmin, admin_user: Any, rf: RequestFactory
) -> None:
    request = rf.get("/")
    request.user = admin_user
    shown = set(flatten_fieldsets(model_admin.get_fieldsets(request)))
    assert editable_fields(model_admin.model) <= shown


@pytest.mark.parametrize("model_admin", OUR_ADMINS)
def test_admin_pages_load_nothing_from_another_host(
    model_admin: ModelAdmin, admin_client: Client
) -> None:
    """No CDN at run time: every script and style sheet comes from our own static files."""
    pages = [changelist_url(model_admin.model), add_url(model_admin.model)]
    responses = [admin_client.get(url) for url in pages]
    content = "".join(r.content.decode() for r in responses if r.status_code == 200)
    assert "<script" in content
    assert not re.search(r"""<(script|link)[^>]+(src|href)=["']?(https?:)?//""", content)


@pytest.mark.parametrize("model_admin", OUR_ADMINS)
def test_changelist_sorts_by_every_column(model_admin: ModelAdmin, admin_client: Client) -> None:
    url = changelist_url(model_admin.model)
    for column in range(1, len(model_admin.list_display) + 1):
        assert admin_client.get(f"{url}?o={column}").status_code == 200, column
        assert admin_client.get(f"{url}?o=-{column}").status_code == 200, column


def test_language_fieldsets_follow_settings_languages_named_in_their_own_language() -> None:
    names = [name for name, _ in language_fieldsets(Organization)]
    assert len(names) == len(settings.LANGUAGES)
    assert names == ["English", "Українська", "Azərbaycanca"]


def test_language_fieldsets_hold_each_languages_version_of_every_translated_field() -> None:
    fieldsets = dict(language_fieldsets(Photo))
    assert fieldsets["Українська"]["fields"] == ["caption_uk", "alt_text_uk"]


# --- Organisations and places -----------------------------------------------------------------


def test_organisation_search_finds_the_ukrainian_name(admin_client: Client) -> None:
    OrganizationFactory(name_uk="Міністерство енергетики")
    OrganizationFactory(name_uk="Інша")
    response = admin_client.get(f"{changelist_url(Organization)}?q=енергетики")
    assert [org.name_uk for org in response.context["cl"].result_list] == [
        "Міністерство енергетики"
    ]


def test_place_country_filter_offers_only_countries_in_use(admin_client: Client) -> None:
    PlaceFactory(country="UA")
    PlaceFactory(country="AZ")
    response = admin_client.get(changelist_url(Place))
    spec = next(s for s in response.context["cl"].filter_specs if str(s.title).lower() == "country")
    offered = [choice["display"] for choice in spec.choices(response.context["cl"])][1:]
    assert offered == ["Azerbaijan", "Ukraine"]


def test_place_region_autocomplete_offers_only_regions(admin_client: Client) -> None:
    PlaceFactory(name="Kyiv Oblast", kind=Place.Kind.REGION)
    PlaceFactory(name="Kyiv", kind=Place.Kind.CITY)
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "editorial", "model_name": "place", "field_name": "region", "term": "Kyiv"},
    )
    assert [result["text"] for result in response.json()["results"]] == ["Kyiv Oblast, UA"]


def test_saving_a_place_keeps_its_region(admin_client: Client) -> None:
    region = PlaceFactory(kind=Place.Kind.REGION)
    place = PlaceFactory(region=region)
    data = form_data(admin_client.get(change_url(place)))
    assert admin_client.post(change_url(place), data).status_code == 302
    place.refresh_from_db()
    assert place.region == region


# --- Photos -----------------------------------------------------------------------------------


def test_photo_changelist_warns_about_minors_without_consent(admin_client: Client) -> None:
    PhotoFactory(shows_minors=True, consent_on_file=False)
    content = admin_client.get(changelist_url(Photo)).content.decode()
    assert "Hidden from the public" in content


def test_photo_changelist_filters_photos_that_need_consent(admin_client: Client) -> None:
    hidden = PhotoFactory(shows_minors=True, consent_on_file=False)
    PhotoFactory(shows_minors=True, consent_on_file=True)
    PhotoFactory()
    response = admin_client.get(f"{changelist_url(Photo)}?needs_consent=yes")
    assert list(response.context["cl"].result_list) == [hidden]


def test_photo_changelist_links_to_the_item_it_belongs_to(admin_client: Client) -> None:
    photo = PhotoFactory()
    content = admin_client.get(changelist_url(Photo)).content.decode()
    assert f'href="{change_url(photo.content_object)}"' in content


def test_photo_thumbnail_escapes_the_alt_text(admin_client: Client) -> None:
    PhotoFactory(alt_text_en='"><b>forged</b>')
    content = admin_client.get(changelist_url(Photo)).content.decode()
    assert "<b>forged</b>" not in content


def test_editor_sees_a_photo_of_a_published_item_read_only(client: Client) -> None:
    login_staff(client, EDITORS)
    photo = PhotoFactory(content_object=AidPackageFactory(published=True))
    response = client.get(change_url(photo))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]


def test_editor_may_mark_consent_on_a_photo_of_a_draft(client: Client) -> None:
    login_staff(client, EDITORS)
    photo = PhotoFactory(shows_minors=True)
    data = form_data(client.get(change_url(photo)))
    data["consent_on_file"] = "on"
    assert client.post(change_url(photo), data).status_code == 302
    photo.refresh_from_db()
    assert photo.consent_on_file
