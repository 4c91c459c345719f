"""Run editorial's migration 0009 (stored files into private storage) over real records."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from editorial.models import Photo, Rendition

MIGRATION = importlib.import_module("editorial.migrations.0009_media_private_by_default")


def files_under(root: Path) -> dict[str, tuple[int, int]]:
    """Every file's name under `root` with its inode and size: a move keeps both."""
    return {
        str(path.relative_to(root)): (path.stat().st_ino, path.stat().st_size)
        for path in root.rglob("*")
        if path.is_file()
    }


def assert_migration_keeps_every_file(media_root: Path) -> None:
    """Lay the files out as before the migration, run it forwards and backwards, and check that
    every file a row names is where the rows need it, the same file, each time."""
    private = media_root / "private"
    rows = [
        *Photo.objects.values_list("image", flat=True),
        *Rendition.objects.values_list("file", flat=True),
    ]
    assert rows
    MIGRATION.to_shared_root(None, None)  # the layout of before 0009
    before = files_under(media_root)
    assert not private.exists() or not any(private.rglob("*.*"))
    assert all(name in before for name in rows)

    MIGRATION.to_private(None, None)
    after = files_under(private)
    assert after == before
    assert not (media_root / "photos").exists() and not (media_root / "renditions").exists()

    MIGRATION.to_private(None, None)  # a second run changes nothing
    assert files_under(private) == after
    assert os.path.isdir(private)
