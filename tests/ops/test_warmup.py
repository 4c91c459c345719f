"""config/warmup.py: what a worker's first request needs is loaded where the WSGI application
is imported (gunicorn's arbiter, before it forks), not by each worker's first request."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.template import TemplateSyntaxError, engines
from django.test import override_settings
from django.urls import URLResolver, clear_url_caches, resolve, reverse
from django.utils import translation

from config import warmup
from public import map_atlas

# A name in every namespace, as pages, the page cache and the API reverse them.
NAMES = (
    "healthz",
    "admin:index",
    "staff:code",
    "api:stats",
    "api:aidpackage-list",
    "public:home",
    "aid:list",
    "projects:list",
    "rehabilitation:list",
    "partnerships:list",
)


@pytest.fixture
def resolvers_built_on_demand(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[URLResolver]]:
    """Resolvers as a fresh process has them, and every build from then on recorded."""
    clear_url_caches()
    built: list[URLResolver] = []
    populate = URLResolver._populate

    def record(resolver: URLResolver) -> None:
        built.append(resolver)
        populate(resolver)

    monkeypatch.setattr(URLResolver, "_populate", record)
    yield built
    clear_url_caches()


def reverse_and_resolve_everywhere() -> None:
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name in NAMES:
                resolve(reverse(name))


def test_without_it_the_first_request_builds_the_resolvers(
    resolvers_built_on_demand: list[URLResolver],
) -> None:
    reverse_and_resolve_everywhere()
    assert resolvers_built_on_demand  # the cost moved by warmup, measured by make bench


def test_after_it_no_request_builds_a_resolver_in_any_language(
    resolvers_built_on_demand: list[URLResolver],
) -> None:
    warmup.load_what_requests_need()
    resolvers_built_on_demand.clear()
    reverse_and_resolve_everywhere()
    assert resolvers_built_on_demand == []


def test_it_reads_every_language_catalogue() -> None:
    from django.utils.translation import trans_real

    trans_real._translations.clear()
    warmup.load_what_requests_need()
    assert set(trans_real._translations) >= {code for code, _name in settings.LANGUAGES}


@pytest.mark.parametrize("module", ["config.wsgi", "config.asgi"])
def test_importing_the_application_runs_it(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    calls: list[None] = []
    monkeypatch.setattr(warmup, "load_what_requests_need", lambda: calls.append(None))
    monkeypatch.delitem(sys.modules, module, raising=False)
    importlib.import_module(module)
    assert calls == [None]


def cached_templates() -> dict[str, Any]:
    loader = engines["django"].engine.template_loaders[0]
    return loader.get_template_cache


def test_it_compiles_our_templates_and_not_the_installed_packages() -> None:
    engines["django"].engine.template_loaders[0].reset()
    warmup.load_what_requests_need()
    compiled = cached_templates()
    assert {"base.html", "public/home.html", "aid/aidpackage_list.html"} <= set(compiled)
    assert "rest_framework/api.html" not in compiled


def test_a_template_that_does_not_compile_stops_the_start(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "broken.html").write_text("{% if %}")
    templates = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [tmp_path / "templates"],
            "OPTIONS": {"loaders": ["django.template.loaders.filesystem.Loader"]},
        }
    ]
    with (
        override_settings(BASE_DIR=tmp_path, TEMPLATES=templates),
        pytest.raises(TemplateSyntaxError),
    ):
        warmup.load_what_requests_need()


def test_it_reads_the_maps_outlines() -> None:
    map_atlas.country_rings.cache_clear()
    warmup.load_what_requests_need()
    assert map_atlas.country_rings.cache_info().currsize == 1


def test_missing_outlines_do_not_stop_the_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    map_atlas.country_rings.cache_clear()
    monkeypatch.setattr(map_atlas, "atlas_path", lambda: tmp_path / "missing.json")
    warmup.load_what_requests_need()
    assert map_atlas.country_rings.cache_info().currsize == 0
    map_atlas.country_rings.cache_clear()
