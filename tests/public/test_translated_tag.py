"""`{% translated %}`: the page language's text, or English marked lang="en", always escaped."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation

from aid.models import AidPackage

TEMPLATE = Template(
    "{% load translations %}"
    '{% translated obj "title" %}|{% translated obj "body" paragraphs=True %}'
)


def render(obj: AidPackage, language: str) -> str:
    with translation.override(language):
        return TEMPLATE.render(Context({"obj": obj}))


def test_own_language_text_is_not_marked() -> None:
    package = AidPackage(title_en="Cable", title_uk="Кабель", body_en="A", body_uk="Б\n\nД")
    assert render(package, "uk") == "Кабель|<p>Б</p>\n\n<p>Д</p>"


def test_english_fallback_is_marked_and_paragraphs_are_not_escaped_twice() -> None:
    package = AidPackage(title_en="Cable", body_en="First.\n\nSecond.")
    assert render(package, "az") == (
        '<span lang="en">Cable</span>|<div lang="en"><p>First.</p>\n\n<p>Second.</p></div>'
    )


def test_text_is_escaped() -> None:
    package = AidPackage(title_en="<script>x</script>", body_en="<b>bold</b>")
    rendered = render(package, "uk")
    assert "<script>" not in rendered and "<b>" not in rendered
    assert "&lt;script&gt;x&lt;/script&gt;" in rendered
