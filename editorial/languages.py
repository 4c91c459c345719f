"""The site's languages as one page offers them: its language switcher and hreflang alternates.

The public pages (public/context.py) and the admin's preview of them (editorial/preview.py) both
list a page in every language; only the address of each differs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_info


@dataclass(frozen=True)
class PageLanguage:
    """One entry of a page's language switcher and of its hreflang alternates."""

    code: str
    name: str  # in its own language: "Українська", not "Ukrainian"
    url: str  # this page in that language (path and query)
    absolute_url: str
    current: bool


def page_languages(
    request: HttpRequest, url_in: Callable[[str], str], current: str
) -> list[PageLanguage]:
    """This page in each language of the site; `url_in(code)` gives its address in `code`."""
    return [
        PageLanguage(
            code=code,
            name=get_language_info(code)["name_local"],
            url=url_in(code),
            absolute_url=request.build_absolute_uri(url_in(code)),
            current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]
