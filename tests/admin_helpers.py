"""Steps the admin tests share: admin URLs, staff logins, query counts and form round trips."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import connection, models
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone


def admin_url(model: type[models.Model], view: str, *args: object) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def changelist_url(model: type[models.Model]) -> str:
    return admin_url(model, "changelist")


def add_url(model: type[models.Model]) -> str:
    return admin_url(model, "add")


def change_url(obj: models.Model) -> str:
    return admin_url(type(obj), "change", obj.pk)


def login_staff(client: Client, group: str, username: str = "staff") -> AbstractBaseUser:
    """A staff user in one of the role groups the data migrations create, logged in."""
    user = get_user_model().objects.create_user(username, password="unused", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def queries_to_get(client: Client, url: str) -> int:
    """How many queries one GET of `url` runs, with per-process caches already warm.

    The first GET fills caches (content types, permissions) that hold whatever the row count;
    the second shows what the page itself costs.
    """
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def _widget_data(form: forms.BaseForm, name: str) -> dict[str, Any]:
    """What the browser would submit for one field of `form`, unchanged."""
    bound = form[name]
    key = bound.html_name
    value = bound.value()
    field = bound.field
    if isinstance(field, forms.FileField):
        return {}  # an existing file stays when nothing is uploaded
    if isinstance(field, forms.BooleanField):
        return {key: "on"} if value else {}
    if isinstance(field, forms.SplitDateTimeField):
        if not value:
            return {}
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return {f"{key}_0": local.date().isoformat(), f"{key}_1": local.time().isoformat()}
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return {key: [str(item) for item in value or []]}
    return {key: "" if value is None else str(value)}


def form_data(response: HttpResponse) -> dict[str, Any]:
    """The POST body the admin form in `response` submits when saved unchanged.

    Inline formsets keep their stored rows and drop the empty extra forms, so tests change
    only what they are about.
    """
    form = response.context["adminform"].form
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        if not field.disabled:
            data.update(_widget_data(form, name))
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        stored = formset.initial_forms
        prefix = formset.prefix
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(stored)),
                f"{prefix}-INITIAL_FORMS": str(len(stored)),
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for child in stored:
            for name in child.fields:
                data.update(_widget_data(child, name))
    return data


def inline_rows(data: dict[str, Any], prefix: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """`data` with `rows` appended as new forms of the inline formset named `prefix`."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for index, row in enumerate(rows, start=total):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    data[f"{prefix}-TOTAL_FORMS"] = str(total + len(rows))
    return data
