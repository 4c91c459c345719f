"""Security headers on every kind of response: public pages, the admin, the API (JSON, CSV,
IATI XML, docs), error pages, robots.txt, the sitemap and media files; HTTPS in production;
uploads never served as HTML.

The media and 500 tests use this module as their URLconf (``urlpatterns`` below): the site's
own URLs, plus the media view Django adds in DEBUG and a view that fails.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path, re_path
from django.views.static import serve

import config.urls
from editorial import photo_files
from editorial.models import Photo, Rendition, Status
from editorial.renditions import ensure_renditions
from editorial.services import add_photos
from tests.admin_helpers import change_url, changelist_url
from tests.factories import AidPackageFactory, png_file
from tests.test_settings import DEPLOY_PREFIXES, REPO
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# <script> elements the browser runs: no type, or a JavaScript one (not JSON data blocks).
RUN_SCRIPT = re.compile(
    r"<script(?![^>]*\btype=\"application/(?:ld\+)?json\")(?P<attrs>[^>]*)>", re.IGNORECASE
)


def media(request: HttpRequest, path: str) -> HttpResponse:
    """What `static(MEDIA_URL, ...)` adds to config/urls.py in DEBUG, read at request time."""
    return serve(request, path, document_root=settings.MEDIA_ROOT / "public")


def fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a view that fails")


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", media),
    path("fail/", fail),
    *config.urls.urlpatterns,
]
handler500 = getattr(config.urls, "handler500", "django.views.defaults.server_error")


def policy(response: HttpResponse) -> dict[str, list[str]]:
    directives = (d.split() for d in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


def assert_secure_headers(response: HttpResponse, *, coop: str = "same-origin") -> None:
    for name, value in {**HEADERS, "Cross-Origin-Opener-Policy": coop}.items():
        assert response.get(name) == value, f"{name}: {response.get(name)!r}"
    csp = policy(response)
    assert {name: csp.get(name) for name in POLICY} == POLICY
    assert "'self'" in csp["script-src"]
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(csp["script-src"])
    if response.get("Content-Type", "").startswith("text/html"):
        nonce = next((s for s in csp["script-src"] if s.startswith("'nonce-")), None)
        for script in RUN_SCRIPT.finditer(response.content.decode()):
            attrs = script["attrs"]
            if "src=" not in attrs:
                assert nonce and f'nonce="{nonce[7:-1]}"' in attrs, f"inline {script[0]}"


def superuser_client(client: Client) -> Client:
    client.force_login(make_user("superuser"))
    return client


PAGES: dict[str, Callable[[Client], tuple[Client, str]]] = {
    "home": lambda c: (c, "/en/"),
    "aid list": lambda c: (c, "/en/aid/"),
    "aid detail": lambda c: (c, AidPackageFactory(published=True).get_absolute_url()),
    "search": lambda c: (c, "/uk/search/?q=generator"),
    "admin login": lambda c: (c, "/admin/login/"),
    "admin index": lambda c: (superuser_client(c), "/admin/"),
    "admin change list": lambda c: (superuser_client(c), changelist_url(Photo)),
    "admin change form": lambda c: (superuser_client(c), change_url(AidPackageFactory())),
    "api json": lambda c: (c, "/api/v1/aid-packages/"),
    "api csv": lambda c: (c, "/api/v1/aid-packages/?format=csv"),
    "iati xml": lambda c: (c, "/api/v1/iati/activities.xml"),
    "openapi schema": lambda c: (c, "/api/v1/schema/"),
    "robots.txt": lambda c: (c, "/robots.txt"),
    "sitemap": lambda c: (c, "/sitemap.xml"),
}


@pytest.mark.parametrize("page", PAGES)
def test_response_has_security_headers(client: Client, page: str) -> None:
    client, url = PAGES[page](client)
    response = client.get(url)
    assert response.status_code == 200, url
    assert_secure_headers(response)


def test_not_found_page_has_security_headers(client: Client) -> None:
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert_secure_headers(response)


def test_api_not_found_has_security_headers(client: Client) -> None:
    response = client.get("/api/v1/aid-packages/no-such-package/")
    assert response.status_code == 404
    assert_secure_headers(response)


@pytest.mark.urls(__name__)
def test_server_error_page_has_security_headers() -> None:
    response = Client(raise_request_exception=False).get("/fail/")
    assert response.status_code == 500
    assert_secure_headers(response)


def test_api_docs_script_carries_the_nonce_of_its_policy(client: Client) -> None:
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    # drf-spectacular's view sets COOP unsafe-none on its docs page, for OAuth2 pop-ups (which
    # the API does not use); a subclass in config/api.py could send same-origin instead.
    coop = response["Cross-Origin-Opener-Policy"]
    assert coop in ("same-origin", "unsafe-none")
    assert_secure_headers(response, coop=coop)
    nonces = [s for s in policy(response)["script-src"] if s.startswith("'nonce-")]
    assert len(nonces) == 1
    assert f'<script nonce="{nonces[0][7:-1]}">' in response.content.decode()


def test_api_docs_nonce_is_new_for_each_response(client: Client) -> None:
    first, second = (policy(client.get("/api/v1/docs/"))["script-src"] for _ in range(2))
    assert first != second


def test_a_page_without_inline_scripts_grants_no_nonce(client: Client) -> None:
    assert policy(client.get("/en/"))["script-src"] == ["'self'"]


def test_https_request_gets_strict_transport_security(client: Client) -> None:
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_plain_http_is_redirected_to_https_when_ssl_redirect_is_on(
    client: Client, settings: pytest.FixtureRequest
) -> None:
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/en/aid/?sector=energy")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/aid/?sector=energy"


# --- Media --------------------------------------------------------------------------------------


@pytest.mark.urls(__name__)
def test_uploaded_photo_named_html_is_stored_and_served_as_an_image(
    client: Client, settings: pytest.FixtureRequest
) -> None:
    settings.DEBUG = True
    item = AidPackageFactory()
    editor = make_user("editor")
    [photo] = add_photos(
        item=item, user=editor, files=[png_file("page.html")], alt_text="A generator", credit="E"
    )
    assert photo.image.name.endswith(".png")

    client.force_login(editor)  # the original is private: served by Django to staff
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert_secure_headers(response)
    # Made once the upload commits, which a test's transaction never does; public once the
    # item is.
    renditions = ensure_renditions(photo)
    assert renditions
    type(item).objects.filter(pk=item.pk).update(status=Status.PUBLISHED)
    photo_files.sync([photo])
    client.logout()
    for rendition in Rendition.objects.filter(photo=photo):
        assert rendition.url.startswith("/media/renditions/")
        served = client.get(rendition.url)
        assert served["Content-Type"] in ("image/webp", "image/jpeg")
        assert served["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", ["page.html", "photo.png", "photo.svg", "photo.jpg"])
def test_markup_upload_is_refused_whatever_its_name(name: str) -> None:
    markup = SimpleUploadedFile(name, b"<html><script>alert(1)</script></html>", "image/png")
    with pytest.raises(ValidationError):
        add_photos(
            item=AidPackageFactory(),
            user=make_user("editor"),
            files=[markup],
            alt_text="A generator",
            credit="Embassy",
        )
    assert not Photo.objects.exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.*"))


# --- Production settings ------------------------------------------------------------------------

PRINT_SECURITY = """
import json
from django.conf import settings
print(json.dumps({name: getattr(settings, name, None) for name in (
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE", "CSRF_TRUSTED_ORIGINS",
)}))
"""
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x9-" * 20 + "a-long-random-production-key",
    "DJANGO_ALLOWED_HOSTS": "korpu.example.org",
}


def run(args: list[str], **environ: str) -> subprocess.CompletedProcess[str]:
    """Run `args` in a fresh interpreter with only the deploy variables given."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(DEPLOY_PREFIXES)}
    env.update(environ, DJANGO_SETTINGS_MODULE="config.settings")
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def security_settings(**environ: str) -> dict[str, object]:
    result = run(["-c", PRINT_SECURITY], **environ)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_pass_the_deploy_check() -> None:
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_defaults_to_https_everywhere() -> None:
    assert security_settings(**PRODUCTION) == {
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": None,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_TRUSTED_ORIGINS": [],
    }


def test_debug_leaves_plain_http_alone() -> None:
    found = security_settings(DJANGO_DEBUG="1")
    assert found["SECURE_HSTS_SECONDS"] == 0
    assert found["SECURE_SSL_REDIRECT"] is False
    assert found["SESSION_COOKIE_SECURE"] is False


def test_deploy_variables_set_proxy_header_preload_and_trusted_origins() -> None:
    found = security_settings(
        **PRODUCTION,
        DJANGO_TRUST_X_FORWARDED_PROTO="1",
        DJANGO_SECURE_HSTS_PRELOAD="1",
        DJANGO_SECURE_HSTS_SECONDS="600",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://korpu.example.org, https://www.korpu.example.org",
    )
    assert found["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert found["SECURE_HSTS_PRELOAD"] is True
    assert found["SECURE_HSTS_SECONDS"] == 600
    assert found["SECURE_SSL_REDIRECT"] is False
    assert found["CSRF_TRUSTED_ORIGINS"] == [
        "https://korpu.example.org",
        "https://www.korpu.example.org",
    ]


def test_deploy_check_warns_about_a_weak_secret_key() -> None:
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        **{**PRODUCTION, "DJANGO_SECRET_KEY": "short"},
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_session_cookie_is_secure_in_production(client: Client) -> None:
    get_user_model().objects.create_user("chief", password="a-long-password", is_staff=True)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "chief", "password": "a-long-password"},
        secure=True,
    )
    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME]["secure"] is True
