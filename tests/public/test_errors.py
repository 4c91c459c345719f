"""Styled 404 and 500 pages. Tests run with DEBUG off, so Django renders them as in production."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.urls import path

from editorial.models import Status
from tests.factories import AidPackageFactory

pytestmark = pytest.mark.django_db


def broken_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the database is on fire")


# The URLconf of the 500 test: one view that fails.
urlpatterns = [path("broken/", broken_view)]


def template_names(response) -> list[str]:
    return [template.name for template in response.templates]


def test_unknown_address_gives_the_styled_404(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "404.html" in template_names(response)
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'action="/en/search/"' in html
    for section in ("/en/aid/", "/en/projects/", "/en/rehabilitation/", "/en/partnerships/"):
        assert f'href="{section}"' in html


def test_404_is_in_the_language_of_the_address(client):
    response = client.get("/uk/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="uk">' in response.content.decode()
    assert 'action="/uk/search/"' in response.content.decode()


def test_unpublished_item_gives_the_styled_404(client):
    AidPackageFactory(status=Status.DRAFT, slug="draft-package")

    response = client.get("/en/aid/draft-package/")

    assert response.status_code == 404
    assert "404.html" in template_names(response)


def test_404_has_unique_ids_and_a_labelled_search_field(client):
    html = client.get("/en/no-such-page/").content.decode()

    assert '<label for="not-found-query">' in html
    assert html.count('id="not-found-query"') == 1


@pytest.mark.urls(__name__)
def test_server_error_gives_the_standalone_500(client, django_assert_num_queries):
    client.raise_request_exception = False

    with django_assert_num_queries(0):
        response = client.get("/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert 'lang="uk"' in html and "помилку на сервері" in html
    assert 'lang="az"' in html and "Serverdə" in html


def test_500_renders_without_context_processors_or_database(django_assert_num_queries):
    # Django renders 500.html with an empty Context: no request, no language, no database.
    template = loader.get_template("500.html")

    with django_assert_num_queries(0):
        html = template.render()

    assert '<html lang="en">' in html
    assert 'href="/en/"' in html and 'href="/uk/"' in html and 'href="/az/"' in html


def test_500_template_uses_no_tags_and_no_variable_but_the_request_id():
    # A tag that could fail (url, static, translate) or another variable would need what a
    # failing server may not have; the request's id is a string handler500 always passes.
    source = loader.get_template("500.html").template.source

    assert "{%" not in source
    assert source.replace("{{ request_id }}", "").count("{{") == 0
