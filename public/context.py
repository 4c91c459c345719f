"""Template context every public page needs: the languages of this page and its canonical URL."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


@dataclass(frozen=True)
class PageLanguage:
    code: str
    name: str  # in its own language: "Українська", not "Ukrainian"
    url: str  # this page in that language (path and query)
    absolute_url: str
    current: bool


def page_languages(request: HttpRequest) -> dict[str, object]:
    """`page_languages` (switcher, hreflang alternates), `canonical_url` and `current_section`
    (the URL namespace, which the navigation marks) for this page.

    The query string is kept, so switching language on a filtered list keeps the filters.
    """
    if request.resolver_match is None:  # an error page: no alternates, no section
        return {}
    current = get_language()
    query = request.GET.urlencode()
    suffix = f"?{query}" if query else ""
    languages = []
    for code, _name in settings.LANGUAGES:
        path = translate_url(request.path, code)
        languages.append(
            PageLanguage(
                code=code,
                name=get_language_info(code)["name_local"],
                url=path + suffix,
                absolute_url=request.build_absolute_uri(path + suffix),
                current=code == current,
            )
        )
    return {
        "current_section": request.resolver_match.namespace,
        "page_languages": languages,
        "canonical_url": request.build_absolute_uri(request.path + suffix),
    }
