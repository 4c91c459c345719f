"""/healthz: the database's and the cache's state for load balancers and monitors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from tests.ops.test_cache_down import DEAD_REDIS
from tests.ops.test_outage import database_down

pytestmark = pytest.mark.django_db


def test_healthz_reports_ok_when_all_is_well(client: Client, django_assert_num_queries: Any):
    with django_assert_num_queries(1):  # SELECT 1
        response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_healthz_answers_503_when_the_database_is_down(client: Client):
    with database_down():
        response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "unavailable",
        "database": "error",
        "cache": "ok",
    }
    assert response["Cache-Control"] == "no-store"


def test_healthz_stays_200_but_degraded_when_only_the_cache_is_down(client: Client, settings: Any):
    # Pages serve without the cache, so the node should stay in the load balancer.
    settings.CACHES = DEAD_REDIS

    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "degraded",
        "database": "ok",
        "cache": "error",
    }


def test_healthz_needs_no_login_language_or_key_and_is_never_throttled(
    client: Client, settings: Any
):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "1/min", "partner": "1/min"},
    }

    statuses = {client.get("/healthz").status_code for _ in range(3)}

    assert statuses == {200}


def test_healthz_only_answers_reads(client: Client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200
