"""Move every stored file into private storage (`MEDIA_ROOT/private/`).

Until now photo originals and renditions lay in `MEDIA_ROOT` itself, which the web server
served whole. The rows keep their file names: only the files move (a rename, so hard links and
dates are kept). Public copies are made afterwards by `manage.py syncmedia`; until it runs,
public pages link the files through Django's checked view, so nothing shows broken.
Backwards, the files move back and the public copies are deleted.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations

MOVED = ("photos", "renditions")


def _move_tree(source: Path, target: Path) -> None:
    """Move every file under `source` to the same place under `target`; never overwrite."""
    if not source.is_dir():
        return
    for directory, _subdirectories, files in os.walk(source):
        destination = target / Path(directory).relative_to(source)
        destination.mkdir(parents=True, exist_ok=True)
        for name in files:
            if not (destination / name).exists():
                os.replace(Path(directory) / name, destination / name)
    # Empty directories go; a file that was already at the target stays where it is.
    for directory, _subdirectories, _files in os.walk(source, topdown=False):
        if not os.listdir(directory):
            os.rmdir(directory)


def to_private(apps, schema_editor) -> None:
    root = Path(settings.MEDIA_ROOT)
    for name in MOVED:
        _move_tree(root / name, root / "private" / name)


def to_shared_root(apps, schema_editor) -> None:
    root = Path(settings.MEDIA_ROOT)
    for name in MOVED:
        _move_tree(root / "private" / name, root / name)
    shutil.rmtree(root / "public" / "renditions", ignore_errors=True)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0008_rendition_public_copy")]

    operations = [migrations.RunPython(to_private, to_shared_root, elidable=False)]
