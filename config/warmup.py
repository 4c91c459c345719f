"""Load once, where the WSGI application is imported, what every worker's first request
would otherwise load for itself.

Under gunicorn with `preload_app` that is the arbiter, before it forks: each worker then
starts with the URLconfs imported, the resolvers built, the catalogues read, our templates
compiled and the map's outlines read, and shares them with its siblings. Otherwise a worker's
first request took ~200 ms of importing every URLconf's views and compiling its patterns, with
the requests queued behind it waiting too, and its first map another ~100-250 ms (and 17 MB of
its own)."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from django.conf import settings
from django.template import engines
from django.template.backends.django import DjangoTemplates
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import translation

from public import map_atlas

TEMPLATE_SUFFIXES = (".html", ".txt", ".xml")


def load_what_requests_need() -> None:
    root = get_resolver()
    for code, _name in settings.LANGUAGES:
        # Each language has its own catalogue and, with i18n_patterns, its own reverse maps.
        with translation.override(code):
            _build_namespaces(root)
    _compile_our_templates()
    # Without them the pages with a map say so themselves, with how to install them.
    with contextlib.suppress(map_atlas.MapDataMissing):
        map_atlas.load_outlines()


def _compile_our_templates() -> None:
    """Our own templates (not the installed packages'), into the engine's cached loader.

    A template that does not compile stops the server here, at start, rather than failing
    its page. In development, with DEBUG on, the loader drops them when a file changes."""
    for engine in engines.all():
        if not isinstance(engine, DjangoTemplates):
            continue
        for directory in map(Path, engine.template_dirs):
            if not directory.is_relative_to(settings.BASE_DIR) or directory.is_relative_to(
                sys.prefix
            ):
                continue
            for path in sorted(directory.rglob("*")):
                if path.suffix in TEMPLATE_SUFFIXES and path.is_file():
                    engine.get_template(path.relative_to(directory).as_posix())


def _build_namespaces(resolver: URLResolver, prefix: str = "") -> None:
    """Reverse a name in every namespace: Django builds a namespace's resolver on the first
    `reverse("namespace:…")` (the admin's alone took ~50 ms), whether or not the name then
    matches without arguments, hence the suppress."""
    for namespace, (_pattern, inner) in resolver.namespace_dict.items():
        qualified = f"{prefix}{namespace}:"
        name = next((key for key in inner.reverse_dict if isinstance(key, str)), None)
        if name is not None:
            with contextlib.suppress(NoReverseMatch):
                reverse(qualified + name)
        _build_namespaces(inner, qualified)
