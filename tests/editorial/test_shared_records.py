"""Organisations, places and sources that published items show change those items' public pages
at once, with no review: only whoever may publish the items may change them (issue 15, item 2).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aid.models import AidPackage, ReportedFigure
from editorial.models import Organization, Place, Source, Status
from editorial.roles import EDITORS, PUBLISHERS, may_change_shared_record
from editorial.shared import SHOWN_PER_KIND
from people.models import RehabilitationGroup, SisterCityPartnership
from projects.models import ReconstructionProject
from tests.admin_helpers import (
    add_url,
    change_url,
    changelist_url,
    form_data,
    login_staff,
    queries_to_get,
)
from tests.factories import (
    AidPackageFactory,
    OrganizationFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    RehabilitationGroupFactory,
    ReportedFigureFactory,
    SisterCityPartnershipFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def shown_by(record: Organization | Place | Source) -> dict[type, list[str]]:
    return {
        group.kind: [str(item) for item in group.items] for group in record.published_dependants
    }


def cited_source() -> Source:
    """A source that one published aid package cites."""
    source = SourceFactory(title="Generators delivered")
    AidPackageFactory(published=True, title="Generators for Kharkiv").sources.add(source)
    return source


# --- Which published items show a record ------------------------------------------------------


def test_a_sources_dependants_are_the_published_items_that_cite_it() -> None:
    source = SourceFactory()
    AidPackageFactory(published=True, title="Live package").sources.add(source)
    AidPackageFactory(status=Status.DRAFT, title="Draft package").sources.add(source)
    AidPackageFactory(status=Status.ARCHIVED, title="Archived package").sources.add(source)
    ReconstructionProjectFactory(published=True, title="Live project").sources.add(source)
    RehabilitationGroupFactory(status=Status.IN_REVIEW).sources.add(source)
    SisterCityPartnershipFactory(published=True, title="Live partnership").sources.add(source)
    ReportedFigureFactory(published=True, source=source, title="Total aid")

    assert shown_by(source) == {
        AidPackage: ["Live package"],
        ReportedFigure: ["Total aid (Jul 2025)"],
        ReconstructionProject: ["Live project"],
        SisterCityPartnership: ["Live partnership"],
    }


def test_an_organisations_dependants_cover_funders_recipients_hosts_and_partners() -> None:
    organisation = OrganizationFactory()
    AidPackageFactory(published=True, title="Funded", funder=organisation)
    AidPackageFactory(published=True, title="Received", recipient=organisation)
    ReconstructionProjectFactory(published=True, title="Built").implementing_partners.add(
        organisation
    )
    RehabilitationGroupFactory(published=True, title="Hosted", host_institution=organisation)
    RehabilitationGroupFactory(published=True, title="Partnered").partners.add(organisation)

    found = shown_by(organisation)

    assert sorted(found[AidPackage]) == ["Funded", "Received"]
    assert found[ReconstructionProject] == ["Built"]
    assert sorted(found[RehabilitationGroup]) == ["Hosted", "Partnered"]


def test_a_place_is_shown_by_an_aid_package_it_is_the_origin_of() -> None:
    sumgait = PlaceFactory(country="AZ")
    AidPackageFactory(published=True, title="From Sumgait", origin=sumgait)

    assert shown_by(sumgait) == {AidPackage: ["From Sumgait"]}


def test_a_region_is_shown_by_a_published_project_in_one_of_its_cities() -> None:
    """A project's page names its place's region too."""
    region = PlaceFactory(kind=Place.Kind.REGION)
    ReconstructionProjectFactory(published=True, title="Irpin school", place__region=region)

    assert shown_by(region) == {ReconstructionProject: ["Irpin school"]}


@pytest.mark.parametrize(
    "timing",
    [
        pytest.param({"publish_at": dt.timedelta(days=1)}, id="scheduled"),
        pytest.param({"expire_at": -dt.timedelta(days=1)}, id="expired"),
    ],
)
def test_an_approved_item_that_is_not_live_now_counts_as_published(
    timing: dict[str, dt.timedelta],
) -> None:
    """Its page shows the record as it is when the item goes (or comes back) live."""
    source = SourceFactory()
    when = {field: timezone.now() + delta for field, delta in timing.items()}
    if "expire_at" in when:
        when["publish_at"] = when["expire_at"] - dt.timedelta(days=30)
    AidPackageFactory(published=True, title="Not live now", **when).sources.add(source)

    assert shown_by(source) == {AidPackage: ["Not live now"]}


def test_dependants_name_ten_items_of_a_kind_and_say_there_are_more() -> None:
    source = SourceFactory()
    for package in AidPackageFactory.create_batch(SHOWN_PER_KIND + 1, published=True):
        package.sources.add(source)

    [group] = source.published_dependants

    assert len(group.items) == SHOWN_PER_KIND
    assert group.more


def test_in_use_by_published_selects_the_records_published_items_show() -> None:
    cited = cited_source()
    draft_only = SourceFactory()
    AidPackageFactory(status=Status.DRAFT).sources.add(draft_only)
    unused = SourceFactory()
    region = PlaceFactory(kind=Place.Kind.REGION)
    ReconstructionProjectFactory(published=True, place__region=region)
    PlaceFactory(kind=Place.Kind.REGION)

    assert set(Source.objects.in_use_by_published()) == {cited}
    assert set(Source.objects.not_in_use_by_published()) == {draft_only, unused}
    assert region in Place.objects.in_use_by_published()
    assert Place.objects.in_use_by_published().count() == 2  # the region and the project's city


# --- The rule, by role ------------------------------------------------------------------------


def test_the_rule_lets_publishers_and_superusers_change_a_record_in_published_use(
    client: Client, admin_user: object
) -> None:
    source = cited_source()
    editor = login_staff(client, EDITORS, "editor")
    publisher = login_staff(client, PUBLISHERS, "publisher")

    assert not may_change_shared_record(editor, source)
    assert may_change_shared_record(publisher, source)
    assert may_change_shared_record(admin_user, source)


# --- The admin --------------------------------------------------------------------------------


def test_editor_sees_a_source_in_published_use_read_only_with_the_reason(client: Client) -> None:
    source = cited_source()
    package = AidPackage.objects.get()
    login_staff(client, EDITORS)

    response = client.get(change_url(source))

    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    content = response.content.decode()
    assert "Only a publisher may change or delete this record" in content
    assert f'<a href="{change_url(package)}">Generators for Kharkiv</a>' in content
    assert 'name="_save"' not in content


def test_editor_is_told_why_in_ukrainian(client: Client) -> None:
    source = cited_source()
    login_staff(client, EDITORS)

    content = client.get(change_url(source), HTTP_ACCEPT_LANGUAGE="uk").content.decode()

    assert "Змінити чи видалити цей запис може лише публікатор" in content


@pytest.mark.parametrize(
    ("make", "field"),
    [
        pytest.param(cited_source, "title", id="source"),
        pytest.param(
            lambda: AidPackageFactory(published=True).funder, "name_en", id="organisation"
        ),
        pytest.param(
            lambda: ReconstructionProjectFactory(published=True).place, "name_en", id="place"
        ),
    ],
)
def test_editors_forged_post_to_a_record_in_published_use_changes_nothing(
    client: Client, make: object, field: str
) -> None:
    record = make()
    before = getattr(record, field)
    login_staff(client, PUBLISHERS, "publisher")
    data = form_data(client.get(change_url(record)))
    login_staff(client, EDITORS, "editor")
    data[field] = "Renamed by an editor"

    response = client.post(change_url(record), data)

    assert response.status_code == 403
    record.refresh_from_db()
    assert getattr(record, field) == before


def test_editor_may_change_a_source_that_only_a_draft_cites(client: Client) -> None:
    source = SourceFactory(title="Old title")
    AidPackageFactory(status=Status.DRAFT).sources.add(source)
    login_staff(client, EDITORS)
    data = form_data(client.get(change_url(source)))
    data["title"] = "New title"

    assert client.post(change_url(source), data).status_code == 302
    source.refresh_from_db()
    assert source.title == "New title"


def test_publisher_may_change_an_organisation_that_published_items_show(client: Client) -> None:
    organisation = AidPackageFactory(published=True).funder
    login_staff(client, PUBLISHERS)
    response = client.get(change_url(organisation))
    assert "saving it changes their public pages at once" in response.content.decode()
    data = form_data(response)
    data["name_en"] = "Renamed by a publisher"

    assert client.post(change_url(organisation), data).status_code == 302
    organisation.refresh_from_db()
    assert organisation.name_en == "Renamed by a publisher"


def test_superuser_may_change_a_place_that_published_items_show(admin_client: Client) -> None:
    place = ReconstructionProjectFactory(published=True).place
    data = form_data(admin_client.get(change_url(place)))
    data["name_en"] = "Renamed by a superuser"

    assert admin_client.post(change_url(place), data).status_code == 302
    place.refresh_from_db()
    assert place.name_en == "Renamed by a superuser"


def test_change_form_queries_do_not_grow_with_dependants(client: Client) -> None:
    source = cited_source()
    login_staff(client, EDITORS)
    few = queries_to_get(client, change_url(source))
    for package in AidPackageFactory.create_batch(25, published=True):
        package.sources.add(source)
    ReconstructionProjectFactory.create_batch(5, published=True)

    assert queries_to_get(client, change_url(source)) == few


def test_editor_still_adds_a_source_in_the_add_another_popup(client: Client) -> None:
    login_staff(client, EDITORS)
    url = f"{add_url(Source)}?_to_field=id&_popup=1"
    data = {"title": "New report", "publisher": "AZERTAC", "_popup": "1", "_to_field": "id"}

    response = client.post(url, data)

    assert response.status_code == 200
    assert "popup_response" in response.content.decode()
    assert Source.objects.filter(title="New report").exists()


def test_editor_still_finds_an_organisation_in_published_use_through_autocomplete(
    client: Client,
) -> None:
    AidPackageFactory(published=True, funder__name_en="Azerenerji")
    login_staff(client, EDITORS)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "aid", "model_name": "aidpackage", "field_name": "funder", "term": "Azer"},
    )

    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Azerenerji"]


def test_list_filters_records_by_published_use(admin_client: Client) -> None:
    cited = cited_source()
    unused = SourceFactory()

    used_only = admin_client.get(changelist_url(Source), {"published_use": "yes"})
    unused_only = admin_client.get(changelist_url(Source), {"published_use": "no"})

    assert list(used_only.context["cl"].result_list) == [cited]
    assert list(unused_only.context["cl"].result_list) == [unused]
