"""Image files for `seedbulk`: a few real illustrations, shared by tens of thousands of photos.

Many photo rows may name the same original, so each of the few originals is drawn once.
Renditions cannot be shared that way: a page uses a rendition only if its file name starts
with its photo's id (see `editorial.renditions`), so every photo needs files of its own
names. They are hard links to the renditions of its original, made once per photo: a
directory entry each, no bytes copied, and indistinguishable from files the upload path
writes. That needs media on the local file system (the benchmark's case); where the
storage has no local path, the command refuses before writing anything.

Everything lives under `photos/bulk/` and `renditions/bulk/` (in private storage, and for the
public copies of published photos in public storage), so that `--replace` and a failed run can
remove the files seedbulk made and nothing else.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import Storage, default_storage
from PIL import Image

from demo.content.captions import GROUP_THEME, PARTNERSHIP_THEME, PROJECT_THEMES, SECTOR_THEMES
from demo.illustrations import render_illustration
from editorial import photo_files
from editorial.models import Photo, Rendition
from editorial.renditions import (
    JPEG_QUALITY,
    WEBP_QUALITY,
    RenditionFormat,
    planned_widths,
    rendition_file_name,
)
from editorial.storage import public_storage

PHOTO_DIR = "photos/bulk"
RENDITION_DIR = "renditions/bulk"
# Public copies: in public storage under renditions/bulk/, still at random names
# (editorial.photo_files.public_name).
PUBLIC_RENDITION_DIR = "renditions/bulk"
# Files per subdirectory of per-photo renditions, to keep directories listable.
PHOTOS_PER_DIR = 1000
THEMES = (
    *dict.fromkeys(SECTOR_THEMES.values()),
    *dict.fromkeys(PROJECT_THEMES.values()),
    GROUP_THEME,
    PARTNERSHIP_THEME,
)


class MediaUnavailable(Exception):
    """The media storage has no local path, so renditions cannot be hard-linked."""


@dataclass(frozen=True)
class BaseRendition:
    width: int
    height: int
    format: str
    path: Path  # the shared file the photo's own name links to
    size: int


@dataclass(frozen=True)
class Original:
    name: str  # the image field's value, shared by many photos
    width: int
    height: int
    renditions: tuple[BaseRendition, ...]


def media_root(storage: Storage = default_storage) -> Path:
    try:
        return Path(storage.path(""))
    except NotImplementedError:
        raise MediaUnavailable(
            "seedbulk links rendition files on the local file system; this media storage has "
            "no local path."
        ) from None


def remove_bulk_files(storage: Storage = default_storage) -> None:
    """Delete every file seedbulk wrote (its two private directories and its public one)."""
    root = media_root(storage)
    for directory in (PHOTO_DIR, RENDITION_DIR):
        shutil.rmtree(root / directory, ignore_errors=True)
    shutil.rmtree(media_root(public_storage()) / PUBLIC_RENDITION_DIR, ignore_errors=True)


def draw_originals(storage: Storage = default_storage) -> list[Original]:
    """Draw one illustration per theme with its renditions: the files every photo shares."""
    root = media_root(storage)
    base_dir = root / RENDITION_DIR / "base"
    (root / PHOTO_DIR).mkdir(parents=True, exist_ok=True)
    base_dir.mkdir(parents=True, exist_ok=True)
    originals = []
    for number in range(len(THEMES)):
        name = f"{PHOTO_DIR}/bulk-{number}.jpg"
        data, (width, height), encoded = _drawn(number)
        (root / name).write_bytes(data)
        renditions = []
        for rendition_width, rendition_height, fmt, content in encoded:
            path = base_dir / f"{number}-{rendition_width}w.{_extension(fmt)}"
            path.write_bytes(content)
            renditions.append(
                BaseRendition(rendition_width, rendition_height, fmt, path, len(content))
            )
        originals.append(Original(name, width, height, tuple(renditions)))
    return originals


@functools.cache
def _drawn(number: int) -> tuple[bytes, tuple[int, int], list[tuple[int, int, str, bytes]]]:
    """The original's bytes, size and encoded renditions for one theme. Drawing is
    deterministic, so a process that seeds twice (the tests) draws once."""
    data = render_illustration(THEMES[number], "Körpü bulk record")
    with Image.open(io.BytesIO(data)) as opened:
        image = opened.convert("RGB")
    encoded = [
        (width, height, fmt, content)
        for width in planned_widths(image.width)
        for fmt in RenditionFormat.values
        for height, content in [_encode(image, width, fmt)]
    ]
    return data, image.size, encoded


def link_renditions(
    photos: list[Photo], originals: dict[str, Original], public: set[int]
) -> list[Rendition]:
    """Rendition rows for saved photos, each with its own hard link to its original's files;
    the photos whose ids are in `public` also get their public copies (links too), under
    random names as `editorial.photo_files` gives them."""
    root, public_root = media_root(), media_root(public_storage())
    rows = []
    made_dirs: set[Path] = set()
    for photo in photos:
        original = originals[photo.image.name]
        directory = Path(RENDITION_DIR) / f"{photo.pk // PHOTOS_PER_DIR:04d}"
        public_subdir = f"bulk/{photo.pk // PHOTOS_PER_DIR:04d}"
        public_dir = Path(photo_files.PUBLIC_DIR) / public_subdir
        for made in (root / directory, public_root / public_dir):
            if made not in made_dirs:
                made.mkdir(parents=True, exist_ok=True)
                made_dirs.add(made)
        for base in original.renditions:
            name = str(directory / rendition_file_name(photo, base.width, base.format))
            _link(base.path, root / name)
            public_name = ""
            if photo.pk in public:
                public_name = photo_files.public_name(
                    base.width, f".{_extension(base.format)}", directory=public_subdir
                )
                _link(base.path, public_root / public_name)
            rows.append(
                Rendition(
                    photo_id=photo.pk,
                    width=base.width,
                    height=base.height,
                    format=base.format,
                    file=name,
                    bytes=base.size,
                    public_name=public_name,
                )
            )
    return rows


def _link(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)  # left by a database since reset
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)  # a file system without hard links


def _extension(fmt: str) -> str:
    return "jpg" if fmt == RenditionFormat.JPEG else "webp"


def _encode(image: Image.Image, width: int, fmt: str) -> tuple[int, bytes]:
    """(height, bytes) of `image` at `width`, encoded as the upload path encodes renditions."""
    height = max(1, round(image.height * width / image.width))
    if width != image.width:
        image = image.resize((width, height), Image.LANCZOS)
    buffer = io.BytesIO()
    if fmt == RenditionFormat.WEBP:
        image.save(buffer, "WEBP", quality=WEBP_QUALITY)
    else:
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True)
    return height, buffer.getvalue()
