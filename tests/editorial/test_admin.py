import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from editorial.admin.languages import language_fieldsets
from editorial.models import Organization, Photo, Place
from editorial.roles import EDITORS
from tests.admin_helpers import (
    add_url,
    change_url,
    changelist_url,
    form_data,
    login_staff,
)
from tests.factories import (
    AidPackageFactory,
    OrganizationFactory,
    PhotoFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db


def test_photo_add_form_is_refused_because_photos_are_added_on_their_item(
    admin_client: Client,
) -> None:
    assert admin_client.get(add_url(Photo)).status_code == 403


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
