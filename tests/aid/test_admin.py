import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.test import Client

from aid.models import AidItem, AidPackage, DeliveryStatus, ReportedFigure, Sector
from editorial.models import Status
from editorial.revisions import Revision, Transition
from editorial.roles import EDITORS
from tests.admin_helpers import (
    add_url,
    change_url,
    changelist_url,
    form_data,
    inline_rows,
    login_staff,
)
from tests.admin_rows import make_packages
from tests.factories import (
    AidPackageFactory,
    OrganizationFactory,
    PhotoFactory,
    ReportedFigureFactory,
)

pytestmark = pytest.mark.django_db


def test_aidpackage_changelist_query_count(
    admin_client: Client, django_assert_num_queries: Any
) -> None:
    make_packages(3)
    admin_client.get(changelist_url(AidPackage))  # fills the content type cache
    # session, user, years for the "decided in" filter, funders for the funder filter,
    # count of matching rows, count of all rows, rows with their funders, items, photos,
    # and the session saved again for its idle expiry (savepoint, update, release)
    with django_assert_num_queries(12):
        admin_client.get(changelist_url(AidPackage))


# --- Editors and publishers -------------------------------------------------------------------


def new_package(client: Client, **fields: Any) -> dict[str, Any]:
    """The add form's POST body for a minimal package, with `fields` on top."""
    data = form_data(client.get(add_url(AidPackage)))
    data.update(
        title_en="Generators for Kharkiv",
        summary_en="Twelve generators for hospitals.",
        slug="generators-for-kharkiv",
        sector=Sector.ENERGY,
        funder=str(OrganizationFactory().pk),
    )
    data.update(fields)
    return data


def test_editor_can_open_aidpackage_changelist(client: Client) -> None:
    login_staff(client, EDITORS)
    AidPackageFactory()
    assert client.get(changelist_url(AidPackage)).status_code == 200


def test_add_form_shows_the_state_and_schedule_read_only(client: Client) -> None:
    login_staff(client, EDITORS)
    response = client.get(add_url(AidPackage))
    assert response.status_code == 200
    fields = response.context["adminform"].form.fields
    assert {"status", "publish_at", "expire_at"}.isdisjoint(fields)
    assert "A new item is saved as a draft" in response.content.decode()


def test_editor_saves_a_draft(client: Client) -> None:
    editor = login_staff(client, EDITORS)
    response = client.post(add_url(AidPackage), new_package(client))
    assert response.status_code == 302
    package = AidPackage.objects.get()
    assert (package.status, package.created_by, package.updated_by) == (
        Status.DRAFT,
        editor,
        editor,
    )
    assert [r.transition for r in Revision.objects.for_object(package)] == [Transition.CREATED]


def test_a_posted_state_is_ignored_and_a_new_package_is_a_draft(client: Client) -> None:
    login_staff(client, EDITORS)
    response = client.post(add_url(AidPackage), new_package(client, status=Status.PUBLISHED))
    assert response.status_code == 302
    assert AidPackage.objects.get().status == Status.DRAFT


def test_editor_posting_a_published_state_changes_only_the_content(client: Client) -> None:
    login_staff(client, EDITORS)
    package = AidPackageFactory(title_en="Before")
    data = form_data(client.get(change_url(package)))
    data.update(status=Status.PUBLISHED, title_en="After")
    assert client.post(change_url(package), data).status_code == 302
    package.refresh_from_db()
    assert (package.status, package.title_en, package.published_at) == (
        Status.DRAFT,
        "After",
        None,
    )


def test_editor_forged_go_live_time_is_ignored(client: Client) -> None:
    login_staff(client, EDITORS)
    package = AidPackageFactory()
    data = form_data(client.get(change_url(package)))
    data.update(publish_at_0="2030-01-01", publish_at_1="09:00:00")
    assert client.post(change_url(package), data).status_code == 302
    package.refresh_from_db()
    assert package.publish_at is None


def test_editor_may_open_a_published_package_to_propose_a_change(client: Client) -> None:
    login_staff(client, EDITORS)
    package = AidPackageFactory(published=True)
    response = client.get(change_url(package))
    assert response.status_code == 200
    assert response.context["has_change_permission"]
    assert "holds your change for a publisher" in response.content.decode()


def test_nobody_may_change_an_archived_package(admin_client: Client) -> None:
    package = AidPackageFactory(status=Status.ARCHIVED, title_en="Old")
    response = admin_client.get(change_url(package))
    assert not response.context["has_change_permission"]
    assert admin_client.post(change_url(package), {"title_en": "New"}).status_code == 403
    package.refresh_from_db()
    assert package.title_en == "Old"


# --- Audit stamps -----------------------------------------------------------------------------


def test_adding_sets_created_by_and_updated_by(
    admin_client: Client, admin_user: AbstractBaseUser
) -> None:
    assert admin_client.post(add_url(AidPackage), new_package(admin_client)).status_code == 302
    package = AidPackage.objects.get()
    assert (package.created_by, package.updated_by) == (admin_user, admin_user)


def test_each_save_sets_updated_by_and_bumps_version(
    admin_client: Client, admin_user: AbstractBaseUser
) -> None:
    package = AidPackageFactory()
    for _ in range(2):
        admin_client.post(change_url(package), form_data(admin_client.get(change_url(package))))
    package.refresh_from_db()
    assert (package.version, package.updated_by, package.created_by) == (3, admin_user, None)


# --- Inlines ----------------------------------------------------------------------------------


def test_items_are_added_inline_with_translated_descriptions(admin_client: Client) -> None:
    package = AidPackageFactory()
    data = form_data(admin_client.get(change_url(package)))
    inline_rows(
        data,
        "items",
        [
            {
                "kind": AidItem.Kind.TRANSFORMER,
                "quantity": "4",
                "unit": AidItem.Unit.PIECES,
                "order": "0",
                "description_en": "630 kVA",
                "description_uk": "630 кВА",
            }
        ],
    )
    assert admin_client.post(change_url(package), data).status_code == 302
    item = package.items.get()
    assert (item.kind, item.quantity, item.description_uk) == (
        AidItem.Kind.TRANSFORMER,
        Decimal("4"),
        "630 кВА",
    )


def test_change_form_warns_about_a_photo_of_minors_without_consent(admin_client: Client) -> None:
    package = AidPackageFactory()
    PhotoFactory(content_object=package, shows_minors=True, consent_on_file=False)
    response = admin_client.get(change_url(package))
    assert "Hidden from the public" in response.content.decode()


def test_change_form_does_not_warn_when_consent_is_on_file(admin_client: Client) -> None:
    package = AidPackageFactory()
    PhotoFactory(content_object=package, shows_minors=True, consent_on_file=True)
    response = admin_client.get(change_url(package))
    assert "Hidden from the public" not in response.content.decode()


def test_changelist_warns_about_a_photo_of_minors_without_consent(admin_client: Client) -> None:
    package = AidPackageFactory()
    PhotoFactory(content_object=package, shows_minors=True, consent_on_file=False)
    response = admin_client.get(changelist_url(AidPackage))
    assert "1 hidden (minors, no consent)" in response.content.decode()


def test_photo_preview_escapes_the_alt_text(admin_client: Client) -> None:
    package = AidPackageFactory()
    PhotoFactory(content_object=package, alt_text_en='"><b>forged</b>')
    content = admin_client.get(change_url(package)).content.decode()
    assert "<b>forged</b>" not in content
    assert 'alt="&quot;&gt;&lt;b&gt;forged&lt;/b&gt;"' in content


# --- Search and filters -----------------------------------------------------------------------


def listed(client: Client, query: str) -> set[str]:
    response = client.get(f"{changelist_url(AidPackage)}?{query}")
    assert response.status_code == 200
    return {package.slug for package in response.context["cl"].result_list}


def test_changelist_filters_by_sector(admin_client: Client) -> None:
    AidPackageFactory(slug="grid", sector=Sector.ENERGY)
    AidPackageFactory(slug="mines", sector=Sector.DEMINING)
    assert listed(admin_client, "sector__exact=energy") == {"grid"}


def test_changelist_filters_by_delivery_status(admin_client: Client) -> None:
    AidPackageFactory(
        slug="arrived",
        delivery_status=DeliveryStatus.DELIVERED,
        delivered_on=dt.date(2025, 3, 1),
    )
    AidPackageFactory(slug="promised", delivery_status=DeliveryStatus.PLEDGED)
    assert listed(admin_client, "delivery_status__exact=delivered") == {"arrived"}


def test_changelist_filters_by_year_decided(admin_client: Client) -> None:
    AidPackageFactory(slug="old", decided_on=dt.date(2023, 5, 1))
    AidPackageFactory(slug="new", decided_on=dt.date(2025, 1, 16))
    assert listed(admin_client, "decided_on_year=2025") == {"new"}


def test_changelist_filters_by_funder(admin_client: Client) -> None:
    socar = OrganizationFactory(name="SOCAR")
    AidPackageFactory(slug="socar", funder=socar)
    AidPackageFactory(slug="other")
    assert listed(admin_client, f"funder__id__exact={socar.pk}") == {"socar"}


def test_changelist_filters_by_status(admin_client: Client) -> None:
    AidPackageFactory(slug="live", published=True)
    AidPackageFactory(slug="draft")
    assert listed(admin_client, "status__exact=published") == {"live"}


def test_changelist_searches_the_ukrainian_title(admin_client: Client) -> None:
    AidPackageFactory(slug="kharkiv", title_uk="Генератори для Харкова")
    AidPackageFactory(slug="other", title_uk="Трансформатори")
    assert listed(admin_client, "q=Харкова") == {"kharkiv"}


def test_changelist_searches_the_legal_basis(admin_client: Client) -> None:
    AidPackageFactory(slug="decree", legal_basis_en="Presidential order of 16 January 2026")
    AidPackageFactory(slug="other")
    assert listed(admin_client, "q=16+January+2026") == {"decree"}


# --- Reported figures -------------------------------------------------------------------------


def test_reportedfigure_changelist_shows_the_grouped_value(admin_client: Client) -> None:
    ReportedFigureFactory(value=Decimal("42000000"))
    content = admin_client.get(changelist_url(ReportedFigure)).content.decode()
    assert "42,000,000" in content


def test_changelist_shows_a_month_precise_decision_as_its_month(admin_client: Client) -> None:
    AidPackageFactory(decided_on=dt.date(2025, 8, 1), decided_on_precision="month")
    response = admin_client.get(changelist_url(AidPackage))
    assert "August 2025" in response.content.decode()
