"""Redirects stay on this site (issue 4): a forged `next=` on login and logout, a forged
Referer, and the language redirect from `/` never send anyone to another host."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from aid.models import AidPackage
from editorial.roles import PUBLISHERS
from tests.admin_helpers import admin_url, change_url, login_staff
from tests.factories import AidPackageFactory

pytestmark = pytest.mark.django_db

EVIL = [
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "https:evil.example",
    "/%09/evil.example",
    "http://testserver@evil.example/",
]


def assert_stays_here(response: HttpResponse) -> None:
    """A redirect, if any, to a path on this host; never to another host or a script."""
    if response.status_code not in (301, 302, 303, 307, 308):
        return
    location = response["Location"]
    parts = urlsplit(location)
    assert parts.scheme in ("", "http", "https"), location
    assert parts.netloc in ("", "testserver"), location
    assert location.startswith("/") or parts.netloc == "testserver", location
    assert not location.startswith(("//", "/\\")), location


@pytest.fixture
def staff(client: Client) -> Any:
    user = get_user_model().objects.create_user("staff", password="correct horse 42", is_staff=True)
    return user


@pytest.mark.parametrize("target", EVIL)
def test_login_next_stays_on_the_site(client: Client, staff: Any, target: str) -> None:
    response = client.post(
        f"{reverse('admin:login')}?next={target}",
        {"username": "staff", "password": "correct horse 42", "next": target},
    )
    assert response.status_code == 302
    assert_stays_here(response)


@pytest.mark.parametrize("target", EVIL)
def test_login_page_does_not_link_a_forged_next(client: Client, target: str) -> None:
    response = client.get(reverse("admin:login"), {"next": target})
    assert response.status_code == 200
    assert 'href="javascript:' not in response.content.decode()


@pytest.mark.parametrize("target", EVIL)
def test_already_logged_in_visit_to_login_stays_on_the_site(
    client: Client, staff: Any, target: str
) -> None:
    client.force_login(staff)
    assert_stays_here(client.get(reverse("admin:login"), {"next": target}))


@pytest.mark.parametrize("target", EVIL)
def test_logout_next_stays_on_the_site(client: Client, staff: Any, target: str) -> None:
    client.force_login(staff)
    response = client.post(f"{reverse('admin:logout')}?next={target}", {"next": target})
    assert response.status_code in (200, 302)
    assert_stays_here(response)


@pytest.mark.parametrize("target", EVIL)
def test_language_redirect_from_the_root_stays_on_the_site(client: Client, target: str) -> None:
    response = client.get("/", {"next": target}, HTTP_REFERER=target)
    assert response.status_code == 302
    assert_stays_here(response)
    assert response["Location"].startswith("/en/")


@pytest.mark.parametrize("target", EVIL)
def test_a_forged_host_in_the_path_is_not_followed(client: Client, target: str) -> None:
    # `//evil.example` as a path: CommonMiddleware's slash redirect must not make it a host.
    assert_stays_here(client.get(f"/{target.lstrip('/')}"))


@pytest.mark.parametrize("target", EVIL)
@pytest.mark.parametrize("view", ["submit", "publish", "archive"])
def test_workflow_transitions_return_to_the_item_whatever_next_or_referer(
    client: Client, target: str, view: str
) -> None:
    package = AidPackageFactory()
    login_staff(client, PUBLISHERS, "publisher")
    response = client.post(
        f"{admin_url(AidPackage, 'transition', package.pk, view)}?next={target}",
        {"comment": "", "next": target, "_changelist_filters": f"next={target}"},
        HTTP_REFERER=target,
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(package)


@pytest.mark.parametrize("target", EVIL)
def test_a_refused_transition_returns_to_the_item(client: Client, target: str) -> None:
    package = AidPackageFactory(published=True)
    login_staff(client, PUBLISHERS, "publisher")
    response = client.get(
        admin_url(AidPackage, "transition", package.pk, "submit"),
        {"next": target},
        HTTP_REFERER=target,
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(package)


@pytest.mark.parametrize("target", EVIL)
def test_change_form_save_ignores_a_forged_next(client: Client, target: str) -> None:
    from tests.admin_helpers import form_data

    package = AidPackageFactory()
    login_staff(client, PUBLISHERS, "publisher")
    data = form_data(client.get(change_url(package)))
    data["next"] = target
    response = client.post(
        f"{change_url(package)}?_changelist_filters=next%3D{target}&next={target}",
        data,
        HTTP_REFERER=target,
    )
    assert response.status_code == 302
    assert_stays_here(response)
