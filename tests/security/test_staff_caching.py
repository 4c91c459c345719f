"""What shared caches may keep (issue 4): every response to logged-in staff is private (or
not stored at all), public pages for anonymous visitors may be cached, and the API's ETags
change with what the public may see and with nothing else."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aid.models import AidPackage
from editorial import workflow
from editorial.models import Status
from editorial.revisions import Revision
from partners.models import PartnerKey
from tests.admin_helpers import admin_url, change_url, changelist_url, form_data
from tests.factories import AidPackageFactory, PhotoFactory
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db


def cache_control(response: HttpResponse) -> set[str]:
    return {part.strip().lower() for part in response.get("Cache-Control", "").split(",") if part}


def assert_not_shared(response: HttpResponse, url: str) -> None:
    """No shared cache (proxy, CDN) may store it."""
    directives = cache_control(response)
    assert directives & {"private", "no-store"}, (url, response.get("Cache-Control"))
    assert not directives & {"public"}, url
    assert not any(d.startswith("s-maxage") for d in directives), url


def _staff_world() -> tuple[Any, AidPackage, Revision]:
    root = get_user_model().objects.create_superuser("root", password="unused")
    package = AidPackageFactory()
    PhotoFactory(content_object=package)
    revision = workflow.record_save(obj=package, user=root, created=True)
    return root, package, revision


def staff_urls(package: AidPackage, revision: Revision) -> list[str]:
    return [
        "/admin/",
        changelist_url(AidPackage),
        admin_url(AidPackage, "add"),
        change_url(package),
        admin_url(AidPackage, "history", package.pk),
        admin_url(AidPackage, "revision", package.pk, revision.pk),
        admin_url(AidPackage, "revision_preview", package.pk, revision.pk),
        admin_url(AidPackage, "preview", package.pk),
        f"{admin_url(AidPackage, 'preview', package.pk)}?lang=uk",
        admin_url(AidPackage, "transition", package.pk, "submit"),
        admin_url(AidPackage, "rollback", package.pk, revision.pk),
        admin_url(AidPackage, "photos", package.pk),
        change_url(package.photos.get()),
        changelist_url(PartnerKey),
        "/admin/autocomplete/?app_label=aid&model_name=aidpackage&field_name=funder",
    ]


def test_every_admin_response_to_staff_is_private(client: Client) -> None:
    root, package, revision = _staff_world()
    client.force_login(root)
    for url in staff_urls(package, revision):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_not_shared(response, url)


def test_admin_redirects_are_private(client: Client) -> None:
    root, package, _revision = _staff_world()
    client.force_login(root)
    # The review of an item with no pending change redirects back to it.
    response = client.get(admin_url(AidPackage, "review", package.pk))
    assert response.status_code == 302
    assert_not_shared(response, "review redirect")


def test_review_of_a_pending_change_is_private(client: Client) -> None:
    package = AidPackageFactory(published=True)
    client.force_login(make_user("editor"))
    data = form_data(client.get(change_url(package)))
    data["title_en"] = "Proposed"
    client.post(change_url(package), data)
    response = client.get(admin_url(AidPackage, "review", package.pk))
    assert response.status_code == 200
    assert_not_shared(response, "review")


STAFF_MIDDLEWARE_FIX = (
    "A middleware after AuthenticationMiddleware that, when request.user.is_authenticated, "
    "calls django.utils.cache.patch_cache_control(response, private=True) (or "
    "add_never_cache_headers) covers every response to staff, whatever the view."
)


def test_password_change_page_is_private(admin_client: Client) -> None:
    assert_not_shared(admin_client.get(reverse("admin:password_change")), "password_change")


def test_admin_refusal_is_private(client: Client) -> None:
    package = AidPackageFactory()
    client.force_login(make_user("staff_without_group"))
    response = client.get(change_url(package))
    assert response.status_code == 403
    assert_not_shared(response, "403")


def test_login_page_is_not_stored(client: Client) -> None:
    assert_not_shared(client.get(reverse("admin:login")), "login")


def test_preview_is_never_stored_or_indexed(admin_client: Client) -> None:
    package = AidPackageFactory()
    response = admin_client.get(admin_url(AidPackage, "preview", package.pk))
    assert {"private", "no-store"} <= cache_control(response)
    assert "noindex" in response["X-Robots-Tag"]


def public_urls() -> list[str]:
    package = AidPackageFactory(published=True)
    return ["/en/", "/en/aid/", package.get_absolute_url(), "/en/search/?q=aid"]


def test_public_pages_for_anonymous_visitors_may_be_cached(client: Client) -> None:
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert not cache_control(response) & {"private", "no-store", "no-cache"}, url
        assert "Cookie" not in response.get("Vary", ""), url
        assert not response.cookies, url  # a Set-Cookie would make it per visitor


def test_public_page_seen_by_staff_varies_by_cookie(client: Client) -> None:
    urls = public_urls()
    client.force_login(make_user("editor"))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Cookie" in response.get("Vary", ""), url


def test_public_page_seen_by_staff_is_private(client: Client) -> None:
    urls = public_urls()
    client.force_login(make_user("editor"))
    for url in urls:
        assert_not_shared(client.get(url), url)


# --- ETags -----------------------------------------------------------------------------------


def etag(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response["ETag"]


LIST = "/api/v1/aid-packages/"
STATS = "/api/v1/stats/"
CSV = "/api/v1/aid-packages/?format=csv"


@pytest.fixture
def live() -> AidPackage:
    root = get_user_model().objects.create_superuser("root", password="unused")
    package = AidPackageFactory(title_en="Live")
    workflow.record_save(obj=package, user=root, created=True)
    workflow.publish(obj=package, user=root)
    package.refresh_from_db()
    return package


def _tags(client: Client, package: AidPackage) -> dict[str, str]:
    detail = reverse("api:aidpackage-detail", args=[package.slug])
    return {url: etag(client, url) for url in (LIST, STATS, CSV, detail, f"{LIST}?lang=uk")}


def _unseen_changes(client: Client, live: AidPackage) -> list[tuple[str, Any]]:
    """Changes the public cannot see, each a (name, callable) pair."""
    editor_client = Client()

    def pending_edit() -> None:
        editor_client.force_login(make_user("editor"))
        data = form_data(editor_client.get(change_url(live)))
        data["title_en"] = "Proposed, not approved"
        assert editor_client.post(change_url(live), data).status_code == 302
        assert Revision.objects.for_object(live).pending().exists()

    def draft_created() -> None:
        AidPackageFactory(title_en="Secret draft")

    def drafts_edited() -> None:
        for state in (Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED):
            AidPackageFactory(status=state)
        AidPackage.objects.exclude(pk=live.pk).update(title_en="Edited in secret")

    def scheduled() -> None:
        AidPackageFactory(published=True, publish_at=timezone.now() + dt.timedelta(days=1))

    def hidden_photo() -> None:
        PhotoFactory(content_object=live, shows_minors=True, consent_on_file=False)

    return [
        ("pending edit of the live item", pending_edit),
        ("a new draft", draft_created),
        ("drafts, items in review and archived items edited", drafts_edited),
        ("an item scheduled for tomorrow", scheduled),
        ("a photo of minors without consent", hidden_photo),
    ]


def test_api_etags_do_not_change_with_what_the_public_cannot_see(
    client: Client, live: AidPackage
) -> None:
    for name, change in _unseen_changes(client, live):
        before = _tags(client, live)
        change()
        assert _tags(client, live) == before, name


def test_api_etags_change_when_a_published_change_goes_live(
    client: Client, live: AidPackage
) -> None:
    publisher = make_user("publisher")
    before = _tags(client, live)
    data_client = Client()
    data_client.force_login(make_user("editor"))
    data = form_data(data_client.get(change_url(live)))
    data["title_en"] = "Approved"
    data_client.post(change_url(live), data)
    workflow.publish(obj=live, user=publisher)
    after = _tags(client, live)
    assert all(after[url] != before[url] for url in before if url != STATS), (before, after)
    new = AidPackageFactory(published=True)
    assert etag(client, LIST) != after[LIST]
    assert new.slug in client.get(LIST).content.decode()


def test_api_etag_is_the_same_for_anonymous_partners_and_staff(
    client: Client, live: AidPackage
) -> None:
    anonymous = etag(client, LIST)
    key = PartnerKey(name="Partner", contact_email="p@example.org")
    secret = key.set_new_key()
    key.save()
    partner = client.get(LIST, HTTP_AUTHORIZATION=f"Api-Key {secret}")
    assert partner["ETag"] == anonymous
    client.force_login(get_user_model().objects.get(username="root"))
    assert etag(client, LIST) == anonymous


def test_api_answers_304_only_to_the_current_etag(client: Client, live: AidPackage) -> None:
    tag = etag(client, LIST)
    assert client.get(LIST, HTTP_IF_NONE_MATCH=tag).status_code == 304
    AidPackageFactory(published=True)
    assert client.get(LIST, HTTP_IF_NONE_MATCH=tag).status_code == 200


def _iati(client: Client) -> tuple[str, str | None]:
    response = client.get(reverse("api:iati-activities"))
    assert response.status_code == 200
    return response["ETag"], response.get("Last-Modified")


def test_iati_etag_does_not_change_with_a_draft_edit(client: Client, live: AidPackage) -> None:
    before = _iati(client)
    draft = AidPackageFactory()
    AidPackage.objects.filter(pk=draft.pk).update(
        title_en="Edited in secret", updated_at=timezone.now() + dt.timedelta(minutes=5)
    )
    assert _iati(client) == before


def test_iati_etag_changes_when_a_record_goes_live(client: Client, live: AidPackage) -> None:
    before = _iati(client)
    AidPackageFactory(published=True)
    assert _iati(client)[0] != before[0]
