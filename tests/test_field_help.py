"""Every field an editor fills in explains itself in the admin."""

import pytest
from django.apps import apps
from django.db import models
from modeltranslation.fields import TranslationField

OUR_APPS = ("editorial", "aid", "projects", "people", "partners")


def editable_fields() -> list[models.Field]:
    return [
        field
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and not field.auto_created
        and not isinstance(field, TranslationField)
    ]


@pytest.mark.parametrize("field", editable_fields(), ids=lambda f: f"{f.model.__name__}.{f.name}")
def test_editable_field_has_help_text(field: models.Field) -> None:
    assert str(field.help_text).strip()
