"""get_or_make: one maker per address and version; the others wait for its answer."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.core.cache import cache

from editorial import content_version

pytestmark = pytest.mark.django_db  # the schedule lookup of a stored answer

KEY = "korpu:test:answer"


def never(*args: Any) -> Any:
    raise AssertionError("made again although the cache had it")


def test_an_answer_is_made_once_and_then_served_from_the_cache() -> None:
    assert content_version.get_or_make(KEY, lambda: "page", str) == (None, "page")

    assert content_version.get_or_make(KEY, never, str) == ("page", None)


def test_an_answer_of_an_older_version_is_never_served() -> None:
    content_version.get_or_make(KEY, lambda: "before", str)

    content_version.bump()

    assert content_version.get_or_make(KEY, lambda: "after", str) == (None, "after")


def test_nothing_is_stored_when_keep_says_so() -> None:
    content_version.get_or_make(KEY, lambda: "error page", lambda made: None)

    assert content_version.get_or_make(KEY, lambda: "page", str) == (None, "page")


def test_while_another_request_makes_it_the_others_wait_for_its_answer() -> None:
    version = content_version.current()
    cache.add(f"{KEY}:making:{version}", 1)  # another request claimed it

    def maker_finishes() -> None:
        cache.set(KEY, (version, "made elsewhere"))

    timer = threading.Timer(0.2, maker_finishes)
    timer.start()
    try:
        assert content_version.get_or_make(KEY, never, str) == ("made elsewhere", None)
    finally:
        timer.cancel()


def test_a_waiting_request_makes_it_itself_if_the_maker_never_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(content_version, "WAIT_SECONDS", 0.2)
    cache.add(f"{KEY}:making:{content_version.current()}", 1)

    assert content_version.get_or_make(KEY, lambda: "made here", str) == (None, "made here")


def test_the_makers_claim_is_released_even_when_the_view_fails() -> None:
    def broken() -> str:
        raise RuntimeError("view failed")

    with pytest.raises(RuntimeError):
        content_version.get_or_make(KEY, broken, str)

    assert cache.get(f"{KEY}:making:{content_version.current()}") is None


def test_an_answer_that_may_not_be_kept_is_made_by_each_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An error page, a redirect: nobody waits for a copy that will never be stored (under the
    benchmark, concurrent API requests queued behind one another for seconds this way)."""
    monkeypatch.setattr(content_version, "WAIT_SECONDS", 5.0)
    content_version.get_or_make(KEY, lambda: "not found", lambda made: None)
    cache.add(f"{KEY}:making:{content_version.current()}", 1)  # someone is making it again

    started = time.monotonic()
    result = content_version.get_or_make(KEY, lambda: "not found", lambda made: None)

    assert result == (None, "not found")
    assert time.monotonic() - started < 0.5
