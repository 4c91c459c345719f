"""Schemathesis over our own OpenAPI schema, in-process through WSGI: for every operation,
generated requests (valid and invalid) must get no 5xx, only documented status codes,
content types and headers, and bodies that match the documented schema.

Bounded and derandomized, so CI sees the same requests on every run: 25 examples per
operation and mode, about 10 seconds in all.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import checks as core_checks
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi import checks as openapi_checks

from tests.api.endpoints import ENDPOINTS
from tests.api.test_schema import PATHS
from tests.factories import (
    AidPackageFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    ReportedFigureFactory,
    SisterCityPartnershipFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

CHECKS = [
    core_checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_headers_conformance,
    openapi_checks.response_schema_conformance,
]
# A published object each detail operation finds (made by `published_records`).
KNOWN_SLUG = "{name}-rich"
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]


@pytest.fixture
def published_records(settings: Any) -> None:
    """One rich and one bare published record per endpoint (the bare one has the nulls and
    empty lists), one draft, and a reported figure; throttling off so no run sees a 429."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": None, "partner": None},
    }
    for name, endpoint in ENDPOINTS.items():
        record = endpoint.make(slug=KNOWN_SLUG.format(name=name), published=True)
        # Stored around the model's check, as a row from before it would be: typed `format:
        # uri`, it must still be served as one.
        record.sources.add(SourceFactory(url='https://example.org/"<звіт>'))
        endpoint.make(slug=f"{name}-draft")
    for factory in (
        AidPackageFactory,
        ReconstructionProjectFactory,
        RehabilitationGroupFactory,
        SisterCityPartnershipFactory,
    ):
        factory(published=True)
    ReportedFigureFactory(published=True)


@pytest.fixture
def api_schema(published_records: None) -> Iterator[Any]:
    """The schema as /api/v1/schema/ serves it, bound to a WSGI handler built now (under the
    tests' settings). Django closes the database connection when a request finishes; the
    test's transaction must outlive every request, as with Django's own test client."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", sorted(PATHS))
def test_api_conforms_to_its_schema(api_schema: Any, path: str, mode: GenerationMode) -> None:
    operation = api_schema[path]["GET"]
    fixed = {}
    if "{slug}" in path and mode is GenerationMode.POSITIVE:
        # Generated slugs all miss (404): valid requests are made against a real record.
        name = path.split("/")[3]
        fixed = {"path_parameters": {"slug": KNOWN_SLUG.format(name=name)}}

    @settings(
        max_examples=25,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode, **fixed))
    def run(case: Any) -> None:
        # The WSGI client would not undo the site's gzip: ask for the body as it is.
        case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})

    run()


def test_every_operation_is_exercised(api_schema: Any) -> None:
    assert {op.ok().label for op in api_schema.get_all_operations()} == {
        f"GET {path}" for path in PATHS
    }
