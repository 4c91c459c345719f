"""Autocomplete fields whose bad input is a clear refusal, not a server error.

Django's autocomplete widgets look up the posted keys to label the chosen options when a form
is shown again, without checking them first: a POST with `funder=abc` is refused by the form
field, and then the widget's `id IN ('abc')` raises while the page with that error is drawn.
These widgets leave out what the related key could never be; the form field still says why.
And the search behind the widgets passes its term to the database unchecked, where PostgreSQL
refuses a null character: `autocomplete_view` answers such a term with a 400.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin import AdminSite
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class CheckedKeysMixin:
    """For an autocomplete widget: only values the related model's key field can hold reach
    the database."""

    field: models.ForeignKey | models.ManyToManyField

    def optgroups(self, name: str, value: list[Any], attr: dict[str, Any] | None = None) -> Any:
        return super().optgroups(name, [item for item in value if self._is_key(item)], attr)

    def _is_key(self, value: Any) -> bool:
        # The field Django's widget filters on: the relation's `to_field`, else the primary key.
        remote = self.field.remote_field.model._meta
        key_field = remote.get_field(getattr(self.field.remote_field, "field_name", remote.pk.name))
        try:
            key_field.to_python(value)
        except ValidationError:
            return False
        return True


class CheckedAutocompleteSelect(CheckedKeysMixin, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(CheckedKeysMixin, AutocompleteSelectMultiple):
    pass


class CheckedAutocompleteMixin:
    """For a ModelAdmin or inline with `autocomplete_fields`: the widgets above instead of
    Django's own."""

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey, request: HttpRequest, **kwargs: Any
    ) -> Any:
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(
        self, db_field: models.ManyToManyField, request: HttpRequest, **kwargs: Any
    ) -> Any:
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def autocomplete_view(request: HttpRequest) -> HttpResponse:
    """The admin site's autocomplete search (config/urls.py puts it in place of Django's): a
    term with a null character is a 400, as the changelist's search refuses one too."""
    if "\x00" in request.GET.get("term", ""):
        return HttpResponseBadRequest(
            str(ProhibitNullCharactersValidator.message), content_type="text/plain; charset=utf-8"
        )
    return AdminSite.autocomplete_view(admin.site, request)
