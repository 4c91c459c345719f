"""Web addresses as the record keeps them and as the API gives them.

Django's URLField takes any character but white space after the host, so `"` and `<` pass,
and so do letters outside ASCII (an IRI, e.g. a Ukrainian page's address as a browser
shows it). The API types a source's address as an RFC 3986 URI: it gives every address
through `as_uri()`, and editors cannot store the characters no address ever holds.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _

# ASCII characters RFC 3986 allows nowhere in a URI, and no IRI allows either.
NEVER_IN_AN_ADDRESS = frozenset('"<>\\^`{|}')
# Scheme and host, then the rest (path, query, fragment), where `[` and `]` may not appear.
_AUTHORITY = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*)(.*)$", re.DOTALL)
# A `%` that does not start a %XX escape.
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def validate_address_characters(value: str) -> None:
    """Refuse an address holding a character that no address holds, saying which."""
    found = sorted(NEVER_IN_AN_ADDRESS.intersection(value))
    if found:
        raise ValidationError(
            _(
                "An address cannot hold %(characters)s. Copy it again from the browser's "
                "address bar, or write each as %%XX (a double quote is %%22)."
            ),
            # Not "invalid": a form would show its own "Enter a valid URL." instead.
            code="forbidden_characters",
            params={"characters": " ".join(found)},
        )


def as_uri(address: str) -> str:
    """`address` as an RFC 3986 URI: what no URI may hold percent-encoded as UTF-8 (letters
    outside ASCII, a stray `%`, `[` or `]` after the host), what is already encoded unchanged.
    An address that is already a URI comes back as it is."""
    address = _STRAY_PERCENT.sub("%25", address)
    match = _AUTHORITY.match(address)
    if match:
        authority, rest = match.groups()
        address = authority + rest.replace("[", "%5B").replace("]", "%5D")
    return iri_to_uri(address)
