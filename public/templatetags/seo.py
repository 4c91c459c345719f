"""`{% open_graph obj %}` and `{% json_ld obj %}`: how a detail page describes itself to
link previews and search engines.

Both read what the page shows: the translated title and summary (English where the page's
language has none), and the first public photo, from `obj.photos.all()` as prefetched by
`for_detail()`, so they cost no query. A photo of minors without consent on file is skipped
even if a caller forgot `public()`: a preview image leaves our control once shared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from editorial.renditions import picture_sources

from .translations import falls_back

register = template.Library()

# Escapes that keep JSON inside <script> from closing it or opening a comment; the JSON
# stays equivalent (a JSON parser reads \u003C as "<").
SCRIPT_SAFE_JSON = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int | None
    height: int | None
    alt: str


def share_image(obj: Model, request: Any) -> ShareImage | None:
    """The first public photo of `obj` as the JPEG an `<img>` falls back to (link previews
    read JPEG more widely than WebP; the middle width, 960 px, suits them); None when it has
    no public photo with renditions."""
    photo = next((photo for photo in obj.photos.all() if photo.is_public()), None)
    if photo is None or not photo.image:
        return None
    sources = picture_sources(photo)
    if not sources.jpeg_srcset:
        return None  # no renditions yet: the original is not the public's
    return ShareImage(
        request.build_absolute_uri(sources.src), sources.width, sources.height, photo.alt_text
    )


def _content_language(obj: Model) -> str:
    """The language the title is shown in: the page's, or English where it falls back."""
    if falls_back(obj, "title"):
        return settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return get_language()


def _published(obj: Model) -> Any:
    return obj.published_at or obj.created_at


@register.simple_tag(takes_context=True)
def open_graph(context: template.Context, obj: Model) -> SafeString:
    """The Open Graph properties of an article page (base.html gives og:url and og:site_name)."""
    properties: list[tuple[str, Any]] = [
        ("og:type", "article"),
        ("og:title", obj.title),
        ("og:description", obj.summary),
    ]
    image = share_image(obj, context["request"])
    if image is not None:
        properties.append(("og:image", image.url))
        if image.width and image.height:
            properties += [("og:image:width", image.width), ("og:image:height", image.height)]
        properties.append(("og:image:alt", image.alt))
    properties += [
        ("article:published_time", _published(obj).isoformat()),
        ("article:modified_time", obj.updated_at.isoformat()),
    ]
    return format_html_join(
        "\n  ", '<meta property="{}" content="{}">', ((name, value) for name, value in properties)
    )


def article_data(obj: Model, request: Any) -> dict[str, Any]:
    """schema.org data of a detail page: an Article, the type every consumer understands
    (schema.org has no aid package or reconstruction project)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": obj.title,
        "description": obj.summary,
        "url": request.build_absolute_uri(obj.get_absolute_url()),
        "mainEntityOfPage": request.build_absolute_uri(obj.get_absolute_url()),
        "datePublished": _published(obj),
        "dateModified": obj.updated_at,
        "inLanguage": _content_language(obj),
        "publisher": {"@type": "Organization", "name": _("Körpü")},
    }
    image = share_image(obj, request)
    if image is not None:
        data["image"] = {
            "@type": "ImageObject",
            "url": image.url,
            "width": image.width,
            "height": image.height,
            "caption": image.alt,
        }
    return data


@register.simple_tag(takes_context=True)
def json_ld(context: template.Context, obj: Model) -> SafeString:
    """`<script type="application/ld+json">` with the page's schema.org data, escaped so that
    no text in it (a title containing "</script>") can end the script element."""
    data = article_data(obj, context["request"])
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_SAFE_JSON)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # escaped above
