"""Serializers the apps' serializers are made of: what every published record shows (its
texts, photos and sources), dates with their precision, and summaries of organisations and
places."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from editorial.dates import DatePrecision
from editorial.models import Organization, Photo, Place, Rendition, Source
from editorial.renditions import RenditionFormat, current_renditions


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "properties": {
            "date": {"type": "string", "format": "date"},
            "precision": {"type": "string", "enum": DatePrecision.values},
        },
        "required": ["date", "precision"],
        "description": "A date and how much of it is known: a month- or year-precise date "
        "is the first day of its month or year.",
    }
)
class ApproximateDateField(serializers.Field):
    """A date beside its precision, e.g. {"date": "2025-08-01", "precision": "month"}."""

    csv_parts = ("date", "precision")  # its CSV columns, e.g. decided_on.date

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance: Any) -> dict[str, str] | None:
        value = getattr(instance, self.field_name)
        if value is None:
            return None
        precision = getattr(instance, f"{self.field_name}_precision")
        return {"date": value.isoformat(), "precision": precision}


class DetailUrlField(serializers.HyperlinkedIdentityField):
    """The absolute address of an object's API detail, by slug. Unlike DRF's own field it
    drops the request's `?format=`: a CSV row links to the JSON detail."""

    def __init__(self, view_name: str, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "This object in the API (JSON).")
        super().__init__(view_name=view_name, lookup_field="slug", **kwargs)

    def get_url(self, obj: Any, view_name: str, request: Any, format: str | None) -> str:
        path = reverse(view_name, kwargs={self.lookup_url_kwarg: obj.slug})
        return request.build_absolute_uri(path) if request else path


class OrganizationSummarySerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = Organization
        fields = ["slug", "name", "acronym", "kind", "country"]


class PlaceSummarySerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = Place
        fields = ["slug", "name", "kind", "country", "latitude", "longitude"]


class SourceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(
        help_text="Where the text can be read; null for print or broadcast sources."
    )

    class Meta:
        model = Source
        fields = ["title", "publisher", "url", "published_on"]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_url(self, source: Source) -> str | None:
        # Stored blank when there is none: not a URL. Written as a URI, as the type says.
        return source.uri or None


class RenditionSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The file's address.")

    class Meta:
        model = Rendition
        fields = ["url", "width", "height", "format"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, rendition: Rendition) -> str:
        # Its public copy's address (or, until the copy is made, Django's checked one).
        request = self.context.get("request")
        return request.build_absolute_uri(rendition.url) if request else rendition.url


def _largest_jpeg(photo: Photo) -> Rendition | None:
    """The widest JPEG copy of `photo`, which the API gives as the photo; looked for once."""
    if not hasattr(photo, "_largest_jpeg"):
        jpegs = [r for r in current_renditions(photo) if r.format == RenditionFormat.JPEG]
        photo._largest_jpeg = max(jpegs, key=lambda r: r.width, default=None)
    return photo._largest_jpeg


class PhotoSerializer(serializers.ModelSerializer):
    """A public photo: prefetch with `editorial.renditions.photos_prefetch()`."""

    url = serializers.SerializerMethodField(
        help_text="The photo at its largest public size (a JPEG copy, at most 1600 px wide); "
        "null until its copies are made. The uploaded original is not published."
    )
    width = serializers.SerializerMethodField(help_text="Width of `url`'s file, pixels.")
    height = serializers.SerializerMethodField(help_text="Height of `url`'s file, pixels.")
    renditions = serializers.SerializerMethodField(
        help_text="Smaller copies in WebP and JPEG, made from the present original."
    )

    class Meta:
        model = Photo
        fields = [
            "url",
            "width",
            "height",
            "caption",
            "alt_text",
            "credit",
            "taken_on",
            "role",
            "renditions",
        ]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_url(self, photo: Photo) -> str | None:
        largest = _largest_jpeg(photo)
        return self._rendition.get_url(largest) if largest else None

    @extend_schema_field({"type": "integer", "nullable": True})
    def get_width(self, photo: Photo) -> int | None:
        largest = _largest_jpeg(photo)
        return largest.width if largest else None

    @extend_schema_field({"type": "integer", "nullable": True})
    def get_height(self, photo: Photo) -> int | None:
        largest = _largest_jpeg(photo)
        return largest.height if largest else None

    @extend_schema_field(RenditionSerializer(many=True))
    def get_renditions(self, photo: Photo) -> list[dict[str, Any]]:
        # Renditions of a replaced original linger until `manage.py renditions` clears them.
        return [self._rendition.to_representation(r) for r in current_renditions(photo)]

    @cached_property
    def _rendition(self) -> RenditionSerializer:
        # One for every photo of a list: making a serializer's fields costs more than using
        # them, and a whole list's CSV (api/csv_format.py) has thousands of photos.
        return RenditionSerializer(context=self.context)


class PublishableSerializer(serializers.ModelSerializer):
    """What every published record shows first and last: where it is, its texts, its public
    photos and its sources. Subclasses list their own fields with `fields_with()`."""

    public_url = serializers.SerializerMethodField(
        help_text="This object's page on the public site, in the language of the response."
    )
    photos = PhotoSerializer(many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)

    LEADING_FIELDS = ("url", "slug", "public_url", "title", "summary", "body")
    TRAILING_FIELDS = ("photos", "sources", "updated_at")

    @classmethod
    def fields_with(cls, *own: str) -> list[str]:
        return [*cls.LEADING_FIELDS, *own, *cls.TRAILING_FIELDS]

    @extend_schema_field(OpenApiTypes.URI)
    def get_public_url(self, obj: Any) -> str:
        # The active language is the response's (PartnerApiMiddleware), and so is the
        # page's language prefix.
        path = obj.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path
