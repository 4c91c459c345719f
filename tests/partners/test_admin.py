"""Partner keys in the admin: issued with the key shown once, revoked by an action, listed, and
out of reach of Editors and Publishers."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone

from partners.models import PartnerKey
from tests.admin_helpers import add_url, change_url, changelist_url, login_staff, queries_to_get
from tests.partners.test_keys import issue_key, with_key

pytestmark = pytest.mark.django_db

NEW_KEY = {"name": "Open Aid Data", "contact_email": "data@example.org", "rate": ""}


def issued_key_from(response: Any) -> str:
    """The key in the warning shown after creation (beside Django's "added successfully")."""
    (message,) = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    return message.split(" is ", 1)[1].split(". ", 1)[0]


def test_creating_a_key_shows_it_once(admin_client: Client, admin_user: AbstractBaseUser) -> None:
    response = admin_client.post(add_url(PartnerKey), NEW_KEY, follow=True)
    key = issued_key_from(response)
    assert key.encode() in response.content
    partner_key = PartnerKey.objects.get()
    assert (partner_key.prefix, partner_key.created_by) == (key[:8], admin_user)
    assert key.encode() not in admin_client.get(changelist_url(PartnerKey)).content
    assert key.encode() not in admin_client.get(change_url(partner_key)).content


def test_the_key_shown_opens_the_api(admin_client: Client, client: Client) -> None:
    key = issued_key_from(admin_client.post(add_url(PartnerKey), NEW_KEY, follow=True))
    assert client.get("/api/v1/stats/", headers=with_key(key)).status_code == 200


def test_editing_a_key_keeps_it(admin_client: Client) -> None:
    partner_key, _ = issue_key()
    data = {**NEW_KEY, "name": "Renamed", "rate": "1200/min"}
    assert admin_client.post(change_url(partner_key), data).status_code == 302
    renamed = PartnerKey.objects.get()
    assert (renamed.name, renamed.rate, renamed.key_hash) == (
        "Renamed",
        "1200/min",
        partner_key.key_hash,
    )
    shown = admin_client.get("/admin/").context["messages"]
    assert [m.level_tag for m in shown] == ["success"]  # no new key


def test_a_bad_rate_is_refused(admin_client: Client) -> None:
    response = admin_client.post(add_url(PartnerKey), {**NEW_KEY, "rate": "lots"})
    assert response.status_code == 200
    assert "rate" in response.context["adminform"].form.errors
    assert not PartnerKey.objects.exists()


def test_revoke_action_revokes_the_selected_keys(admin_client: Client, client: Client) -> None:
    revoked, key = issue_key("Revoked")
    kept, _ = issue_key("Kept")
    response = admin_client.post(
        changelist_url(PartnerKey),
        {"action": "revoke_keys", "_selected_action": [revoked.pk]},
        follow=True,
    )
    assert "1 key(s) revoked." in [str(m) for m in get_messages(response.wsgi_request)]
    revoked.refresh_from_db()
    kept.refresh_from_db()
    assert (revoked.is_revoked, kept.is_revoked) == (True, False)
    assert client.get("/api/v1/stats/", headers=with_key(key)).status_code == 401


def test_revoking_again_keeps_the_first_date(admin_client: Client) -> None:
    partner_key, _ = issue_key()
    first = timezone.now() - timezone.timedelta(days=3)
    PartnerKey.objects.filter(pk=partner_key.pk).update(revoked_at=first)
    admin_client.post(
        changelist_url(PartnerKey), {"action": "revoke_keys", "_selected_action": [partner_key.pk]}
    )
    partner_key.refresh_from_db()
    assert partner_key.revoked_at == first


def test_keys_cannot_be_deleted(admin_client: Client) -> None:
    partner_key, _ = issue_key()
    assert admin_client.get(change_url(partner_key) + "delete/").status_code == 403
    actions = admin_client.get(changelist_url(PartnerKey)).context["action_form"]
    assert [name for name, _ in actions.fields["action"].choices if name] == ["revoke_keys"]


def test_changelist_shows_name_prefix_and_use(admin_client: Client) -> None:
    partner_key, key = issue_key("Open Aid Data")
    partner_key.record_use()
    content = admin_client.get(changelist_url(PartnerKey)).content.decode()
    assert "Open Aid Data" in content
    assert partner_key.prefix in content
    assert key not in content


def test_changelist_queries_do_not_grow_with_keys(admin_client: Client) -> None:
    for _ in range(3):
        issue_key()
    few = queries_to_get(admin_client, changelist_url(PartnerKey))
    for _ in range(30):
        issue_key()
    assert queries_to_get(admin_client, changelist_url(PartnerKey)) == few


@pytest.mark.parametrize("group", ["Editors", "Publishers"])
def test_editors_and_publishers_cannot_see_keys(client: Client, group: str) -> None:
    partner_key, _ = issue_key()
    login_staff(client, group)
    for url in (changelist_url(PartnerKey), add_url(PartnerKey), change_url(partner_key)):
        assert client.get(url).status_code == 403, url
    assert b"partnerkey" not in client.get("/admin/").content


def test_anonymous_visitors_are_sent_to_the_login(client: Client) -> None:
    response = client.get(changelist_url(PartnerKey))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
