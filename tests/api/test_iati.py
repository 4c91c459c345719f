"""The IATI activity file: valid against the official 2.03 schema, published records only,
every language, conditional GET, and flat in queries and memory however many records."""

from __future__ import annotations

import datetime as dt
import gc
import os
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import timezone
from lxml import etree

from aid.models import AidItem, AidPackage, DeliveryStatus, Sector
from config.api import urlpatterns
from editorial import workflow
from editorial.dates import DatePrecision
from editorial.models import Organization, Status
from editorial.revisions import Revision
from projects.models import FacilityType, Phase
from tests.factories import (
    HIDDEN_STATES,
    AidItemFactory,
    AidPackageFactory,
    OrganizationFactory,
    PlaceFactory,
    ReconstructionProjectFactory,
    hidden_state,
)
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db

URL = "/api/v1/iati/activities.xml"
# The official schema lives beside the project in the team's shared folder, not in the
# repository; KORPU_IATI_SCHEMA_DIR points elsewhere (e.g. for a clone in another place).
SCHEMA_DIRS = [
    *(
        [Path(os.environ["KORPU_IATI_SCHEMA_DIR"])]
        if os.environ.get("KORPU_IATI_SCHEMA_DIR")
        else []
    ),
    Path(settings.BASE_DIR).parent / "shared" / "iati",
    Path("/work/shared/iati"),
]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def iati_schema() -> etree.XMLSchema:
    for folder in SCHEMA_DIRS:
        path = folder / "iati-activities-schema.xsd"
        if path.exists():
            return etree.XMLSchema(etree.parse(str(path)))
    searched = ", ".join(str(folder) for folder in SCHEMA_DIRS)
    raise AssertionError(f"The IATI 2.03 schema is not in any of: {searched}")


def fetch(client: Any, **params: str) -> bytes:
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content)


def activities(body: bytes) -> dict[str, etree._Element]:
    root = etree.fromstring(body)
    return {a.findtext("iati-identifier"): a for a in root.iter("iati-activity")}


def narratives(element: etree._Element) -> dict[str, str]:
    """{language: text} of an element's narratives; untagged ones are the default, English."""
    return {n.get(XML_LANG, "en"): n.text for n in element.findall("narrative")}


def record_set() -> dict[str, Any]:
    """A realistic record: every kind of date precision, currencies, organisations with and
    without IATI identifiers, translations, items, coordinates of a site and of a city."""
    funder = OrganizationFactory(
        name="SOCAR",
        name_uk="СОКАР",
        name_az="SOCAR",
        kind=Organization.Kind.STATE_COMPANY,
        iati_identifier="XM-EXAMPLE-SOCAR",
    )
    recipient = OrganizationFactory(name="Ukrenergo", kind=Organization.Kind.STATE_COMPANY)
    delivered = AidPackageFactory(
        published=True,
        title="Transformers from Sumgait",
        title_uk="Трансформатори з Сумгаїта",
        title_az="Sumqayıtdan transformatorlar",
        summary="Energy equipment for the grid.",
        summary_uk="Енергетичне обладнання для мережі.",
        summary_az="Şəbəkə üçün enerji avadanlığı.",
        funder=funder,
        recipient=recipient,
        decided_on=dt.date(2025, 1, 16),
        dispatched_on=dt.date(2025, 8, 1),
        dispatched_on_precision=DatePrecision.MONTH,
        delivered_on=dt.date(2025, 9, 3),
        delivery_status=DeliveryStatus.DELIVERED,
        value=Decimal("1500000.00"),
        currency="AZN",
        value_usd=Decimal("882352.94"),
        exchange_rate=Decimal("0.588235"),
        exchange_rate_date=dt.date(2025, 1, 16),
    )
    AidItemFactory(
        package=delivered,
        kind="transformer",
        quantity=Decimal("12"),
        description="10/0.4 kV",
        description_uk="10/0,4 кВ",
    )
    AidItemFactory(package=delivered, kind="cable", quantity=None, unit="metres")
    pledged = AidPackageFactory(
        published=True,
        sector=Sector.DEMINING,
        decided_on=dt.date(2024, 1, 1),
        decided_on_precision=DatePrecision.YEAR,
        value_usd=Decimal("2000000"),
    )
    undated = AidPackageFactory(published=True, sector=Sector.FOOD_ESSENTIALS)
    builder = OrganizationFactory(name="Azerbaijan Reconstruction Agency", kind="agency")
    city = PlaceFactory(
        name="Irpin", name_uk="Ірпінь", latitude=Decimal("50.521"), longitude=Decimal("30.250")
    )
    school = ReconstructionProjectFactory(
        published=True,
        title="Irpin lyceum restored",
        title_uk="Ірпінський ліцей відновлено",
        title_az="İrpin liseyi bərpa edildi",
        place=city,
        address="12 Universytetska St",
        address_uk="вул. Університетська, 12",
        latitude=Decimal("50.519400"),
        longitude=Decimal("30.241100"),
        phase=Phase.COMPLETED,
        planned_start=dt.date(2023, 4, 1),
        actual_start=dt.date(2023, 5, 15),
        planned_completion=dt.date(2024, 8, 31),
        actual_completion=dt.date(2024, 9, 1),
        budget=Decimal("3500000"),
        currency="EUR",
    )
    school.funders.add(funder)
    school.implementing_partners.add(builder)
    clinic = ReconstructionProjectFactory(
        published=True, place=city, facility_type=FacilityType.POLYCLINIC, phase=Phase.ON_HOLD
    )
    return {
        "delivered": delivered,
        "pledged": pledged,
        "undated": undated,
        "school": school,
        "clinic": clinic,
    }


def test_file_validates_against_the_iati_schema(client: Any, iati_schema: Any) -> None:
    record_set()
    body = fetch(client)
    iati_schema.assertValid(etree.fromstring(body))


def test_response_is_streamed_xml(client: Any) -> None:
    record_set()
    response = client.get(URL)
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response.streaming
    root = etree.fromstring(b"".join(response.streaming_content))
    assert root.get("version") == "2.03"


def test_one_activity_per_published_package_and_project(client: Any) -> None:
    records = record_set()
    ref = settings.IATI_REPORTING_ORG_REF
    expected = {f"{ref}-AID-{records[k].pk}" for k in ("delivered", "pledged", "undated")} | {
        f"{ref}-PRJ-{records[k].pk}" for k in ("school", "clinic")
    }
    assert set(activities(fetch(client))) == expected


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_records_are_absent(client: Any, state: str) -> None:
    AidPackageFactory(slug="hidden-package", **hidden_state(state))
    ReconstructionProjectFactory(slug="hidden-project", **hidden_state(state))
    shown = AidPackageFactory(published=True)
    body = fetch(client)
    assert list(activities(body)) == [f"{settings.IATI_REPORTING_ORG_REF}-AID-{shown.pk}"]
    assert b"hidden-" not in body


def test_texts_carry_every_language(client: Any) -> None:
    records = record_set()
    activity = activities(fetch(client))[
        f"{settings.IATI_REPORTING_ORG_REF}-AID-{records['delivered'].pk}"
    ]
    assert activity.get(XML_LANG) == "en"
    assert narratives(activity.find("title")) == {
        "en": "Transformers from Sumgait",
        "uk": "Трансформатори з Сумгаїта",
        "az": "Sumqayıtdan transformatorlar",
    }
    assert narratives(activity.find("description[@type='1']"))["az"] == (
        "Şəbəkə üçün enerji avadanlığı."
    )
    contents = narratives(activity.find("description[@type='4']"))
    assert contents["en"] == "Transformer: 12 pieces (10/0.4 kV); Cable and wire"
    assert contents["uk"].startswith("Трансформатор: 12 шт. (10/0,4 кВ)")
    funder = activity.find("participating-org[@role='1']")
    assert narratives(funder) == {"en": "SOCAR", "uk": "СОКАР", "az": "SOCAR"}


def test_lang_changes_nothing(client: Any) -> None:
    record_set()
    english, ukrainian = (etree.fromstring(fetch(client, lang=lang)) for lang in ("en", "uk"))
    for root in (english, ukrainian):
        del root.attrib["generated-datetime"]
    assert etree.tostring(english) == etree.tostring(ukrainian)


def test_package_maps_to_iati_codes(client: Any) -> None:
    records = record_set()
    found = activities(fetch(client))
    ref = settings.IATI_REPORTING_ORG_REF
    delivered = found[f"{ref}-AID-{records['delivered'].pk}"]
    assert delivered.find("reporting-org").get("ref") == ref
    assert delivered.find("activity-status").get("code") == "4"
    assert delivered.find("sector").attrib == {"vocabulary": "1", "code": "23630"}
    assert delivered.find("recipient-country").attrib == {"code": "UA", "percentage": "100"}
    funder = delivered.find("participating-org[@role='1']")
    assert funder.attrib == {"role": "1", "ref": "XM-EXAMPLE-SOCAR", "type": "15"}
    assert delivered.find("participating-org[@role='4']").get("ref") is None
    dates = {d.get("type"): d for d in delivered.findall("activity-date")}
    assert {k: d.get("iso-date") for k, d in dates.items()} == {
        "1": "2025-01-16",
        "2": "2025-08-01",
        "4": "2025-09-03",
    }
    assert narratives(dates["2"]) == {"en": "Known to the month only."}
    transactions = [
        (
            t.find("transaction-type").get("code"),
            t.find("transaction-date").get("iso-date"),
            t.find("value").text,
            t.find("value").get("currency"),
            t.find("value").get("value-date"),
            t.find("provider-org").get("ref"),
        )
        for t in delivered.findall("transaction")
    ]
    assert transactions == [
        ("2", "2025-01-16", "1500000.00", "AZN", "2025-01-16", "XM-EXAMPLE-SOCAR"),
        ("3", "2025-09-03", "1500000.00", "AZN", "2025-01-16", "XM-EXAMPLE-SOCAR"),
    ]
    pledged = found[f"{ref}-AID-{records['pledged'].pk}"]
    assert pledged.find("activity-status").get("code") == "1"
    assert narratives(pledged.find("activity-date")) == {"en": "Known to the year only."}
    (commitment,) = pledged.findall("transaction")
    assert commitment.find("value").get("currency") == "USD"
    undated = found[f"{ref}-AID-{records['undated'].pk}"]
    assert undated.findall("transaction") == []
    (fallback,) = undated.findall("activity-date")
    assert "first published" in narratives(fallback)["en"]


def test_project_maps_to_iati_codes(client: Any) -> None:
    records = record_set()
    found = activities(fetch(client))
    ref = settings.IATI_REPORTING_ORG_REF
    school = found[f"{ref}-PRJ-{records['school'].pk}"]
    assert school.find("activity-status").get("code") == "4"
    assert school.find("sector").get("code") == "11120"
    assert [(p.get("role"), p.get("type")) for p in school.findall("participating-org")] == [
        ("1", "15"),
        ("4", "10"),
    ]
    assert [d.get("type") for d in school.findall("activity-date")] == ["1", "2", "3", "4"]
    location = school.find("location")
    assert narratives(location.find("name")) == {"en": "Irpin", "uk": "Ірпінь"}
    point = location.find("point")
    assert point.get("srsName") == "http://www.opengis.net/def/crs/EPSG/0/4326"
    assert point.findtext("pos") == "50.519400 30.241100"
    assert location.find("exactness").get("code") == "1"
    budget = school.find("budget")
    assert budget.find("period-start").get("iso-date") == "2023-05-15"
    assert budget.find("period-end").get("iso-date") == "2024-09-01"
    assert (budget.findtext("value"), budget.find("value").get("currency")) == ("3500000.00", "EUR")
    links = school.findall("document-link")
    assert [link.find("language").get("code") for link in links] == ["en", "uk", "az"]
    assert links[1].get("url") == f"http://testserver/uk/projects/{records['school'].slug}/"
    assert links[1].find("category").get("code") == "A12"
    assert narratives(links[1].find("title")) == {"uk": "Ірпінський ліцей відновлено"}

    clinic = found[f"{ref}-PRJ-{records['clinic'].pk}"]
    assert clinic.find("activity-status").get("code") == "6"
    assert clinic.find("sector").get("code") == "12230"
    assert clinic.find("location/point/pos").text == "50.521000 30.250000"
    assert clinic.find("location/exactness").get("code") == "2"
    assert clinic.find("budget") is None
    # No funder or partner known: the reporting organisation answers for it.
    (accountable,) = clinic.findall("participating-org")
    assert accountable.get("role") == "2"
    # No title in Ukrainian: the Ukrainian page's link is titled in English.
    (uk_link,) = clinic.xpath("document-link[language/@code='uk']")
    assert narratives(uk_link.find("title")) == {"en": records["clinic"].title}


def test_special_characters_are_escaped(client: Any, iati_schema: Any) -> None:
    title = "Fuel & oil <urgent> \"quoted\" 'single' — Київ, Bakı, 中文\x0b"
    package = AidPackageFactory(published=True, title=title, title_uk="Пальне & <мастила>")
    package.funder.name = 'Fund "A&B" <Ltd>'
    package.funder.iati_identifier = 'XM-"&<'
    package.funder.save()
    body = fetch(client)
    iati_schema.assertValid(etree.fromstring(body))
    (activity,) = activities(body).values()
    assert narratives(activity.find("title")) == {
        "en": title.replace("\x0b", ""),
        "uk": "Пальне & <мастила>",
    }
    funder = activity.find("participating-org[@role='1']")
    assert funder.get("ref") == 'XM-"&<'
    assert narratives(funder)["en"] == 'Fund "A&B" <Ltd>'


def test_empty_record_gives_a_well_formed_file(client: Any, iati_schema: Any) -> None:
    AidPackageFactory(status=Status.DRAFT)
    root = etree.fromstring(fetch(client))
    assert root.tag == "iati-activities"
    assert len(root) == 0
    # The 2.03 schema requires at least one activity, so an empty file cannot validate; the
    # missing activity must be its only complaint.
    assert not iati_schema.validate(root)
    (error,) = iati_schema.error_log
    assert "Missing child element(s). Expected is ( iati-activity )" in error.message


def test_matching_etag_gives_304(client: Any) -> None:
    record_set()
    first = client.get(URL)
    assert first["ETag"].startswith('W/"')
    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_last_modified_gives_304(client: Any) -> None:
    record_set()
    first = client.get(URL)
    again = client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_etag_changes_when_a_record_changes(client: Any) -> None:
    records = record_set()
    before = client.get(URL)["ETag"]
    AidPackage.objects.filter(pk=records["delivered"].pk).update(
        updated_at=records["delivered"].updated_at + dt.timedelta(seconds=5)
    )
    assert client.get(URL, HTTP_IF_NONE_MATCH=before).status_code == 200


def test_etag_changes_when_a_record_is_unpublished(client: Any) -> None:
    records = record_set()
    before = client.get(URL)["ETag"]
    AidPackage.objects.filter(pk=records["pledged"].pk).update(status=Status.ARCHIVED)
    assert client.get(URL, HTTP_IF_NONE_MATCH=before).status_code == 200


def test_last_modified_moves_when_a_record_leaves(client: Any) -> None:
    records = record_set()
    first = client.get(URL)
    workflow.archive(obj=records["pledged"], user=make_user("publisher"))
    # Last-Modified counts whole seconds: date the archiving a little later than the first GET.
    Revision.objects.for_object(records["pledged"]).update(
        created_at=timezone.now() + dt.timedelta(seconds=2)
    )
    response = client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert response.status_code == 200


def test_other_format_and_unknown_parameter_are_400(client: Any) -> None:
    assert client.get(URL, {"format": "xml"}).status_code == 200
    response = client.get(URL, {"format": "csv"})
    assert response.status_code == 400
    assert "format" in response.json()
    response = client.get(URL, {"year": "2025"})
    assert response.status_code == 400
    assert "year" in response.json()


def test_any_accept_header_gets_the_file(client: Any) -> None:
    assert client.get(URL, HTTP_ACCEPT="application/json").status_code == 200


def make_records(n: int, start: int) -> None:
    funder = OrganizationFactory()
    for i in range(start, start + n):
        package = AidPackageFactory(
            published=True, slug=f"package-{i}", funder=funder, recipient=funder, items=2
        )
        package.sources.clear()
        project = ReconstructionProjectFactory(published=True, slug=f"project-{i}")
        project.funders.add(funder)
        project.implementing_partners.add(funder)


@pytest.mark.parametrize("n", [2, 6])
def test_queries_do_not_grow(client: Any, django_assert_num_queries: Any, n: int) -> None:
    make_records(n, 0)
    # ETag, per kind: live rows, passed expiries, withdrawals (revisions); file: packages
    # with funder and recipient, their items, projects with their city, their funders,
    # their implementing partners.
    with django_assert_num_queries(11):
        body = fetch(client)
    assert len(activities(body)) == 2 * n


def test_openapi_lists_the_file(client: Any) -> None:
    import yaml

    schema = yaml.safe_load(client.get("/api/v1/schema/").content)
    operation = schema["paths"][URL]["get"]
    assert operation["description"].startswith("Every published aid package")
    assert "application/xml" in operation["responses"]["200"]["content"]
    assert "application/json" in operation["responses"]["400"]["content"]


PACKAGES = 2000
MEMORY_BOUND = 10 * 1024 * 1024


def test_memory_stays_flat_while_streaming() -> None:
    """2000 packages with their items stream a chunk of rows at a time: the peak of what
    Python allocates while the file is written is that of one chunk (measured: the same few
    MB for 500 or 6000 packages), not of the whole record."""
    funder = OrganizationFactory()
    packages = AidPackage.objects.bulk_create(
        AidPackage(
            slug=f"bulk-{i}",
            status=Status.PUBLISHED,
            title=f"Bulk package {i} & <co>",
            title_uk=f"Пакет {i}",
            title_az=f"Paket {i}",
            summary="Generators and cable for the grid. " * 5,
            sector=Sector.ENERGY,
            funder=funder,
            decided_on=dt.date(2025, 1, 16),
            value=Decimal("1000.00"),
        )
        for i in range(PACKAGES)
    )
    AidItem.objects.bulk_create(
        AidItem(package=package, kind="generator", quantity=Decimal("3")) for package in packages
    )
    (view,) = [p for p in urlpatterns if p.name == "iati-activities"]
    response = view.callback(RequestFactory().get(URL))
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    size = sum(len(chunk) for chunk in response.streaming_content)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    figures = f"{size / 1e6:.1f} MB in {elapsed:.2f} s under tracemalloc, peak {peak / 1e6:.1f} MB"
    print(f"\nIATI: {PACKAGES} packages, {figures}")
    assert size > PACKAGES * 1000
    assert peak < MEMORY_BOUND
