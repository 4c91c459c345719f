"""What every admin of ours must do, tested once for all of them: its pages load, show every
editable field, fetch nothing from another host, and cost no more queries as rows and
children pile up. What one admin does on its own is tested in its app's test_admin.py."""

import re
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.test import Client, RequestFactory

from editorial.admin.languages import translated_fields
from editorial.models import Photo
from tests.admin_helpers import add_url, change_url, changelist_url, queries_to_get
from tests.admin_rows import MAKE_ROWS, MAKE_WITH_CHILDREN

pytestmark = pytest.mark.django_db

OUR_APPS = {"editorial", "aid", "projects", "people", "partners"}
OUR_MODELS = [model for model in admin.site._registry if model._meta.app_label in OUR_APPS]
# Photos are added on the item they show; tests/editorial/test_admin.py checks the refusal.
ADDED_ON_THEIR_ITEM = {Photo}


def named(model: type[models.Model], *values: object) -> Any:
    """A test case named after its model, as in `test_changelist_loads[aidpackage]`."""
    return pytest.param(model, *values, id=model._meta.model_name)


ADMINS = [named(model) for model in OUR_MODELS]
ADDABLE = [named(model) for model in OUR_MODELS if model not in ADDED_ON_THEIR_ITEM]
LISTS = [named(model, make_rows) for model, make_rows in MAKE_ROWS.items()]
WITH_CHILDREN = [named(model, make) for model, make in MAKE_WITH_CHILDREN.items()]


def labels(models_: Iterable[type[models.Model]]) -> set[str]:
    """Labels rather than classes, so a failure names the admin that has no case."""
    return {model._meta.label_lower for model in models_}


def test_every_admin_of_ours_has_rows_to_list() -> None:
    assert labels(MAKE_ROWS) == labels(OUR_MODELS)


def test_every_admin_with_inlines_has_an_item_with_children() -> None:
    with_inlines = [model for model in OUR_MODELS if admin.site.get_model_admin(model).inlines]
    assert labels(MAKE_WITH_CHILDREN) == labels(with_inlines)


# --- Pages load -------------------------------------------------------------------------------


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_changelist_loads(
    admin_client: Client, model: type[models.Model], make_rows: Callable[[int], object]
) -> None:
    make_rows(2)
    response = admin_client.get(changelist_url(model))
    assert response.status_code == 200
    # count(), not 2: making a place makes its region, a place too.
    assert response.context["cl"].result_count == model.objects.count() >= 2


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_change_form_loads(
    admin_client: Client, model: type[models.Model], make_rows: Callable[[int], object]
) -> None:
    make_rows(1)
    assert admin_client.get(change_url(model.objects.first())).status_code == 200


@pytest.mark.parametrize("model", ADDABLE)
def test_add_form_loads(admin_client: Client, model: type[models.Model]) -> None:
    assert admin_client.get(add_url(model)).status_code == 200


# --- Queries ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_changelist_queries_do_not_grow_with_rows(
    admin_client: Client, model: type[models.Model], make_rows: Callable[[int], object]
) -> None:
    make_rows(5)
    few = queries_to_get(admin_client, changelist_url(model))
    make_rows(45)
    assert queries_to_get(admin_client, changelist_url(model)) == few


@pytest.mark.parametrize(("model", "make_rows"), LISTS)
def test_change_form_queries_do_not_grow_with_rows(
    admin_client: Client, model: type[models.Model], make_rows: Callable[[int], object]
) -> None:
    """A form lists no other rows (foreign keys use autocomplete), so 50 rows cost as 5."""
    make_rows(5)
    url = change_url(model.objects.first())
    few = queries_to_get(admin_client, url)
    make_rows(45)
    assert queries_to_get(admin_client, url) == few


@pytest.mark.parametrize(("model", "with_children"), WITH_CHILDREN)
def test_change_form_queries_do_not_grow_with_children(
    admin_client: Client,
    model: type[models.Model],
    with_children: Callable[[int], models.Model],
) -> None:
    few = with_children(5)
    many = with_children(50)
    assert isinstance(many, model)
    assert queries_to_get(admin_client, change_url(many)) == queries_to_get(
        admin_client, change_url(few)
    )


# --- Forms and assets -------------------------------------------------------------------------


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


@pytest.mark.parametrize("model", ADMINS)
def test_admin_form_shows_every_editable_field(
    model: type[models.Model], admin_user: Any, rf: RequestFactory
) -> None:
    request = rf.get("/")
    request.user = admin_user
    shown = set(flatten_fieldsets(admin.site.get_model_admin(model).get_fieldsets(request)))
    assert editable_fields(model) <= shown


@pytest.mark.parametrize("model", ADMINS)
def test_admin_pages_load_nothing_from_another_host(
    model: type[models.Model], admin_client: Client
) -> None:
    """No CDN at run time: every script and style sheet comes from our own static files."""
    responses = [admin_client.get(url) for url in (changelist_url(model), add_url(model))]
    content = "".join(r.content.decode() for r in responses if r.status_code == 200)
    assert "<script" in content
    assert not re.search(r"""<(script|link)[^>]+(src|href)=["']?(https?:)?//""", content)


@pytest.mark.parametrize("model", ADMINS)
def test_changelist_sorts_by_every_column(model: type[models.Model], admin_client: Client) -> None:
    model_admin: ModelAdmin = admin.site.get_model_admin(model)
    url = changelist_url(model)
    for column in range(1, len(model_admin.list_display) + 1):
        assert admin_client.get(f"{url}?o={column}").status_code == 200, column
        assert admin_client.get(f"{url}?o=-{column}").status_code == 200, column
