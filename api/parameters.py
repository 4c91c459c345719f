"""Which query parameters a partner API endpoint accepts, and the 400 for any other: a typo
(`?sectr=energy`) never silently answers the whole list."""

from __future__ import annotations

from collections.abc import Iterable

from rest_framework.exceptions import ValidationError

# Query parameters every endpoint understands besides its filters.
COMMON_PARAMETERS = frozenset({"format", "lang"})
PAGE_PARAMETERS = frozenset({"page", "page_size"})


def refuse_unknown(asked: Iterable[str], allowed: frozenset[str]) -> None:
    """Raise a 400 naming each parameter in `asked` that is not `allowed`, and saying which
    are."""
    unknown = sorted(set(asked) - allowed)
    if unknown:
        message = f"Unknown query parameter; this endpoint accepts: {', '.join(sorted(allowed))}."
        raise ValidationError({name: [message] for name in unknown})
