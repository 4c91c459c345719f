import pytest
from django.test import Client
from django.urls import reverse

from editorial.models import Place
from people.models import RehabilitationGroup, SisterCityPartnership
from tests.admin_helpers import (
    change_url,
    changelist_url,
    form_data,
    inline_rows,
)
from tests.admin_rows import make_groups
from tests.factories import (
    PlaceFactory,
    RehabilitationGroupFactory,
    SisterCityPartnershipFactory,
)

pytestmark = pytest.mark.django_db


def test_group_changelist_warns_about_photos_of_minors_without_consent(
    admin_client: Client,
) -> None:
    make_groups(1)
    content = admin_client.get(changelist_url(RehabilitationGroup)).content.decode()
    assert "1 hidden (minors, no consent)" in content


def test_group_changelist_filters_by_cohort(admin_client: Client) -> None:
    RehabilitationGroupFactory(slug="fallen")
    RehabilitationGroupFactory(slug="pows", cohort="prisoners_of_war")
    response = admin_client.get(
        f"{changelist_url(RehabilitationGroup)}?cohort__exact=prisoners_of_war"
    )
    assert [group.slug for group in response.context["cl"].result_list] == ["pows"]


def test_activities_are_added_inline(admin_client: Client) -> None:
    partnership = SisterCityPartnershipFactory()
    data = form_data(admin_client.get(change_url(partnership)))
    inline_rows(
        data,
        "activities",
        [{"date": "2025-04-16", "title_en": "Working visit", "title_az": "İşgüzar səfər"}],
    )
    assert admin_client.post(change_url(partnership), data).status_code == 302
    assert partnership.activities.get().title_az == "İşgüzar səfər"


def test_partnership_changelist_searches_a_places_name(admin_client: Client) -> None:
    SisterCityPartnershipFactory(slug="irpin", ukrainian_place=PlaceFactory(name_en="Irpin"))
    SisterCityPartnershipFactory(slug="other")
    response = admin_client.get(f"{changelist_url(SisterCityPartnership)}?q=Irpin")
    assert [p.slug for p in response.context["cl"].result_list] == ["irpin"]


def autocomplete(client: Client, model_name: str, field_name: str) -> list[str]:
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "people", "model_name": model_name, "field_name": field_name},
    )
    assert response.status_code == 200
    return sorted(result["text"] for result in response.json()["results"])


def test_ukrainian_place_autocomplete_offers_only_places_in_ukraine(admin_client: Client) -> None:
    PlaceFactory(name="Irpin", country="UA")
    PlaceFactory(name="Sumgait", country="AZ")
    assert autocomplete(admin_client, "sistercitypartnership", "ukrainian_place") == ["Irpin, UA"]


def test_azerbaijani_place_autocomplete_offers_only_places_in_azerbaijan(
    admin_client: Client,
) -> None:
    PlaceFactory(name="Irpin", country="UA")
    PlaceFactory(name="Sumgait", country="AZ")
    assert autocomplete(admin_client, "sistercitypartnership", "azerbaijani_place") == [
        "Sumgait, AZ"
    ]


def test_home_region_autocomplete_offers_only_regions(admin_client: Client) -> None:
    PlaceFactory(name="Kharkiv Oblast", kind=Place.Kind.REGION)
    PlaceFactory(name="Kharkiv", kind=Place.Kind.CITY)
    assert autocomplete(admin_client, "rehabilitationgroup", "home_regions") == [
        "Kharkiv Oblast, UA"
    ]
