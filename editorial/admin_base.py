"""What the admins of publishable items share: language fieldsets, the photo inline, list helpers
and the interim rules for editorial state and audit stamps.

The state rule (`may_publish`, `may_change`, `PublishableAdminForm.clean`) and the save stamps
(`save_publishable`) are the only editorial logic here. The workflow issue replaces them by calls
to `editorial/workflow.py`; keeping them together makes that one change in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AdminTextareaWidget
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import F, Prefetch
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationGenericStackedInline
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from editorial.models import Photo, Publishable, Status

User = AbstractBaseUser | AnonymousUser
Fieldsets = list[tuple[Any, dict[str, Any]]]

# --- Translated fields, grouped by language -------------------------------------------------


def translated_fields(model: type[models.Model]) -> list[str]:
    """The model's translated fields in the order the model declares them.

    The registry keeps them in a set, whose order changes from one process to the next.
    """
    if model not in translator.get_registered_models():
        return []
    registered = translator.get_options_for_model(model).all_fields
    return [field.name for field in model._meta.concrete_fields if field.name in registered]


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def localized_names(*fields: str) -> list[str]:
    """Every language's column for each of `fields`, e.g. for search_fields."""
    return [build_localized_fieldname(field, code) for field in fields for code in language_codes()]


def language_rows(model: type[models.Model]) -> list[tuple[str, ...]]:
    """One row per language with that language's version of every translated field."""
    fields = translated_fields(model)
    return [
        tuple(build_localized_fieldname(field, code) for field in fields)
        for code in language_codes()
    ]


def language_fieldsets(model: type[models.Model]) -> Fieldsets:
    """One fieldset per language, named in that language ("Українська"), one field a line."""
    return [
        (get_language_info(code)["name_local"], {"fields": list(row)})
        for code, row in zip(language_codes(), language_rows(model), strict=True)
    ]


def language_columns(model: type[models.Model]) -> list[str]:
    """The translated fields of a tabular inline, language by language."""
    return [name for row in language_rows(model) for name in row]


PUBLISHING_FIELDS = ("slug", "status", "publish_at", "expire_at")
SCHEDULE_FIELDS = ("publish_at", "expire_at")
AUDIT_FIELDS = (
    "version",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "reviewed_at",
    "reviewed_by",
    "published_at",
    "published_by",
)


def publishable_fieldsets(model: type[Publishable], content: Sequence[Any]) -> Fieldsets:
    """Content, then each language, then publishing and the read-only audit trail."""
    return [
        (_("Content"), {"fields": list(content)}),
        *language_fieldsets(model),
        (_("Publishing"), {"fields": list(PUBLISHING_FIELDS)}),
        (_("Audit"), {"fields": list(AUDIT_FIELDS), "classes": ["collapse"]}),
    ]


# --- Editorial state: who may do what (interim, until editorial/workflow.py) -----------------

EDITOR_STATUSES = frozenset({Status.DRAFT, Status.IN_REVIEW})


def may_publish(user: User, model: type[models.Model]) -> bool:
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def publishable_owner(obj: models.Model | None) -> Publishable | None:
    """The publishable item whose public page shows `obj`: the item itself, or the item a child
    (milestone, photo) belongs to, found through its foreign key or generic foreign key."""
    if obj is None or isinstance(obj, Publishable):
        return obj
    for field in obj._meta.concrete_fields:
        if field.many_to_one and issubclass(field.related_model, Publishable):
            return getattr(obj, field.name)
    for field in obj._meta.private_fields:
        if isinstance(field, GenericForeignKey):
            return publishable_owner(getattr(obj, field.name))
    return None


def may_change(user: User, obj: models.Model) -> bool:
    """Editors change drafts and items in review; published and archived items only publishers.

    Without pending revisions (the workflow issue) an editor's save of a live item would reach
    the public unapproved, and moving it back to draft would unpublish it: both are publishers'.
    """
    owner = publishable_owner(obj)
    return owner is None or owner.status in EDITOR_STATUSES or may_publish(user, type(owner))


class PublishableAdminForm(forms.ModelForm):
    """Refuses on the server what a user without the publish permission may not set."""

    # Set per request by PublishableAdmin.get_form, on the class modelform_factory made for it.
    may_publish: bool = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.may_publish:
            return
        if "status" in self.fields:
            # Only the widget is narrowed: the field keeps every choice so that clean() can
            # answer a forged value with a message that says why.
            field = self.fields["status"]
            field.widget.choices = [c for c in field.choices if c[0] in EDITOR_STATUSES]
        for name in SCHEDULE_FIELDS:
            if name in self.fields:
                # A disabled field takes its value from the instance whatever the POST says.
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Only a publisher may schedule an item.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        status = cleaned.get("status")
        if not self.may_publish and status and status not in EDITOR_STATUSES:
            self.add_error(
                "status",
                _(
                    "Only a publisher may set the state “%(state)s”. "
                    "Save it as a draft or send it for review."
                )
                % {"state": Status(status).label},
            )
        return cleaned


def save_publishable(obj: Publishable, *, user: User, adding: bool) -> None:
    """Save with who created and changed it, count the save, stamp the first publication."""
    if adding:
        obj.created_by = user
    else:
        # Counted in the database, so two saves that race each other both count.
        obj.version = F("version") + 1
    obj.updated_by = user
    if obj.status == Status.PUBLISHED and obj.published_at is None:
        obj.published_at = timezone.now()
        obj.published_by = user
    obj.save()
    if not adding:
        obj.refresh_from_db(fields=["version"])


# --- Photos -----------------------------------------------------------------------------------

THUMBNAIL_WIDTH = 96


def photo_preview(photo: Photo) -> str:
    if not photo.image:
        return ""
    return format_html(
        '<a href="{}"><img src="{}" alt="{}" width="{}" loading="lazy"></a>',
        photo.image.url,
        photo.image.url,
        photo.alt_text,
        THUMBNAIL_WIDTH,
    )


def warning(message: str) -> str:
    """A warning in the admin's own look: its alert icon and strong text."""
    return format_html(
        '<img src="{}" alt="" width="14" height="14"> <strong>{}</strong>',
        static("admin/img/icon-alert.svg"),
        message,
    )


def photo_visibility(photo: Photo) -> str:
    if photo.is_public():
        return ""
    return warning(_("Hidden from the public: shows minors and no consent is on file."))


class PhotoInline(TranslationGenericStackedInline):
    model = Photo
    extra = 0
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("preview", "image"),
                    ("order", "role"),
                    ("taken_on", "credit"),
                    ("shows_minors", "consent_on_file", "visibility"),
                    *language_rows(Photo),
                ]
            },
        )
    ]
    readonly_fields = ("preview", "visibility")

    @admin.display(description=_("preview"))
    def preview(self, photo: Photo) -> str:
        return photo_preview(photo)

    @admin.display(description=_("visibility"))
    def visibility(self, photo: Photo) -> str:
        return photo_visibility(photo)


# --- Lists ------------------------------------------------------------------------------------


def grouped_number(value: Decimal | None) -> str | None:
    """A number with thousands grouped in the reader's locale; cents only when there are any."""
    if value is None:
        return None
    places = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=places, force_grouping=True)


def textarea_rows(rows: int) -> dict[type[models.Field], dict[str, Any]]:
    """formfield_overrides for text areas of `rows` lines.

    Every text comes in three languages; the default ten lines make a very long page.
    """
    return {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": rows})}}


def year_filter(field: str, label: str) -> type[admin.SimpleListFilter]:
    """A list filter by the year of a date field, offering only the years that occur."""

    class YearFilter(admin.SimpleListFilter):
        title = label
        parameter_name = f"{field}_year"

        def lookups(
            self, request: HttpRequest, model_admin: admin.ModelAdmin
        ) -> list[tuple[str, str]]:
            years = model_admin.get_queryset(request).dates(field, "year", order="DESC")
            return [(str(day.year), str(day.year)) for day in years]

        def queryset(self, request: HttpRequest, queryset: models.QuerySet) -> models.QuerySet:
            value = self.value()
            if value and value.isdigit():
                return queryset.filter(**{f"{field}__year": int(value)})
            return queryset

    return YearFilter


class _PrefetchingChangeList(ChangeList):
    def get_results(self, request: HttpRequest) -> None:
        super().get_results(request)
        # Only the page of rows shown gets the prefetch; counts and date lists stay plain.
        lookups = self.model_admin.get_list_prefetch_related(request)
        if lookups:
            self.result_list = self.result_list.prefetch_related(*lookups)


class ListPrefetchMixin:
    """`list_prefetch_related`: the many-valued relations the changelist columns show."""

    list_prefetch_related: Sequence[str | Prefetch] = ()

    def get_list_prefetch_related(self, request: HttpRequest) -> list[str | Prefetch]:
        return list(self.list_prefetch_related)

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return _PrefetchingChangeList


class LiveItemGuardMixin:
    """Shows what belongs to a live or archived item read-only to users who may not publish it."""

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_change(request.user, obj))

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_change(request.user, obj))


class PhotoOwnerAdmin(LiveItemGuardMixin, ListPrefetchMixin, TranslationAdmin):
    """An admin of something photos are attached to: the photo inline and a photos column."""

    inlines = [PhotoInline]
    formfield_overrides = textarea_rows(5)

    def get_list_prefetch_related(self, request: HttpRequest) -> list[str | Prefetch]:
        lookups = super().get_list_prefetch_related(request)
        if "photo_summary" in self.get_list_display(request):
            fields = ("id", "content_type_id", "object_id", "shows_minors", "consent_on_file")
            lookups.append(Prefetch("photos", queryset=Photo.objects.only(*fields)))
        return lookups

    @admin.display(description=_("photos"))
    def photo_summary(self, obj: models.Model) -> str:
        photos = obj.photos.all()
        hidden = sum(1 for photo in photos if not photo.is_public())
        if not hidden:
            return str(len(photos))
        return format_html(
            "{} {}",
            len(photos),
            warning(_("%(count)d hidden (minors, no consent)") % {"count": hidden}),
        )


class PublishableAdmin(PhotoOwnerAdmin):
    """The admin of a publishable item: language fieldsets, state rules and audit stamps."""

    form = PublishableAdminForm
    readonly_fields = AUDIT_FIELDS
    prepopulated_fields = {"slug": ("title_en",)}
    list_filter = ("status",)
    list_per_page = 50

    def get_form(
        self,
        request: HttpRequest,
        obj: Publishable | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> type[forms.ModelForm]:
        form = super().get_form(request, obj, change=change, **kwargs)
        form.may_publish = may_publish(request.user, self.model)
        return form

    def save_model(
        self, request: HttpRequest, obj: Publishable, form: forms.ModelForm, change: bool
    ) -> None:
        save_publishable(obj, user=request.user, adding=not change)
