"""Sessions in the database, under keys that say this site issued them.

Only a signed-in staff member skips the page cache (public/page_cache.py), and anyone can send
a `sessionid` cookie: were every such cookie looked up, a made-up one would cost a query and
a whole page made anew at every request. So a new session's key ends with a keyed hash
(HMAC, under SECRET_KEY) of its random part: a key this site never issued is told apart with
no query at all, and one that it did costs the session's row, and the user's if it has one.

The rows stay in the database, not in Redis (cached_db): the cache forgets its errors
(ops/cache.py), so a sign-out while Redis is down would leave the old session in the cache,
signed in again once Redis is back.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
    load_backend,
)
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import ValidationError
from django.utils.crypto import constant_time_compare, get_random_string, salted_hmac

SALT = "korpu.staff.sessions"
# 24 random characters of [a-z0-9] (124 bits) and 16 hex digits of HMAC (64 bits): the 40
# characters of django_session.session_key.
RANDOM_LENGTH = 24
TAG_LENGTH = 16
VALID_KEY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


def _tag(random_part: str, secret: str) -> str:
    return salted_hmac(SALT, random_part, secret=secret, algorithm="sha256").hexdigest()[
        :TAG_LENGTH
    ]


def issued_here(session_key: str) -> bool:
    """Whether this site issued `session_key` (under its secret key or a fallback), without
    asking the database whether the session still exists."""
    if len(session_key) != RANDOM_LENGTH + TAG_LENGTH:
        return False
    random_part, tag = session_key[:RANDOM_LENGTH], session_key[RANDOM_LENGTH:]
    secrets = (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS)
    return any(constant_time_compare(tag, _tag(random_part, secret)) for secret in secrets)


class SessionStore(DatabaseSessionStore):
    """Django's database sessions, with keys that `issued_here()` recognises."""

    def _get_new_session_key(self) -> str:
        while True:
            random_part = get_random_string(RANDOM_LENGTH, VALID_KEY_CHARS)
            session_key = random_part + _tag(random_part, settings.SECRET_KEY)
            if not self.exists(session_key):
                return session_key


def signed_in_staff(session_key: str) -> bool:
    """Whether `session_key` is a live session of a signed-in, active staff member, as
    Django's own `get_user()` would find it (the session not expired, the user active, the
    password unchanged since sign-in), but without its side effects: nothing is written.

    A key this site did not issue costs nothing; one it did costs one query for the session
    and, when someone signed in with it, one for the user.
    """
    if not issued_here(session_key):
        return False
    session = SessionStore(session_key)
    try:
        user_id = get_user_model()._meta.pk.to_python(session[SESSION_KEY])
        backend_path = session[BACKEND_SESSION_KEY]
    except (KeyError, ValidationError):
        return False
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return False
    user = load_backend(backend_path).get_user(user_id)
    if user is None or not (user.is_active and user.is_staff):
        return False
    stored = session.get(HASH_SESSION_KEY) or ""
    hashes = (user.get_session_auth_hash(), *user.get_session_auth_fallback_hash())
    return bool(stored) and any(constant_time_compare(stored, known) for known in hashes)
