"""Children of a publishable item edited on their own pages (a milestone, a photo): what the
item's state allows (`workflow.may_change_child`), and each change kept in the item's history."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from editorial import workflow
from editorial.publishing import Publishable, publishable_owner


class LiveItemGuardMixin:
    """Shows a child of a live or archived item read-only to users who may not change it."""

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.may_change_child(request.user, obj))

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.may_change_child(request.user, obj))

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        self._record_on_owner(request, obj, _("“%(child)s” changed on its own page."))

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        owner = publishable_owner(obj)
        super().delete_model(request, obj)
        self._record_on_owner(request, obj, _("“%(child)s” deleted."), owner)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        for child in queryset:
            self.delete_model(request, child)

    def _record_on_owner(
        self,
        request: HttpRequest,
        child: models.Model,
        comment: str,
        owner: Publishable | None = None,
    ) -> None:
        """The item's history shows the change, and open forms of the item become outdated."""
        owner = owner or publishable_owner(child)
        if owner is not None:
            workflow.record_child_change(
                owner=owner, user=request.user, comment=comment % {"child": child}
            )
