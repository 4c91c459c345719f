"""Autocomplete fields in the admin: a forged key is a form error and a search term with a
null character a 400, never a server error (issue 15). Django's own widget looked the posted
key up while showing the form again; PostgreSQL refuses a NUL in the term."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.db import models
from django.test import Client

from tests.admin_helpers import add_url, form_data
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

AUTOCOMPLETE_FIELDS = sorted(
    (model._meta.label, name)
    for model, model_admin in admin.site._registry.items()
    for name in model_admin.autocomplete_fields
)


def test_the_admins_have_autocomplete_fields_to_check() -> None:
    assert ("aid.AidPackage", "funder") in AUTOCOMPLETE_FIELDS
    assert ("aid.AidPackage", "sources") in AUTOCOMPLETE_FIELDS


@pytest.mark.parametrize("key", ["abc", "1.5"])
@pytest.mark.parametrize(("label", "name"), AUTOCOMPLETE_FIELDS)
def test_a_forged_autocomplete_key_is_a_form_error(
    admin_client: Client, label: str, name: str, key: str
) -> None:
    model = next(model for model in admin.site._registry if model._meta.label == label)
    data = form_data(admin_client.get(add_url(model)))
    many = isinstance(model._meta.get_field(name), models.ManyToManyField)
    data[name] = [key] if many else key

    response = admin_client.post(add_url(model), data)

    assert response.status_code == 200
    assert name in response.context["adminform"].form.errors
    assert not model.objects.exists()


def autocomplete(client: Client, term: str) -> Any:
    return client.get(
        "/admin/autocomplete/",
        {"term": term, "app_label": "aid", "model_name": "aidpackage", "field_name": "funder"},
    )


def test_an_autocomplete_term_with_a_null_character_is_a_400(admin_client: Client) -> None:
    # PostgreSQL refuses any text holding a NUL: without the check this was a 500 there.
    response = autocomplete(admin_client, "Azer\x00")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "Null characters are not allowed."


def test_autocomplete_still_finds_organisations(admin_client: Client) -> None:
    OrganizationFactory(name="Azerenerji")

    response = autocomplete(admin_client, "Azer")

    assert [result["text"] for result in response.json()["results"]] == ["Azerenerji"]


def test_autocomplete_still_needs_a_staff_login(client: Client) -> None:
    assert autocomplete(client, "Azer\x00").status_code == 302
