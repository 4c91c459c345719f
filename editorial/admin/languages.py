"""Translated fields in the admin: every language's columns of a model, in fieldsets, rows and
table columns, and text areas short enough for three languages on one page."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.widgets import AdminTextareaWidget
from django.db import models
from django.utils.translation import get_language_info
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname, get_translation_fields

Fieldsets = list[tuple[Any, dict[str, Any]]]


def translated_fields(model: type[models.Model]) -> list[str]:
    """The model's translated fields in the order the model declares them.

    The registry keeps them in a set, whose order changes from one process to the next.
    """
    if model not in translator.get_registered_models():
        return []
    registered = translator.get_options_for_model(model).all_fields
    return [field.name for field in model._meta.concrete_fields if field.name in registered]


def localized_names(*fields: str) -> list[str]:
    """Every language's column for each of `fields`, e.g. for search_fields."""
    return get_translation_fields(*fields)


def language_rows(model: type[models.Model]) -> list[tuple[str, ...]]:
    """One row per language with that language's version of every translated field."""
    fields = translated_fields(model)
    return [
        tuple(build_localized_fieldname(field, code) for field in fields)
        for code in AVAILABLE_LANGUAGES
    ]


def language_fieldsets(model: type[models.Model]) -> Fieldsets:
    """One fieldset per language, named in that language ("Українська"), one field a line."""
    return [
        (get_language_info(code)["name_local"], {"fields": list(row)})
        for code, row in zip(AVAILABLE_LANGUAGES, language_rows(model), strict=True)
    ]


def language_columns(model: type[models.Model]) -> list[str]:
    """The translated fields of a tabular inline, language by language."""
    return [name for row in language_rows(model) for name in row]


def textarea_rows(rows: int) -> dict[type[models.Field], dict[str, Any]]:
    """formfield_overrides for text areas of `rows` lines.

    Every text comes in three languages; the default ten lines make a very long page.
    """
    return {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": rows})}}
