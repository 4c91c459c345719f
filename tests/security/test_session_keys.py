"""Session keys say this site issued them (staff/sessions.py), so a made-up `sessionid` is told
apart without a query (issue 15)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client

from staff.sessions import SessionStore, issued_here
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db


def new_session_key() -> str:
    session = SessionStore()
    session["seen"] = True
    session.save()
    return session.session_key


def test_the_session_engine_is_the_one_that_signs_its_keys(client: Client) -> None:
    client.force_login(make_user("editor"))

    assert issued_here(client.cookies[django_settings.SESSION_COOKIE_NAME].value)


def test_a_key_issued_here_is_recognised_and_a_changed_one_is_not() -> None:
    key = new_session_key()
    changed = key[:-1] + ("0" if key[-1] != "0" else "1")

    assert issued_here(key)
    assert not issued_here(changed)
    assert not issued_here("bogus")


def test_keys_issued_under_a_retired_secret_key_are_still_recognised(settings: Any) -> None:
    key = new_session_key()
    old_secret = settings.SECRET_KEY

    settings.SECRET_KEY = "a-new-secret-key-after-rotation-0123456789"
    assert not issued_here(key)
    settings.SECRET_KEY_FALLBACKS = [old_secret]
    assert issued_here(key)
