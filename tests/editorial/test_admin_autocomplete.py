"""Autocomplete fields in the admin: a forged key is a form error, never a server error
(issue 15). Django's own widget looked the posted key up while showing the form again."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import models
from django.test import Client

from tests.admin_helpers import add_url, form_data

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
