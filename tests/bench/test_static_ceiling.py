"""The ceiling's file: collected, compressible, of about a page's size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.static_ceiling import pick


def collected(root: Path, files: dict[str, int]) -> Path:
    for name, size in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"x" * size)
    paths = {name.replace(".h", ""): name for name in files}
    (root / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1"}))
    return root


def test_pick_takes_the_compressible_file_nearest_the_size(tmp_path: Path) -> None:
    root = collected(
        tmp_path,
        {"css/site.h.css": 14_000, "css/admin.h.css": 30_000, "img/photo.h.png": 20_000},
    )
    assert pick(root, near_bytes=21_000) == "css/site.h.css"
    assert pick(root, near_bytes=26_000) == "css/admin.h.css"


def test_pick_without_a_manifest_asks_for_collectstatic(tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="collectstatic"):
        pick(tmp_path, near_bytes=1000)


def test_pick_without_a_compressible_file_says_so(tmp_path: Path) -> None:
    root = collected(tmp_path, {"img/photo.h.png": 20_000})
    with pytest.raises(LookupError, match="no CSS"):
        pick(root, near_bytes=1000)
