"""The house rules of the layout (README, "Layout"), read from the code itself.

Each app has one job and the dependencies point one way; these tests keep it so as the record
grows, instead of leaving it to a reviewer's eye.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Lists of words and values rather than code: long by nature, read by looking things up (the
# seedbulk vocabulary; the browser tests' sample record, one factory call per row).
DATA_TABLES = {"demo/bulk_vocabulary.py", "tests/browser/public_content.py"}

LONGEST_MODULE = 500

# Django's and the standard library's documented names that begin with an underscore.
PUBLIC_UNDERSCORE_NAMES = {"_meta", "_default_manager", "_base_manager", "_state", "_replace"}

SKIPPED_FOLDERS = {".venv", "node_modules", "var", "static", "locale", "templates", ".git"}


@cache
def our_packages() -> frozenset[str]:
    """Top-level packages of ours: every folder at the root with an __init__.py."""
    return frozenset(
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in SKIPPED_FOLDERS
    )


def python_files(*, migrations: bool = False) -> Iterator[Path]:
    for package in sorted(our_packages()):
        for path in sorted((ROOT / package).rglob("*.py")):
            if migrations or "migrations" not in path.parts:
                yield path
    yield from sorted(ROOT.glob("*.py"))


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@cache
def tree_of(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported_modules(path: Path) -> Iterator[tuple[int, str]]:
    """(line, dotted module) for every import in the file, at any depth."""
    for node in ast.walk(tree_of(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module


def is_ours(module: str) -> bool:
    return module.split(".")[0] in our_packages()


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_of_ours_is_longer_than_a_reader_takes_in_at_once() -> None:
    too_long = {
        relative(path): lines
        for path in python_files()
        if relative(path) not in DATA_TABLES
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST_MODULE
    }
    assert too_long == {}


def test_editorial_knows_none_of_the_apps_that_use_it() -> None:
    """The kernel is shared by everything; it may not lean on any one user of it."""
    allowed = {"editorial"}
    leaning = [
        f"{relative(path)}:{line} imports {module}"
        for path in (ROOT / "editorial").rglob("*.py")
        for line, module in imported_modules(path)
        if is_ours(module) and module.split(".")[0] not in allowed
    ]
    assert leaning == []


@pytest.mark.parametrize("package", ["api", "public"])
def test_the_shared_toolkits_do_not_lean_on_the_admin(package: str) -> None:
    """The partner API and the public site read the record; the admin edits it."""
    leaning = [
        f"{relative(path)}:{line} imports {module}"
        for path in (ROOT / package).rglob("*.py")
        for line, module in imported_modules(path)
        if module == "editorial.admin" or module.startswith("editorial.admin.")
    ]
    assert leaning == []


def test_no_module_imports_another_modules_private_names() -> None:
    """A helper another module needs is made a documented public function instead."""
    reaching_in = []
    for path in python_files():
        imported_from_us: set[str] = set()
        private_attributes: list[ast.Attribute] = []
        for node in ast.walk(tree_of(path)):
            if isinstance(node, ast.ImportFrom) and node.module and is_ours(node.module):
                for alias in node.names:
                    if is_private(alias.name):
                        reaching_in.append(f"{relative(path)}:{node.lineno} {alias.name}")
                    imported_from_us.add(alias.asname or alias.name)
            elif isinstance(node, ast.Import):
                imported_from_us.update(
                    (alias.asname or alias.name).split(".")[0]
                    for alias in node.names
                    if is_ours(alias.name)
                )
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and is_private(node.attr)
                and node.attr not in PUBLIC_UNDERSCORE_NAMES
            ):
                private_attributes.append(node)
        # An import may stand below its first use (inside a function), so names are matched last.
        reaching_in.extend(
            f"{relative(path)}:{node.lineno} {node.value.id}.{node.attr}"
            for node in private_attributes
            if node.value.id in imported_from_us
        )
    assert reaching_in == [], "\n".join(reaching_in)


def test_the_load_harness_is_a_tool_beside_the_product_not_part_of_it() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    installed = pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    assert not [pattern for pattern in installed if pattern.startswith("bench")]
    product_importing_bench = [
        f"{relative(path)}:{line}"
        for path in python_files(migrations=True)
        if path.parts[len(ROOT.parts)] not in {"bench", "tests"}
        for line, module in imported_modules(path)
        if module.split(".")[0] == "bench"
    ]
    assert product_importing_bench == []


def test_every_app_in_the_layout_is_installed_or_a_tool() -> None:
    """The README's Layout names each app; a package nobody installs would be dead code."""
    from django.conf import settings

    installed = {name.split(".")[0] for name in settings.INSTALLED_APPS}
    tools = {"bench", "config", "tests"}
    assert our_packages() - tools <= installed
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    assert [package for package in sorted(our_packages()) if f"{package}/" not in layout] == []
