"""The ceiling: a collected static file of about the size of a page, served by WhiteNoise in
the same gunicorn workers, which is the least work the server can do for a request."""

from __future__ import annotations

import json
from pathlib import Path

# Types WhiteNoise keeps a compressed copy of, as pages travel compressed: like for like.
COMPRESSED_SUFFIXES = (".css", ".js", ".svg", ".json", ".txt", ".html", ".xml")


def pick(static_root: Path, *, near_bytes: int) -> str:
    """The manifest name (hashed) of the compressible collected file closest in size to
    `near_bytes`, uncompressed."""
    manifest = static_root / "staticfiles.json"
    try:
        paths: dict[str, str] = json.loads(manifest.read_text())["paths"]
    except (OSError, ValueError, KeyError) as error:
        raise LookupError(f"No readable {manifest}: run collectstatic first.") from error
    sizes = {
        hashed: (static_root / hashed).stat().st_size
        for hashed in paths.values()
        if hashed.endswith(COMPRESSED_SUFFIXES) and (static_root / hashed).is_file()
    }
    if not sizes:
        raise LookupError(f"{manifest} lists no CSS, JS or SVG file.")
    return min(sorted(sizes), key=lambda name: abs(sizes[name] - near_bytes))
