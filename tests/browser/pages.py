"""Helpers for browser tests: visit a page, check it loaded cleanly, screenshot it, run axe.

A test for a public page type, at both widths (the ``page`` fixture is parametrized over
``VIEWPORTS``, so the test runs once as ``[phone]`` and once as ``[desktop]``)::

    from playwright.sync_api import Page

    from tests.browser.pages import visit
    from tests.factories import AidPackageFactory


    def test_aid_detail_page(page: Page) -> None:
        package = AidPackageFactory(published=True)
        visit(page, f"/uk/aid/{package.slug}/", "aid-detail-uk")

``visit`` fails the test if the response is 400 or worse, if the browser logged an error or
an uncaught exception, if a request to our own site failed or answered 400 or worse (a
missing style sheet, image or script), or if axe-core finds an accessibility violation. It
saves ``var/screenshots/<name>-<viewport>.png`` (full page), so give each call a distinct
``name``. It returns the page for further checks (``page.get_by_role(...)``).

After an interaction (a click on the language switch, a filter form), check the new state
with the parts on their own: ``assert_clean(page)``, ``screenshot(page, name)``,
``assert_no_axe_violations(page)``.

Other fixtures (``tests/browser/conftest.py``):

- ``page``: a fresh page; relative URLs go to the live server. Run a test at one width only
  with ``@pytest.mark.parametrize("viewport", ["phone"])``.
- ``open_page(viewport="desktop", locale="uk-UA")``: more pages in one test, or a browser
  language other than English (Accept-Language, for the ``/`` redirect).
- ``live_server`` (pytest-django): the site, with a transactional database, so rows made in
  the test are visible to it. Make published rows: drafts are, rightly, 404.

axe-core comes from npm (``package.json``; ``make install`` runs ``npm ci``), not from a CDN.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from django.conf import settings
from playwright.sync_api import ConsoleMessage, Page, Request, Response

VIEWPORTS: dict[str, dict[str, int]] = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 900},
}
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"

# Problems seen on each watched page since its last visit(): console errors, page errors,
# failed requests to our own origin.
_problems: WeakKeyDictionary[Page, list[str]] = WeakKeyDictionary()


def watch(page: Page, *, origin: str) -> None:
    """Record console errors, uncaught exceptions and failed requests to ``origin``."""
    problems = _problems.setdefault(page, [])

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and not _is_favicon_probe(message.location.get("url", "")):
            problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def on_request_failed(request: Request) -> None:
        # ERR_ABORTED is the browser cancelling a request, as when a new navigation leaves a
        # page that is still loading images; our server's failures are caught as responses.
        if request.url.startswith(origin) and request.failure != "net::ERR_ABORTED":
            problems.append(f"request failed: {request.url} ({request.failure})")

    def on_response(response: Response) -> None:
        # The document's own status is checked by visit(), which names it better.
        if (
            response.url.startswith(origin)
            and response.status >= 400
            and response.request.resource_type != "document"
            and not _is_favicon_probe(response.url)
        ):
            problems.append(f"HTTP {response.status}: {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"uncaught exception: {error}"))
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)


def _is_favicon_probe(url: str) -> bool:
    """Chromium asks for /favicon.ico on its own, sometimes after "load", so a 404 there comes
    and goes between runs. An icon a page links to is checked like any other request."""
    return urlsplit(url).path == "/favicon.ico"


def viewport_name(page: Page) -> str:
    size = page.viewport_size or {}
    for name, known in VIEWPORTS.items():
        if known["width"] == size.get("width"):
            return name
    return f"{size.get('width')}px"


def visit(
    page: Page,
    url: str,
    name: str,
    *,
    status: int = 200,
    axe_skip: Iterable[str] = (),
    axe: bool = True,
) -> Page:
    """Open ``url``, check it answered ``status`` and loaded cleanly, save a screenshot and run
    axe (unless ``axe=False``, for a test that checks axe itself); see the docstring."""
    _problems.get(page, []).clear()
    response = page.goto(url)  # waits for "load": style sheets, scripts and images are in
    screenshot(page, f"{name}-{viewport_name(page)}")  # first, to see what a failure looked like
    assert response is not None, f"no response for {url}"
    assert response.status == status, f"{url} answered {response.status}, not {status}"
    if status >= 400:
        # Chromium logs a document's own error status as a console error: that is the status
        # just asserted, not a fault of the page.
        problems = _problems.get(page, [])
        own = f"status of {status} "
        problems[:] = [p for p in problems if not (own in p and p.endswith(f"({response.url})"))]
    assert_clean(page)
    if axe:
        assert_no_axe_violations(page, skip=axe_skip)
    return page


def assert_clean(page: Page) -> None:
    """Fail on what ``watch`` saw on this page since the last ``visit``."""
    problems = _problems.get(page, [])
    assert not problems, f"{page.url}:\n  " + "\n  ".join(problems)


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG to ``var/screenshots/<name>.png`` and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    # A full-page shot does not scroll, so lazy images below the fold would show as empty
    # boxes: scroll through the page once to let them load, then back to the top.
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
                window.scrollTo(0, y);
                await new Promise(done => requestAnimationFrame(done));
            }
            window.scrollTo(0, 0);
            await Promise.all([...document.images].filter(img => !img.complete).map(
                img => new Promise(done => { img.onload = img.onerror = done; })));
        }"""
    )
    page.screenshot(path=path, full_page=True)
    return path


def assert_no_axe_violations(page: Page, *, skip: Iterable[str] = ()) -> None:
    """Run axe-core's default rules over the whole page; fail listing every violation.

    ``skip`` names axe rules not to run. It is for markup that is not ours (Django's admin),
    never for our public pages: fix those instead.
    """
    if not AXE_JS.exists():
        raise AssertionError(f"{AXE_JS} is missing: run `make install` (it runs `npm ci`)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=AXE_JS)
    rules = {rule: {"enabled": False} for rule in skip}
    results: dict[str, Any] = page.evaluate(
        "rules => axe.run(document, {resultTypes: ['violations'], rules})", rules
    )
    violations = results["violations"]
    assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n" + "\n".join(
        _describe(violation) for violation in violations
    )


def _describe(violation: dict[str, Any]) -> str:
    nodes = violation["nodes"]
    targets = ", ".join(" ".join(map(str, node["target"])) for node in nodes[:3])
    more = f" and {len(nodes) - 3} more" if len(nodes) > 3 else ""
    return (
        f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
        f"    {violation['helpUrl']}\n"
        f"    at {targets}{more}"
    )
