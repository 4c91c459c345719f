"""Upload several photos to an item at once, from its change form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editorial import services, workflow
from editorial.admin.item_pages import ItemPagesMixin
from editorial.models import Photo


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; each is checked by the upload service, not here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class BulkPhotoForm(forms.Form):
    files = MultipleFileField(
        label=_("Photos"),
        help_text=_("Up to %(most)d at once: JPEG, PNG, WebP or HEIC.")
        % {"most": services.BULK_UPLOAD_MAX_FILES},
    )
    alt_text = forms.CharField(
        label=_("Alt text [en]"),
        max_length=Photo._meta.get_field("alt_text").max_length,
        help_text=_(
            "What the photos show, for people who cannot see them. Each photo gets this text; "
            "make each one specific, and add captions and translations, in the item's form."
        ),
    )
    credit = forms.CharField(
        label=_("Credit"), max_length=Photo._meta.get_field("credit").max_length
    )
    taken_on = forms.DateField(label=_("Taken on"), required=False)
    shows_minors = forms.BooleanField(label=_("Shows minors"), required=False)
    consent_on_file = forms.BooleanField(label=_("Consent on file"), required=False)


class BulkPhotoUploadMixin(ItemPagesMixin):
    """Adds <id>/photos/upload/ to a publishable's admin."""

    def get_urls(self) -> list[URLPattern]:
        return [
            self._item_path("<path:object_id>/photos/upload/", self.bulk_photo_view, "photos"),
            *super().get_urls(),
        ]

    def photo_upload_context(self, request: HttpRequest, item: Any) -> dict[str, Any]:
        """The change form's "Upload photos" button, for drafts and items in review only."""
        if item.edits_in_place() and self.has_change_permission(request, item):
            return {"photo_upload_url": self._url("photos", item.pk)}
        return {}

    def bulk_photo_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        item = self._viewable(request, object_id)
        if not self.has_change_permission(request, item):
            raise PermissionDenied
        form = BulkPhotoForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                added = services.add_photos(
                    item=item,
                    user=request.user,
                    files=data.pop("files"),
                    **data,
                )
            except workflow.NotPermitted as refusal:
                raise PermissionDenied(str(refusal)) from refusal
            except workflow.NotAllowedNow as refusal:
                messages.error(request, str(refusal))
                return HttpResponseRedirect(self._url("change", item.pk))
            except ValidationError as refusal:
                form.add_error("files", refusal)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d photo added. Give each its own alt text and caption below.",
                        "%(count)d photos added. Give each its own alt text and caption below.",
                        len(added),
                    )
                    % {"count": len(added)},
                )
                return HttpResponseRedirect(self._url("change", item.pk))
        return self._render(
            request,
            "photo_upload.html",
            item,
            form=form,
            title=_("Upload photos to “%(item)s”") % {"item": item},
        )
