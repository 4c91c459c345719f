"""The demo, loaded once per test module (it draws ~40 images) inside a transaction that is
rolled back when the module ends; each test runs in a savepoint inside it, as usual."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

from tests.demo.loading import FAST_HASHER, loaddemo


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="module")
def demo_output(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest, demo_media: Path
) -> Iterator[str]:
    """Run loaddemo once for the module; its rows vanish with the rollback at the end."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=demo_media, PASSWORD_HASHERS=FAST_HASHER),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield loaddemo()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
