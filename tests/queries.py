"""What a public request costs on top of its view's own queries."""

from editorial import content_version

# A page or API answer that is not cached yet looks up, once per content version, the next
# go-live or expiry time, which bounds how long it may be kept (editorial/content_version.py).
CACHE_MISS = 1


def forget_cached_answers() -> None:
    """Retire every cached page and API answer, as a write to the record does: the next request
    is a miss and runs its view's queries."""
    content_version.bump()
