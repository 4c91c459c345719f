"""The admin's "view on site" shortcut, for staff who may view the object's kind only.

Django's own shortcut (/admin/r/<content type>/<id>/) asks only that the user be staff, so it
would tell any staff account the public address (and so the slug) of a draft of any kind.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from editorial.roles import has_model_perm


def view_on_site(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or not any(
        has_model_perm(request.user, action, model) for action in ("view", "change")
    ):
        raise PermissionDenied
    return shortcut(request, content_type_id, object_id)
