"""`{% translated obj "field" %}`: a translated text field, marked as English where it falls back.

modeltranslation shows the English text when the page's language has none; a screen reader and
a browser's hyphenation must then be told the text is English, so the value is wrapped in an
element with `lang="en"`. Body text (`paragraphs=True`) becomes paragraphs like `linebreaks`.
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.db.models import Model
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

register = template.Library()


def falls_back(obj: Model, field: str, language: str | None = None) -> bool:
    """Whether `obj.<field>` shows the fallback language's text in `language` (default: now)."""
    language = language or get_language()
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return False
    own = getattr(obj, build_localized_fieldname(field, language), None)
    return not own and bool(getattr(obj, field, ""))


@register.simple_tag
def translated(obj: Model, field: str, paragraphs: bool = False) -> SafeString:
    value = getattr(obj, field, "") or ""
    # linebreaks() escapes the text itself; both branches give escaped HTML.
    escaped = linebreaks(value, autoescape=True) if paragraphs else conditional_escape(value)
    html = mark_safe(escaped)
    if not falls_back(obj, field):
        return html
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if paragraphs:
        return format_html('<div lang="{}">{}</div>', fallback, html)
    return format_html('<span lang="{}">{}</span>', fallback, html)
