"""settings.API_PREFIX: the API's one address prefix, read by its router, its middleware, the
outage answer and the page cache."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_api_is_routed_under_its_prefix() -> None:
    assert reverse("api:aidpackage-list") == f"{settings.API_PREFIX}v1/aid-packages/"


def test_an_unrouted_address_under_the_prefix_answers_as_the_api(client: Client) -> None:
    """Not only v1: a partner's client asking for another version gets JSON, not a page."""
    response = client.get(f"{settings.API_PREFIX}v2/aid-packages/?lang=uk")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert response["Content-Language"] == "uk"
