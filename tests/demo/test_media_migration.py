"""Migration 0009 moves the demo record's files into private storage and loses none."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.media_migration import assert_migration_keeps_every_file

pytestmark = pytest.mark.django_db


def test_the_move_to_private_storage_keeps_every_demo_file(
    demo_output: str, demo_media: Path, settings: pytest.FixtureRequest
) -> None:
    settings.MEDIA_ROOT = demo_media
    assert_migration_keeps_every_file(demo_media)
