"""Fixtures for the browser tests: Debian's Chromium driven by Python Playwright.

One browser per pytest(-xdist) worker, a fresh context (cookies, storage, viewport) per page,
pytest-django's ``live_server`` as the site. How to write a test is in ``tests/browser/pages.py``.

Chromium is Debian's ``/usr/bin/chromium``; ``playwright install`` is never run. A missing
browser fails these tests, unless ``KORPU_SKIP_BROWSER=1`` says to skip them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test import override_settings
from django.test.testcases import _MediaFilesHandler
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from pytest_django.live_server_helper import LiveServer

from editorial.storage import PUBLIC_DIR
from tests.browser.pages import VIEWPORTS, watch

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

OpenPage = Callable[..., Page]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test (``-m "not browser"`` leaves them out)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def _live_server_static_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with override_settings(STATIC_ROOT=tmp_path_factory.mktemp("live-static")):
        yield


@pytest.fixture(scope="session")
def _live_server_serves_public_media() -> Iterator[None]:
    """The live server serves MEDIA_URL from MEDIA_ROOT; in production the web server serves
    only MEDIA_ROOT/public/ there (README, "What the web server serves"), and so must it."""
    handler = _MediaFilesHandler
    original = handler.get_base_dir
    handler.get_base_dir = lambda self: os.path.join(settings.MEDIA_ROOT, PUBLIC_DIR)
    yield
    handler.get_base_dir = original


@pytest.fixture(scope="session")
def live_server(
    _live_server_static_root: None, _live_server_serves_public_media: None, live_server: LiveServer
) -> LiveServer:
    """pytest-django's live server, started with an empty STATIC_ROOT of its own.

    The server builds its middleware once, at start, before any test's settings apply, so
    WhiteNoise would look at var/static (missing, or stale from `make demo`). Static files
    come from the app and project folders through the live server's own static handler.
    """
    return live_server


@pytest.fixture(scope="session")
def playwright(django_db_setup: None) -> Iterator[Playwright]:
    """Playwright's driver, seeing the same database connections as the rest of the tests.

    Sync Playwright leaves its asyncio loop marked as running in this thread, and Django keeps
    separate connections for code that runs inside a loop. Without this, browser tests would
    get fresh connections, lacking what the test database setup stored on the first ones
    (the serialized contents that ``django_db_serialized_rollback`` puts back).
    """
    sync_connections = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as driver:
        # The same loop makes Django refuse ORM calls from the test (factories, create_user)
        # and from pytest-django's flush as if they came from async code. They do not; this
        # is Django's documented escape hatch.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, connection in sync_connections.items():
            connections[alias] = connection
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)"
        if os.environ.get("KORPU_SKIP_BROWSER") == "1":
            pytest.skip(f"KORPU_SKIP_BROWSER=1 and {reason}")
        pytest.fail(f"{reason}, or set KORPU_SKIP_BROWSER=1 to skip the browser tests")
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def open_page(
    browser: Browser, live_server: LiveServer, django_db_serialized_rollback: None
) -> Iterator[OpenPage]:
    """``open_page(viewport="phone")``: a blank page in a new context based at the live server.

    The live server needs a transactional database, which is emptied after each test; a
    serialized rollback puts back what data migrations made (the Editors and Publishers
    groups) before each browser test. (Like Django's, it fails with an IntegrityError on
    django_content_type if a transactional test *without* serialized_rollback ran earlier on
    the same worker; pytest-django runs transactional tests last, in file order, and the only
    such test, in tests/test_migrations.py, sorts after tests/browser/.)

    ``viewport`` is a key of ``VIEWPORTS`` ("phone" 390x844, "desktop" 1280x900); ``locale``
    sets the browser's language (and so Accept-Language). Relative URLs in ``page.goto`` go
    to the live server. Every page is watched for console errors and failed requests.
    """
    contexts = []

    def open_(*, viewport: str = "desktop", locale: str = "en-GB") -> Page:
        context = browser.new_context(
            base_url=live_server.url,
            viewport=VIEWPORTS[viewport],
            locale=locale,
            # axe is injected as a script tag; a Content-Security-Policy must not stop it.
            bypass_csp=True,
        )
        contexts.append(context)
        page = context.new_page()
        watch(page, origin=live_server.url)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request: pytest.FixtureRequest) -> str:
    """Each test that uses ``page`` runs at every width; parametrize ``viewport`` to pick one."""
    return request.param


@pytest.fixture
def page(open_page: OpenPage, viewport: str) -> Page:
    return open_page(viewport=viewport)
