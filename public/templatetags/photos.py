"""`{% picture photo %}`: a photo as `<figure>` with WebP and JPEG sources, caption and credit.

Load the photos with `editorial.renditions.photos_prefetch()` so that no photo costs a query.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from editorial.models import Photo
from editorial.renditions import picture_sources

register = template.Library()

DEFAULT_SIZES = "100vw"


@register.simple_tag(takes_context=True)
def picture(
    context: template.Context, photo: Photo, sizes: str = DEFAULT_SIZES, loading: str = "lazy"
) -> SafeString:
    """`loading="eager"` for a photo above the fold (the first on a page), "lazy" below it."""
    sources = picture_sources(photo)
    if not sources.jpeg_srcset and not _staff(context):
        # No renditions yet (they are made once an upload commits; `manage.py renditions` makes
        # any that failed). The original is staff-only: better no picture than a broken one.
        return SafeString("")
    webp = ""
    if sources.webp_srcset:
        webp = format_html(
            '<source type="image/webp" srcset="{}" sizes="{}">', sources.webp_srcset, sizes
        )
    srcset = format_html(' srcset="{}" sizes="{}"', sources.jpeg_srcset, sizes)
    img = format_html(
        '<img src="{}"{}{} alt="{}" loading="{}" decoding="async">',
        sources.src,
        srcset if sources.jpeg_srcset else "",
        _dimensions(sources.width, sources.height),
        photo.alt_text,
        loading,
    )
    return format_html("<figure><picture>{}{}</picture>{}</figure>", webp, img, _caption(photo))


def _staff(context: template.Context) -> bool:
    """A signed-in staff member: the admin's previews show an upload before its renditions."""
    user = getattr(context.get("request"), "user", None)
    return bool(user and user.is_authenticated and user.is_staff)


def _dimensions(width: int | None, height: int | None) -> SafeString:
    if not (width and height):
        return SafeString("")
    return format_html(' width="{}" height="{}"', width, height)


def _caption(photo: Photo) -> SafeString:
    if not (photo.caption or photo.credit):
        return SafeString("")
    credit = format_html('<small class="photo-credit">{}</small>', photo.credit)
    if not photo.caption:
        return format_html("<figcaption>{}</figcaption>", credit)
    if not photo.credit:
        return format_html("<figcaption>{}</figcaption>", photo.caption)
    return format_html("<figcaption>{} {}</figcaption>", photo.caption, credit)
