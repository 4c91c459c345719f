"""Load once, where the WSGI application is imported, what every worker's first request
would otherwise load for itself.

Under gunicorn with `preload_app` that is the arbiter, before it forks: each worker then
starts with the URLconfs imported, the resolvers built and the catalogues read, and shares
them with its siblings. Otherwise a worker's first request took ~200 ms of importing every
URLconf's views and compiling its patterns, and the requests queued behind it waited too."""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import translation


def load_what_requests_need() -> None:
    root = get_resolver()
    for code, _name in settings.LANGUAGES:
        # Each language has its own catalogue and, with i18n_patterns, its own reverse maps.
        with translation.override(code):
            _build_namespaces(root)


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
