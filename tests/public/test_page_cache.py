"""The page and API cache: hits cost nothing, a publish shows on the next request everywhere,
nothing unpublished or private is ever served from it."""

from __future__ import annotations

import datetime as dt
import gzip
import time
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.utils import timezone

from editorial import content_version, workflow
from editorial.content_version import HIT_HEADER, NOT_KEPT
from editorial.publishing import Status
from editorial.snapshots import take_snapshot
from public.page_cache import PublicPageCacheMiddleware, page_key
from staff.sessions import SessionStore
from tests.factories import AidItemFactory, AidPackageFactory, SourceFactory
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

PACKAGE = "lantern-convoy"
# Every kind of page and answer a published title shows on, in three languages.
SHOWING_TITLES = [
    "/en/",
    "/en/aid/",
    f"/en/aid/{PACKAGE}/",
    "/uk/aid/",
    f"/az/aid/{PACKAGE}/",
    "/en/feed/",
    "/en/search/?q=convoy",
    "/api/v1/aid-packages/",
    f"/api/v1/aid-packages/{PACKAGE}/",
    "/api/v1/aid-packages/?format=csv",
    "/api/v1/aid-packages/?lang=uk",
]


def is_hit(response: Any) -> bool:
    return response.get(HIT_HEADER) == "hit"


def body(response: Any) -> str:
    return response.content.decode()


@pytest.fixture
def live_package() -> Any:
    package = AidPackageFactory(
        slug=PACKAGE,
        published=True,
        title="Lantern convoy",
        title_uk="Lantern convoy",
        title_az="Lantern convoy",
        published_at=timezone.now(),
    )
    AidItemFactory(package=package)
    return package


def test_a_second_visit_is_served_from_the_cache_without_a_query(
    client: Client, live_package: Any, django_assert_num_queries: Any
) -> None:
    first = client.get("/en/aid/")
    with django_assert_num_queries(0):
        second = client.get("/en/aid/")

    assert (is_hit(first), is_hit(second)) == (False, True)
    assert second.status_code == 200
    assert body(second) == body(first)


@pytest.mark.parametrize("path", ["/en/", "/uk/aid/", f"/az/aid/{PACKAGE}/", "/sitemap.xml"])
def test_every_kind_of_public_page_is_cached(client: Client, live_package: Any, path: str) -> None:
    client.get(path)

    assert is_hit(client.get(path))


def test_cached_answers_still_carry_the_security_headers(client: Client, live_package: Any) -> None:
    client.get("/en/aid/")
    hit = client.get("/en/aid/")

    assert is_hit(hit)
    assert hit["Content-Security-Policy"]
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["X-Frame-Options"] == "DENY"


def test_a_publish_shows_on_every_page_and_answer_at_the_next_request(
    client: Client, live_package: Any
) -> None:
    publisher = make_user("publisher")
    for path in SHOWING_TITLES:
        client.get(path)
        assert is_hit(client.get(path)), path
        assert "Lantern convoy" in body(client.get(path)), path

    live_package.title = live_package.title_uk = live_package.title_az = "Lantern convoy north"
    live_package.save()
    workflow.publish(obj=live_package, user=publisher)

    for path in SHOWING_TITLES:
        response = client.get(path)
        assert not is_hit(response), path
        assert "Lantern convoy north" in body(response), path


def test_an_edit_held_for_approval_does_not_reach_the_cached_pages(
    client: Client, live_package: Any
) -> None:
    editor = make_user("editor")
    client.get(f"/en/aid/{PACKAGE}/")
    snapshot = take_snapshot(live_package)
    snapshot["fields"]["title_en"] = "Retitled but not approved"

    workflow.hold_pending(
        obj=live_package, user=editor, snapshot=snapshot, base_version=live_package.version
    )

    page = body(client.get(f"/en/aid/{PACKAGE}/"))
    assert "Lantern convoy" in page
    assert "Retitled but not approved" not in page


@pytest.mark.parametrize("how", ["unpublish", "archive"])
def test_an_item_taken_down_leaves_every_cached_page_at_once(
    client: Client, live_package: Any, how: str
) -> None:
    publisher = make_user("publisher")
    for path in SHOWING_TITLES:
        client.get(path)

    getattr(workflow, how)(obj=live_package, user=publisher)

    assert client.get(f"/en/aid/{PACKAGE}/").status_code == 404
    assert client.get(f"/api/v1/aid-packages/{PACKAGE}/").status_code == 404
    for path in SHOWING_TITLES:
        response = client.get(path)
        assert "Lantern convoy" not in body(response), path


def test_a_cached_page_never_outlives_an_items_expiry(client: Client) -> None:
    now = timezone.now()
    AidPackageFactory(
        published=True,
        title="Short-lived notice",
        publish_at=now - dt.timedelta(days=1),
        expire_at=now + dt.timedelta(seconds=2),
    )
    assert "Short-lived notice" in body(client.get("/en/aid/"))

    time.sleep(2.1)  # nobody saves anything: only time passes

    assert "Short-lived notice" not in body(client.get("/en/aid/"))


def test_the_cache_timeout_stops_at_the_next_go_live_or_expiry(settings: Any) -> None:
    now = timezone.now()
    AidPackageFactory(published=True, publish_at=now + dt.timedelta(seconds=90))
    AidPackageFactory(
        published=True, publish_at=now - dt.timedelta(days=1), expire_at=now + dt.timedelta(hours=2)
    )
    AidPackageFactory(status=Status.DRAFT, publish_at=now + dt.timedelta(seconds=5))  # not approved

    version = content_version.current()

    assert 85 <= content_version.cache_timeout(version) <= 90
    settings.CONTENT_CACHE_SECONDS = 30
    assert content_version.cache_timeout(version) == 30


def test_without_anything_scheduled_the_timeout_is_the_setting(settings: Any) -> None:
    AidPackageFactory(published=True)

    assert content_version.cache_timeout(content_version.current()) == 600


def test_a_signed_in_visitor_never_gets_or_leaves_a_cached_page(
    client: Client, live_package: Any
) -> None:
    client.force_login(make_user("editor"))

    assert not is_hit(client.get("/en/aid/"))
    assert not is_hit(client.get("/en/aid/"))
    assert not is_hit(Client().get("/en/aid/"))  # nothing was stored for the public either


# --- Who skips the cache: only a signed-in staff member (issue 15) ---------------------------

# The 40 characters of a real key, but not one this site issued.
FORGED_KEY = "abcdefghijklmnopqrstuvwx0123456789abcdef"


def session_of(user: Any) -> str:
    signed_in = Client()
    signed_in.force_login(user)
    return signed_in.cookies[settings.SESSION_COOKIE_NAME].value


def visitor_with_session(session_key: str) -> Client:
    visitor = Client()
    visitor.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return visitor


def assert_for_everyone(response: Any) -> None:
    """Nothing in it made for this visitor alone, nor any reason for a cache to think so."""
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "private" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("session_key", ["bogus", FORGED_KEY])
def test_a_made_up_session_cookie_gets_the_cached_page_without_a_query(
    client: Client, live_package: Any, django_assert_num_queries: Any, session_key: str
) -> None:
    client.get("/en/aid/")

    with django_assert_num_queries(0):
        response = visitor_with_session(session_key).get("/en/aid/")

    assert is_hit(response)
    assert_for_everyone(response)


def test_a_page_first_asked_for_with_a_made_up_session_cookie_is_stored_for_everyone(
    live_package: Any,
) -> None:
    made = visitor_with_session("bogus").get("/en/aid/")

    assert not is_hit(made)
    assert_for_everyone(made)
    assert is_hit(Client().get("/en/aid/"))


def test_a_session_nobody_signed_in_with_costs_one_query_and_gets_the_cached_page(
    client: Client, live_package: Any, django_assert_num_queries: Any
) -> None:
    session = SessionStore()
    session["seen"] = True
    session.save()
    client.get("/en/aid/")

    with django_assert_num_queries(1):  # the session
        response = visitor_with_session(session.session_key).get("/en/aid/")

    assert is_hit(response)
    assert_for_everyone(response)


def test_a_signed_in_staff_members_session_gets_live_pages(live_package: Any) -> None:
    Client().get("/en/aid/")
    staff = visitor_with_session(session_of(make_user("editor")))

    response = staff.get("/en/aid/")

    assert not is_hit(response)
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"is_active": False}, id="deactivated"),
        pytest.param({"is_staff": False}, id="no-longer-staff"),
    ],
)
def test_a_staff_session_whose_user_lost_staff_access_gets_the_cached_page(
    client: Client,
    live_package: Any,
    django_assert_num_queries: Any,
    change: dict[str, bool],
) -> None:
    user = make_user("publisher")
    session_key = session_of(user)
    get_user_model().objects.filter(pk=user.pk).update(**change)
    client.get("/en/aid/")

    with django_assert_num_queries(2):  # the session, the user
        response = visitor_with_session(session_key).get("/en/aid/")

    assert is_hit(response)
    assert_for_everyone(response)


def test_a_signed_in_user_who_is_not_staff_gets_the_cached_page(
    client: Client, live_package: Any
) -> None:
    reader = get_user_model().objects.create_user("reader", password="unused")
    client.get("/en/aid/")

    assert is_hit(visitor_with_session(session_of(reader)).get("/en/aid/"))


def test_an_expired_staff_session_gets_the_cached_page(client: Client, live_package: Any) -> None:
    session_key = session_of(make_user("editor"))
    Session.objects.filter(pk=session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    client.get("/en/aid/")

    assert is_hit(visitor_with_session(session_key).get("/en/aid/"))


def test_a_staff_session_from_before_a_password_change_gets_the_cached_page(
    client: Client, live_package: Any
) -> None:
    user = make_user("editor")
    session_key = session_of(user)
    user.set_password("changed since")
    user.save()
    client.get("/en/aid/")

    assert is_hit(visitor_with_session(session_key).get("/en/aid/"))


@pytest.mark.parametrize(
    "path",
    [
        "/en/aid/?sector=weapons",  # a bad filter: 400
        "/en/aid/no-such-package/",  # 404
        "/admin/login/",  # sets a CSRF cookie
        "/healthz",
        "/api/v1/aid-packages/?colour=red",  # 400
    ],
)
def test_errors_and_pages_outside_the_public_site_are_not_cached(
    client: Client, live_package: Any, path: str
) -> None:
    client.get(path)

    assert not is_hit(client.get(path))


def test_compressed_and_plain_copies_are_kept_apart(client: Client, live_package: Any) -> None:
    for _ in range(2):
        zipped = client.get("/en/aid/", headers={"accept-encoding": "gzip"})
        plain = client.get("/en/aid/")

    assert is_hit(zipped) and is_hit(plain)
    assert zipped["Content-Encoding"] == "gzip"
    assert not plain.has_header("Content-Encoding")
    assert gzip.decompress(zipped.content).decode() == body(plain)


def test_a_page_that_used_a_csp_nonce_is_not_stored(rf: RequestFactory) -> None:
    """A stored nonce would not match the next response's header and its script would be
    blocked; no public page uses one today, so this is a unit check of the rule."""
    from django.http import HttpResponse

    request = rf.get("/en/")
    request.csp_nonce = "abc123"  # evaluated, as {{ request.csp_nonce }} would leave it
    middleware = PublicPageCacheMiddleware(lambda r: HttpResponse("<p>nonce abc123</p>"))

    middleware(request)

    assert cache.get(page_key(request))[1] == NOT_KEPT


def test_a_bump_that_could_not_reach_the_cache_is_made_again(monkeypatch: Any) -> None:
    before = content_version.current()

    def unreachable(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("cache down")

    with monkeypatch.context() as down:
        down.setattr(cache, "incr", unreachable)
        down.setattr(cache, "add", lambda *args, **kwargs: False)
        with pytest.raises(content_version.CacheUnreachable):
            content_version.bump()
    assert cache.get(content_version.KEY) == before  # lost while the cache was down

    assert content_version.current() != before  # retried at the next read


def test_with_the_cache_off_every_request_runs_its_view(
    client: Client, live_package: Any, settings: Any, django_assert_max_num_queries: Any
) -> None:
    settings.CONTENT_CACHE_SECONDS = 0
    for path in ("/en/aid/", "/api/v1/aid-packages/"):
        client.get(path)
        with django_assert_max_num_queries(20) as queries:
            assert not is_hit(client.get(path))
        assert len(queries) > 0, path


def test_a_link_added_between_records_shows_at_the_next_request(
    client: Client, live_package: Any
) -> None:
    """Many-to-many links change no row of the item itself (m2m_changed, not post_save)."""
    source = SourceFactory(title="Ministry bulletin of March")
    client.get(f"/en/aid/{PACKAGE}/")

    live_package.sources.add(source)

    assert "Ministry bulletin of March" in body(client.get(f"/en/aid/{PACKAGE}/"))


@pytest.mark.parametrize(
    "path", ["/api/v1/aid-packages/", "/admin/login/", "/healthz", "/static/css/site.css"]
)
def test_addresses_outside_the_public_site_are_not_even_looked_up(
    client: Client, live_package: Any, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    def no_lookup(*args: Any) -> Any:
        raise AssertionError(f"the page cache looked up {path}")

    monkeypatch.setattr("public.page_cache.get_or_make", no_lookup)

    client.get(path)
