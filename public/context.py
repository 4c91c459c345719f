"""Template context every public page needs: the languages of this page and its canonical URL."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from editorial.languages import page_languages as languages_of_page


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
    return {
        "current_section": request.resolver_match.namespace,
        "page_languages": languages_of_page(
            request, lambda code: translate_url(request.path, code) + suffix, current
        ),
        "canonical_url": request.build_absolute_uri(request.path + suffix),
    }
