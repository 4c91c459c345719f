"""Campaign and click-tracking parameters, dropped from public page requests.

A link shared on social networks or in a newsletter comes back as `/en/aid/?fbclid=…` or
`?utm_source=…`, different for every reader. The site uses none of them (it has no
analytics), yet each would make its own page: a cache miss per click when news is shared
widely, and the parameter copied into the canonical URL, the language switcher and the
pagination links. Dropped before the page is looked up or made, the address is the page
everyone else reads.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from django.http import HttpRequest

# Google Analytics' campaign parameters (utm_source, utm_medium, ...) by prefix, and the
# click identifiers of the large ad and social networks and mail tools by name.
TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
    }
)


def is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_NAMES or name.startswith(TRACKING_PREFIXES)


def drop_tracking_parameters(request: HttpRequest) -> None:
    """Remove tracking parameters from `request`'s query string (and `request.GET`), keeping
    every other parameter in its order."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not is_tracking(name)]
    if len(kept) == len(pairs):
        return
    request.META["QUERY_STRING"] = urlencode(kept)
    request.__dict__.pop("GET", None)  # WSGIRequest.GET is read from it once, then kept
