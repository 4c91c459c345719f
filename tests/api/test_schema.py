"""The OpenAPI schema and its docs page, served from our own static files."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
import yaml

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/aid-packages/",
    "/api/v1/aid-packages/{slug}/",
    "/api/v1/projects/",
    "/api/v1/projects/{slug}/",
    "/api/v1/rehabilitation-groups/",
    "/api/v1/rehabilitation-groups/{slug}/",
    "/api/v1/partnerships/",
    "/api/v1/partnerships/{slug}/",
    "/api/v1/aid-packages/export.csv",
    "/api/v1/projects/export.csv",
    "/api/v1/rehabilitation-groups/export.csv",
    "/api/v1/partnerships/export.csv",
    "/api/v1/stats/",
    "/api/v1/iati/activities.xml",
}


@pytest.fixture
def schema(client: Any) -> dict[str, Any]:
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_is_openapi_3_with_every_endpoint(schema: dict[str, Any]) -> None:
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == PATHS


def test_schema_documents_filters_with_their_values(schema: dict[str, Any]) -> None:
    parameters = {
        p["name"]: p for p in schema["paths"]["/api/v1/aid-packages/"]["get"]["parameters"]
    }
    assert {"sector", "delivery_status", "funder", "decided_after", "decided_before"} <= set(
        parameters
    )
    assert {"search", "ordering", "page", "page_size", "lang", "format"} <= set(parameters)
    assert "energy" in parameters["sector"]["schema"]["enum"]
    assert sorted(parameters["lang"]["schema"]["enum"]) == ["az", "en", "uk"]


def test_schema_documents_an_export_with_its_lists_filters_and_no_pages(
    schema: dict[str, Any],
) -> None:
    operation = schema["paths"]["/api/v1/aid-packages/export.csv"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    listed = {p["name"] for p in schema["paths"]["/api/v1/aid-packages/"]["get"]["parameters"]}
    assert set(parameters) == listed - {"page", "page_size"}
    assert parameters["format"]["schema"]["enum"] == ["csv"]
    assert operation["operationId"] == "aid_packages_export_csv"
    assert operation["description"].startswith("The whole list as one CSV file")
    assert "Published aid packages" in operation["description"]
    responses = operation["responses"]
    assert set(responses["200"]["content"]) == {"text/csv"}
    assert {"ETag", "Content-Disposition"} <= set(responses["200"]["headers"])
    assert set(responses["400"]["content"]) == {"application/json"}
    assert {"304", "401", "429"} <= set(responses)


def test_schema_uses_viewset_docstrings(schema: dict[str, Any]) -> None:
    operation = schema["paths"]["/api/v1/projects/"]["get"]
    assert operation["description"].startswith("Published reconstruction projects")


def test_schema_validates(client: Any) -> None:
    from drf_spectacular.validation import validate_schema

    response = client.get("/api/v1/schema/", {"format": "json"})
    validate_schema(response.json())


def test_docs_load_only_our_static_files(client: Any) -> None:
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    addresses = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert addresses
    assert all(a.startswith("/static/drf_spectacular_sidecar/") for a in addresses), addresses
    assert "cdn" not in html.lower()


def numeric_parameters(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(path, name, schema) of every integer or number query parameter."""
    return [
        (path, parameter["name"], parameter["schema"])
        for path, operations in schema["paths"].items()
        for parameter in operations["get"].get("parameters", [])
        if parameter["in"] == "query" and parameter["schema"].get("type") in ("integer", "number")
    ]


def test_schema_gives_every_numeric_parameter_its_bounds(schema: dict[str, Any]) -> None:
    found = {(path, name): bounds for path, name, bounds in numeric_parameters(schema)}
    assert found[("/api/v1/aid-packages/", "page_size")] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 200,
    }
    assert found[("/api/v1/aid-packages/", "year")]["minimum"] == 1900
    assert all("minimum" in bounds for bounds in found.values())


def test_api_takes_each_documented_bound_and_refuses_one_step_past_it(
    client: Any, schema: dict[str, Any]
) -> None:
    # page_size=0 and year=0 were integers to the schema and a 400 from the API.
    answers = []
    for path, name, bounds in numeric_parameters(schema):
        step = Decimal(1) if bounds["type"] == "integer" else Decimal("0.01")
        tries = [(Decimal(str(bounds["minimum"])), 200), (bounds["minimum"] - step, 400)]
        if "maximum" in bounds:
            maximum = Decimal(str(bounds["maximum"]))
            tries += [(maximum, 200), (maximum + step, 400)]
        for value, expected in tries:
            status = client.get(path, {name: str(value)}).status_code
            answers.append((path, name, str(value), status, expected))
    assert [answer for answer in answers if answer[3] != answer[4]] == []
    assert ("/api/v1/aid-packages/", "page_size", "0", 400, 400) in answers
    assert ("/api/v1/rehabilitation-groups/", "year", "1899", 400, 400) in answers
